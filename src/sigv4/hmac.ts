// HMAC-SHA256 (RFC 2104) for verifying signatures: H((K ^ opad) || H((K ^ ipad) || message)),
// with both padded keys computed once per signing key. createHmac builds a native object and
// makes three calls into it for every request; two one-shot hashes cost about a third of that,
// and verification runs on every request the server answers.

import { createHmac, hash } from 'node:crypto'

const BLOCK_BYTES = 64
const DIGEST_BYTES = 32

/** A signing key with its padded forms, ready for hmacInto(). */
export class HmacKey {
  readonly innerPad: Buffer
  /** opad ^ key, then room for the inner digest: the whole input of the outer hash. */
  readonly outer: Buffer

  constructor(readonly bytes: Uint8Array) {
    if (bytes.length > BLOCK_BYTES) throw new RangeError('an HMAC key longer than the hash block must be hashed first')
    this.innerPad = Buffer.alloc(BLOCK_BYTES, 0x36)
    this.outer = Buffer.alloc(BLOCK_BYTES + DIGEST_BYTES, 0x5c)
    bytes.forEach((byte, i) => {
      this.innerPad[i] = 0x36 ^ byte
      this.outer[i] = 0x5c ^ byte
    })
  }
}

/** Verification is synchronous, so one scratch buffer holds every inner hash's input. */
let scratch = Buffer.allocUnsafe(1024)

/**
 * Writes HMAC-SHA256(key, message) into out[0..32). The message must be ASCII, and is written
 * as Latin-1: a string to sign is ASCII once verify() has checked its date, region and service
 * (the rest is the algorithm name, the request time and a hex digest).
 */
export function hmacInto(key: HmacKey, message: string, out: Buffer): void {
  const length = BLOCK_BYTES + message.length
  if (scratch.length < length) scratch = Buffer.allocUnsafe(length * 2)
  key.innerPad.copy(scratch, 0)
  scratch.write(message, BLOCK_BYTES, 'latin1')
  // Latin-1 in and out: a 32-character string is cheaper to make than a Buffer.
  const inner = hash('sha256', scratch.subarray(0, length), 'binary')
  key.outer.write(inner, BLOCK_BYTES, 'latin1')
  out.write(hash('sha256', key.outer, 'binary'), 0, 'latin1')
}

/** The plain HMAC, for signing (hex, as a signature is written). */
export function hmacHex(key: HmacKey, message: string): string {
  return createHmac('sha256', key.bytes).update(message).digest('hex')
}
