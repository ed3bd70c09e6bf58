// Turning what a client sends into the SignedRequest the server would see.

import { sign } from '../sign.js'
import type { Credentials, SignedRequest, SigningScope } from '../types.js'

export const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text)

/** Lower-cases the names; a name given twice (in any case) becomes an array, as in headersDistinct. */
export function nodeHeaders(pairs: ReadonlyArray<readonly [string, string]>): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {}
  for (const [name, value] of pairs) {
    const lower = name.toLowerCase()
    const previous = out[lower]
    out[lower] = previous === undefined ? value : [...(Array.isArray(previous) ? previous : [previous]), value]
  }
  return out
}

/** The request as it reaches the server after sign(): host from the URL, the signer's headers added. */
export function signedRequest(
  input: { method: string; url: URL; headers?: Record<string, string>; body?: Uint8Array | string },
  creds: Credentials,
  scope: SigningScope,
  now: Date
): SignedRequest {
  const body = typeof input.body === 'string' ? utf8(input.body) : (input.body ?? new Uint8Array())
  const given = input.headers ?? {}
  const added = sign({ method: input.method, url: input.url, headers: given, body }, creds, scope, now)
  return {
    method: input.method,
    path: input.url.pathname,
    query: input.url.search.slice(1),
    headers: nodeHeaders([['host', input.url.host], ...Object.entries(given), ...Object.entries(added)]),
    body
  }
}

/** A presigned URL as the server sees it when fetched. */
export function presignedRequest(url: URL, method = 'GET', extraHeaders: Record<string, string> = {}): SignedRequest {
  return {
    method,
    path: url.pathname,
    query: url.search.slice(1),
    headers: nodeHeaders([['host', url.host], ...Object.entries(extraHeaders)]),
    body: new Uint8Array()
  }
}
