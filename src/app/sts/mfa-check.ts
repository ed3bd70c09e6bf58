// MFA for STS calls (GetSessionToken, AssumeRole): the caller's own device and a fresh code,
// with AWS's answers: one for a device that is not the caller's, one for a bad code (a replayed
// code and a locked device get that one too, so they tell an attacker nothing more).

import { AwsError } from '../../core/aws-error.js'
import type { Call } from '../call.js'
import { verifyMfaCode } from '../mfa/verify-code.js'

/** When MFA was checked (the request's time), or undefined when the request carries none. */
export async function checkCallerMfa(call: Call, serialNumber: string | undefined, tokenCode: string | undefined): Promise<Date | undefined> {
  if (serialNumber === undefined && tokenCode === undefined) return undefined
  if (serialNumber === undefined || tokenCode === undefined) throw denied('MultiFactorAuthentication failed, must provide both MFA serial number and one time pass code.')
  const caller = call.caller
  const owner = caller.kind === 'root' ? ({ kind: 'root' } as const) : caller.kind === 'user' && caller.userId ? ({ kind: 'user', userId: caller.userId } as const) : undefined
  const result = owner && (await verifyMfaCode(call.ctx, { accountId: caller.accountId, serialNumber, code: tokenCode, owner }))
  if (!result || (!result.ok && (result.reason === 'no-such-device' || result.reason === 'not-owner'))) {
    throw denied('MultiFactorAuthentication failed, unable to validate MFA code.  Please verify your MFA serial number is valid and associated with this user.')
  }
  // AWS's message ends with a space.
  if (!result.ok) throw denied('MultiFactorAuthentication failed with invalid MFA one time pass code. ')
  return call.now
}

const denied = (message: string) => new AwsError('AccessDenied', message, 403)
