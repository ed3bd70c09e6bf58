// The AWS Query protocol endpoint that IAM and STS share: authenticate the SigV4 signature,
// find the operation, parse and validate its input by the model, run the action as the caller,
// and answer in XML (or AWS's error XML). Every failure is an AWS error; nothing escapes as a
// stack trace.

import { isAscii } from 'node:buffer'
import { randomUUID } from 'node:crypto'
import { AwsError } from '../core/aws-error.js'
import { anonymousCaller, type Caller } from '../app/caller.js'
import { Call } from '../app/call.js'
import type { AppContext } from '../app/context.js'
import { parseInput } from '../protocol/query/parse-input.js'
import { readQueryParams } from '../protocol/query/params.js'
import { resolveOperation } from '../protocol/query/resolve.js'
import { errorInfo, serializeError, serializeResponse } from '../protocol/index.js'
import type { ProtocolError } from '../protocol/query/errors.js'
import type { ServiceModel } from '../protocol/model/types.js'
import { isSigV4Error, parseAuth, type SignedRequest, type SigV4Error } from '../sigv4/index.js'
import type { Authenticator, RequestMeta } from './authenticator.js'
import type { ServiceEndpoint } from './services.js'

export interface QueryRequest extends SignedRequest {
  readonly meta: RequestMeta
}

export interface QueryResponse {
  readonly status: number
  readonly body: string
  readonly requestId: string
  /** Extra response headers (Location, for AWS's redirect of a request without Action). */
  readonly headers?: Readonly<Record<string, string>>
}

/** The region an unsigned request is taken to be made in (it names none). */
const DEFAULT_REGION = 'us-east-1'

export class QueryEndpoint {
  private readonly bySigningName: Map<string, ServiceEndpoint>

  constructor(
    private readonly ctx: AppContext,
    private readonly services: readonly ServiceEndpoint[],
    private readonly authenticator: Authenticator
  ) {
    this.bySigningName = new Map(services.map((s) => [s.signingName, s]))
  }

  async handle(req: QueryRequest): Promise<QueryResponse> {
    const requestId = randomUUID()
    let service = this.services[0] as ServiceEndpoint
    try {
      const params = readQueryParams(req.query, decodeUtf8(req.body))
      // Until the signature names a service, answer in the namespace the Version parameter implies.
      service = this.guessService(params)
      const auth = parseAuth(req)
      let caller: Caller
      if (isSigV4Error(auth)) {
        if (!(auth.code === 'MissingAuthenticationToken' && service.unsignedActions?.has(params.get('Action') ?? ''))) return this.fail(service.model, requestId, sigv4Error(auth))
        caller = anonymousCaller({ ...req.meta, region: DEFAULT_REGION, time: this.ctx.clock.now() })
      } else {
        service = this.bySigningName.get(auth.scope.service) ?? service
        caller = await this.authenticator.authenticate(req, auth, service.signingName, req.meta)
      }
      const resolved = resolveOperation([service.model], params)
      if (!resolved.ok) return this.protocolFailure(service.model, requestId, resolved.error, req)
      const { operation } = resolved.value
      const input = parseInput(service.model, operation, params, service.parseOptions)
      if (!input.ok) return this.protocolFailure(service.model, requestId, input.error, req)
      const handler = service.actions[operation.name]
      if (!handler) return this.fail(service.model, requestId, notImplemented(operation.name))
      const output = await handler(new Call(this.ctx, caller, requestId), input.value)
      return { status: 200, body: serializeResponse(service.model, operation, output, requestId), requestId }
    } catch (e) {
      if (e instanceof AwsError) return this.fail(service.model, requestId, e)
      // A fault of ours: logged with the request id, answered without details.
      console.error(`[${requestId}] internal error:`, e)
      return this.fail(service.model, requestId, new AwsError('ServiceFailure', 'An internal error occurred. Quote the request id when reporting it.', 500, 'Receiver'))
    }
  }

  private guessService(params: Map<string, string>): ServiceEndpoint {
    const version = params.get('Version')
    return this.services.find((s) => s.model.metadata.apiVersion === version) ?? (this.services[0] as ServiceEndpoint)
  }

  /** The protocol layer's errors carry what AWS does beyond an error document (namespace, redirect). */
  private protocolFailure(model: ServiceModel, requestId: string, error: ProtocolError, req: QueryRequest): QueryResponse {
    if (error.redirect !== undefined) {
      const location = req.method === 'GET' && req.query ? `${error.redirect}?${req.query}` : error.redirect
      return { status: 302, body: '', requestId, headers: { Location: location } }
    }
    return { status: error.status, body: serializeError(model, error, requestId), requestId }
  }

  private fail(model: ServiceModel, requestId: string, error: AwsError): QueryResponse {
    const status = errorInfo(model, error.code)?.status ?? error.status
    return { status, body: serializeError(model, { code: error.code, message: error.message, type: error.fault }, requestId), requestId }
  }
}

function sigv4Error(e: SigV4Error): AwsError {
  return new AwsError(e.code, e.message, e.status, e.status >= 500 ? 'Receiver' : 'Sender')
}

function notImplemented(operation: string): AwsError {
  return new AwsError('NotImplemented', `${operation} is not supported by this server yet.`, 501, 'Receiver')
}

const utf8 = new TextDecoder('utf-8', { fatal: true })

/** Query bodies are percent-encoded ASCII; bytes that are not UTF-8 make a malformed request. */
function decodeUtf8(body: Uint8Array): string {
  // The usual case, ASCII, decodes the same as Latin-1, which needs no validation.
  if (isAscii(body)) return Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('latin1')
  try {
    return utf8.decode(body)
  } catch {
    throw new AwsError('MalformedQueryString', 'The request body is not valid UTF-8.', 400)
  }
}

export type { Caller }
