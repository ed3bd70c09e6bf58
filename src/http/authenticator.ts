// From a parsed SigV4 signature to a Caller: look the access key up, verify the signature with
// its secret, and describe the request (source address, transport, agent, time). In dev mode a
// key the server never issued acts as the root user of an account (the default one, or the one
// whose 12-digit ID the key is), without a signature check: there is no secret to check with.

import { AwsError } from '../core/aws-error.js'
import { isAccountId } from '../core/ids.js'
import { createAccount } from '../app/accounts.js'
import { KeyDirectory } from '../app/auth/authenticate.js'
import type { Caller } from '../app/caller.js'
import type { AppContext } from '../app/context.js'
import { rootArn } from '../core/arn.js'
import { expiredToken, invalidClientTokenId, verify, type ParsedAuth, type SignedRequest } from '../sigv4/index.js'
import { SessionPrincipals } from '../app/auth/session-principals.js'
import { sessionMayCall } from '../app/sts/session-rules.js'
import { recordRoleUse } from '../app/sts/role-sessions.js'
import type { SessionClaims } from '../app/sts/session-token.js'
import { ID_PREFIX } from '../core/ids.js'

export interface RequestMeta {
  readonly sourceIp: string
  readonly userAgent: string
  readonly secureTransport: boolean
}

export interface Authenticator {
  authenticate(req: SignedRequest, auth: ParsedAuth, service: string, meta: RequestMeta): Promise<Caller>
  /** Forgets cached keys and principals (dev mode's reset). */
  clear(): void
}

/** How often a key's "last used" is written at most (it is read at minute granularity anyway). */
const LAST_USED_INTERVAL_MS = 60_000
/** Opened session tokens kept at most (each a few hundred bytes). */
const OPENED_TOKEN_LIMIT = 10_000

export class SigV4Authenticator implements Authenticator {
  private readonly keys: KeyDirectory
  private readonly sessions: SessionPrincipals
  private readonly lastRecorded = new Map<string, number>()
  private readonly openedTokens = new Map<string, { readonly token: string; readonly claims: SessionClaims }>()

  constructor(
    private readonly ctx: AppContext,
    private readonly services: readonly string[]
  ) {
    this.keys = new KeyDirectory(ctx)
    this.sessions = new SessionPrincipals(ctx)
  }

  clear(): void {
    this.openedTokens.clear()
    this.keys.clear()
    this.sessions.clear()
  }

  async authenticate(req: SignedRequest, auth: ParsedAuth, service: string, meta: RequestMeta): Promise<Caller> {
    const now = this.ctx.clock.now()
    const keyId = auth.scope.accessKeyId
    const facts = { sourceIp: meta.sourceIp, userAgent: meta.userAgent, secureTransport: meta.secureTransport, region: auth.scope.region, time: now }
    if (auth.securityToken !== undefined || keyId.startsWith(ID_PREFIX.temporaryAccessKey)) return this.authenticateSession(req, auth, service, facts)
    const owner = await this.keys.lookup(keyId)
    if (!owner) {
      if (this.ctx.config.authMode === 'dev') return this.devRoot(keyId, facts)
      throw fromSigV4(invalidClientTokenId())
    }
    const problem = verify(req, auth, owner.secretAccessKey, { now, services: this.services })
    if (problem) throw fromSigV4(problem)
    if (owner.status !== 'Active') throw fromSigV4(invalidClientTokenId())
    this.recordUse(keyId, now, service, auth.scope.region)
    return {
      accountId: owner.accountId,
      kind: owner.kind,
      arn: owner.arn,
      principalId: owner.principalId,
      userId: owner.userId,
      userName: owner.userName,
      accessKeyId: keyId,
      tags: owner.tags,
      request: facts
    }
  }

  /**
   * Temporary credentials: the token must be one this deployment sealed for this very key, not
   * expired (checked first, so a late request learns why), and the signature must verify with the
   * secret inside it. No database read unless the session's principal is not cached.
   */
  private async authenticateSession(req: SignedRequest, auth: ParsedAuth, service: string, facts: Caller['request']): Promise<Caller> {
    const token = auth.securityToken
    const claims = token === undefined ? undefined : this.openToken(token, auth.scope.accessKeyId)
    if (!claims) throw fromSigV4(invalidClientTokenId('session-token'))
    if (facts.time.getTime() >= claims.expiresAt) throw fromSigV4(expiredToken())
    const problem = verify(req, auth, claims.secretAccessKey, { now: facts.time, services: this.services })
    if (problem) throw fromSigV4(problem)
    const caller = await this.sessions.caller(claims, facts)
    if (!caller || !sessionMayCall(caller, service)) throw fromSigV4(invalidClientTokenId('session-token'))
    if (caller.roleId !== undefined) recordRoleUse(this.ctx, caller.accountId, caller.roleId, facts.time, facts.region)
    return caller
  }

  /**
   * Opening a token (decrypt, inflate, parse) costs more than the rest of authentication, and a
   * client sends the same token with every request: opened tokens are kept by key ID, and a
   * different token for the same key is opened afresh.
   */
  private openToken(token: string, accessKeyId: string): SessionClaims | undefined {
    const cached = this.openedTokens.get(accessKeyId)
    if (cached && cached.token === token) return cached.claims
    const claims = this.ctx.sessionTokens.open(token, accessKeyId)
    if (claims) {
      if (this.openedTokens.size >= OPENED_TOKEN_LIMIT) this.openedTokens.clear()
      this.openedTokens.set(accessKeyId, { token, claims })
    }
    return claims
  }

  private async devRoot(keyId: string, facts: Caller['request']): Promise<Caller> {
    const accountId = isAccountId(keyId) ? keyId : this.ctx.config.defaultAccountId
    if (!(await this.ctx.store.read.accounts.get(accountId))) {
      try {
        await createAccount(this.ctx, accountId)
      } catch (e) {
        // Another request created it first.
        if (!(e instanceof AwsError && e.code === 'EntityAlreadyExists')) throw e
      }
    }
    return { accountId, kind: 'root', arn: rootArn(accountId), principalId: accountId, accessKeyId: keyId, tags: [], request: facts }
  }

  /** GetAccessKeyLastUsed data, written at most once a minute per key, off the request's path. */
  private recordUse(keyId: string, at: Date, service: string, region: string): void {
    const last = this.lastRecorded.get(keyId)
    if (last !== undefined && at.getTime() - last < LAST_USED_INTERVAL_MS) return
    if (this.lastRecorded.size > 100_000) this.lastRecorded.clear()
    this.lastRecorded.set(keyId, at.getTime())
    this.ctx.store.read.accessKeys.recordUse(keyId, at, service, region).catch((e: unknown) => console.error('recording access key use failed:', e))
  }
}

function fromSigV4(e: { code: string; message: string; status: number }): AwsError {
  return new AwsError(e.code, e.message, e.status)
}
