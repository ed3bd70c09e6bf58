// The session token of temporary credentials: everything a node needs to authenticate and
// authorize a request made with them, sealed (sealed-json.ts) under a key derived from the
// deployment's master key. Any node that holds the master key validates a token without reading
// the database; nobody without it can read or forge one.

import { jsonSealer } from '../sealed-json.js'

/**
 * How the session was obtained; it decides what the session may call and how it is described.
 * 'ConsoleSignIn': a web console session (app/console), never sealed into a token.
 */
export type SessionOrigin = 'AssumeRole' | 'AssumeRoleWithWebIdentity' | 'AssumeRoleWithSAML' | 'GetSessionToken' | 'GetFederationToken' | 'ConsoleSignIn'

export interface SessionClaims {
  /** The temporary access key ID (ASIA…) this token belongs to. */
  readonly accessKeyId: string
  readonly secretAccessKey: string
  readonly accountId: string
  readonly origin: SessionOrigin
  /** Milliseconds since the epoch. */
  readonly issuedAt: number
  readonly expiresAt: number
  /** Role sessions: the role (its ID and ARN with path) and the session name. */
  readonly roleId?: string | undefined
  readonly roleArn?: string | undefined
  readonly sessionName?: string | undefined
  /** GetSessionToken and GetFederationToken: the IAM user who asked (absent for root). */
  readonly userId?: string | undefined
  readonly userName?: string | undefined
  /** GetFederationToken: the federated user's name. */
  readonly federatedName?: string | undefined
  /** When MFA was checked for this session (ms), if it was. */
  readonly mfaAuthenticatedAt?: number | undefined
  /** Session policies: an inline document and managed policy ARNs. */
  readonly policy?: string | undefined
  readonly policyArns?: readonly string[] | undefined
  /** Session tags (Key, Value) and the keys that pass on to chained role sessions. */
  readonly tags?: readonly (readonly [string, string])[] | undefined
  readonly transitiveTagKeys?: readonly string[] | undefined
  readonly sourceIdentity?: string | undefined
  /** A role session obtained with another role session's credentials. */
  readonly chained?: boolean | undefined
  /** aws:FederatedProvider for web identity and SAML sessions. */
  readonly federatedProvider?: string | undefined
}

export interface SessionTokenCodec {
  seal(claims: SessionClaims): string
  /** The claims, or undefined when the token is not one this deployment issued for that key. */
  open(token: string, accessKeyId: string): SessionClaims | undefined
}

/** Tokens are sealed with the access key ID as associated data: a token opens only with its own key. */
export function sessionTokenCodec(masterKey: Uint8Array): SessionTokenCodec {
  const sealer = jsonSealer<SessionClaims>(masterKey, 'sts session token v1')
  return {
    seal: (claims) => sealer.seal(claims, claims.accessKeyId),
    open(token, accessKeyId) {
      const claims = sealer.open(token, accessKeyId)
      return claims?.accessKeyId === accessKeyId ? claims : undefined
    }
  }
}
