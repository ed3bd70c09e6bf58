// A console session as the principal it acts as: a temporary session of the signed-in user or
// root user (origin 'ConsoleSignIn': aws:TokenIssueTime is the sign-in, aws:MultiFactorAuthPresent
// says whether an MFA code was given), or, after switch-role, the role session AssumeRole issued.
// Built by SessionPrincipals like any session, so a deleted user's or role's session stops working
// at once and aws:PrincipalTag follows the principal's current tags.

import type { ConsoleSessionRecord } from '../../store/ports/console-sessions.js'
import { SessionPrincipals } from '../auth/session-principals.js'
import type { Caller, RequestFacts } from '../caller.js'
import type { AppContext } from '../context.js'
import type { SessionClaims } from '../sts/session-token.js'

export interface ConsoleCallers {
  /** Who the session acts as now. */
  readonly caller: Caller
  /** After switch-role: the signed-in principal, to switch back to. */
  readonly signedIn: Caller
  /** The role session ended (expired, or its role was deleted): the caller is the signed-in principal again. */
  readonly roleSessionEnded: boolean
}

export class ConsolePrincipals {
  private readonly sessions: SessionPrincipals

  constructor(private readonly ctx: AppContext) {
    this.sessions = new SessionPrincipals(ctx)
  }

  /** undefined when the signed-in user no longer exists: the session is over. */
  async callers(
    record: Pick<ConsoleSessionRecord, 'accountId' | 'userId' | 'createdAt' | 'expiresAt' | 'mfaAuthenticatedAt' | 'roleSession'>,
    request: RequestFacts
  ): Promise<ConsoleCallers | undefined> {
    const signedIn = await this.signedInCaller(record, request)
    if (!signedIn) return undefined
    const role = record.roleSession
    if (!role) return { caller: signedIn, signedIn, roleSessionEnded: false }
    const claims = this.ctx.sessionTokens.open(role.sessionToken, role.accessKeyId)
    if (!claims || request.time.getTime() >= claims.expiresAt) return { caller: signedIn, signedIn, roleSessionEnded: true }
    // A role switched to in the console keeps the sign-in's MFA, as AWS's console does.
    const caller = await this.sessions.caller({ ...claims, mfaAuthenticatedAt: claims.mfaAuthenticatedAt ?? record.mfaAuthenticatedAt?.getTime() }, request)
    if (!caller) return { caller: signedIn, signedIn, roleSessionEnded: true }
    return { caller, signedIn, roleSessionEnded: false }
  }

  /** The user or root user who signed in, as a console session. */
  async signedInCaller(
    record: Pick<ConsoleSessionRecord, 'accountId' | 'userId' | 'createdAt' | 'expiresAt' | 'mfaAuthenticatedAt'>,
    request: RequestFacts
  ): Promise<Caller | undefined> {
    const claims: SessionClaims = {
      // A console session has no access key: the caller is built without one (below).
      accessKeyId: '',
      secretAccessKey: '',
      accountId: record.accountId,
      origin: 'ConsoleSignIn',
      issuedAt: record.createdAt.getTime(),
      expiresAt: record.expiresAt.getTime(),
      userId: record.userId,
      mfaAuthenticatedAt: record.mfaAuthenticatedAt?.getTime()
    }
    const caller = await this.sessions.caller(claims, request)
    return caller && { ...caller, accessKeyId: undefined }
  }

  clear(): void {
    this.sessions.clear()
  }
}
