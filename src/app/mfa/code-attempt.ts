// One attempt at a device's codes, inside the caller's transaction: refused unchecked while the
// device backs off or is locked, else checked, and the outcome recorded either way (the accepted
// step, or one more failure and the lock it may earn). The caller must commit even when the
// attempt fails, so that failures count: it returns the outcome rather than throwing.

import type { Repositories } from '../../store/ports/repositories.js'
import type { MfaDeviceRecord, MfaCodeState } from '../../store/ports/records.js'
import { lockFor, refusedUntil } from './attempt-limits.js'
import type { CodeCheck } from './code-check.js'

export type AttemptOutcome =
  | { readonly ok: true; readonly step: number }
  | { readonly ok: false; readonly reason: 'invalid-code' | 'replayed' }
  | { readonly ok: false; readonly reason: 'locked'; readonly until: Date }

/** `device` must have been read in this transaction (its code state is what the check sees). */
export async function attemptCodes(tx: Repositories, device: MfaDeviceRecord, now: Date, check: (state: MfaCodeState) => CodeCheck): Promise<AttemptOutcome> {
  const until = refusedUntil(device.codes, now)
  if (until !== undefined) return { ok: false, reason: 'locked', until }
  const verdict = check(device.codes)
  // acceptStep only moves forward: if another request took this step first, this one is a replay.
  if (verdict.ok && (await tx.mfaDevices.acceptStep(device.id, verdict.step, verdict.driftSteps))) return { ok: true, step: verdict.step }
  const failures = await tx.mfaDevices.recordFailure(device.id, now)
  const lock = lockFor(failures, now)
  if (lock !== undefined) await tx.mfaDevices.lockUntil(device.id, lock)
  return { ok: false, reason: verdict.ok ? 'replayed' : verdict.reason }
}
