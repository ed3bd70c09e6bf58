// What an authenticator app does with a virtual MFA device, for the tests: read the seed that
// CreateVirtualMFADevice returned, compute TOTP codes from it (the otpauth library, independent
// of the server's code path), and read the QR code PNG back (pngjs and jsQR).

import jsQR from 'jsqr'
import { Secret, TOTP } from 'otpauth'
import { PNG } from 'pngjs'

export const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]

/** The base32 seed in a Base32StringSeed blob (the SDK hands blobs over as bytes). */
export function seedOf(blob: Uint8Array | undefined): string {
  if (!blob) throw new Error('no Base32StringSeed')
  return new TextDecoder().decode(blob)
}

/** The six-digit code the device shows at `ms` (milliseconds since the epoch). */
export function codeAt(seed: string, ms: number): string {
  return TOTP.generate({ secret: Secret.fromBase32(seed), timestamp: ms })
}

/** Two consecutive codes as a person types them: the one just gone and the one showing now. */
export function consecutiveCodes(seed: string, now: number = Date.now()): { AuthenticationCode1: string; AuthenticationCode2: string } {
  return { AuthenticationCode1: codeAt(seed, now - 30_000), AuthenticationCode2: codeAt(seed, now) }
}

/** A pair `steps` steps in the future of `now` (a device whose clock runs ahead). */
export function codesAhead(seed: string, steps: number, now: number = Date.now()): { AuthenticationCode1: string; AuthenticationCode2: string } {
  return consecutiveCodes(seed, now + steps * 30_000)
}

/** A pair of six-digit codes that no step within ten minutes of `now` produces. */
export function wrongCodes(seed: string, now: number = Date.now()): { AuthenticationCode1: string; AuthenticationCode2: string } {
  const near = new Set<string>()
  for (let step = -21; step <= 21; step++) near.add(codeAt(seed, now + step * 30_000))
  let n = 0
  const next = () => {
    while (near.has(String(n).padStart(6, '0'))) n++
    return String(n++).padStart(6, '0')
  }
  return { AuthenticationCode1: next(), AuthenticationCode2: next() }
}

/** The text a QR code PNG encodes, as a phone's camera reads it. */
export function readQrCode(png: Uint8Array): string | undefined {
  const image = PNG.sync.read(Buffer.from(png))
  // jsQR is CommonJS: its function is the module's default export.
  return jsQR.default(new Uint8ClampedArray(image.data), image.width, image.height)?.data
}
