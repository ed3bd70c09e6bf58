import { describe, expect, it } from 'vitest'
import { ManualClock } from '../../core/clock.js'
import type { MfaCodeState } from '../../store/ports/records.js'
import { backoffMs, LOCK_MS, lockFor, refusedUntil } from './attempt-limits.js'

const clean: MfaCodeState = { lastUsedStep: undefined, driftSteps: 0, failedAttempts: 0, lastFailedAt: undefined, lockedUntil: undefined }

describe('attempt limits', () => {
  it('lets the first three wrong codes through, then waits 5 s doubling with each failure', () => {
    expect([0, 1, 2].map(backoffMs)).toEqual([0, 0, 0])
    expect([3, 4, 5, 6, 7, 8, 9].map(backoffMs)).toEqual([5_000, 10_000, 20_000, 40_000, 80_000, 160_000, 320_000])
  })

  it('refuses attempts inside the wait, and takes them again once it is over', () => {
    const clock = new ManualClock()
    const failedAt = clock.now()
    const state = { ...clean, failedAttempts: 4, lastFailedAt: failedAt }
    clock.advance(9_999)
    expect(refusedUntil(state, clock.now())).toEqual(new Date(failedAt.getTime() + 10_000))
    clock.advance(1)
    expect(refusedUntil(state, clock.now())).toBeUndefined()
  })

  it('never refuses a device with fewer than three failures', () => {
    const now = new Date('2026-01-01T00:00:00Z')
    expect(refusedUntil({ ...clean, failedAttempts: 2, lastFailedAt: now }, now)).toBeUndefined()
  })

  it('locks for 15 minutes from the 10th failure on, each failure after it again', () => {
    const at = new Date('2026-01-01T00:00:00Z')
    expect(lockFor(9, at)).toBeUndefined()
    expect(lockFor(10, at)).toEqual(new Date(at.getTime() + LOCK_MS))
    expect(lockFor(11, at)).toEqual(new Date(at.getTime() + 15 * 60_000))
  })

  it('refuses a locked device until the lock ends', () => {
    const clock = new ManualClock()
    const lockedUntil = new Date(clock.now().getTime() + LOCK_MS)
    const state = { ...clean, failedAttempts: 10, lastFailedAt: clock.now(), lockedUntil }
    clock.advance(LOCK_MS - 1)
    expect(refusedUntil(state, clock.now())).toEqual(lockedUntil)
    clock.advance(1)
    expect(refusedUntil(state, clock.now())).toBeUndefined()
  })
})
