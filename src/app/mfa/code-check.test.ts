import { describe, expect, it } from 'vitest'
import { seededRandom } from '../../core/random.js'
import type { MfaCodeState } from '../../store/ports/records.js'
import { checkCode, checkConsecutiveCodes, DRIFT_WINDOW, RESYNC_WINDOW } from './code-check.js'
import { newBase32Seed } from './seed.js'
import { timeStepAt, totpCode } from './totp.js'

const seed = newBase32Seed(seededRandom(42))
const now = new Date('2026-03-04T05:06:07Z')
const n = timeStepAt(now)
const fresh: MfaCodeState = { lastUsedStep: undefined, driftSteps: 0, failedAttempts: 0, lastFailedAt: undefined, lockedUntil: undefined }
const code = (step: number) => totpCode(seed, step)

describe('a single code', () => {
  it('is good for its own step and one step either side', () => {
    for (const step of [n - 1, n, n + 1]) expect(checkCode(seed, fresh, code(step), now)).toEqual({ ok: true, step, driftSteps: 0 })
  })

  it('is not good two steps away', () => {
    expect(checkCode(seed, fresh, code(n - 2), now)).toEqual({ ok: false, reason: 'invalid-code' })
    expect(checkCode(seed, fresh, code(n + 2), now)).toEqual({ ok: false, reason: 'invalid-code' })
  })

  it('is refused as a replay at or before the last accepted step', () => {
    expect(checkCode(seed, { ...fresh, lastUsedStep: n }, code(n), now)).toEqual({ ok: false, reason: 'replayed' })
    expect(checkCode(seed, { ...fresh, lastUsedStep: n }, code(n - 1), now)).toEqual({ ok: false, reason: 'replayed' })
    expect(checkCode(seed, { ...fresh, lastUsedStep: n }, code(n + 1), now)).toMatchObject({ ok: true, step: n + 1 })
  })

  it("follows the device's recorded drift", () => {
    const ahead = { ...fresh, driftSteps: 10 }
    expect(checkCode(seed, ahead, code(n + 10), now)).toEqual({ ok: true, step: n + 10, driftSteps: 10 })
    expect(checkCode(seed, ahead, code(n), now)).toEqual({ ok: false, reason: 'invalid-code' })
  })

  it('refuses what is not a code at all', () => {
    expect(checkCode(seed, fresh, 'abcdef', now)).toEqual({ ok: false, reason: 'invalid-code' })
    expect(checkCode(seed, fresh, '', now)).toEqual({ ok: false, reason: 'invalid-code' })
  })
})

describe('two consecutive codes', () => {
  it('accept the previous and the current code, or the current and the next', () => {
    expect(checkConsecutiveCodes(seed, fresh, code(n - 1), code(n), now, DRIFT_WINDOW)).toEqual({ ok: true, step: n, driftSteps: 0 })
    expect(checkConsecutiveCodes(seed, fresh, code(n), code(n + 1), now, DRIFT_WINDOW)).toEqual({ ok: true, step: n + 1, driftSteps: 0 })
  })

  it('refuse the same code twice, codes out of order, and codes a step apart', () => {
    expect(checkConsecutiveCodes(seed, fresh, code(n), code(n), now, DRIFT_WINDOW)).toMatchObject({ ok: false, reason: 'invalid-code' })
    expect(checkConsecutiveCodes(seed, fresh, code(n), code(n - 1), now, DRIFT_WINDOW)).toMatchObject({ ok: false, reason: 'invalid-code' })
    expect(checkConsecutiveCodes(seed, fresh, code(n - 1), code(n + 1), now, DRIFT_WINDOW)).toMatchObject({ ok: false, reason: 'invalid-code' })
  })

  it('refuse a pair already used', () => {
    expect(checkConsecutiveCodes(seed, { ...fresh, lastUsedStep: n }, code(n - 1), code(n), now, DRIFT_WINDOW)).toEqual({ ok: false, reason: 'replayed' })
  })

  it('to enable, must be near our clock', () => {
    expect(checkConsecutiveCodes(seed, fresh, code(n + 5), code(n + 6), now, DRIFT_WINDOW)).toMatchObject({ ok: false, reason: 'invalid-code' })
  })

  it('to resync, may be up to ten minutes away, and teach the device its drift', () => {
    expect(checkConsecutiveCodes(seed, fresh, code(n + 5), code(n + 6), now, RESYNC_WINDOW)).toEqual({ ok: true, step: n + 6, driftSteps: 6 })
    expect(checkConsecutiveCodes(seed, fresh, code(n - 21), code(n - 20), now, RESYNC_WINDOW)).toEqual({ ok: true, step: n - 20, driftSteps: -20 })
    expect(checkConsecutiveCodes(seed, fresh, code(n + 20), code(n + 21), now, RESYNC_WINDOW)).toMatchObject({ ok: false, reason: 'invalid-code' })
  })

  it('record no drift for an offset that typing explains', () => {
    expect(checkConsecutiveCodes(seed, { ...fresh, driftSteps: 7 }, code(n - 2), code(n - 1), now, RESYNC_WINDOW)).toEqual({ ok: true, step: n - 1, driftSteps: 0 })
  })
})
