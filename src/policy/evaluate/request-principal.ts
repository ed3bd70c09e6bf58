// Who is asking: the principal of a request, classified from its ARN (or service name), with
// the identities a resource-based policy may name it by. Role sessions also carry their role's
// ARN; the request context's aws:PrincipalArn gives it with its path.

import { contextValue, type RawContext } from './request-context.js'

export type PrincipalKind = 'root' | 'user' | 'role' | 'roleSession' | 'federatedUser' | 'service' | 'federated' | 'anonymous'

export interface RequestPrincipal {
  readonly kind: PrincipalKind
  /** The principal as given: an ARN, a service name, or `*` for anonymous. */
  readonly arn: string
  /** The 12-digit account of IAM and STS principals. */
  readonly account: string | undefined
  /** For role sessions, the ARN of the role. */
  readonly roleArn: string | undefined
  /**
   * A service-linked role or a session of one (path /aws-service-role/; for a session, as the
   * context's aws:PrincipalArn gives the role's ARN). SCPs and RCPs do not apply to them.
   */
  readonly serviceLinked: boolean
}

const WEB_IDENTITY_PROVIDERS = new Set(['accounts.google.com', 'cognito-identity.amazonaws.com', 'graph.facebook.com', 'www.amazon.com'])

interface ParsedArn {
  readonly kind: PrincipalKind
  readonly account: string | undefined
  readonly derivedRoleArn: string | undefined
}

const parsedCache = new Map<string, RequestPrincipal>()
const CACHE_LIMIT = 4096

// The last principal described: a compiled policy set serves one principal, so consecutive
// requests mostly come from the same one, and a string comparison spares the map lookup.
let lastPrincipal = ''
let lastDescribed: RequestPrincipal | undefined

export function describePrincipal(principal: string, context: RawContext): RequestPrincipal {
  let described = principal === lastPrincipal ? lastDescribed : parsedCache.get(principal)
  if (described === undefined) {
    const parsed = classify(principal)
    const roleArn = parsed.derivedRoleArn
    described = { kind: parsed.kind, arn: principal, account: parsed.account, roleArn, serviceLinked: isServiceLinkedRoleArn(roleArn) }
    if (parsedCache.size >= CACHE_LIMIT) parsedCache.clear()
    parsedCache.set(principal, described)
  }
  lastPrincipal = principal
  lastDescribed = described
  if (described.kind !== 'roleSession') return described
  // A session's role ARN carries its path only in the context (aws:PrincipalArn).
  const fromContext = contextValue(context, 'aws:PrincipalArn', 'aws:principalarn')
  if (typeof fromContext !== 'string' || !fromContext.includes(':role/') || fromContext === described.roleArn) return described
  return { ...described, roleArn: fromContext, serviceLinked: isServiceLinkedRoleArn(fromContext) }
}

function isServiceLinkedRoleArn(roleArn: string | undefined): boolean {
  return roleArn !== undefined && roleArn.includes(':role/aws-service-role/')
}

function classify(principal: string): ParsedArn {
  const none = { account: undefined, derivedRoleArn: undefined }
  if (principal === '*' || principal === '' || principal === 'anonymous') return { kind: 'anonymous', ...none }
  if (!principal.startsWith('arn:')) {
    if (WEB_IDENTITY_PROVIDERS.has(principal)) return { kind: 'federated', ...none }
    return { kind: 'service', ...none }
  }
  const parts = principal.split(':')
  const partition = parts[1] ?? 'aws'
  const service = parts[2]
  const account = parts[4] || undefined
  const resource = parts.slice(5).join(':')
  if (service === 'iam') {
    if (resource === 'root') return { kind: 'root', account, derivedRoleArn: undefined }
    if (resource.startsWith('user/')) return { kind: 'user', account, derivedRoleArn: undefined }
    if (resource.startsWith('role/')) return { kind: 'role', account, derivedRoleArn: principal }
    if (resource.startsWith('saml-provider/') || resource.startsWith('oidc-provider/')) return { kind: 'federated', account, derivedRoleArn: undefined }
  }
  if (service === 'sts') {
    if (resource.startsWith('assumed-role/')) {
      const roleName = resource.split('/')[1] ?? ''
      return { kind: 'roleSession', account, derivedRoleArn: `arn:${partition}:iam::${account ?? ''}:role/${roleName}` }
    }
    if (resource.startsWith('federated-user/')) return { kind: 'federatedUser', account, derivedRoleArn: undefined }
  }
  return { kind: 'user', account, derivedRoleArn: undefined }
}

/** IAM and STS principals: the ones identity-based policies, boundaries and SCPs apply to. */
export function isAccountPrincipal(kind: PrincipalKind): boolean {
  return kind !== 'service' && kind !== 'federated' && kind !== 'anonymous'
}
