// Who is calling: the authenticated principal and what the request itself says about the call
// (source address, transport, user agent, time). Built once per request by the HTTP layer from
// the verified signature; the application authorizes every action against it.

import type { Tag } from '../store/ports/records.js'
import type { SessionOrigin } from './sts/session-token.js'

/** 'anonymous': an unsigned request, which only AssumeRoleWithWebIdentity and AssumeRoleWithSAML accept. */
export type CallerKind = 'root' | 'user' | 'role-session' | 'federated-user' | 'anonymous'

export interface Caller {
  readonly accountId: string
  readonly kind: CallerKind
  /** The principal's ARN: arn:aws:iam::ACCOUNT:root, ...:user/PATH/NAME, arn:aws:sts::...:assumed-role/R/S. */
  readonly arn: string
  /** aws:userid: the account ID for root, the user ID, or ROLEID:session. */
  readonly principalId: string
  /** For IAM users (and federated users' parent). */
  readonly userId?: string | undefined
  readonly userName?: string | undefined
  /** For role sessions: the role's ID and ARN. */
  readonly roleId?: string | undefined
  readonly roleArn?: string | undefined
  readonly accessKeyId?: string | undefined
  /** aws:PrincipalTag/*: the user's or role's tags, overridden by session tags of the same key. */
  readonly tags: readonly Tag[]
  /** Present when the caller signed with temporary credentials. */
  readonly session?: SessionFacts | undefined
  readonly request: RequestFacts
}

/** What temporary credentials carry beyond the principal (from their session token). */
export interface SessionFacts {
  readonly origin: SessionOrigin
  readonly issuedAt: Date
  readonly expiresAt: Date
  /** Session policies: an inline document and managed policy ARNs. */
  readonly policy?: string | undefined
  readonly policyArns?: readonly string[] | undefined
  /** The session's own tags and which of them pass on to a chained role session. */
  readonly tags: readonly Tag[]
  readonly transitiveTagKeys: readonly string[]
  readonly sourceIdentity?: string | undefined
  readonly federatedProvider?: string | undefined
  /** When MFA was checked for the session, if it was. */
  readonly mfaAuthenticatedAt?: Date | undefined
}

export interface RequestFacts {
  readonly sourceIp: string
  readonly userAgent: string
  readonly secureTransport: boolean
  readonly region: string
  readonly time: Date
}

/**
 * The caller of an unsigned request. It belongs to no account and holds no policies: the actions
 * that accept it take their identity from the token or assertion they are given.
 */
export function anonymousCaller(request: RequestFacts): Caller {
  return { accountId: '', kind: 'anonymous', arn: '*', principalId: 'anonymous', tags: [], request }
}
