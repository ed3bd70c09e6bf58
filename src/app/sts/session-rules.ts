// The rules temporary credentials live by: how long each kind of session may last, which APIs a
// session may call, and what session policies and tags may hold (docs/sts-behaviour.md).

import { deflateRawSync } from 'node:zlib'
import { AwsError } from '../../core/aws-error.js'
import { parsePolicy } from '../../policy/index.js'
import type { Tag } from '../../store/ports/records.js'
import type { Caller } from '../caller.js'

export const ROLE_SESSION_DEFAULT_SECONDS = 3600
/** Role chaining: a role session assuming a role gets one hour at most. */
export const CHAINED_ROLE_SESSION_MAX_SECONDS = 3600
export const USER_SESSION_DEFAULT_SECONDS = 43_200
export const ROOT_SESSION_MAX_SECONDS = 3600

export function stsValidationError(message: string): AwsError {
  return new AwsError('ValidationError', message, 400)
}

function invalidParameterValue(message: string): AwsError {
  return new AwsError('InvalidParameterValue', message, 400)
}

/**
 * The services a session may call at all. AWS answers the others as if the token were invalid:
 * GetSessionToken credentials reach IAM only with MFA; federated users never reach IAM.
 */
export function sessionMayCall(caller: Caller, service: string): boolean {
  const session = caller.session
  if (!session || service !== 'iam') return true
  if (session.origin === 'GetSessionToken') return session.mfaAuthenticatedAt !== undefined
  return session.origin !== 'GetFederationToken'
}

/** STS operations that need long-term credentials, or that a federated user may not call. */
export function refuseSessionCaller(caller: Caller, operation: 'AssumeRole' | 'GetSessionToken' | 'GetFederationToken' | 'DecodeAuthorizationMessage'): void {
  const session = caller.session
  if (!session) return
  const longTermOnly = operation === 'GetSessionToken' || operation === 'GetFederationToken'
  if (longTermOnly || session.origin === 'GetFederationToken') throw new AwsError('AccessDenied', `Cannot call ${operation} with session credentials`, 403)
}

export interface SessionPolicyInput {
  readonly Policy?: string | undefined
  readonly PolicyArns?: readonly { readonly arn?: string | undefined }[] | undefined
}

export interface SessionPolicies {
  readonly policy: string | undefined
  readonly policyArns: string[]
}

const POLICY_ARN = /^arn:[\w-]+:iam::(aws|\d{12}):policy\/[\w+=,.@\-/]+$/

/** Session policies as given, checked: a parseable session policy, managed policy ARNs. */
export function checkSessionPolicies(input: SessionPolicyInput): SessionPolicies {
  if (input.Policy !== undefined) {
    const parsed = parsePolicy(input.Policy, { kind: 'session' })
    if (!parsed.ok) throw new AwsError('MalformedPolicyDocument', parsed.errors[0]?.message ?? 'Syntax errors in policy.', 400)
  }
  const policyArns = (input.PolicyArns ?? []).map((d) => d.arn ?? '')
  for (const arn of policyArns) {
    if (!POLICY_ARN.test(arn)) throw stsValidationError(`Invalid policy ARN: ${arn}`)
  }
  return { policy: input.Policy, policyArns }
}

/**
 * AWS packs session policies and tags into the token and reports how much of the room they take,
 * in percent (PackedPolicySize); over 100 the request fails. Ours packs them the same way it
 * stores them: deflated, in a room of 2,048 bytes.
 */
const PACKED_ROOM_BYTES = 2048

export function packedPolicySize(policies: SessionPolicies, tags: readonly Tag[]): number {
  if (policies.policy === undefined && policies.policyArns.length === 0 && tags.length === 0) return 0
  const packed = deflateRawSync(Buffer.from(JSON.stringify([minify(policies.policy), policies.policyArns, tags.map((t) => [t.Key, t.Value])]), 'utf8'))
  const percent = Math.ceil((packed.length * 100) / PACKED_ROOM_BYTES)
  if (percent > 100) throw new AwsError('PackedPolicyTooLarge', `Packed policy consumes ${percent}% of allotted space, please use smaller policy.`, 400)
  return percent
}

function minify(policy: string | undefined): unknown {
  if (policy === undefined) return null
  try {
    return JSON.parse(policy) as unknown
  } catch {
    return policy
  }
}

export interface SessionTags {
  /** Every tag of the new session: inherited transitive tags, then the requested ones. */
  readonly tags: Tag[]
  readonly transitiveTagKeys: string[]
}

/**
 * Requested session tags and transitive keys, with the transitive tags inherited from the
 * calling session (role chaining). Keys compare case-insensitively; an inherited transitive tag
 * cannot be overridden, and stays transitive.
 */
export function sessionTags(
  requested: readonly Tag[],
  transitiveKeys: readonly string[],
  inherited: { readonly tags: readonly Tag[]; readonly transitiveTagKeys: readonly string[] } | undefined
): SessionTags {
  const seen = new Set<string>()
  for (const tag of requested) {
    const key = tag.Key.toLowerCase()
    if (seen.has(key)) throw invalidParameterValue('Duplicate tag keys found. Please note that Tag keys are case insensitive.')
    seen.add(key)
  }
  for (const key of transitiveKeys) {
    if (!seen.has(key.toLowerCase())) throw invalidParameterValue('The specified transitive tag key must be included in the requested tags.')
  }
  const inheritedKeys = new Set((inherited?.transitiveTagKeys ?? []).map((k) => k.toLowerCase()))
  const carried = (inherited?.tags ?? []).filter((t) => inheritedKeys.has(t.Key.toLowerCase()))
  for (const tag of requested) {
    if (inheritedKeys.has(tag.Key.toLowerCase())) {
      throw invalidParameterValue("One of the specified transitive tag keys can't be set because it conflicts with a transitive tag key from the calling session.")
    }
  }
  const transitive = [...carried.map((t) => t.Key), ...transitiveKeys]
  return { tags: [...carried, ...requested], transitiveTagKeys: transitive }
}
