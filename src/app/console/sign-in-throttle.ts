// How failed console sign-ins slow down and then lock out, per user (account + name) and per
// source address. Ours (AWS publishes no numbers):
//
// - per user: 5 consecutive failures are free; after that each attempt must wait 2 s after the
//   last failure, doubling (2, 4, 8, 16, 32 s); the 10th failure, and each one after it, locks
//   the user's sign-in for 15 minutes;
// - per source address, which many people may share (an office's NAT): 20 free failures, then
//   waits from 1 s doubling, and a 15-minute lock from the 50th;
// - attempts inside a wait or a lock are refused unchecked: they neither count nor tell anything;
// - a count is forgotten an hour after its last failure; a successful sign-in clears the user's
//   count (not the address's, or one known password would reset an attacker's guessing there).
//
// Keys name the user whether or not it exists, so a refusal looks the same either way.

import type { SignInFailureRecord } from '../../store/ports/console-sessions.js'
import type { Store } from '../../store/ports/repositories.js'

export interface ThrottleRule {
  readonly freeFailures: number
  readonly baseWaitMs: number
  readonly lockAfterFailures: number
}

export const USER_RULE: ThrottleRule = { freeFailures: 5, baseWaitMs: 2_000, lockAfterFailures: 10 }
export const ADDRESS_RULE: ThrottleRule = { freeFailures: 20, baseWaitMs: 1_000, lockAfterFailures: 50 }
export const LOCK_MS = 15 * 60_000
export const FORGET_AFTER_MS = 60 * 60_000

/** The wait after `failures` consecutive failures before the next attempt (0: none; never longer than a lock). */
export function waitMs(rule: ThrottleRule, failures: number): number {
  if (failures < rule.freeFailures || failures >= rule.lockAfterFailures) return 0
  return Math.min(LOCK_MS, rule.baseWaitMs * 2 ** (failures - rule.freeFailures))
}

/** Until when a key refuses attempts unchecked; undefined when it takes one now. */
export function refusedUntil(rule: ThrottleRule, state: SignInFailureRecord | undefined, now: Date): Date | undefined {
  if (!state || now.getTime() - state.lastFailedAt.getTime() >= FORGET_AFTER_MS) return undefined
  if (state.lockedUntil !== undefined && now < state.lockedUntil) return state.lockedUntil
  const wait = waitMs(rule, state.failures)
  const until = new Date(state.lastFailedAt.getTime() + wait)
  return wait > 0 && now < until ? until : undefined
}

export interface ThrottleKeys {
  /** `user:<account ID or typed account>:<name, lower case>`, or `root:<account>`. */
  readonly principal: string
  readonly address: string
}

export function throttleKeys(account: string, userName: string | undefined, sourceIp: string): ThrottleKeys {
  const principal = userName === undefined ? `root:${account.toLowerCase()}` : `user:${account.toLowerCase()}:${userName.toLowerCase()}`
  return { principal, address: `ip:${sourceIp}` }
}

export class SignInThrottle {
  constructor(private readonly store: Store) {}

  /** Until when sign-in is refused for these keys (the later of the two), or undefined. */
  async refusedUntil(keys: ThrottleKeys, now: Date): Promise<Date | undefined> {
    const read = this.store.read.signInFailures
    const [principal, address] = await Promise.all([read.get(keys.principal), read.get(keys.address)])
    const a = refusedUntil(USER_RULE, principal, now)
    const b = refusedUntil(ADDRESS_RULE, address, now)
    if (a === undefined) return b
    return b === undefined || a > b ? a : b
  }

  async recordFailure(keys: ThrottleKeys, now: Date): Promise<void> {
    const forgetBefore = new Date(now.getTime() - FORGET_AFTER_MS)
    await this.store.transaction(async (tx) => {
      for (const [key, rule] of [
        [keys.principal, USER_RULE],
        [keys.address, ADDRESS_RULE]
      ] as const) {
        const failures = await tx.signInFailures.recordFailure(key, now, forgetBefore)
        if (failures >= rule.lockAfterFailures) await tx.signInFailures.lockUntil(key, new Date(now.getTime() + LOCK_MS))
      }
    })
  }

  /** Clears the principal's count (only: see above). */
  async recordSuccess(principalKey: string): Promise<void> {
    await this.store.transaction((tx) => tx.signInFailures.clear(principalKey))
  }
}
