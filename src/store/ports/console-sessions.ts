// What the web console keeps in the store: its sessions, and failed sign-in counts. Both are
// keyed by values that reveal nothing when the database is read: a session by the SHA-256 of its
// ID, a failure count by a key the console derives (app/console/sign-in-throttle.ts).

/** A signed-in console session, or a sign-in that still waits for its MFA code or a new password. */
export interface ConsoleSessionRecord {
  /** SHA-256 (hex) of the random ID the browser holds (the cookie, or a sign-in challenge). */
  readonly idHash: string
  readonly accountId: string
  readonly stage: ConsoleSessionStage
  /** The IAM user signed in; undefined for the root user. */
  readonly userId: string | undefined
  readonly createdAt: Date
  readonly lastSeenAt: Date
  /** The absolute end: 12 hours after sign-in for a session, 5 minutes for a challenge. */
  readonly expiresAt: Date
  /** When the sign-in's MFA code was accepted, if one was. */
  readonly mfaAuthenticatedAt: Date | undefined
  /** After switching roles: the role session (its sealed STS token), until switching back. */
  readonly roleSession: ConsoleRoleSession | undefined
}

export type ConsoleSessionStage = 'active' | 'mfa' | 'new-password'

export interface ConsoleRoleSession {
  readonly accessKeyId: string
  /** The session token AssumeRole issued: it carries the whole session, sealed. */
  readonly sessionToken: string
  readonly displayName?: string | undefined
}

export interface ConsoleSessionsRepo {
  insert(session: ConsoleSessionRecord): Promise<void>
  get(idHash: string): Promise<ConsoleSessionRecord | undefined>
  update(idHash: string, changes: Partial<Pick<ConsoleSessionRecord, 'lastSeenAt' | 'roleSession'>>): Promise<void>
  /** True when this call deleted it: a challenge is consumed once even when two requests race. */
  delete(idHash: string): Promise<boolean>
  /** Deletes the sessions (and challenges) past their absolute end, or idle since before `idleBefore`. */
  deleteExpired(now: Date, idleBefore: Date): Promise<void>
}

export interface SignInFailureRecord {
  readonly failures: number
  readonly lastFailedAt: Date
  readonly lockedUntil: Date | undefined
}

export interface SignInFailuresRepo {
  get(key: string): Promise<SignInFailureRecord | undefined>
  /** Counts one failure at `at`; a count whose last failure is before `forgetBefore` starts again. Returns the count now. */
  recordFailure(key: string, at: Date, forgetBefore: Date): Promise<number>
  lockUntil(key: string, until: Date): Promise<void>
  clear(key: string): Promise<void>
}
