// The full check of a parsed request against the secret of its access key, in AWS's order: the
// time window, the headers that must be signed, the credential scope, the payload hash, and last
// the signature itself, compared in constant time.

import { timingSafeEqual } from 'node:crypto'
import { formatAmzDate, parseAmzDate } from './amz-date.js'
import { canonicalHeaders, canonicalRequest, credentialScope, EMPTY_SHA256, firstHeader, sha256Hex, stringToSign, UNSIGNED_PAYLOAD } from './canonical.js'
import { canonicalQuery, canonicalUri, queryParameters } from './encoding.js'
import { badDateFormat, mustBeSigned, requestExpired, scopeMessages, signatureDoesNotMatch, signatureExpired, signatureNotYetCurrent } from './errors.js'
import { parseExpires } from './parse-auth.js'
import { hmacInto } from './hmac.js'
import { signingKeys } from './signing-key-cache.js'
import type { ParsedAuth, SignedRequest, SigV4Error, VerifyOptions } from './types.js'

export const DEFAULT_MAX_SKEW_SECONDS = 900

/**
 * Region names as SDKs send them: a host label (letters, digits, hyphens; 1 to 63 characters, no
 * hyphen at either end). IAM is global, so any such name is accepted: 'us-east-1', 'aws-global',
 * 'eu-central-2', 'us-gov-west-1', or a private name such as 'local'.
 */
const REGION = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/

export function verify(req: SignedRequest, auth: ParsedAuth, secretAccessKey: string, options: VerifyOptions): SigV4Error | undefined {
  const requestTime = parseAmzDate(auth.amzDate)
  if (requestTime === undefined) return badDateFormat(auth.amzDate)
  return checkTime(auth, requestTime, options) ?? checkSignedHeaders(req, auth) ?? checkScope(auth, options) ?? checkSignature(req, auth, secretAccessKey)
}

function checkTime(auth: ParsedAuth, requestTime: number, options: VerifyOptions): SigV4Error | undefined {
  const now = options.now.getTime()
  const skewSeconds = options.maxSkewSeconds ?? DEFAULT_MAX_SKEW_SECONDS
  const skew = skewSeconds * 1000
  const window = skewSeconds % 60 === 0 ? `${skewSeconds / 60} min` : `${skewSeconds} sec`
  if (requestTime > now + skew) {
    return signatureNotYetCurrent(auth.amzDate, formatAmzDate(now + skew), formatAmzDate(now), window)
  }
  if (auth.kind === 'query' && auth.expiresSeconds !== undefined) {
    // A presigned URL lives from X-Amz-Date (less the allowed skew) to X-Amz-Date + X-Amz-Expires.
    const expires = parseExpires(String(auth.expiresSeconds))
    if (typeof expires !== 'number') return expires
    if (expires === 0 || now > requestTime + expires * 1000) return requestExpired()
    return undefined
  }
  if (requestTime < now - skew) {
    return signatureExpired(auth.amzDate, formatAmzDate(now - skew), formatAmzDate(now), window)
  }
  return undefined
}

/** host always; for an Authorization header also the header the date came from. */
function checkSignedHeaders(req: SignedRequest, auth: ParsedAuth): SigV4Error | undefined {
  if (!auth.signedHeaders.includes('host')) return mustBeSigned('Host')
  if (auth.kind === 'header') {
    const dateHeader = req.headers['x-amz-date'] !== undefined ? 'x-amz-date' : 'date'
    if (!auth.signedHeaders.includes(dateHeader)) return mustBeSigned(dateHeader === 'date' ? 'Date' : 'X-Amz-Date')
  }
  return undefined
}

/** Region, service and date of the credential scope; AWS reports every mismatch in one message. */
function checkScope(auth: ParsedAuth, options: VerifyOptions): SigV4Error | undefined {
  const { region, service, date } = auth.scope
  let message = ''
  if (!REGION.test(region)) message += scopeMessages.region(region)
  if (!options.services.includes(service)) message += scopeMessages.service(options.services[0] ?? '')
  if (date !== auth.amzDate.slice(0, 8)) message += scopeMessages.date(date, auth.amzDate)
  return message === '' ? undefined : signatureDoesNotMatch(message)
}

/**
 * The payload hashes the client may have signed. With an Authorization header it is the body's
 * hash; an x-amz-content-sha256 header must agree with it (as for every service but S3, a
 * different value cannot make the signature match). A presigned URL signs the body's hash (an
 * empty body's for GET), or UNSIGNED-PAYLOAD for GET, said in X-Amz-Content-Sha256 or not.
 */
function payloadHashes(req: SignedRequest, auth: ParsedAuth): string[] | undefined {
  const bodyHash = sha256Hex(req.body)
  if (auth.kind === 'header') {
    const declared = firstHeader(req.headers, 'x-amz-content-sha256')
    return declared === undefined || declared === bodyHash ? [bodyHash] : undefined
  }
  const isGet = req.method.toUpperCase() === 'GET'
  const query = queryParameters(req.query)
  // The SDKs hoist an x-amz-content-sha256 header into the query under its lower-case name.
  const declared = query.get('X-Amz-Content-Sha256') ?? query.get('x-amz-content-sha256')
  if (declared === UNSIGNED_PAYLOAD) return isGet ? [UNSIGNED_PAYLOAD] : undefined
  if (declared !== undefined) return declared === bodyHash ? [bodyHash] : undefined
  return isGet && bodyHash === EMPTY_SHA256 ? [bodyHash, UNSIGNED_PAYLOAD] : [bodyHash]
}

function checkSignature(req: SignedRequest, auth: ParsedAuth, secretAccessKey: string): SigV4Error | undefined {
  const hashes = payloadHashes(req, auth)
  if (hashes === undefined) return signatureDoesNotMatch()
  const { date, region, service } = auth.scope
  const key = signingKeys.get(secretAccessKey, date, region, service)
  const scope = credentialScope(date, region, service)
  const uri = canonicalUri(req.path)
  const query = canonicalQuery(req.query, auth.kind === 'query')
  const headers = canonicalHeaders(req.headers, auth.signedHeaders)
  const wellFormed = readSignature(auth.signature)
  let matched = false
  for (const payloadHash of hashes) {
    const canonical = canonicalRequest({ method: req.method, uri, query, headers, signedHeaders: auth.signedHeaders, payloadHash })
    hmacInto(key, stringToSign(auth.amzDate, scope, canonical), expected)
    // Constant time for well-formed signatures; a malformed one is simply wrong.
    matched = (timingSafeEqual(expected, wellFormed ? given : expected) && wellFormed) || matched
  }
  return matched ? undefined : signatureDoesNotMatch()
}

const SIGNATURE = /^[0-9a-f]{64}$/
/** Verification is synchronous: one pair of buffers serves every request. */
const expected = Buffer.alloc(32)
const given = Buffer.alloc(32)

/**
 * Reads the signature into `given` if it is 64 lower-case hex digits as AWS writes it (AWS
 * compares the text, so upper-case digits do not match either).
 */
function readSignature(signature: string): boolean {
  if (!SIGNATURE.test(signature)) return false
  given.write(signature, 'hex')
  return true
}
