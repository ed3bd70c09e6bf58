// The errors AWS IAM and STS answer for authentication failures, with their exact codes, messages
// and HTTP statuses. README.md in this folder gives the source of each one.

import type { SigV4Error } from './types.js'

function sigV4Error(code: string, message: string, status: number): SigV4Error {
  return Object.freeze({ code, message, status })
}

/** True for the error half of parseAuth()'s result. */
export function isSigV4Error(value: unknown): value is SigV4Error {
  return typeof value === 'object' && value !== null && typeof (value as { code?: unknown }).code === 'string' && typeof (value as { status?: unknown }).status === 'number'
}

export const SIGNATURE_MISMATCH_MESSAGE =
  'The request signature we calculated does not match the signature you provided. ' +
  'Check your AWS Secret Access Key and signing method. Consult the service documentation for details.'

/** No Authorization header and no presigned query parameters. */
export function missingAuthenticationToken(): SigV4Error {
  return sigV4Error('MissingAuthenticationToken', 'Request is missing Authentication Token', 403)
}

/** A malformed Authorization header or presigned query string. */
export function incompleteSignature(message: string): SigV4Error {
  return sigV4Error('IncompleteSignature', message, 400)
}

/** A wrong signature, and also the scope, clock and signed-header checks that AWS reports with this code. */
export function signatureDoesNotMatch(message: string = SIGNATURE_MISMATCH_MESSAGE): SigV4Error {
  return sigV4Error('SignatureDoesNotMatch', message, 403)
}

/** A malformed X-Amz-Expires (S3's code and messages; IAM and STS publish none of their own). */
export function authorizationQueryParametersError(message: string): SigV4Error {
  return sigV4Error('AuthorizationQueryParametersError', message, 400)
}

/** A presigned URL past X-Amz-Date + X-Amz-Expires (S3's code and message). */
export function requestExpired(): SigV4Error {
  return sigV4Error('AccessDenied', 'Request has expired', 403)
}

/**
 * For the caller, which looks the access key up: an unknown access key ('access-key', with a full
 * stop, as IAM and STS answer), or a session token that does not belong to it ('session-token',
 * without one, as STS answers).
 */
export function invalidClientTokenId(reason: 'access-key' | 'session-token' = 'access-key'): SigV4Error {
  const message = 'The security token included in the request is invalid'
  return sigV4Error('InvalidClientTokenId', reason === 'access-key' ? `${message}.` : message, 403)
}

/** For the caller: temporary credentials whose session has ended. */
export function expiredToken(): SigV4Error {
  return sigV4Error('ExpiredToken', 'The security token included in the request is expired', 403)
}

// ------------------------------------------------------------------ messages with parameters

export const MISSING_HEADER_PARTS = {
  credential: "Authorization header requires 'Credential' parameter.",
  signature: "Authorization header requires 'Signature' parameter.",
  signedHeaders: "Authorization header requires 'SignedHeaders' parameter.",
  date: "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header."
} as const

export const MISSING_QUERY_PARTS = {
  credential: "AWS query-string parameters must include 'X-Amz-Credential'.",
  signature: "AWS query-string parameters must include 'X-Amz-Signature'.",
  signedHeaders: "AWS query-string parameters must include 'X-Amz-SignedHeaders'.",
  date: "AWS query-string parameters must include 'X-Amz-Date'.",
  tail: 'Re-examine the query-string parameters.'
} as const

export function notKeyValuePair(element: string, header: string): SigV4Error {
  return incompleteSignature(`'${element}' not a valid key=value pair (missing equal-sign) in Authorization header: '${header}'.`)
}

export function unsupportedAlgorithm(algorithm: string): SigV4Error {
  return incompleteSignature(`Unsupported AWS 'algorithm': '${algorithm}' (only AWS4-HMAC-SHA256 for now). `)
}

export function badDateFormat(value: string): SigV4Error {
  return incompleteSignature(`Date must be in ISO-8601 'basic format'. Got '${value}'. See http://en.wikipedia.org/wiki/ISO_8601`)
}

export function credentialParts(credential: string): SigV4Error {
  return incompleteSignature(`Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term, got '${credential}'`)
}

export const scopeMessages = {
  region: (region: string) => `Credential should be scoped to a valid region, not '${region}'. `,
  service: (expected: string) => `Credential should be scoped to correct service: '${expected}'. `,
  terminator: (terminator: string) => `Credential should be scoped with a valid terminator: 'aws4_request', not '${terminator}'. `,
  date: (scopeDate: string, amzDate: string) =>
    `Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '${scopeDate}' != '${amzDate.slice(0, 8)}', from '${amzDate}'.`
} as const

export function mustBeSigned(header: string): SigV4Error {
  return signatureDoesNotMatch(`'${header}' must be a 'SignedHeader' in the AWS Authorization.`)
}

export function signatureExpired(requestDate: string, earliest: string, now: string, window: string): SigV4Error {
  return signatureDoesNotMatch(`Signature expired: ${requestDate} is now earlier than ${earliest} (${now} - ${window}.)`)
}

export function signatureNotYetCurrent(requestDate: string, latest: string, now: string, window: string): SigV4Error {
  return signatureDoesNotMatch(`Signature not yet current: ${requestDate} is still later than ${latest} (${now} + ${window}.)`)
}

export const EXPIRES_MESSAGES = {
  notANumber: 'X-Amz-Expires should be a number',
  negative: 'X-Amz-Expires must be non-negative',
  tooLarge: 'X-Amz-Expires must be less than a week (in seconds); that is, the given X-Amz-Expires must be less than 604800 seconds'
} as const
