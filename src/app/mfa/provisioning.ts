// What CreateVirtualMFADevice hands an authenticator app: the otpauth:// key URI (Google's Key
// URI format, which every authenticator app reads) and a QR code PNG of it.
//
// AWS documents the URI as otpauth://totp/$virtualMFADeviceName@$AccountName?secret=$Base32String
// (AccountName: the account alias, else the account ID). We put an issuer in front of that label
// and in the issuer parameter so apps show which server the code is for (docs/iam-behaviour.md).

import { Secret, TOTP } from 'otpauth'
import QRCode from 'qrcode'
import { TOTP_DIGITS, TOTP_PERIOD_SECONDS } from './totp.js'

export const OTPAUTH_ISSUER = 'Portcullis'

export function provisioningUri(deviceName: string, accountName: string, base32Seed: string): string {
  return new TOTP({
    issuer: OTPAUTH_ISSUER,
    label: `${deviceName}@${accountName}`,
    secret: Secret.fromBase32(base32Seed),
    algorithm: 'SHA1',
    digits: TOTP_DIGITS,
    period: TOTP_PERIOD_SECONDS
  }).toString()
}

/** A PNG of the QR code for `uri` (medium error correction, as authenticator apps expect). */
export async function qrCodePng(uri: string): Promise<Uint8Array> {
  const png = await QRCode.toBuffer(uri, { type: 'png', errorCorrectionLevel: 'M', margin: 4, scale: 4 })
  return new Uint8Array(png)
}
