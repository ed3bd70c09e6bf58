// POST /console/api/call: an IAM or STS action run for the console exactly as the Query endpoint
// runs it: the JSON input is turned into the Query parameters it stands for and parsed and
// validated by the same model with the same options (so the same messages), the same handler runs
// as the console's principal, and the output goes back as the SDK would hand it over.

import { AwsError } from '../../core/aws-error.js'
import { Call } from '../../app/call.js'
import type { Caller } from '../../app/caller.js'
import type { AppContext } from '../../app/context.js'
import { recordRoleUse } from '../../app/sts/role-sessions.js'
import { jsonToQueryParams } from '../../protocol/json/json-to-query.js'
import { outputToJson, type JsonValue } from '../../protocol/json/output-to-json.js'
import { invalidAction, type ProtocolError } from '../../protocol/query/errors.js'
import { parseInput } from '../../protocol/query/parse-input.js'
import { errorInfo } from '../../protocol/query/serialize.js'
import type { ServiceEndpoint } from '../services.js'

export interface ActionRequest {
  readonly service: string
  readonly action: string
  readonly input: unknown
}

export class ActionBridge {
  private readonly byName: Map<string, ServiceEndpoint>

  constructor(
    private readonly ctx: AppContext,
    services: readonly ServiceEndpoint[]
  ) {
    this.byName = new Map(services.map((s) => [s.signingName, s]))
  }

  /** Reads `{ service, action, input }` from a request body; a clear error when it is not that. */
  static request(body: unknown): ActionRequest {
    const b = body as Record<string, unknown> | undefined
    if (typeof b !== 'object' || b === null || typeof b.service !== 'string' || typeof b.action !== 'string') {
      throw new AwsError('ValidationError', 'The body must be { "service": "iam" | "sts", "action": "<Action>", "input": { ... } }.', 400)
    }
    return { service: b.service, action: b.action, input: b.input }
  }

  async run(caller: Caller, request: ActionRequest, requestId: string): Promise<Record<string, JsonValue>> {
    const service = this.byName.get(request.service)
    if (!service) throw new AwsError('ValidationError', `Unknown service ${JSON.stringify(request.service)}: the console calls "iam" or "sts".`, 400)
    const { model } = service
    const operation = Object.hasOwn(model.operations, request.action) ? model.operations[request.action] : undefined
    if (!operation) throw protocolError(invalidAction(request.action, model.metadata.apiVersion))
    const handler = Object.hasOwn(service.actions, operation.name) ? service.actions[operation.name] : undefined
    if (!handler) throw new AwsError('NotImplemented', `${operation.name} is not supported by this server yet.`, 501, 'Receiver')
    const params = jsonToQueryParams(model, operation, request.input)
    if (!params.ok) throw protocolError(params.error)
    const input = parseInput(model, operation, params.value, service.parseOptions)
    if (!input.ok) throw protocolError(input.error)
    if (caller.roleId !== undefined) recordRoleUse(this.ctx, caller.accountId, caller.roleId, caller.request.time, caller.request.region)
    const output = await handler(new Call(this.ctx, caller, requestId), input.value)
    return outputToJson(model, operation, output)
  }

  /** The HTTP status AWS gives the error, by the service's model (as the Query endpoint answers). */
  status(serviceName: string, error: AwsError): number {
    const service = this.byName.get(serviceName)
    return (service && errorInfo(service.model, error.code)?.status) ?? error.status
  }
}

function protocolError(e: ProtocolError): AwsError {
  // MalformedInput from a number AWS could not read has no message; say something useful.
  return new AwsError(e.code, e.message === '' ? 'A value in the input cannot be read as its type.' : e.message, e.status, e.type)
}
