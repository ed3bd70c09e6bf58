// Authorizes one action for a caller: the request context AWS would build (principal, request
// and resource facts), the caller's compiled policies, the engine's decision, and on a denial
// AWS's AccessDenied message with its reason.

import { denialReason, evaluate, type Decision, type RawContext } from '../../policy/index.js'
import { AwsError } from '../../core/aws-error.js'
import type { Tag } from '../../store/ports/records.js'
import type { Caller } from '../caller.js'
import type { AppContext } from '../context.js'
import { loadPolicySet } from './principal-policies.js'

export interface AuthorizationRequest {
  /** e.g. `iam:CreateUser`. */
  readonly action: string
  /** The resource's ARN, or `*` for actions without resource-level permissions. */
  readonly resource: string
  /**
   * How AWS names the resource in the AccessDenied message when it is not the ARN: IAM writes
   * `user bob`, `role r`, `policy path /`... (docs/iam-behaviour.md §20.3).
   */
  readonly displayResource?: string | undefined
  /** Tags of the resource, for aws:ResourceTag/*. */
  readonly resourceTags?: readonly Tag[] | undefined
  /** Action-specific keys: aws:RequestTag/*, aws:TagKeys, iam:PolicyARN, iam:PermissionsBoundary... */
  readonly context?: RawContext | undefined
}

export async function authorize(ctx: AppContext, caller: Caller, request: AuthorizationRequest): Promise<void> {
  const set = await ctx.authCache.policySet(caller.accountId, principalKey(caller), () => loadPolicySet({ read: ctx.store.read, awsManaged: ctx.awsManaged }, caller))
  const decision = evaluate(set, {
    principal: caller.arn,
    action: request.action,
    resource: request.resource,
    resourceAccount: caller.accountId,
    context: requestContext(caller, request)
  })
  if (decision.decision === 'Allow') return
  const shown = request.displayResource ?? request.resource
  throw new AccessDenied(`User: ${caller.arn} is not authorized to perform: ${request.action} on resource: ${shown} ${denialReason(decision, request.action)}`, decision)
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

function principalKey(caller: Caller): string {
  return caller.kind === 'role-session' ? `role:${caller.roleId ?? ''}` : caller.kind === 'user' ? `user:${caller.userId ?? ''}` : caller.kind
}

const PRINCIPAL_TYPE = { root: 'Account', user: 'User', 'role-session': 'AssumedRole', 'federated-user': 'FederatedUser' } as const

/** The global condition keys of the request, plus the action's own keys. */
export function requestContext(caller: Caller, request: AuthorizationRequest): RawContext {
  const r = caller.request
  const context: Record<string, string | string[]> = {
    'aws:PrincipalArn': caller.kind === 'role-session' && caller.roleArn ? caller.roleArn : caller.arn,
    'aws:PrincipalAccount': caller.accountId,
    'aws:PrincipalType': PRINCIPAL_TYPE[caller.kind],
    'aws:userid': caller.principalId,
    'aws:SourceIp': r.sourceIp,
    'aws:UserAgent': r.userAgent,
    'aws:SecureTransport': r.secureTransport ? 'true' : 'false',
    'aws:CurrentTime': r.time.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    'aws:EpochTime': String(Math.floor(r.time.getTime() / 1000)),
    'aws:RequestedRegion': r.region,
    'aws:ViaAWSService': 'false',
    'aws:MultiFactorAuthPresent': r.mfaAuthenticatedAt ? 'true' : 'false'
  }
  if (r.mfaAuthenticatedAt) context['aws:MultiFactorAuthAge'] = String(Math.floor((r.time.getTime() - r.mfaAuthenticatedAt.getTime()) / 1000))
  if (caller.userName !== undefined && caller.kind === 'user') context['aws:username'] = caller.userName
  for (const tag of caller.tags) context[`aws:PrincipalTag/${tag.Key}`] = tag.Value
  for (const tag of request.resourceTags ?? []) {
    context[`aws:ResourceTag/${tag.Key}`] = tag.Value
    context[`iam:ResourceTag/${tag.Key}`] = tag.Value
  }
  return { ...context, ...(request.context ?? {}) }
}
