// Secrets at rest (access key secrets, private keys, service passwords): AES-256-GCM with a
// master key the operator holds (data-dir/master.key, or an environment variable). Each value
// gets a fresh 96-bit nonce; the stored form is base64(nonce | ciphertext | tag).

import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'

export interface SecretBox {
  seal(plaintext: string): string
  open(sealed: string): string
}

export function aesGcmBox(key: Uint8Array): SecretBox {
  if (key.length !== 32) throw new Error('the master key must be 32 bytes')
  return {
    seal(plaintext) {
      const nonce = randomBytes(12)
      const cipher = createCipheriv('aes-256-gcm', key, nonce)
      const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()])
      return Buffer.concat([nonce, body, cipher.getAuthTag()]).toString('base64')
    },
    open(sealed) {
      const raw = Buffer.from(sealed, 'base64')
      const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12))
      decipher.setAuthTag(raw.subarray(raw.length - 16))
      return Buffer.concat([decipher.update(raw.subarray(12, raw.length - 16)), decipher.final()]).toString('utf8')
    }
  }
}
