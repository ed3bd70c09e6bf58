// Console sign-in, step by step: the password (an IAM user's login profile, or the root user's
// password), then the MFA code when the principal has a device, then a new password when the
// login profile requires one. Each step either finishes (a session starts) or hands back a
// challenge for the next. Failures all look alike (sign-in-errors.ts), take about as long whether
// or not the user exists (a dummy password check), are throttled (sign-in-throttle.ts), and are
// recorded through recordSignIn like every success.

import { AwsError } from '../../core/aws-error.js'
import { isAccountId } from '../../core/ids.js'
import type { AccountRecord, MfaOwner, PasswordPolicy } from '../../store/ports/records.js'
import { changeOwnPassword } from '../actions/login-profiles.js'
import { Call } from '../call.js'
import type { RequestFacts } from '../caller.js'
import type { AppContext } from '../context.js'
import { verifyMfaCode } from '../mfa/verify-code.js'
import { mayChangeExpiredPassword, passwordExpired as isPasswordExpired, passwordPolicyOutput } from '../shared/credentials-password-policy.js'
import type { ConsolePrincipals } from './console-principal.js'
import { ConsoleSessionStore, type SignInSubject } from './console-sessions.js'
import { passwordExpired, signInFailed, SignInThrottled } from './sign-in-errors.js'
import type { RecordSignIn, SignInEvent, SignInStage } from './sign-in-events.js'
import { newSecretId } from './session-ids.js'
import { SignInThrottle, throttleKeys, type ThrottleKeys } from './sign-in-throttle.js'

export type SignInStep =
  | { readonly next: 'done'; readonly sessionId: string }
  | { readonly next: 'mfa'; readonly challenge: string }
  | { readonly next: 'new-password'; readonly challenge: string; readonly reason: 'reset-required' | 'expired'; readonly passwordPolicy?: Record<string, unknown> }

export interface PasswordSignIn {
  /** Account ID or alias, as typed. */
  readonly account: string
  /** undefined: the root user. */
  readonly userName: string | undefined
  readonly password: string
}

type Facts = Pick<RequestFacts, 'sourceIp' | 'userAgent' | 'secureTransport'>

interface Attempt {
  readonly stage: SignInStage
  readonly principal: 'root' | 'user'
  readonly account: string
  readonly accountId: string | undefined
  readonly userName: string | undefined
  /** Where failures count; undefined for the new-password step (its challenge is the secret). */
  readonly keys: ThrottleKeys | undefined
  readonly facts: Facts
}

export class ConsoleSignIn {
  private dummyHash: Promise<string> | undefined
  readonly sessions: ConsoleSessionStore
  private readonly throttle: SignInThrottle

  constructor(
    private readonly ctx: AppContext,
    private readonly principals: ConsolePrincipals,
    private readonly record: RecordSignIn
  ) {
    this.sessions = new ConsoleSessionStore(ctx)
    this.throttle = new SignInThrottle(ctx.store)
    // Hashed now, so that the first failed sign-in does not take longer than the others.
    void this.dummy().catch(() => undefined)
  }

  async password(input: PasswordSignIn, facts: Facts): Promise<SignInStep> {
    const account = await findAccount(this.ctx, input.account)
    const accountKey = account?.id ?? input.account
    const keys = throttleKeys(accountKey, input.userName, facts.sourceIp)
    const attempt: Attempt = {
      stage: 'password',
      principal: input.userName === undefined ? 'root' : 'user',
      account: input.account,
      accountId: account?.id,
      userName: input.userName,
      keys,
      facts
    }
    await this.refuseWhileThrottled(attempt)
    const found = account && (await this.storedPassword(account, input.userName))
    // The same argon2id work whether or not the account, user or login profile exists.
    const matches = await this.ctx.passwords.verify(found?.hash ?? (await this.dummy()), input.password)
    if (!account || !found || !matches) return this.fail(attempt, !account ? 'no-such-account' : !found ? 'no-such-user-or-password' : 'wrong-password')
    await this.throttle.recordSuccess(keys.principal)
    const subject: SignInSubject = { accountId: account.id, userId: found.userId }
    const owner: MfaOwner = found.userId === undefined ? { kind: 'root' } : { kind: 'user', userId: found.userId }
    if ((await this.ctx.store.read.mfaDevices.forOwner(account.id, owner)).length > 0) return { next: 'mfa', challenge: await this.sessions.startChallenge('mfa', subject) }
    return this.afterSecondFactor(attempt, subject, account.passwordPolicy)
  }

  async mfa(challenge: string, code: string, facts: Facts): Promise<SignInStep> {
    const pending = await this.sessions.challenge(challenge, 'mfa')
    const account = pending && (await this.ctx.store.read.accounts.get(pending.accountId))
    const userName = pending?.userId === undefined ? undefined : (await this.ctx.store.read.users.byId(pending.accountId, pending.userId))?.name
    const keys = throttleKeys(pending?.accountId ?? '', userName, facts.sourceIp)
    const attempt: Attempt = {
      stage: 'mfa',
      principal: pending?.userId === undefined ? 'root' : 'user',
      account: pending?.accountId ?? '',
      accountId: pending?.accountId,
      userName,
      keys,
      facts
    }
    if (!pending || !account || (pending.userId !== undefined && userName === undefined)) return this.fail(attempt, 'no-such-challenge', false)
    await this.refuseWhileThrottled(attempt)
    const owner: MfaOwner = pending.userId === undefined ? { kind: 'root' } : { kind: 'user', userId: pending.userId }
    const devices = await this.ctx.store.read.mfaDevices.forOwner(pending.accountId, owner)
    let accepted = false
    for (const device of devices) {
      const verdict = await verifyMfaCode(this.ctx, { accountId: pending.accountId, serialNumber: device.serialNumber, code, owner })
      if (verdict.ok) {
        accepted = true
        break
      }
    }
    if (!accepted) return this.fail(attempt, 'wrong-mfa-code')
    if (!(await this.sessions.take(challenge))) return this.fail(attempt, 'challenge-used', false)
    await this.throttle.recordSuccess(keys.principal)
    const subject: SignInSubject = { accountId: pending.accountId, userId: pending.userId, mfaAuthenticatedAt: this.ctx.clock.now() }
    return this.afterSecondFactor(attempt, subject, account.passwordPolicy)
  }

  /** The forced new password, set under ChangePassword's rules by the user's console principal. */
  async newPassword(challenge: string, newPassword: string, request: RequestFacts): Promise<SignInStep> {
    const pending = await this.sessions.challenge(challenge, 'new-password')
    const caller = pending && (await this.principals.signedInCaller({ ...pending, createdAt: request.time }, request))
    const attempt: Attempt = {
      stage: 'new-password',
      principal: 'user',
      account: pending?.accountId ?? '',
      accountId: pending?.accountId,
      userName: caller?.userName,
      keys: undefined,
      facts: request
    }
    if (!pending || !caller) return this.fail(attempt, 'no-such-challenge', false)
    try {
      await changeOwnPassword(new Call(this.ctx, caller, newSecretId(this.ctx.random)), newPassword, { verifiedAtSignIn: true })
    } catch (e) {
      if (e instanceof AwsError) this.event(attempt, 'failure', e.code)
      throw e
    }
    if (!(await this.sessions.take(challenge))) return this.fail(attempt, 'challenge-used', false)
    return this.done(attempt, { accountId: pending.accountId, userId: pending.userId, mfaAuthenticatedAt: pending.mfaAuthenticatedAt })
  }

  /** After the password (and MFA code, if any): a new password if the login profile needs one, else the session. */
  private async afterSecondFactor(attempt: Attempt, subject: SignInSubject, policy: PasswordPolicy | undefined): Promise<SignInStep> {
    const profile = subject.userId === undefined ? undefined : await this.ctx.store.read.loginProfiles.get(subject.userId)
    const now = this.ctx.clock.now()
    const expired = profile !== undefined && isPasswordExpired(profile.passwordChangedAt, policy, now)
    if (expired && !mayChangeExpiredPassword(policy)) {
      this.event(attempt, 'failure', 'password-expired')
      throw passwordExpired()
    }
    if (profile?.passwordResetRequired || expired) {
      const challenge = await this.sessions.startChallenge('new-password', subject)
      const reason = profile?.passwordResetRequired ? 'reset-required' : 'expired'
      return { next: 'new-password', challenge, reason, ...(policy ? { passwordPolicy: passwordPolicyOutput(policy) } : {}) }
    }
    return this.done(attempt, subject)
  }

  private async done(attempt: Attempt, subject: SignInSubject): Promise<SignInStep> {
    const { id } = await this.sessions.start(subject)
    const now = this.ctx.clock.now()
    await this.ctx.store.transaction(async (tx) => {
      if (subject.userId === undefined) await tx.accounts.update(subject.accountId, { rootPasswordLastUsed: now })
      else await tx.users.update(subject.accountId, subject.userId, { passwordLastUsed: now })
    })
    this.event(attempt, 'success', undefined, subject.mfaAuthenticatedAt !== undefined)
    return { next: 'done', sessionId: id }
  }

  private async refuseWhileThrottled(attempt: Attempt): Promise<void> {
    const now = this.ctx.clock.now()
    const until = attempt.keys && (await this.throttle.refusedUntil(attempt.keys, now))
    if (until === undefined) return
    this.event(attempt, 'throttled', 'throttled')
    throw new SignInThrottled(Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000)))
  }

  private async fail(attempt: Attempt, reason: string, counts = true): Promise<never> {
    if (counts && attempt.keys) await this.throttle.recordFailure(attempt.keys, this.ctx.clock.now())
    this.event(attempt, 'failure', reason)
    throw signInFailed()
  }

  private event(attempt: Attempt, outcome: SignInEvent['outcome'], reason?: string, mfaUsed = attempt.stage === 'mfa'): void {
    this.record({
      at: this.ctx.clock.now(),
      outcome,
      stage: attempt.stage,
      account: attempt.account,
      accountId: attempt.accountId,
      principal: attempt.principal,
      userName: attempt.userName,
      reason,
      mfaUsed,
      sourceIp: attempt.facts.sourceIp,
      userAgent: attempt.facts.userAgent
    })
  }

  /** The stored hash for the principal, if it has a console password. */
  private async storedPassword(account: AccountRecord, userName: string | undefined): Promise<{ hash: string; userId: string | undefined } | undefined> {
    if (userName === undefined) return account.rootPasswordHash === undefined ? undefined : { hash: account.rootPasswordHash, userId: undefined }
    const user = await this.ctx.store.read.users.byName(account.id, userName)
    const profile = user && (await this.ctx.store.read.loginProfiles.get(user.id))
    return profile && user ? { hash: profile.passwordHash, userId: user.id } : undefined
  }

  /** A hash of a random password, to verify against when there is nothing to verify against. */
  private dummy(): Promise<string> {
    this.dummyHash ??= this.ctx.passwords.hash(newSecretId(this.ctx.random))
    return this.dummyHash
  }
}

/** An account by its 12-digit ID or by its alias (aliases are lower case). */
async function findAccount(ctx: AppContext, account: string): Promise<AccountRecord | undefined> {
  const typed = account.trim()
  if (isAccountId(typed)) return ctx.store.read.accounts.get(typed)
  return ctx.store.read.accounts.byAlias(typed.toLowerCase())
}
