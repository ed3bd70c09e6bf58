// Authorizes one action for a caller: the request context AWS would build (principal, request
// and resource facts), the caller's compiled policies, the engine's decision, and on a denial
// AWS's AccessDenied message with its reason.

import { denialReason, evaluate, withResourcePolicy, type CompiledPolicySet, type Decision, type NamedPolicy, type RawContext, type ResourceKind } from '../../policy/index.js'
import { AwsError } from '../../core/aws-error.js'
import type { Tag } from '../../store/ports/records.js'
import type { Caller, RequestFacts } from '../caller.js'
import type { AppContext } from '../context.js'
import { loadPolicySet } from './principal-policies.js'

export interface AuthorizationRequest {
  /** e.g. `iam:CreateUser`. */
  readonly action: string
  /** The resource's ARN, or `*` for actions without resource-level permissions. */
  readonly resource: string
  /**
   * How AWS names the resource in the AccessDenied message when it is not the ARN: IAM writes
   * `user bob`, `role r`, `policy path /`... (docs/iam-behaviour.md §20.3). '' for actions AWS
   * names without a resource.
   */
  readonly displayResource?: string | undefined
  /** Tags of the resource, for aws:ResourceTag/*. */
  readonly resourceTags?: readonly Tag[] | undefined
  /** Action-specific keys: aws:RequestTag/*, aws:TagKeys, iam:PolicyARN, iam:PermissionsBoundary... */
  readonly context?: RawContext | undefined
  /** A resource-based policy that also decides (a role's trust policy), and its owner's account. */
  readonly resourcePolicy?: { readonly policy: NamedPolicy; readonly kind: ResourceKind; readonly account: string } | undefined
}

export async function authorize(ctx: AppContext, caller: Caller, request: AuthorizationRequest): Promise<void> {
  const principalSide = await callerPolicySet(ctx, caller)
  const extra = request.resourcePolicy
  const set = extra ? withResourcePolicy(principalSide, extra.policy, extra.kind) : principalSide
  const decision = evaluate(set, {
    principal: caller.arn,
    action: request.action,
    resource: request.resource,
    resourceAccount: extra?.account ?? caller.accountId,
    context: requestContext(caller, request)
  })
  if (decision.decision === 'Allow') return
  const shown = request.displayResource ?? request.resource
  // Actions without resources (sts:GetAccessKeyInfo...) are named without one: displayResource ''.
  const onResource = shown === '' ? '' : ` on resource: ${shown}`
  throw new AccessDenied(`User: ${caller.arn} is not authorized to perform: ${request.action}${onResource} ${denialReason(decision, request.action)}`, decision)
}

/** AccessDenied, with the decision behind it for the few actions that treat kinds of denial differently. */
export class AccessDenied extends AwsError {
  constructor(
    message: string,
    readonly decision: Decision
  ) {
    super('AccessDenied', message, 403)
  }
}

/** The caller's compiled identity-side policies (identity, boundary, session), cached. */
export function callerPolicySet(ctx: AppContext, caller: Caller): Promise<CompiledPolicySet> {
  return ctx.authCache.policySet(caller.accountId, principalKey(caller), () => loadPolicySet({ read: ctx.store.read, awsManaged: ctx.awsManaged }, caller))
}

/** Callers with the same policies share a compiled set: per user or role, per set of session policies. */
function principalKey(caller: Caller): string {
  const base =
    caller.kind === 'role-session'
      ? `role:${caller.roleId ?? ''}`
      : caller.kind === 'user'
        ? `user:${caller.userId ?? ''}`
        : caller.kind === 'federated-user'
          ? `federated:${caller.userId ?? 'root'}`
          : caller.kind
  const session = caller.session
  if (!session || (session.policy === undefined && !session.policyArns?.length)) return base
  return `${base}|${session.policyArns?.join(',') ?? ''}|${session.policy ?? ''}`
}

const PRINCIPAL_TYPE = { root: 'Account', user: 'User', 'role-session': 'AssumedRole', 'federated-user': 'FederatedUser', anonymous: 'Anonymous' } as const

/** The global condition keys of the request, plus the action's own keys. */
export function requestContext(caller: Caller, request: AuthorizationRequest): RawContext {
  const r = caller.request
  const context: Record<string, string | string[]> = {
    'aws:PrincipalArn': caller.kind === 'role-session' && caller.roleArn ? caller.roleArn : caller.arn,
    'aws:PrincipalAccount': caller.accountId,
    'aws:PrincipalType': PRINCIPAL_TYPE[caller.kind],
    'aws:userid': caller.principalId,
    ...requestFactsContext(r)
  }
  const session = caller.session
  if (session) {
    // Long-term keys carry no MFA context at all (the key is absent, which is why AWS's examples
    // use BoolIfExists); temporary credentials say whether MFA was checked.
    context['aws:MultiFactorAuthPresent'] = session.mfaAuthenticatedAt ? 'true' : 'false'
    if (session.mfaAuthenticatedAt) context['aws:MultiFactorAuthAge'] = String(Math.max(0, Math.floor((r.time.getTime() - session.mfaAuthenticatedAt.getTime()) / 1000)))
    context['aws:TokenIssueTime'] = isoSeconds(session.issuedAt)
    if (session.sourceIdentity !== undefined) context['aws:SourceIdentity'] = session.sourceIdentity
    if (session.federatedProvider !== undefined) context['aws:FederatedProvider'] = session.federatedProvider
  }
  if (caller.userName !== undefined && caller.kind === 'user') context['aws:username'] = caller.userName
  for (const tag of caller.tags) context[`aws:PrincipalTag/${tag.Key}`] = tag.Value
  for (const tag of request.resourceTags ?? []) {
    context[`aws:ResourceTag/${tag.Key}`] = tag.Value
    context[`iam:ResourceTag/${tag.Key}`] = tag.Value
  }
  return { ...context, ...(request.context ?? {}) }
}

/** The keys every request has, whoever makes it: where from, how, when, to which region. */
export function requestFactsContext(r: RequestFacts): Record<string, string> {
  return {
    'aws:SourceIp': r.sourceIp,
    'aws:UserAgent': r.userAgent,
    'aws:SecureTransport': r.secureTransport ? 'true' : 'false',
    'aws:CurrentTime': isoSeconds(r.time),
    'aws:EpochTime': String(Math.floor(r.time.getTime() / 1000)),
    'aws:RequestedRegion': r.region,
    'aws:ViaAWSService': 'false'
  }
}

/** '2026-11-29T01:02:03Z'. Every request asks for its own second, mostly the previous request's: kept. */
let lastSecond = NaN
let lastIso = ''
function isoSeconds(d: Date): string {
  const second = Math.floor(d.getTime() / 1000)
  if (second !== lastSecond) {
    lastIso = new Date(second * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z')
    lastSecond = second
  }
  return lastIso
}
