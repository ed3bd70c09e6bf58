// From a verified session token to the Caller: the token says who the session is; the role or
// user behind it is looked up (cached like key owners) so that a session of a deleted role or
// user stops working at once, and so that aws:PrincipalTag reflects the principal's current tags.

import { iamArn, rootArn } from '../../core/arn.js'
import type { Tag } from '../../store/ports/records.js'
import type { Caller, RequestFacts, SessionFacts } from '../caller.js'
import type { AppContext } from '../context.js'
import type { SessionClaims } from '../sts/session-token.js'

interface Principal {
  readonly name: string
  readonly arn: string
  readonly tags: readonly Tag[]
}

interface Cached {
  readonly generation: number
  readonly principal: Principal | undefined
}

const CACHE_LIMIT = 10_000

export class SessionPrincipals {
  private readonly cache = new Map<string, Cached>()
  private readonly facts = new WeakMap<SessionClaims, SessionFacts>()

  constructor(private readonly ctx: AppContext) {}

  /** The caller the session acts as, or undefined when its role or user no longer exists. */
  async caller(claims: SessionClaims, request: RequestFacts): Promise<Caller | undefined> {
    const account = claims.accountId
    const session = this.sessionFacts(claims)
    const base = { accountId: account, accessKeyId: claims.accessKeyId, session, request }
    if (claims.roleId !== undefined) {
      const role = await this.principal(account, 'role', claims.roleId)
      if (!role) return undefined
      const sessionName = claims.sessionName ?? ''
      return {
        ...base,
        kind: 'role-session',
        arn: `arn:aws:sts::${account}:assumed-role/${role.name}/${sessionName}`,
        principalId: `${claims.roleId}:${sessionName}`,
        roleId: claims.roleId,
        roleArn: role.arn,
        tags: mergeTags(role.tags, session.tags)
      }
    }
    const user = claims.userId === undefined ? undefined : await this.principal(account, 'user', claims.userId)
    if (claims.userId !== undefined && !user) return undefined
    if (claims.origin === 'GetFederationToken') {
      const name = claims.federatedName ?? ''
      return {
        ...base,
        kind: 'federated-user',
        arn: `arn:aws:sts::${account}:federated-user/${name}`,
        principalId: `${account}:${name}`,
        userId: claims.userId,
        userName: user?.name,
        tags: session.tags
      }
    }
    if (user) return { ...base, kind: 'user', arn: user.arn, principalId: claims.userId as string, userId: claims.userId, userName: user.name, tags: user.tags }
    return { ...base, kind: 'root', arn: rootArn(account), principalId: account, tags: [] }
  }

  private async principal(accountId: string, type: 'role' | 'user', id: string): Promise<Principal | undefined> {
    const key = `${accountId}/${type}/${id}`
    const generation = this.ctx.authCache.credentialGeneration(accountId)
    const hit = this.cache.get(key)
    if (hit && hit.generation === generation) return hit.principal
    const read = this.ctx.store.read
    const record = type === 'role' ? await read.roles.byId(accountId, id) : await read.users.byId(accountId, id)
    const principal = record && { name: record.name, arn: iamArn(accountId, type, record.path, record.name), tags: await read.tags.list(type, id) }
    if (this.cache.size >= CACHE_LIMIT) this.cache.delete(this.cache.keys().next().value as string)
    this.cache.set(key, { generation, principal })
    return principal
  }

  /** The authenticator keeps a token's opened claims, so their facts are worked out once per token. */
  private sessionFacts(claims: SessionClaims): SessionFacts {
    let facts = this.facts.get(claims)
    if (facts === undefined) this.facts.set(claims, (facts = sessionFacts(claims)))
    return facts
  }

  clear(): void {
    this.cache.clear()
  }
}

function sessionFacts(claims: SessionClaims): SessionFacts {
  return {
    origin: claims.origin,
    issuedAt: new Date(claims.issuedAt),
    expiresAt: new Date(claims.expiresAt),
    policy: claims.policy,
    policyArns: claims.policyArns,
    tags: (claims.tags ?? []).map(([Key, Value]) => ({ Key, Value })),
    transitiveTagKeys: claims.transitiveTagKeys ?? [],
    sourceIdentity: claims.sourceIdentity,
    federatedProvider: claims.federatedProvider,
    mfaAuthenticatedAt: claims.mfaAuthenticatedAt === undefined ? undefined : new Date(claims.mfaAuthenticatedAt)
  }
}

/** Session tags win over the principal's tags of the same key (keys compare case-insensitively). */
export function mergeTags(principalTags: readonly Tag[], sessionTags: readonly Tag[]): Tag[] {
  if (sessionTags.length === 0) return [...principalTags]
  const overridden = new Set(sessionTags.map((t) => t.Key.toLowerCase()))
  return [...principalTags.filter((t) => !overridden.has(t.Key.toLowerCase())), ...sessionTags]
}
