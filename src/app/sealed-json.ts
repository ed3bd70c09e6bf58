// Sealed JSON: a value encrypted and authenticated (AES-256-GCM) under a key derived from the
// deployment's master key for one purpose, so a value sealed for one purpose (a session token)
// never opens as another (an authorization message). Deflated first: these travel in headers and
// error messages. Any node holding the master key opens what any other sealed.
//
// Layout: base64( version byte | 12-byte nonce | ciphertext | 16-byte tag ); the associated
// data binds a value to its context (a token to its access key ID).

import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto'
import { deflateRawSync, inflateRawSync } from 'node:zlib'

const VERSION = 1
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
      cipher.setAAD(Buffer.from(associated, 'utf8'))
      const body = Buffer.concat([cipher.update(deflateRawSync(Buffer.from(JSON.stringify(value), 'utf8'))), cipher.final()])
      return Buffer.concat([Buffer.of(VERSION), nonce, body, cipher.getAuthTag()]).toString('base64')
    },
    open(text, associated) {
      const raw = Buffer.from(text, 'base64')
      if (raw.length < 1 + NONCE + TAG + 1 || raw[0] !== VERSION) return undefined
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(1, 1 + NONCE))
        decipher.setAAD(Buffer.from(associated, 'utf8'))
        decipher.setAuthTag(raw.subarray(raw.length - TAG))
        // final() checks the tag before anything is inflated: only our own output is ever parsed.
        const plain = Buffer.concat([decipher.update(raw.subarray(1 + NONCE, raw.length - TAG)), decipher.final()])
        return JSON.parse(inflateRawSync(plain).toString('utf8')) as T
      } catch {
        return undefined
      }
    }
  }
}
