// How many wrong codes a device takes before it slows down and then locks. AWS does not publish
// its limits; these are ours (docs/iam-behaviour.md, "MFA devices"):
//
// - the first 3 consecutive wrong codes are free;
// - after the 3rd, each further attempt must wait 5 s after the last failure, doubling with each
//   failure (5, 10, 20, 40, 80, 160, 320 s); attempts inside the wait are refused unchecked, so
//   they neither count nor reveal anything;
// - the 10th wrong code, and every one after it, locks the device for 15 minutes;
// - an accepted code clears the count (the store does that with the accepted step).
//
// With six-digit codes and three acceptable steps per attempt, a locked-out guesser gets four
// tries an hour: about a one-in-80,000 chance per hour.

import type { MfaCodeState } from '../../store/ports/records.js'

export const FREE_FAILURES = 3
export const BACKOFF_BASE_MS = 5_000
export const LOCK_AFTER_FAILURES = 10
export const LOCK_MS = 15 * 60_000

/** The wait after `failures` consecutive wrong codes before the next attempt (0: none). */
export function backoffMs(failures: number): number {
  if (failures < FREE_FAILURES || failures >= LOCK_AFTER_FAILURES) return 0
  return BACKOFF_BASE_MS * 2 ** (failures - FREE_FAILURES)
}

/** Until when a device in this state refuses codes without checking them; undefined when it takes one now. */
export function refusedUntil(state: MfaCodeState, now: Date): Date | undefined {
  if (state.lockedUntil !== undefined && now < state.lockedUntil) return state.lockedUntil
  const wait = backoffMs(state.failedAttempts)
  if (wait > 0 && state.lastFailedAt !== undefined) {
    const until = new Date(state.lastFailedAt.getTime() + wait)
    if (now < until) return until
  }
  return undefined
}

/** The lock that the failure numbered `failures` earns, if any. */
export function lockFor(failures: number, at: Date): Date | undefined {
  return failures >= LOCK_AFTER_FAILURES ? new Date(at.getTime() + LOCK_MS) : undefined
}
