// Checking an MFA code for another part of the server (STS's GetSessionToken and AssumeRole
// take SerialNumber and TokenCode): the device must exist in the account, be enabled and
// assigned to the principal, and the code must be good under our rules (code-check.ts,
// attempt-limits.ts). Runs its own transaction, so the accepted step or the failure is recorded
// whatever the caller does next: call it outside any other transaction.

import type { MfaDeviceRecord, MfaOwner } from '../../store/ports/records.js'
import type { AppContext } from '../context.js'
import { attemptCodes } from './code-attempt.js'
import { checkCode } from './code-check.js'

export interface MfaCodeRequest {
  readonly accountId: string
  readonly serialNumber: string
  readonly code: string
  /** The principal the device must be assigned to. */
  readonly owner: MfaOwner
}

export type MfaCodeFailure = 'no-such-device' | 'not-owner' | 'invalid-code' | 'replayed' | 'locked'

export type MfaCodeVerdict = { readonly ok: true; readonly device: MfaDeviceRecord } | { readonly ok: false; readonly reason: MfaCodeFailure }

export async function verifyMfaCode(ctx: Pick<AppContext, 'store' | 'secrets' | 'clock'>, req: MfaCodeRequest): Promise<MfaCodeVerdict> {
  const now = ctx.clock.now()
  return ctx.store.transaction(async (tx): Promise<MfaCodeVerdict> => {
    const device = await tx.mfaDevices.bySerial(req.accountId, req.serialNumber)
    if (!device) return { ok: false, reason: 'no-such-device' }
    // Someone else's device, or one not enabled: no attempt is counted against it.
    if (!device.owner || !sameOwner(device.owner, req.owner)) return { ok: false, reason: 'not-owner' }
    const seed = ctx.secrets.open(device.seedCipher)
    const outcome = await attemptCodes(tx, device, now, (state) => checkCode(seed, state, req.code, now))
    if (!outcome.ok) return { ok: false, reason: outcome.reason }
    return { ok: true, device: (await tx.mfaDevices.bySerial(req.accountId, req.serialNumber)) ?? device }
  })
}

function sameOwner(a: MfaOwner, b: MfaOwner): boolean {
  if (a.kind === 'root' || b.kind === 'root') return a.kind === b.kind
  return a.userId === b.userId
}
