// The secrets a console session hands the browser, and how the server keeps them: a session ID
// (or sign-in challenge) is 32 random bytes, base64url; the store keeps only its SHA-256, so a
// read of the database yields no usable session. The CSRF token is derived from the session ID
// (or the pre-sign-in cookie): a page on another site can read neither, so it cannot compute it,
// and the server needs to store nothing. Tokens are compared in constant time.

import { createHash, timingSafeEqual } from 'node:crypto'
import type { Random } from '../../core/random.js'

export function newSecretId(random: Random): string {
  return Buffer.from(random.bytes(32)).toString('base64url')
}

/** What the store keys a session or challenge by. */
export function idHash(id: string): string {
  return createHash('sha256').update(id, 'utf8').digest('hex')
}

/** The CSRF token bound to a session ID or pre-sign-in cookie value. */
export function csrfTokenFor(boundTo: string): string {
  return createHash('sha256').update('portcullis console csrf\0', 'utf8').update(boundTo, 'utf8').digest('base64url')
}

/** Constant-time equality of two tokens (hashed first, so lengths leak nothing either). */
export function sameToken(a: string, b: string): boolean {
  const ha = createHash('sha256').update(a, 'utf8').digest()
  const hb = createHash('sha256').update(b, 'utf8').digest()
  return timingSafeEqual(ha, hb)
}
