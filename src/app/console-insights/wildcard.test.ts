import { describe, expect, it } from 'vitest'
import { matchesWildcard } from './wildcard.js'

describe('matchesWildcard', () => {
  it.each([
    ['*', 'GetObject', true],
    ['Get*', 'getobject', true],
    ['get?bject', 'GetObject', true],
    ['*Object', 'GetObject', true],
    ['Get*Acl', 'GetObjectVersionAcl', true],
    ['Get*', 'PutObject', false],
    ['Get?', 'Get', false],
    ['', '', true],
    ['', 'x', false],
    ['a*b*c', 'aXbYc', true],
    ['a*b*c', 'aXbY', false]
  ])('%s against %s: %s', (pattern, text, expected) => {
    expect(matchesWildcard(pattern, text)).toBe(expected)
  })

  it('stays fast on patterns made to backtrack', () => {
    const started = performance.now()
    expect(matchesWildcard('*a*a*a*a*a*a*a*a*b', 'a'.repeat(5000))).toBe(false)
    expect(performance.now() - started).toBeLessThan(2000)
  })
})
