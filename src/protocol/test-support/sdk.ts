/**
 * The real AWS SDK for JavaScript v3, used as the reference client: its own serializer produces
 * request bodies (a requestHandler captures the HttpRequest instead of sending it), and its own
 * deserializer reads our XML (a requestHandler answers with a canned HttpResponse).
 */
import * as iam from '@aws-sdk/client-iam'
import * as sts from '@aws-sdk/client-sts'

export interface CapturedRequest {
  readonly method: string
  readonly path: string
  readonly headers: Readonly<Record<string, string>>
  readonly body: string
}

interface HandlerRequest {
  method: string
  path: string
  headers: Record<string, string>
  body?: unknown
}

type Handler = (request: HandlerRequest) => { statusCode: number; headers: Record<string, string>; body: Uint8Array }

class Captured extends Error {
  constructor(readonly request: CapturedRequest) {
    super('captured')
  }
}

function clientConfig(handler: Handler) {
  return {
    region: 'us-east-1',
    endpoint: 'https://portcullis.test',
    credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' },
    maxAttempts: 1,
    requestHandler: {
      handle: async (request: HandlerRequest) => ({ response: handler(request) }),
      updateHttpClientConfig: () => undefined,
      httpHandlerConfigs: () => ({})
    }
  }
}

type Service = 'iam' | 'sts'

// The clients' command classes, looked up by operation name.
type CommandCtor = new (input: unknown) => unknown
function commandFor(service: Service, operation: string): CommandCtor {
  const module = (service === 'iam' ? iam : sts) as unknown as Record<string, unknown>
  const ctor = module[`${operation}Command`]
  if (typeof ctor !== 'function') throw new Error(`no ${service} command ${operation}`)
  return ctor as CommandCtor
}

function newClient(service: Service, handler: Handler): { send(command: unknown): Promise<unknown> } {
  const config = clientConfig(handler)
  return (service === 'iam' ? new iam.IAMClient(config) : new sts.STSClient(config)) as unknown as { send(command: unknown): Promise<unknown> }
}

export function sdkHasOperation(service: Service, operation: string): boolean {
  const module = (service === 'iam' ? iam : sts) as unknown as Record<string, unknown>
  return typeof module[`${operation}Command`] === 'function'
}

/** The request the SDK sends for `operation` with `input`. */
export async function sdkRequest(service: Service, operation: string, input: unknown): Promise<CapturedRequest> {
  const client = newClient(service, (request) => {
    const body = request.body
    throw new Captured({
      method: request.method,
      path: request.path,
      headers: request.headers,
      body: typeof body === 'string' ? body : body instanceof Uint8Array ? new TextDecoder().decode(body) : ''
    })
  })
  try {
    await client.send(new (commandFor(service, operation))(input))
  } catch (e) {
    if (e instanceof Captured) return e.request
    throw e
  }
  throw new Error('the SDK sent no request')
}

/** What the SDK makes of a response with this status and XML body (the output, or the thrown error). */
export async function sdkResponse(
  service: Service,
  operation: string,
  status: number,
  xml: string
): Promise<{ ok: true; output: Record<string, unknown> } | { ok: false; error: Record<string, unknown> & Error }> {
  const client = newClient(service, () => ({
    statusCode: status,
    headers: { 'content-type': 'text/xml', 'x-amzn-requestid': 'req-1' },
    body: new TextEncoder().encode(xml)
  }))
  try {
    const output = { ...((await client.send(new (commandFor(service, operation))({}))) as Record<string, unknown>) }
    delete output.$metadata
    return { ok: true, output }
  } catch (e) {
    return { ok: false, error: e as Record<string, unknown> & Error }
  }
}
