// Who is calling: the authenticated principal and what the request itself says about the call
// (source address, transport, user agent, time). Built once per request by the HTTP layer from
// the verified signature; the application authorizes every action against it.

import type { Tag } from '../store/ports/records.js'

export type CallerKind = 'root' | 'user' | 'role-session' | 'federated-user'

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
  /** Tags of the user or role (aws:PrincipalTag/*), and session tags later. */
  readonly tags: readonly Tag[]
  readonly request: RequestFacts
}

export interface RequestFacts {
  readonly sourceIp: string
  readonly userAgent: string
  readonly secureTransport: boolean
  readonly region: string
  readonly time: Date
  /** Set when the caller authenticated with MFA in this session (later issues). */
  readonly mfaAuthenticatedAt?: Date | undefined
}
