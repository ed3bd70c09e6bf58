// Which time step a submitted code belongs to, under our rules: a code is good for its own step
// and one step either side (clock drift and typing time), shifted by the device's recorded drift;
// a step at or before the last accepted one is a replay, never accepted again. Pure: the time
// comes in, the store's state comes in, the verdict goes out.

import type { MfaCodeState } from '../../store/ports/records.js'
import { codesForSteps, matchingStep, sameCode, timeStepAt } from './totp.js'

/** Steps either side of the expected one that a single code may come from. */
export const DRIFT_WINDOW = 1
/** How far ResyncMFADevice looks for a device's clock: 20 steps (10 minutes) either way. */
export const RESYNC_WINDOW = 20

export type CodeCheck = { readonly ok: true; readonly step: number; readonly driftSteps: number } | { readonly ok: false; readonly reason: 'invalid-code' | 'replayed' }

const invalid: CodeCheck = { ok: false, reason: 'invalid-code' }
const replayed: CodeCheck = { ok: false, reason: 'replayed' }

/** One code, as STS takes it with a request. The drift stays as it was. */
export function checkCode(seed: string, state: MfaCodeState, code: string, now: Date): CodeCheck {
  const expected = timeStepAt(now) + state.driftSteps
  const window = around(expected, DRIFT_WINDOW)
  const fresh = window.filter((s) => isFresh(state, s))
  const step = matchingStep(seed, code, fresh)
  if (step !== undefined) return { ok: true, step, driftSteps: state.driftSteps }
  const stale = window.filter((s) => !isFresh(state, s))
  return matchingStep(seed, code, stale) !== undefined ? replayed : invalid
}

/**
 * Two consecutive codes, as EnableMFADevice and ResyncMFADevice take them: the first of some
 * step s, the second of s + 1, with s + 1 at most `window` steps from now (DRIFT_WINDOW to
 * enable, RESYNC_WINDOW to resync). The pair nearest to now wins, and how far it is from now
 * becomes the device's drift; an offset inside DRIFT_WINDOW is typing time, recorded as none.
 */
export function checkConsecutiveCodes(seed: string, state: MfaCodeState, code1: string, code2: string, now: Date, window: number): CodeCheck {
  const current = timeStepAt(now)
  const seconds = nearestFirst(current, window)
  // Every code of the window is computed and compared, whatever matches, so the time taken says
  // nothing about how close a guess came.
  const codes = codesForSteps(seed, [current - window - 1, ...around(current, window)])
  const matches = seconds.filter((second) => {
    const firstMatches = sameCode(codes.get(second - 1) as string, code1)
    const secondMatches = sameCode(codes.get(second) as string, code2)
    return firstMatches && secondMatches
  })
  const accepted = matches.find((second) => isFresh(state, second - 1))
  if (accepted === undefined) return matches.length ? replayed : invalid
  const offset = accepted - current
  return { ok: true, step: accepted, driftSteps: Math.abs(offset) > DRIFT_WINDOW ? offset : 0 }
}

function isFresh(state: MfaCodeState, step: number): boolean {
  return state.lastUsedStep === undefined || step > state.lastUsedStep
}

function around(center: number, reach: number): number[] {
  const out: number[] = []
  for (let s = center - reach; s <= center + reach; s++) out.push(s)
  return out
}

/** center, center - 1, center + 1, center - 2, ... out to `reach`. */
function nearestFirst(center: number, reach: number): number[] {
  const out = [center]
  for (let d = 1; d <= reach; d++) out.push(center - d, center + d)
  return out
}
