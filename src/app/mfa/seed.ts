// A virtual MFA device's seed: 40 random bytes, base32 (RFC 4648) without padding, which is the
// 64-character form AWS returns as Base32StringSeed.

import { Secret } from 'otpauth'
import type { Random } from '../../core/random.js'

export const SEED_BYTES = 40

export function newBase32Seed(random: Random): string {
  const bytes = random.bytes(SEED_BYTES)
  const buffer = new ArrayBuffer(bytes.byteLength)
  new Uint8Array(buffer).set(bytes)
  return new Secret({ buffer }).base32
}
