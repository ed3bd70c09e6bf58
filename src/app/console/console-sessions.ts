// Console sessions and sign-in challenges, kept in the store by the hash of their ID (session-ids.ts).
// A session ends after an hour without requests or 12 hours after sign-in, whichever comes first
// (AWS's console sessions last up to 12 hours); a challenge (a sign-in waiting for its MFA code or
// a new password) lives 5 minutes and is consumed once. Time comes from the context's clock.

import type { Clock } from '../../core/clock.js'
import type { Random } from '../../core/random.js'
import type { ConsoleRoleSession, ConsoleSessionRecord, ConsoleSessionStage } from '../../store/ports/console-sessions.js'
import type { Store } from '../../store/ports/repositories.js'
import { idHash, newSecretId } from './session-ids.js'

export const IDLE_TIMEOUT_MS = 60 * 60_000
export const ABSOLUTE_TIMEOUT_MS = 12 * 60 * 60_000
export const CHALLENGE_TTL_MS = 5 * 60_000
/** "Last seen" is written at most this often per session: idle expiry is precise to a minute. */
const TOUCH_INTERVAL_MS = 60_000

/** Who signs in: the account, and the IAM user (undefined for root). */
export interface SignInSubject {
  readonly accountId: string
  readonly userId: string | undefined
  readonly mfaAuthenticatedAt?: Date | undefined
}

export interface StartedSession {
  /** The secret ID for the cookie; never stored. */
  readonly id: string
  readonly record: ConsoleSessionRecord
}

export class ConsoleSessionStore {
  constructor(private readonly ctx: { readonly store: Store; readonly random: Random; readonly clock: Clock }) {}

  /** A new signed-in session (and a sweep of expired ones, so the table does not grow). */
  async start(subject: SignInSubject): Promise<StartedSession> {
    const now = this.ctx.clock.now()
    const started = await this.insert('active', subject, now, ABSOLUTE_TIMEOUT_MS)
    await this.ctx.store.transaction((tx) => tx.consoleSessions.deleteExpired(now, new Date(now.getTime() - IDLE_TIMEOUT_MS)))
    return started
  }

  /** The live session with this ID; an expired one is deleted and not found. Refreshes "last seen". */
  async find(id: string): Promise<ConsoleSessionRecord | undefined> {
    const now = this.ctx.clock.now()
    const hash = idHash(id)
    const record = await this.ctx.store.read.consoleSessions.get(hash)
    if (!record || record.stage !== 'active') return undefined
    if (now >= record.expiresAt || now.getTime() - record.lastSeenAt.getTime() >= IDLE_TIMEOUT_MS) {
      await this.ctx.store.transaction((tx) => tx.consoleSessions.delete(hash))
      return undefined
    }
    if (now.getTime() - record.lastSeenAt.getTime() >= TOUCH_INTERVAL_MS) {
      await this.ctx.store.transaction((tx) => tx.consoleSessions.update(hash, { lastSeenAt: now }))
      return { ...record, lastSeenAt: now }
    }
    return record
  }

  /** Ends a session (sign-out, or a new sign-in in the same browser). */
  async end(id: string): Promise<void> {
    await this.ctx.store.transaction((tx) => tx.consoleSessions.delete(idHash(id)))
  }

  async setRoleSession(id: string, roleSession: ConsoleRoleSession | undefined): Promise<void> {
    await this.ctx.store.transaction((tx) => tx.consoleSessions.update(idHash(id), { roleSession }))
  }

  /** A challenge for the next sign-in step; returns its secret ID. */
  async startChallenge(stage: Exclude<ConsoleSessionStage, 'active'>, subject: SignInSubject): Promise<string> {
    return (await this.insert(stage, subject, this.ctx.clock.now(), CHALLENGE_TTL_MS)).id
  }

  /** The live challenge of this stage with this ID, if any (not consumed: see take). */
  async challenge(id: string, stage: Exclude<ConsoleSessionStage, 'active'>): Promise<ConsoleSessionRecord | undefined> {
    const record = await this.ctx.store.read.consoleSessions.get(idHash(id))
    if (!record || record.stage !== stage || this.ctx.clock.now() >= record.expiresAt) return undefined
    return record
  }

  /** Consumes a challenge: true for the one request that got it. */
  take(id: string): Promise<boolean> {
    return this.ctx.store.transaction((tx) => tx.consoleSessions.delete(idHash(id)))
  }

  private async insert(stage: ConsoleSessionStage, subject: SignInSubject, now: Date, ttlMs: number): Promise<StartedSession> {
    const id = newSecretId(this.ctx.random)
    const record: ConsoleSessionRecord = {
      idHash: idHash(id),
      accountId: subject.accountId,
      stage,
      userId: subject.userId,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + ttlMs),
      mfaAuthenticatedAt: subject.mfaAuthenticatedAt,
      roleSession: undefined
    }
    await this.ctx.store.transaction((tx) => tx.consoleSessions.insert(record))
    return { id, record }
  }
}
