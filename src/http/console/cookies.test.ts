import { describe, expect, it } from 'vitest'
import { clearCookie, parseCookies, setCookie } from './cookies.js'
import { newPreSessionValue, preSessionFresh } from './csrf.js'
import { seededRandom } from '../../core/random.js'

describe('console cookies', () => {
  it('reads the Cookie header, the first of a name winning', () => {
    expect(parseCookies('a=1; portcullis-console=xyz; a=2; junk; =v')).toEqual(
      new Map([
        ['a', '1'],
        ['portcullis-console', 'xyz']
      ])
    )
    expect(parseCookies(undefined).size).toBe(0)
  })

  it('writes HttpOnly, SameSite=Strict cookies for /console, Secure over HTTPS', () => {
    expect(setCookie('n', 'v', { secure: false, maxAgeSeconds: 60 })).toBe('n=v; Path=/console; HttpOnly; SameSite=Strict; Max-Age=60')
    expect(setCookie('n', 'v', { secure: true })).toBe('n=v; Path=/console; HttpOnly; SameSite=Strict; Secure')
    expect(clearCookie('n', { secure: false })).toBe('n=; Path=/console; HttpOnly; SameSite=Strict; Max-Age=0')
  })

  it('dates pre-session values so that they expire after 30 minutes', () => {
    const now = new Date('2026-01-01T00:00:00Z')
    const value = newPreSessionValue(seededRandom(3), now)
    expect(preSessionFresh(value, now)).toBe(true)
    expect(preSessionFresh(value, new Date(now.getTime() + 29 * 60_000))).toBe(true)
    expect(preSessionFresh(value, new Date(now.getTime() + 30 * 60_000))).toBe(false)
    expect(preSessionFresh('garbage', now)).toBe(false)
    expect(preSessionFresh('.x', now)).toBe(false)
  })
})
