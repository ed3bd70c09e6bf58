import { createHmac, randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { HmacKey, hmacHex, hmacInto } from './hmac.js'

const digest = (key: Uint8Array, message: string): string => {
  const out = Buffer.alloc(32)
  hmacInto(new HmacKey(key), message, out)
  return out.toString('hex')
}

describe('HMAC-SHA256 from one-shot hashes', () => {
  it('matches RFC 4231 test cases 1 and 2', () => {
    expect(digest(Buffer.alloc(20, 0x0b), 'Hi There')).toBe('b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7')
    expect(digest(Buffer.from('Jefe'), 'what do ya want for nothing?')).toBe('5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843')
  })

  it('matches createHmac for keys up to a block and ASCII messages of any length, reusing one key', () => {
    for (const keyLength of [0, 1, 32, 63, 64]) {
      const key = new HmacKey(randomBytes(keyLength))
      for (const length of [0, 1, 55, 64, 200, 959, 960, 5000]) {
        const message = randomBytes(length).toString('base64').slice(0, length)
        const out = Buffer.alloc(32)
        hmacInto(key, message, out)
        expect(out.toString('hex')).toBe(createHmac('sha256', key.bytes).update(message).digest('hex'))
        expect(hmacHex(key, message)).toBe(out.toString('hex'))
      }
    }
  })

  it('refuses a key longer than the hash block (HMAC would hash it first)', () => {
    expect(() => new HmacKey(Buffer.alloc(65))).toThrow(RangeError)
  })
})
