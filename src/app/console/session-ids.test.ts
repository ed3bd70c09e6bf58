import { describe, expect, it } from 'vitest'
import { seededRandom, systemRandom } from '../../core/random.js'
import { csrfTokenFor, idHash, newSecretId, sameToken } from './session-ids.js'

describe('console session secrets', () => {
  it('are 32 random bytes in base64url, stored only as their SHA-256', () => {
    const id = newSecretId(systemRandom)
    expect(id).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(newSecretId(systemRandom)).not.toBe(id)
    expect(idHash(id)).toMatch(/^[0-9a-f]{64}$/)
    expect(idHash(id)).not.toContain(id)
  })

  it('bind a CSRF token that differs per session and reveals nothing of the ID', () => {
    const a = newSecretId(seededRandom(1))
    const b = newSecretId(seededRandom(2))
    expect(csrfTokenFor(a)).toBe(csrfTokenFor(a))
    expect(csrfTokenFor(a)).not.toBe(csrfTokenFor(b))
    expect(csrfTokenFor(a)).not.toBe(idHash(a))
  })

  it('compare tokens exactly, whatever their lengths', () => {
    expect(sameToken('abc', 'abc')).toBe(true)
    expect(sameToken('abc', 'abd')).toBe(false)
    expect(sameToken('abc', 'abcd')).toBe(false)
    expect(sameToken('', 'x')).toBe(false)
  })
})
