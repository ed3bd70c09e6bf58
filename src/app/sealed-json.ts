// Sealed JSON: a value encrypted and authenticated (AES-256-GCM) under a key derived from the
// deployment's master key for one purpose, so a value sealed for one purpose (a session token)
// never opens as another (an authorization message). Values over 1 KB are deflated first (they
// travel in headers and error messages); smaller ones are not, because zlib's fixed cost per call
// is most of the price of sealing a session token. Any node holding the master key opens what
// any other sealed.
//
// Layout: base64( format byte | 12-byte nonce | ciphertext | 16-byte tag ), the format byte
// saying whether the plaintext is deflated; the associated data binds a value to its context (a
// token to its access key ID).

import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto'
import { deflateRawSync, inflateRawSync } from 'node:zlib'

const DEFLATED = 1
const PLAIN = 2
/** Plaintexts from this size on are deflated. */
const DEFLATE_FROM_BYTES = 1024
const NONCE = 12
const TAG = 16

export interface JsonSealer<T> {
  seal(value: T, associated: string): string
  /** The value, or undefined when the text was not sealed by this deployment for this purpose and context. */
  open(text: string, associated: string): T | undefined
}

export function jsonSealer<T>(masterKey: Uint8Array, purpose: string): JsonSealer<T> {
  const key = Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), `portcullis ${purpose}`, 32))
  return {
    seal(value, associated) {
      const nonce = randomBytes(NONCE)
      const cipher = createCipheriv('aes-256-gcm', key, nonce)
      const json = Buffer.from(JSON.stringify(value), 'utf8')
      const format = json.length >= DEFLATE_FROM_BYTES ? DEFLATED : PLAIN
      cipher.setAAD(Buffer.concat([Buffer.of(format), Buffer.from(associated, 'utf8')]))
      const body = Buffer.concat([cipher.update(format === DEFLATED ? deflateRawSync(json) : json), cipher.final()])
      return Buffer.concat([Buffer.of(format), nonce, body, cipher.getAuthTag()]).toString('base64')
    },
    open(text, associated) {
      const raw = Buffer.from(text, 'base64')
      const format = raw[0]
      if (raw.length < 1 + NONCE + TAG + 1 || (format !== DEFLATED && format !== PLAIN)) return undefined
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(1, 1 + NONCE))
        // The format byte is authenticated too: flipping it must not make the text open.
        decipher.setAAD(Buffer.concat([Buffer.of(format), Buffer.from(associated, 'utf8')]))
        decipher.setAuthTag(raw.subarray(raw.length - TAG))
        // final() checks the tag before anything is inflated: only our own output is ever parsed.
        const plain = Buffer.concat([decipher.update(raw.subarray(1 + NONCE, raw.length - TAG)), decipher.final()])
        return JSON.parse((format === DEFLATED ? inflateRawSync(plain) : plain).toString('utf8')) as T
      } catch {
        return undefined
      }
    }
  }
}
