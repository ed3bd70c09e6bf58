// Signing, the way the AWS SDKs sign, so that tests and benchmarks can make signed requests
// without an SDK: sign() for an Authorization header, presign() for a presigned URL.

import { formatAmzDate } from './amz-date.js'
import { ALGORITHM, canonicalHeaders, canonicalRequest, credentialScope, EMPTY_SHA256, sha256Hex, stringToSign, UNSIGNED_PAYLOAD } from './canonical.js'
import { canonicalQuery, canonicalUri } from './encoding.js'
import { MAX_EXPIRES_SECONDS } from './parse-auth.js'
import { hmacHex } from './hmac.js'
import { signingKeys } from './signing-key-cache.js'
import type { Credentials, PresignOptions, RequestToSign, SigningScope } from './types.js'

/** Headers the SDKs never sign (hop-by-hop, or changed by proxies), and the two the signer sets itself. */
const NOT_SIGNED = new Set([
  'authorization',
  'cache-control',
  'connection',
  'expect',
  'from',
  'keep-alive',
  'max-forwards',
  'pragma',
  'referer',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'user-agent',
  'x-amzn-trace-id',
  'date',
  'x-amz-date'
])

function headersToSign(given: Readonly<Record<string, string>>, url: URL): Map<string, string> {
  const headers = new Map<string, string>()
  for (const [name, value] of Object.entries(given)) {
    const lower = name.toLowerCase()
    if (NOT_SIGNED.has(lower) || lower.startsWith('proxy-') || lower.startsWith('sec-')) continue
    headers.set(lower, value)
  }
  if (!headers.has('host')) headers.set('host', url.host)
  return headers
}

function signatureOf(
  creds: Credentials,
  scope: SigningScope,
  amzDate: string,
  parts: { method: string; url: URL; headers: Map<string, string>; payloadHash: string; presigned: boolean }
): { signature: string; signedHeaders: string[] } {
  const signedHeaders = [...parts.headers.keys()].sort()
  const canonical = canonicalRequest({
    method: parts.method,
    uri: canonicalUri(parts.url.pathname),
    query: canonicalQuery(parts.url.search.slice(1), parts.presigned),
    headers: canonicalHeaders(Object.fromEntries(parts.headers), signedHeaders),
    signedHeaders,
    payloadHash: parts.payloadHash
  })
  const date = amzDate.slice(0, 8)
  const key = signingKeys.get(creds.secretAccessKey, date, scope.region, scope.service)
  const toSign = stringToSign(amzDate, credentialScope(date, scope.region, scope.service), canonical)
  return { signature: hmacHex(key, toSign), signedHeaders }
}

/**
 * Signs a request with an Authorization header and returns the headers to add: x-amz-date,
 * authorization and, for temporary credentials, x-amz-security-token. Every header given is
 * signed except the unsignable ones; host is signed as url.host unless given. An
 * x-amz-content-sha256 header given is signed and used as the payload hash (as the SDKs do);
 * otherwise the body is hashed.
 */
export function sign(req: RequestToSign, creds: Credentials, scope: SigningScope, now: Date): Record<string, string> {
  const amzDate = formatAmzDate(now.getTime())
  const headers = headersToSign(req.headers, req.url)
  headers.set('x-amz-date', amzDate)
  if (creds.sessionToken !== undefined) headers.set('x-amz-security-token', creds.sessionToken)
  const payloadHash = headers.get('x-amz-content-sha256') ?? sha256Hex(req.body)
  const { signature, signedHeaders } = signatureOf(creds, scope, amzDate, {
    method: req.method,
    url: req.url,
    headers,
    payloadHash,
    presigned: false
  })
  const scopeText = credentialScope(amzDate.slice(0, 8), scope.region, scope.service)
  return {
    'x-amz-date': amzDate,
    ...(creds.sessionToken === undefined ? {} : { 'x-amz-security-token': creds.sessionToken }),
    authorization: `${ALGORITHM} Credential=${creds.accessKeyId}/${scopeText}, SignedHeaders=${signedHeaders.join(';')}, Signature=${signature}`
  }
}

const AUTH_PARAMETERS = [
  'X-Amz-Algorithm',
  'X-Amz-Credential',
  'X-Amz-Date',
  'X-Amz-Expires',
  'X-Amz-SignedHeaders',
  'X-Amz-Security-Token',
  'X-Amz-Content-Sha256',
  'X-Amz-Signature'
]

/**
 * A presigned URL: url with X-Amz-Algorithm, -Credential, -Date, -Expires, -SignedHeaders,
 * -Security-Token (temporary credentials) and -Signature added. host (and options.headers) are
 * signed; the payload is an empty body's hash, or UNSIGNED-PAYLOAD when asked for.
 */
export function presign(url: URL, creds: Credentials, scope: SigningScope, now: Date, options: PresignOptions = {}): URL {
  const expires = options.expiresSeconds ?? 900
  if (!Number.isInteger(expires) || expires < 1 || expires > MAX_EXPIRES_SECONDS) {
    throw new RangeError(`expiresSeconds must be a whole number from 1 to ${MAX_EXPIRES_SECONDS}, not ${expires}`)
  }
  const amzDate = formatAmzDate(now.getTime())
  const headers = headersToSign(options.headers ?? {}, url)
  const signed = new URL(url.href)
  const params = signed.searchParams
  for (const name of AUTH_PARAMETERS) params.delete(name)
  params.set('X-Amz-Algorithm', ALGORITHM)
  params.set('X-Amz-Credential', `${creds.accessKeyId}/${credentialScope(amzDate.slice(0, 8), scope.region, scope.service)}`)
  params.set('X-Amz-Date', amzDate)
  params.set('X-Amz-Expires', String(expires))
  params.set('X-Amz-SignedHeaders', [...headers.keys()].sort().join(';'))
  if (creds.sessionToken !== undefined) params.set('X-Amz-Security-Token', creds.sessionToken)
  if (options.unsignedPayload === true) params.set('X-Amz-Content-Sha256', UNSIGNED_PAYLOAD)
  const { signature } = signatureOf(creds, scope, amzDate, {
    method: options.method ?? 'GET',
    url: signed,
    headers,
    payloadHash: options.unsignedPayload === true ? UNSIGNED_PAYLOAD : EMPTY_SHA256,
    presigned: true
  })
  params.set('X-Amz-Signature', signature)
  return signed
}
