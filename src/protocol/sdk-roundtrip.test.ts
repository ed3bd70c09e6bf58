// Wire compatibility with the real AWS SDK for JavaScript v3: its serializer writes the requests we
// parse, and its deserializer reads the responses and errors we write, for every operation.
import { describe, expect, it } from 'vitest'
import { IAM_MODEL } from './model/iam-model.js'
import { STS_MODEL } from './model/sts-model.js'
import type { ServiceModel } from './model/types.js'
import { parseInput } from './query/parse-input.js'
import { readQueryParams } from './query/params.js'
import { resolveOperation } from './query/resolve.js'
import { errorInfo, serializeError, serializeResponse } from './query/serialize.js'
import { sampleOutput, validInput } from './test-support/generate.js'
import { sdkHasOperation, sdkRequest, sdkResponse } from './test-support/sdk.js'

const MODELS = [IAM_MODEL, STS_MODEL]
const SERVICES: readonly { service: 'iam' | 'sts'; model: ServiceModel }[] = [
  { service: 'iam', model: IAM_MODEL },
  { service: 'sts', model: STS_MODEL }
]

/** Input variants per operation: all members (two ways) and required members only. */
const VARIANTS = [
  { full: true, variant: 0 },
  { full: true, variant: 2 },
  { full: true, variant: 7 },
  { full: false, variant: 1 }
]

async function roundTripInput(service: 'iam' | 'sts', model: ServiceModel, operation: string, input: unknown) {
  const request = await sdkRequest(service, operation, input)
  expect(request.method).toBe('POST')
  expect(request.headers['content-type']).toBe('application/x-www-form-urlencoded')
  const params = readQueryParams('', request.body)
  const resolved = resolveOperation(MODELS, params)
  if (!resolved.ok) throw new Error(`${operation}: ${resolved.error.message}`)
  expect(resolved.value.model).toBe(model)
  expect(resolved.value.operation.name).toBe(operation)
  const parsed = parseInput(model, resolved.value.operation, params)
  if (!parsed.ok) throw new Error(`${operation}: ${parsed.error.code} ${parsed.error.message}\nbody: ${request.body}`)
  return parsed.value
}

for (const { service, model } of SERVICES) {
  const operations = Object.values(model.operations)

  describe(`${service}: requests written by the SDK`, () => {
    it.each(operations.map((op) => [op.name, op] as const))('%s', async (_name, op) => {
      for (const options of VARIANTS) {
        const input = op.input === undefined ? {} : validInput(model, op.input, options)
        const parsed = await roundTripInput(service, model, op.name, input)
        expect(parsed, `${op.name} ${JSON.stringify(options)}`).toEqual(input)
      }
    })
  })

  describe(`${service}: responses read by the SDK`, () => {
    it.each(operations.map((op) => [op.name, op] as const))('%s', async (_name, op) => {
      for (const variant of [0, 1, 2, 3]) {
        const output = op.output === undefined ? undefined : (sampleOutput(model, op.output, variant) as Record<string, unknown>)
        const xml = serializeResponse(model, op, output, `req-${variant}`)
        const read = await sdkResponse(service, op.name, 200, xml)
        if (!read.ok) throw read.error
        expect(read.output, `${op.name} variant ${variant}\n${xml}`).toEqual(output ?? {})
      }
    })
  })

  describe(`${service}: modelled errors read by the SDK`, () => {
    const errorShapes = Object.entries(model.shapes).filter(([, s]) => s.type === 'structure' && s.error !== undefined)
    it.each(errorShapes.map(([name]) => [name]))('%s', async (name) => {
      const info = errorInfo(model, name)
      expect(info).toBeDefined()
      if (info === undefined) return
      const op = operations.find((o) => o.errors?.includes(name)) ?? operations[0]
      if (op === undefined) return
      const xml = serializeError(model, { code: info.code, message: `message for ${name} <&>`, type: info.type }, 'req-e')
      const read = await sdkResponse(service, op.name, info.status, xml)
      expect(read.ok).toBe(false)
      if (read.ok) return
      expect(read.error.name).toBe(name)
      expect(read.error.message).toBe(`message for ${name} <&>`)
      expect(read.error.$fault).toBe(info.type === 'Sender' ? 'client' : 'server')
      expect((read.error.$metadata as { httpStatusCode?: number }).httpStatusCode).toBe(info.status)
      // The SDK takes the request id from the x-amzn-RequestId header (set by the harness), not the body.
      expect((read.error.$metadata as { requestId?: string }).requestId).toBe('req-1')
      expect(read.error.Code).toBe(info.code)
      expect(read.error.Type).toBe(info.type)
    })
  })
}

describe('protocol errors read by the SDK', () => {
  it('ValidationError (unmodelled) keeps code and message', async () => {
    const message = "1 validation error detected: Value 'bad name' at 'userName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]+"
    const xml = serializeError(IAM_MODEL, { code: 'ValidationError', message, type: 'Sender' }, 'req-v')
    const read = await sdkResponse('iam', 'CreateUser', 400, xml)
    expect(read.ok).toBe(false)
    if (read.ok) return
    expect(read.error.name).toBe('ValidationError')
    expect(read.error.message).toBe(message)
  })

  it('MalformedInput without a message', async () => {
    const xml = serializeError(STS_MODEL, { code: 'MalformedInput', message: '', type: 'Sender' }, 'req-m')
    expect(xml).not.toContain('<Message>')
    const read = await sdkResponse('sts', 'AssumeRole', 400, xml)
    expect(read.ok).toBe(false)
    if (read.ok) return
    expect(read.error.name).toBe('MalformedInput')
  })
})

describe('the SDK and the model agree on the operations', () => {
  it('every operation of the Debian model exists in the SDK', () => {
    for (const op of Object.keys(IAM_MODEL.operations)) expect(sdkHasOperation('iam', op), op).toBe(true)
    for (const op of Object.keys(STS_MODEL.operations)) expect(sdkHasOperation('sts', op), op).toBe(true)
  })
})
