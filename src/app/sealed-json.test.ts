// Sealed JSON opens only with the deployment's key, for the purpose and the context it was sealed for.

import { randomBytes } from 'node:crypto'
import { expect, it } from 'vitest'
import { jsonSealer } from './sealed-json.js'

const key = randomBytes(32)
const tokens = jsonSealer<{ n: number }>(key, 'tokens')

it('opens what it sealed, for the same context', () => {
  expect(tokens.open(tokens.seal({ n: 1 }, 'ctx-a'), 'ctx-a')).toEqual({ n: 1 })
})

it('refuses another context, another purpose, another key, and any altered byte', () => {
  const sealed = tokens.seal({ n: 2 }, 'ctx-a')
  expect(tokens.open(sealed, 'ctx-b')).toBeUndefined()
  expect(jsonSealer<{ n: number }>(key, 'messages').open(sealed, 'ctx-a')).toBeUndefined()
  expect(jsonSealer<{ n: number }>(randomBytes(32), 'tokens').open(sealed, 'ctx-a')).toBeUndefined()
  const raw = Buffer.from(sealed, 'base64')
  for (let i = 0; i < raw.length; i++) {
    const altered = Buffer.from(raw)
    altered[i] = (altered[i] as number) ^ 0x01
    expect(tokens.open(altered.toString('base64'), 'ctx-a')).toBeUndefined()
  }
  expect(tokens.open(sealed.slice(0, 30), 'ctx-a')).toBeUndefined()
  expect(tokens.open('', 'ctx-a')).toBeUndefined()
})

it('two seals of the same value differ (a fresh nonce each time)', () => {
  expect(tokens.seal({ n: 3 }, 'x')).not.toBe(tokens.seal({ n: 3 }, 'x'))
})

it('deflates large values only, and opens both kinds', () => {
  const big = jsonSealer<{ text: string }>(key, 'tokens')
  const small = { text: 'x' }
  const large = { text: 'policy '.repeat(400) }
  const smallSealed = big.seal(small, 'ctx')
  const largeSealed = big.seal(large, 'ctx')
  expect(big.open(smallSealed, 'ctx')).toEqual(small)
  expect(big.open(largeSealed, 'ctx')).toEqual(large)
  // 2,800 characters of repetitive JSON shrink well below their size when deflated.
  expect(Buffer.from(largeSealed, 'base64').length).toBeLessThan(500)
  expect(Buffer.from(smallSealed, 'base64')[0]).not.toBe(Buffer.from(largeSealed, 'base64')[0])
})
