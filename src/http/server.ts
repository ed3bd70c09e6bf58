// The HTTP server: one endpoint for IAM and STS (AWS Query protocol), a health check, and in
// dev mode a reset. Bodies are limited before they are read; every response carries the
// request id AWS clients look for.

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AppContext } from '../app/context.js'
import { BodyTooLarge, readBody } from './read-body.js'
import type { QueryEndpoint } from './query-endpoint.js'
import { ConsoleHandler } from './console/console-handler.js'

/** No IAM or STS request comes near this (a policy document is at most 131,072 characters). */
export const MAX_BODY_BYTES = 1024 * 1024

export interface ServerDeps {
  readonly ctx: AppContext
  readonly query: QueryEndpoint
  /** The web console under /console (docs/console-api.md). */
  readonly console?: ConsoleHandler | undefined
  /** Forget caches after a reset (dev mode). */
  readonly onReset: () => void
}

export function createPortcullisServer(deps: ServerDeps): Server {
  const server = createServer((req, res) => {
    handle(deps, req, res).catch((e: unknown) => {
      console.error('request failed:', e)
      if (!res.headersSent) send(res, 500, 'text/plain', 'internal error\n')
      else res.destroy()
    })
  })
  server.keepAliveTimeout = 65_000
  return server
}

async function handle(deps: ServerDeps, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = req.url ?? '/'
  const q = url.indexOf('?')
  const path = q < 0 ? url : url.slice(0, q)
  const query = q < 0 ? '' : url.slice(q + 1)

  if (path === '/_portcullis/health') return send(res, 200, 'application/json', '{"status":"ok"}\n')
  if (path === '/_portcullis/reset') return reset(deps, req, res)
  if (deps.console && ConsoleHandler.owns(path)) return deps.console.handle(req, res, path)

  let body: Buffer
  try {
    body = await readBody(req, MAX_BODY_BYTES)
  } catch (e) {
    if (e instanceof BodyTooLarge) {
      res.setHeader('Connection', 'close')
      return send(res, 413, 'text/xml', errorXml('RequestEntityTooLarge', `Request body exceeds the maximum of ${MAX_BODY_BYTES} bytes.`))
    }
    throw e
  }
  const result = await deps.query.handle({
    method: req.method ?? 'GET',
    path,
    query,
    headers: req.headersDistinct,
    body,
    meta: {
      sourceIp: sourceIp(req),
      userAgent: typeof req.headers['user-agent'] === 'string' ? req.headers['user-agent'] : '',
      secureTransport: false
    }
  })
  // One flat header list for writeHead: cheaper than setHeader's map on every response.
  const headers: (string | number)[] = ['Content-Type', 'text/xml', 'Content-Length', Buffer.byteLength(result.body), 'x-amzn-RequestId', result.requestId]
  if (result.headers) for (const [name, value] of Object.entries(result.headers)) headers.push(name, value)
  res.writeHead(result.status, headers)
  res.end(result.body)
}

async function reset(deps: ServerDeps, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.method !== 'POST') return send(res, 405, 'application/json', '{"error":"use POST"}\n')
  if (deps.ctx.config.authMode !== 'dev') return send(res, 403, 'application/json', '{"error":"reset is only available with --auth dev"}\n')
  await deps.ctx.store.wipe()
  deps.onReset()
  send(res, 200, 'application/json', '{"reset":true}\n')
}

function sourceIp(req: IncomingMessage): string {
  const address = req.socket.remoteAddress ?? '0.0.0.0'
  return address.startsWith('::ffff:') ? address.slice(7) : address
}

function send(res: ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, { 'Content-Type': type, 'Content-Length': Buffer.byteLength(body) })
  res.end(body)
}

function errorXml(code: string, message: string): string {
  return `<ErrorResponse><Error><Type>Sender</Type><Code>${code}</Code><Message>${message}</Message></Error></ErrorResponse>`
}
