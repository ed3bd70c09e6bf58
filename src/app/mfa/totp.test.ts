import { describe, expect, it } from 'vitest'
import { seededRandom } from '../../core/random.js'
import { newBase32Seed } from './seed.js'
import { matchingStep, sameCode, timeStepAt, totpCode, totpCodeForKey } from './totp.js'

// RFC 6238 Appendix B, the SHA-1 rows: the key is the ASCII string "12345678901234567890" and the
// codes have eight digits.
const RFC_KEY = new TextEncoder().encode('12345678901234567890')
const RFC_SHA1_VECTORS: readonly [number, string][] = [
  [59, '94287082'],
  [1111111109, '07081804'],
  [1111111111, '14050471'],
  [1234567890, '89005924'],
  [2000000000, '69279037'],
  [20000000000, '65353130']
]

describe('TOTP (RFC 6238)', () => {
  it.each(RFC_SHA1_VECTORS)('computes the Appendix B SHA-1 code at %i s', (seconds, code) => {
    expect(totpCodeForKey(RFC_KEY, timeStepAt(new Date(seconds * 1000)), 8)).toBe(code)
  })

  it('reads a base32 seed: the RFC key in base32 gives the same codes, six digits by default', () => {
    const base32 = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ'
    expect(totpCode(base32, timeStepAt(new Date(59_000)), 8)).toBe('94287082')
    // Six digits are the same number modulo 10^6 (RFC 4226's truncation).
    expect(totpCode(base32, timeStepAt(new Date(59_000)))).toBe('287082')
  })

  it('counts 30-second steps from the epoch', () => {
    expect(timeStepAt(new Date(0))).toBe(0)
    expect(timeStepAt(new Date(29_999))).toBe(0)
    expect(timeStepAt(new Date(30_000))).toBe(1)
    expect(timeStepAt(new Date('2026-01-01T00:00:00Z'))).toBe(Math.floor(Date.parse('2026-01-01T00:00:00Z') / 30_000))
  })

  it('finds which step a code belongs to', () => {
    const seed = newBase32Seed(seededRandom(7))
    const code = totpCode(seed, 1001)
    expect(matchingStep(seed, code, [1000, 1001, 1002])).toBe(1001)
    expect(matchingStep(seed, code, [1002, 1003])).toBeUndefined()
  })

  it('compares codes exactly', () => {
    expect(sameCode('123456', '123456')).toBe(true)
    expect(sameCode('123456', '123457')).toBe(false)
    expect(sameCode('123456', '12345')).toBe(false)
  })
})

describe('seeds', () => {
  it('are 40 random bytes in unpadded base32: 64 characters, as AWS hands them out', () => {
    const seed = newBase32Seed(seededRandom(1))
    expect(seed).toMatch(/^[A-Z2-7]{64}$/)
    expect(newBase32Seed(seededRandom(2))).not.toBe(seed)
  })
})
