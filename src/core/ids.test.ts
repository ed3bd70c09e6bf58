// Access key IDs that carry their account, read back as AWS's GetAccessKeyInfo does.

import { expect, it } from 'vitest'
import { accountOfAccessKeyId, newTemporaryAccessKeyId } from './ids.js'
import { seededRandom, systemRandom } from './random.js'

it('a temporary key ID encodes its account and reads back', () => {
  for (const account of ['123456789012', '000000000001', '999999999999', '555566667777']) {
    for (let i = 0; i < 50; i++) {
      const id = newTemporaryAccessKeyId(account, systemRandom)
      expect(id).toMatch(/^ASIA[A-Z2-7]{16}$/)
      expect(accountOfAccessKeyId(id)).toBe(account)
    }
  }
})

it('keys of one account still differ from each other', () => {
  const random = seededRandom(7)
  const ids = new Set(Array.from({ length: 1000 }, () => newTemporaryAccessKeyId('123456789012', random)))
  expect(ids.size).toBe(1000)
})

it('reads the account of an ID in AWS’s published example format', () => {
  // The STS API Reference's GetAccessKeyInfo example: AKIAI44QH8DHBEXAMPLE is not base32, so
  // it has no encoded account; a well-formed ID always yields twelve digits.
  expect(accountOfAccessKeyId('AKIAI44QH8DHBEXAMPLE')).toBeUndefined()
  expect(accountOfAccessKeyId('ASIA')).toBeUndefined()
  expect(accountOfAccessKeyId('ASIAAAAAAAAAAAAAAAAA')).toBe('000000000000')
})
