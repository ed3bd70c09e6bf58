// The console's session endpoints (docs/console-api.md, "Session and sign-in"): what the browser's
// session is, the sign-in steps, and sign-out. The steps themselves are app/console/sign-in.ts;
// this file reads their bodies and turns their results into cookies and JSON.

import { AwsError } from '../../core/aws-error.js'
import type { AppContext } from '../../app/context.js'
import type { ConsoleCallers } from '../../app/console/console-principal.js'
import { ABSOLUTE_TIMEOUT_MS } from '../../app/console/console-sessions.js'
import { badSignInRequest } from '../../app/console/sign-in-errors.js'
import type { ConsoleSignIn, SignInStep } from '../../app/console/sign-in.js'
import type { ConsoleSessionRecord } from '../../store/ports/console-sessions.js'
import { ok, type ApiAnswer, type ApiRequest } from './api-exchange.js'
import { clearCookie, PRE_SESSION_COOKIE, SESSION_COOKIE, setCookie } from './cookies.js'
import { newPreSessionValue, PRE_SESSION_TTL_SECONDS, preSessionCsrfToken, preSessionFresh, sessionCsrfToken } from './csrf.js'

/** The browser's live session: its secret ID (from the cookie), its record, who it acts as. */
export interface CurrentSession {
  readonly id: string
  readonly record: ConsoleSessionRecord
  readonly callers: ConsoleCallers
}

export const notSignedIn = () => new AwsError('NotSignedIn', 'You are not signed in, or your console session has ended. Sign in again.', 401)

/** Passwords are at most 128 characters in IAM; anything far longer is not worth hashing. */
const MAX_FIELD = 1024

export class SessionRoutes {
  constructor(
    private readonly ctx: AppContext,
    private readonly signIn: ConsoleSignIn
  ) {}

  async session(req: ApiRequest, current: CurrentSession | undefined): Promise<ApiAnswer> {
    if (!current) {
      const cookies: string[] = []
      if (req.cookies.has(SESSION_COOKIE)) cookies.push(clearCookie(SESSION_COOKIE, { secure: req.secureCookies }))
      let pre = req.cookies.get(PRE_SESSION_COOKIE)
      if (pre === undefined || !preSessionFresh(pre, req.facts.time)) {
        pre = newPreSessionValue(this.ctx.random, req.facts.time)
        cookies.push(setCookie(PRE_SESSION_COOKIE, pre, { secure: req.secureCookies, maxAgeSeconds: PRE_SESSION_TTL_SECONDS }))
      }
      return ok({ signedIn: false, csrfToken: preSessionCsrfToken(pre) }, cookies)
    }
    const { record, callers } = current
    const caller = callers.caller
    const account = await this.ctx.store.read.accounts.get(record.accountId)
    const assumed = caller.kind === 'role-session' ? /:assumed-role\/([^/]+)\/(.*)$/.exec(caller.arn) : null
    const principal = {
      kind: caller.kind === 'role-session' ? 'role-session' : caller.kind === 'root' ? 'root' : 'user',
      arn: caller.arn,
      ...(caller.kind === 'user' ? { userName: caller.userName } : {}),
      ...(assumed ? { roleName: assumed[1], sessionName: assumed[2] } : {}),
      ...(assumed && record.roleSession?.displayName ? { displayName: record.roleSession.displayName } : {})
    }
    return ok({
      signedIn: true,
      csrfToken: sessionCsrfToken(current.id),
      accountId: record.accountId,
      ...(account?.alias ? { accountAlias: account.alias } : {}),
      principal,
      mfaAuthenticated: record.mfaAuthenticatedAt !== undefined,
      issuedAt: record.createdAt.toISOString(),
      expiresAt: record.expiresAt.toISOString(),
      ...(caller !== callers.signedIn ? { switchedFrom: { arn: callers.signedIn.arn } } : {})
    })
  }

  async password(req: ApiRequest, root: boolean, current: CurrentSession | undefined): Promise<ApiAnswer> {
    const account = field(req.body, 'account')
    const userName = root ? undefined : field(req.body, 'userName')
    const password = field(req.body, 'password')
    return this.answer(req, current, await this.signIn.password({ account, userName, password }, req.facts))
  }

  async mfa(req: ApiRequest, current: CurrentSession | undefined): Promise<ApiAnswer> {
    const challenge = field(req.body, 'challenge')
    const code = field(req.body, 'code')
    return this.answer(req, current, await this.signIn.mfa(challenge, code, req.facts))
  }

  async newPassword(req: ApiRequest, current: CurrentSession | undefined): Promise<ApiAnswer> {
    const challenge = field(req.body, 'challenge')
    const newPassword = field(req.body, 'newPassword')
    return this.answer(req, current, await this.signIn.newPassword(challenge, newPassword, req.facts))
  }

  async signOut(req: ApiRequest): Promise<ApiAnswer> {
    const id = req.cookies.get(SESSION_COOKIE)
    if (id !== undefined) await this.signIn.sessions.end(id)
    return ok({ signedOut: true }, [clearCookie(SESSION_COOKIE, { secure: req.secureCookies })])
  }

  /** A finished sign-in replaces the browser's session (the old one ends) and its pre-session cookie. */
  private async answer(req: ApiRequest, current: CurrentSession | undefined, step: SignInStep): Promise<ApiAnswer> {
    if (step.next !== 'done') return ok(step)
    if (current) await this.signIn.sessions.end(current.id)
    const secure = req.secureCookies
    const cookies = [setCookie(SESSION_COOKIE, step.sessionId, { secure, maxAgeSeconds: ABSOLUTE_TIMEOUT_MS / 1000 }), clearCookie(PRE_SESSION_COOKIE, { secure })]
    return ok({ next: 'done' }, cookies)
  }
}

function field(body: unknown, name: string): string {
  const value = typeof body === 'object' && body !== null ? (body as Record<string, unknown>)[name] : undefined
  if (typeof value !== 'string' || value === '') throw badSignInRequest(`${name} is required (a non-empty string).`)
  if (value.length > MAX_FIELD) throw badSignInRequest(`${name} is too long.`)
  return value
}
