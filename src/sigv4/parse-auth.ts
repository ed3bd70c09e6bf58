// Finds the SigV4 parameters of a request, in the Authorization header or in a presigned query
// string, and checks their shape. No secret and no clock are needed here: verify() does the rest.
// The checks run in the order AWS runs them (README.md), so the first error is the one AWS gives.

import { parseAmzDate, parseHttpDate, formatAmzDate } from './amz-date.js'
import { ALGORITHM, firstHeader, TERMINATOR } from './canonical.js'
import { queryParameters } from './encoding.js'
import {
  authorizationQueryParametersError,
  badDateFormat,
  credentialParts,
  EXPIRES_MESSAGES,
  incompleteSignature,
  MISSING_HEADER_PARTS,
  MISSING_QUERY_PARTS,
  missingAuthenticationToken,
  notKeyValuePair,
  scopeMessages,
  signatureDoesNotMatch,
  unsupportedAlgorithm
} from './errors.js'
import type { CredentialScope, ParsedAuth, SignedRequest, SigV4Error } from './types.js'

/** Longest presigned-URL lifetime: one week, as long as a signing key lives. */
export const MAX_EXPIRES_SECONDS = 604_800

export function parseAuth(req: SignedRequest): ParsedAuth | SigV4Error {
  const header = firstHeader(req.headers, 'authorization')?.trim()
  const query = req.query === '' ? undefined : queryParameters(req.query)
  const queryAlgorithm = query?.get('X-Amz-Algorithm')
  if (header !== undefined && header !== '') {
    // Two signatures for one request: refuse rather than pick one.
    if (queryAlgorithm !== undefined) return signatureDoesNotMatch()
    return parseHeaderAuth(header, req)
  }
  if (query !== undefined && queryAlgorithm !== undefined) return parseQueryAuth(queryAlgorithm, query)
  return missingAuthenticationToken()
}

function parseHeaderAuth(header: string, req: SignedRequest): ParsedAuth | SigV4Error {
  const space = firstSpace(header)
  const algorithm = space < 0 ? header : header.slice(0, space)
  const xAmzDate = firstHeader(req.headers, 'x-amz-date')
  const dateValue = xAmzDate ?? firstHeader(req.headers, 'date')

  let credential: string | undefined
  let signedHeaders: string | undefined
  let signature: string | undefined
  // A header of another scheme (Bearer, Basic, ...) is reported as a SigV4 header lacking everything.
  if (algorithm.startsWith('AWS4-')) {
    // Comma-separated name=value elements, each trimmed, as are its name and value. Offsets
    // rather than split() and trim(): this runs on every request, and only the values are kept.
    for (let start = space < 0 ? header.length : space + 1; start <= header.length; ) {
      const comma = header.indexOf(',', start)
      const next = comma < 0 ? header.length : comma
      const [from, to] = trimmed(header, start, next)
      start = next + 1
      if (from === to) continue
      const eq = header.indexOf('=', from)
      if (eq < 0 || eq >= to) return notKeyValuePair(header.slice(from, to), header)
      const [nameFrom, nameTo] = trimmed(header, from, eq)
      const [valueFrom] = trimmed(header, eq + 1, to)
      // A repeated parameter: the last one counts.
      if (isName(header, nameFrom, nameTo, 'Credential')) credential = header.slice(valueFrom, to)
      else if (isName(header, nameFrom, nameTo, 'SignedHeaders')) signedHeaders = header.slice(valueFrom, to)
      else if (isName(header, nameFrom, nameTo, 'Signature')) signature = header.slice(valueFrom, to)
    }
  }

  const missing: string[] = []
  if (credential === undefined) missing.push(MISSING_HEADER_PARTS.credential)
  if (signature === undefined) missing.push(MISSING_HEADER_PARTS.signature)
  if (signedHeaders === undefined) missing.push(MISSING_HEADER_PARTS.signedHeaders)
  if (dateValue === undefined) missing.push(MISSING_HEADER_PARTS.date)
  // AWS echoes the whole header after 'Authorization='; only the scheme is echoed here, so that
  // an error body or log never repeats a credential the client sent under another scheme.
  if (missing.length > 0) return incompleteSignature(`${missing.join(' ')} Authorization=${algorithm}`)

  const amzDate = readRequestDate(dateValue as string, xAmzDate !== undefined)
  if (typeof amzDate !== 'string') return amzDate
  if (algorithm !== ALGORITHM) return unsupportedAlgorithm(algorithm)

  const scope = parseCredential(credential as string)
  if (!('accessKeyId' in scope)) return scope
  const token = firstHeader(req.headers, 'x-amz-security-token')
  return {
    kind: 'header',
    scope,
    signedHeaders: splitSignedHeaders(signedHeaders as string),
    signature: signature as string,
    amzDate,
    ...(token === undefined ? {} : { securityToken: token })
  }
}

function parseQueryAuth(algorithm: string, query: ReadonlyMap<string, string>): ParsedAuth | SigV4Error {
  // An algorithm other than SigV4's: the request is treated as carrying no signature at all.
  if (algorithm !== ALGORITHM) return missingAuthenticationToken()
  const credential = query.get('X-Amz-Credential')
  const signature = query.get('X-Amz-Signature')
  const signedHeaders = query.get('X-Amz-SignedHeaders')
  const dateValue = query.get('X-Amz-Date')
  const missing: string[] = []
  if (credential === undefined) missing.push(MISSING_QUERY_PARTS.credential)
  if (signature === undefined) missing.push(MISSING_QUERY_PARTS.signature)
  if (signedHeaders === undefined) missing.push(MISSING_QUERY_PARTS.signedHeaders)
  if (dateValue === undefined) missing.push(MISSING_QUERY_PARTS.date)
  if (missing.length > 0) return incompleteSignature(`${missing.join(' ')} ${MISSING_QUERY_PARTS.tail}`)

  const amzDate = readRequestDate(dateValue as string, true)
  if (typeof amzDate !== 'string') return amzDate

  const expiresText = query.get('X-Amz-Expires')
  let expiresSeconds: number | undefined
  if (expiresText !== undefined) {
    const expires = parseExpires(expiresText)
    if (typeof expires !== 'number') return expires
    expiresSeconds = expires
  }

  const scope = parseCredential(credential as string)
  if (!('accessKeyId' in scope)) return scope
  const token = query.get('X-Amz-Security-Token')
  return {
    kind: 'query',
    scope,
    signedHeaders: splitSignedHeaders(signedHeaders as string),
    signature: signature as string,
    amzDate,
    ...(token === undefined ? {} : { securityToken: token }),
    ...(expiresSeconds === undefined ? {} : { expiresSeconds })
  }
}

/**
 * The request time as YYYYMMDD'T'HHMMSS'Z'. X-Amz-Date must be in that form; a Date header may
 * also be an HTTP date (Sun, 30 Aug 2015 12:36:00 GMT).
 */
function readRequestDate(value: string, isAmzDate: boolean): string | SigV4Error {
  if (parseAmzDate(value) !== undefined) return value
  if (!isAmzDate) {
    const ms = parseHttpDate(value)
    if (ms !== undefined) return formatAmzDate(ms)
  }
  return badDateFormat(value)
}

/** X-Amz-Expires: whole seconds, at most a week. */
export function parseExpires(text: string): number | SigV4Error {
  if (!/^-?\d+$/.test(text)) return authorizationQueryParametersError(EXPIRES_MESSAGES.notANumber)
  const value = Number(text)
  if (!Number.isSafeInteger(value)) return authorizationQueryParametersError(EXPIRES_MESSAGES.notANumber)
  if (value < 0) return authorizationQueryParametersError(EXPIRES_MESSAGES.negative)
  if (value > MAX_EXPIRES_SECONDS) return authorizationQueryParametersError(EXPIRES_MESSAGES.tooLarge)
  return value
}

/** keyid/date/region/service/aws4_request (trailing slashes ignored). */
function parseCredential(credential: string): CredentialScope | SigV4Error {
  const parts = (credential.endsWith('/') ? credential.replace(/\/+$/, '') : credential).split('/')
  if (parts.length !== 5) return credentialParts(credential)
  const [accessKeyId, date, region, service, terminator] = parts as [string, string, string, string, string]
  if (terminator !== TERMINATOR) return signatureDoesNotMatch(scopeMessages.terminator(terminator))
  return { accessKeyId, date, region, service }
}

function splitSignedHeaders(value: string): string[] {
  const names = value.toLowerCase().split(';')
  return names.includes('') ? names.filter((name) => name !== '') : names
}

/** What JavaScript's trim() and \s take for whitespace (ASCII ones without a regex). */
function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || (c > 127 && /\s/.test(String.fromCharCode(c)))
}

function firstSpace(text: string): number {
  for (let i = 0; i < text.length; i++) if (isSpace(text.charCodeAt(i))) return i
  return -1
}

/** The bounds of text[from, to) without its leading and trailing whitespace. */
function trimmed(text: string, from: number, to: number): [number, number] {
  while (from < to && isSpace(text.charCodeAt(from))) from++
  while (to > from && isSpace(text.charCodeAt(to - 1))) to--
  return [from, to]
}

function isName(text: string, from: number, to: number, name: string): boolean {
  return to - from === name.length && text.startsWith(name, from)
}
