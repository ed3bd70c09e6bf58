// Issues temporary credentials: a fresh ASIA… access key ID and secret, and the sealed session
// token that carries them with everything the session is (see session-token.ts).

import { newSecretAccessKey, newTemporaryAccessKeyId } from '../../core/ids.js'
import type { AppContext } from '../context.js'
import type { SessionClaims } from './session-token.js'

export interface IssuedCredentials {
  readonly AccessKeyId: string
  readonly SecretAccessKey: string
  readonly SessionToken: string
  readonly Expiration: Date
}

/** What a session is, before it has keys. */
export type SessionDescription = Omit<SessionClaims, 'accessKeyId' | 'secretAccessKey' | 'issuedAt' | 'expiresAt'>

export function issueSession(ctx: AppContext, description: SessionDescription, issuedAt: Date, durationSeconds: number): IssuedCredentials {
  // The key ID carries the account, so GetAccessKeyInfo needs no record of it.
  const accessKeyId = newTemporaryAccessKeyId(description.accountId, ctx.random)
  const secretAccessKey = newSecretAccessKey(ctx.random)
  // AWS reports expirations to the second.
  const expiresAt = Math.floor(issuedAt.getTime() / 1000) * 1000 + durationSeconds * 1000
  const claims: SessionClaims = { ...description, accessKeyId, secretAccessKey, issuedAt: issuedAt.getTime(), expiresAt }
  return { AccessKeyId: accessKeyId, SecretAccessKey: secretAccessKey, SessionToken: ctx.sessionTokens.seal(claims), Expiration: new Date(expiresAt) }
}
