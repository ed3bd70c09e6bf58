// RFC 6238 TOTP as AWS's virtual MFA devices use it: HMAC-SHA-1, six digits, 30-second time
// steps counted from the Unix epoch. The HOTP computation (RFC 4226) is the otpauth library's;
// this module only turns times into steps and compares codes without leaking timing.

import { timingSafeEqual } from 'node:crypto'
import { HOTP, Secret } from 'otpauth'

export const TOTP_PERIOD_SECONDS = 30
export const TOTP_DIGITS = 6

/** The time step (RFC 6238's T) that `at` falls in. */
export function timeStepAt(at: Date): number {
  return Math.floor(at.getTime() / 1000 / TOTP_PERIOD_SECONDS)
}

/** The code for time step `step` of a device whose seed is `base32Seed`. */
export function totpCode(base32Seed: string, step: number, digits: number = TOTP_DIGITS): string {
  return totpCodeForKey(Secret.fromBase32(base32Seed).bytes, step, digits)
}

/** The code for a raw key (RFC 6238's test vectors give the key as ASCII, not base32). */
export function totpCodeForKey(key: Uint8Array, step: number, digits: number = TOTP_DIGITS): string {
  return HOTP.generate({ secret: new Secret({ buffer: copyBuffer(key) }), algorithm: 'SHA1', digits, counter: step })
}

/** Compares two codes in time independent of where they differ. */
export function sameCode(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8')
  const y = Buffer.from(b, 'utf8')
  return x.length === y.length && timingSafeEqual(x, y)
}

/** The first step in `steps` whose code is `code`, or undefined. Every step is computed, match or not. */
export function matchingStep(base32Seed: string, code: string, steps: readonly number[]): number | undefined {
  const codes = codesForSteps(base32Seed, steps)
  let found: number | undefined
  for (const step of steps) {
    if (sameCode(codes.get(step) as string, code) && found === undefined) found = step
  }
  return found
}

/** The codes of several steps, the seed decoded once. */
export function codesForSteps(base32Seed: string, steps: readonly number[]): Map<number, string> {
  const key = Secret.fromBase32(base32Seed).bytes
  return new Map(steps.map((step) => [step, totpCodeForKey(key, step)]))
}

function copyBuffer(bytes: Uint8Array): ArrayBuffer {
  const out = new ArrayBuffer(bytes.byteLength)
  new Uint8Array(out).set(bytes)
  return out
}
