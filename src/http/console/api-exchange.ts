// One request to /console/api as the console's routes see it (the method, the route below
// /console/api, the parsed JSON body, the cookies, the facts authorization needs), and the answer
// they give (a status, a JSON body, cookies to set). Reading and writing HTTP happens here only.

import type { IncomingMessage, ServerResponse } from 'node:http'
import type { TLSSocket } from 'node:tls'
import { AwsError } from '../../core/aws-error.js'
import type { RequestFacts } from '../../app/caller.js'
import { BodyTooLarge, readBody } from '../read-body.js'
import { parseCookies } from './cookies.js'

/** The console's JSON bodies are small; a policy document is at most 131,072 characters. */
export const MAX_CONSOLE_BODY_BYTES = 512 * 1024

/** The region console calls are made in (the console names none). */
const CONSOLE_REGION = 'us-east-1'

export interface ApiRequest {
  readonly method: 'GET' | 'POST'
  /** Below /console/api: `/session`, `/sign-in/mfa`... */
  readonly route: string
  readonly body: unknown
  readonly cookies: ReadonlyMap<string, string>
  readonly headers: IncomingMessage['headers']
  readonly facts: RequestFacts
  /** Whether cookies get the Secure attribute: HTTPS to us, or to a proxy in front of us. */
  readonly secureCookies: boolean
  readonly requestId: string
}

export interface ApiAnswer {
  readonly status: number
  readonly body: unknown
  readonly cookies?: readonly string[]
  readonly headers?: Readonly<Record<string, string>>
}

export const ok = (body: unknown, cookies?: readonly string[]): ApiAnswer => ({ status: 200, body, ...(cookies ? { cookies } : {}) })

export function errorAnswer(status: number, error: AwsError): ApiAnswer {
  const retry = (error as { retryAfterSeconds?: unknown }).retryAfterSeconds
  const body = { error: { code: error.code, message: error.message, ...(typeof retry === 'number' ? { retryAfterSeconds: retry } : {}) } }
  return { status, body, ...(typeof retry === 'number' ? { headers: { 'Retry-After': String(retry) } } : {}) }
}

/** Reads the request: a POST's body must be JSON (empty means {}). */
export async function readApiRequest(req: IncomingMessage, route: string, now: Date, requestId: string): Promise<ApiRequest> {
  const method = req.method === 'POST' ? 'POST' : req.method === 'GET' || req.method === 'HEAD' ? 'GET' : undefined
  if (method === undefined) throw new AwsError('MethodNotAllowed', 'The console API takes GET and POST.', 405)
  let body: unknown = undefined
  if (method === 'POST') {
    let raw: Buffer
    try {
      raw = await readBody(req, MAX_CONSOLE_BODY_BYTES)
    } catch (e) {
      if (e instanceof BodyTooLarge) throw new AwsError('RequestEntityTooLarge', `Request body exceeds the maximum of ${MAX_CONSOLE_BODY_BYTES} bytes.`, 413)
      throw e
    }
    body = parseJson(raw)
  }
  const facts: RequestFacts = {
    sourceIp: sourceIp(req),
    userAgent: typeof req.headers['user-agent'] === 'string' ? req.headers['user-agent'] : '',
    // aws:SecureTransport: only what this server can see. A client-sent X-Forwarded-Proto must
    // not satisfy a policy that requires TLS.
    secureTransport: (req.socket as Partial<TLSSocket>).encrypted === true,
    region: CONSOLE_REGION,
    time: now
  }
  return { method, route, body, cookies: parseCookies(req.headers.cookie), headers: req.headers, facts, secureCookies: isHttps(req), requestId }
}

function parseJson(raw: Buffer): unknown {
  const text = raw.toString('utf8').trim()
  if (text === '') return {}
  try {
    return JSON.parse(text) as unknown
  } catch {
    throw new AwsError('MalformedInput', 'The request body is not valid JSON.', 400)
  }
}

/** A TLS connection to us, or a proxy that says it took the request over HTTPS. */
export function isHttps(req: IncomingMessage): boolean {
  return (req.socket as Partial<TLSSocket>).encrypted === true || req.headers['x-forwarded-proto'] === 'https'
}

function sourceIp(req: IncomingMessage): string {
  const address = req.socket.remoteAddress ?? '0.0.0.0'
  return address.startsWith('::ffff:') ? address.slice(7) : address
}

export function writeAnswer(res: ServerResponse, answer: ApiAnswer, requestId: string, method: string): void {
  const text = JSON.stringify(answer.body) + '\n'
  res.writeHead(answer.status, {
    ...(answer.headers ?? {}),
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    'x-amzn-RequestId': requestId,
    ...(answer.cookies?.length ? { 'Set-Cookie': [...answer.cookies] } : {})
  })
  res.end(method === 'HEAD' ? undefined : text)
}
