// What AssumeRoleWithWebIdentity and AssumeRoleWithSAML share once the token or assertion is
// verified: the role, its trust policy evaluated for the identity provider as the principal
// (no identity policies take part: the caller is not an IAM principal), the session's tags and
// source identity, and the credentials. AWS names neither the role nor the reason when it
// refuses, so a missing role and a trust policy that does not allow look alike.

import { AwsError } from '../../core/aws-error.js'
import { compilePolicySet, evaluate, type CompiledPolicySet, type Policy, type RawContext } from '../../policy/index.js'
import type { RoleRecord, Tag } from '../../store/ports/records.js'
import type { Call } from '../call.js'
import { requestFactsContext } from '../auth/authorize.js'
import { requestTagContext } from '../shared/tags.js'
import type { FederationFailure } from '../federation/federation-failure.js'
import { issueSession, type IssuedCredentials } from './issue-session.js'
import { findRole, roleSessionSeconds, trustPolicy, type RoleArnParts } from './role-sessions.js'
import { packedPolicySize, sessionTags, type SessionPolicies } from './session-rules.js'
import type { SessionOrigin } from './session-token.js'

export interface FederatedSessionRequest {
  readonly origin: Extract<SessionOrigin, 'AssumeRoleWithWebIdentity' | 'AssumeRoleWithSAML'>
  /** The provider's ARN: the principal the trust policy must name (Principal.Federated). */
  readonly providerArn: string
  readonly role: RoleArnParts
  readonly sessionName: string
  readonly durationSeconds?: number | undefined
  /** The session may not outlast this (a SAML assertion's SessionNotOnOrAfter). */
  readonly notAfter?: Date | undefined
  readonly policies: SessionPolicies
  /** Session tags and transitive keys the token or assertion carries. */
  readonly tags: readonly Tag[]
  readonly transitiveTagKeys: readonly string[]
  readonly sourceIdentity?: string | undefined
  /** The provider's condition keys (`<issuer>:sub`, `saml:aud`...) and aws:FederatedProvider. */
  readonly conditionKeys: Readonly<Record<string, string | string[]>>
}

export interface FederatedSession {
  readonly role: RoleRecord
  readonly credentials: IssuedCredentials
  /** Present when session policies or tags were given. */
  readonly packedPolicySize?: number | undefined
}

export async function assumeRoleAsFederated(call: Call, request: FederatedSessionRequest): Promise<FederatedSession> {
  const action = `sts:${request.origin}`
  const tags = sessionTags(request.tags, request.transitiveTagKeys, undefined)
  const role = await findRole(call.ctx, request.role)
  const trust = role && trustPolicy(role)
  if (!role || !trust) throw notAuthorized(action)
  const seconds = cappedSeconds(roleSessionSeconds(request.durationSeconds, role, { chained: false }), call.now, request.notAfter)

  const context: Record<string, string | string[]> = {
    ...requestFactsContext(call.caller.request),
    ...request.conditionKeys,
    'sts:RoleSessionName': request.sessionName
  }
  Object.assign(context, requestTagContext(tags.tags))
  if (tags.transitiveTagKeys.length) context['sts:TransitiveTagKeys'] = tags.transitiveTagKeys
  if (request.sourceIdentity !== undefined) context['sts:SourceIdentity'] = request.sourceIdentity

  const set = trustSet(trust.policy, trust.name)
  const allows = (a: string) =>
    evaluate(set, { principal: request.providerArn, action: a, resource: role.arn, resourceAccount: role.accountId, context: context as RawContext }).decision === 'Allow'
  if (!allows(action)) throw notAuthorized(action)
  if (tags.tags.length && !allows('sts:TagSession')) throw notAuthorized('sts:TagSession')
  if (request.sourceIdentity !== undefined && !allows('sts:SetSourceIdentity')) throw notAuthorized('sts:SetSourceIdentity')

  const packed = packedPolicySize(request.policies, tags.tags)
  const credentials = issueSession(
    call.ctx,
    {
      accountId: role.accountId,
      origin: request.origin,
      roleId: role.id,
      roleArn: role.arn,
      sessionName: request.sessionName,
      policy: request.policies.policy,
      policyArns: request.policies.policyArns.length ? request.policies.policyArns : undefined,
      tags: tags.tags.length ? tags.tags.map((t) => [t.Key, t.Value] as const) : undefined,
      transitiveTagKeys: tags.transitiveTagKeys.length ? tags.transitiveTagKeys : undefined,
      sourceIdentity: request.sourceIdentity,
      federatedProvider: request.providerArn
    },
    call.now,
    seconds
  )
  const given = request.policies.policy !== undefined || request.policies.policyArns.length > 0 || tags.tags.length > 0
  return { role, credentials, packedPolicySize: given ? packed : undefined }
}

/** The session's length, ending no later than `notAfter` (issueSession counts from the whole second). */
function cappedSeconds(seconds: number, now: Date, notAfter: Date | undefined): number {
  if (notAfter === undefined) return seconds
  const issued = Math.floor(now.getTime() / 1000) * 1000
  return Math.max(1, Math.min(seconds, Math.floor((notAfter.getTime() - issued) / 1000)))
}

/** A verifier's failure as the error STS returns. */
export function federationError(failure: FederationFailure): AwsError {
  return new AwsError(failure.code, failure.message, failure.status)
}

function notAuthorized(action: string): AwsError {
  return new AwsError('AccessDenied', `Not authorized to perform ${action}`, 403)
}

// Trust policies compiled once per parsed document (trustPolicy() keeps one Policy per text).
const compiled = new WeakMap<Policy, CompiledPolicySet>()

function trustSet(policy: Policy, name: string): CompiledPolicySet {
  let set = compiled.get(policy)
  if (!set) {
    set = compilePolicySet({ resource: { name, policy }, resourceKind: 'trust' })
    compiled.set(policy, set)
  }
  return set
}
