// How a federation check fails: the STS error code, its HTTP status and AWS's message, for the
// STS actions to return as they are. Messages never quote the token or assertion itself.

export type FederationErrorCode = 'InvalidIdentityToken' | 'ExpiredTokenException' | 'IDPCommunicationError' | 'IDPRejectedClaim' | 'AccessDenied'

export interface FederationFailure {
  readonly ok: false
  readonly code: FederationErrorCode
  /** 400 for every code but AccessDenied and IDPRejectedClaim (403), as STS's model says. */
  readonly status: number
  readonly message: string
}

const STATUS: Record<FederationErrorCode, number> = {
  InvalidIdentityToken: 400,
  ExpiredTokenException: 400,
  IDPCommunicationError: 400,
  IDPRejectedClaim: 403,
  AccessDenied: 403
}

export function failure(code: FederationErrorCode, message: string): FederationFailure {
  return { ok: false, code, status: STATUS[code], message }
}

export const invalidToken = (message: string) => failure('InvalidIdentityToken', message)
export const expiredToken = (message: string) => failure('ExpiredTokenException', message)
