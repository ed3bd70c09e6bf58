// Raw HTTP requests to a test server, signed with our SigV4 signer, for the cases the SDK would
// never send (garbage bodies, stale dates, presigned URLs).

import { request } from 'node:http'
import { presign, sign } from '../../../src/sigv4/index.js'
import type { Credentials } from './server.js'

export interface RawResponse {
  readonly status: number
  readonly headers: Record<string, string | string[] | undefined>
  readonly body: string
}

export function rawRequest(url: string, init: { method?: string; path?: string; headers?: Record<string, string>; body?: Uint8Array | string }): Promise<RawResponse> {
  const target = new URL(init.path ?? '/', url)
  return new Promise((resolve, reject) => {
    const req = request({ host: target.hostname, port: target.port, method: init.method ?? 'POST', path: target.pathname + target.search, headers: init.headers }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }))
      res.on('error', reject)
    })
    req.on('error', reject)
    req.end(init.body)
  })
}

/** A Query-protocol POST signed for `service`, with `form` as the body. */
export function signedQuery(
  url: string,
  credentials: Credentials,
  form: string | Uint8Array,
  options: { service?: string; now?: Date; headers?: Record<string, string> } = {}
): Promise<RawResponse> {
  const body = typeof form === 'string' ? new TextEncoder().encode(form) : form
  const target = new URL('/', url)
  const headers = { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8', host: target.host, ...(options.headers ?? {}) }
  const added = sign({ method: 'POST', url: target, headers, body }, credentials, { region: 'us-east-1', service: options.service ?? 'iam' }, options.now ?? new Date())
  return rawRequest(url, { method: 'POST', headers: { ...headers, ...added }, body })
}

/** A presigned GET URL for a Query action. */
export function presignedQuery(url: string, credentials: Credentials, query: string, expiresSeconds: number, now: Date): URL {
  const target = new URL(`/?${query}`, url)
  return presign(target, credentials, { region: 'us-east-1', service: 'iam' }, now, { expiresSeconds })
}

/** The Code and Message of an AWS error body. */
export function errorOf(body: string): { code: string | undefined; message: string | undefined } {
  return { code: /<Code>([^<]*)<\/Code>/.exec(body)?.[1], message: /<Message>([^<]*)<\/Message>/.exec(body)?.[1] }
}
