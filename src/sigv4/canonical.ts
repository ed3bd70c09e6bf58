// The canonical request and the string to sign, shared by sign() and verify() so both build them
// the same way. Shapes per the SigV4 spec:
//
//   CanonicalRequest = Method \n CanonicalURI \n CanonicalQuery \n CanonicalHeaders \n SignedHeaders \n PayloadHash
//   StringToSign     = AWS4-HMAC-SHA256 \n AmzDate \n Date/Region/Service/aws4_request \n hex(sha256(CanonicalRequest))

import { hash } from 'node:crypto'

export const ALGORITHM = 'AWS4-HMAC-SHA256'
export const TERMINATOR = 'aws4_request'
export const UNSIGNED_PAYLOAD = 'UNSIGNED-PAYLOAD'
export const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'

export type HeaderMap = Readonly<Record<string, string | readonly string[] | undefined>>

/**
 * crypto.hash (Node 20.12 and later; package.json asks for 20.19) hashes in one call, without
 * the Hash object createHash builds: for inputs the size of a request, a third of the time.
 */
export function sha256Hex(data: string | Uint8Array): string {
  if (data.length === 0) return EMPTY_SHA256
  return hash('sha256', data, 'hex')
}

/** The first value of a header (names are lower-case, as Node gives them). */
export function firstHeader(headers: HeaderMap, name: string): string | undefined {
  if (!Object.hasOwn(headers, name)) return undefined
  const value = headers[name]
  return typeof value === 'string' ? value : value?.[0]
}

const NEEDS_TRIM = /\t| {2}|^ | $/

/** A header value trimmed, with each run of spaces and tabs made one space. */
export function canonicalHeaderValue(value: string): string {
  if (!NEEDS_TRIM.test(value)) return value
  let out = value.replace(/[ \t]+/g, ' ')
  if (out.startsWith(' ')) out = out.slice(1)
  if (out.endsWith(' ')) out = out.slice(0, -1)
  return out
}

/**
 * One 'name:value\n' line per signed header, in the order given; a header sent more than once
 * has its values joined by ','. A header that is absent signs as empty. HTTP/2's ':authority'
 * stands in for a missing host.
 */
export function canonicalHeaders(headers: HeaderMap, signedHeaders: readonly string[]): string {
  let out = ''
  for (const name of signedHeaders) {
    // Own properties only: the names come from the client ('constructor', '__proto__', ...).
    let value = Object.hasOwn(headers, name) ? headers[name] : undefined
    if (value === undefined && name === 'host' && Object.hasOwn(headers, ':authority')) value = headers[':authority']
    let text = ''
    if (typeof value === 'string') text = canonicalHeaderValue(value)
    else if (Array.isArray(value)) text = value.map(canonicalHeaderValue).join(',')
    out += `${name}:${text}\n`
  }
  return out
}

export interface CanonicalParts {
  readonly method: string
  readonly uri: string
  readonly query: string
  /** canonicalHeaders(): lines ending in '\n'. */
  readonly headers: string
  readonly signedHeaders: readonly string[]
  readonly payloadHash: string
}

export function canonicalRequest(parts: CanonicalParts): string {
  return `${parts.method}\n${parts.uri}\n${parts.query}\n${parts.headers}\n${parts.signedHeaders.join(';')}\n${parts.payloadHash}`
}

export function credentialScope(date: string, region: string, service: string): string {
  return `${date}/${region}/${service}/${TERMINATOR}`
}

export function stringToSign(amzDate: string, scope: string, canonical: string): string {
  return `${ALGORITHM}\n${amzDate}\n${scope}\n${sha256Hex(canonical)}`
}
