// Wire compatibility with botocore, the engine of the AWS CLI: its query serializer writes the requests
// we parse, and its query parser reads our responses and errors. Runs where Debian's awscli is
// installed (apt-get install awscli); skipped elsewhere.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { IAM_MODEL } from './model/iam-model.js'
import { STS_MODEL } from './model/sts-model.js'
import type { ServiceModel } from './model/types.js'
import { parseInput } from './query/parse-input.js'
import { readQueryParams } from './query/params.js'
import { resolveOperation } from './query/resolve.js'
import { errorInfo, serializeError, serializeResponse } from './query/serialize.js'
import { sampleOutput, validInput } from './test-support/generate.js'

const PYTHON = '/usr/bin/python3'
const AWSCLI = '/usr/lib/python3/dist-packages/awscli/botocore/data'
const SCRIPT = fileURLToPath(new URL('./test-support/botocore_roundtrip.py', import.meta.url))
const available = existsSync(PYTHON) && existsSync(AWSCLI)

const SERVICES: readonly { service: 'iam' | 'sts'; model: ServiceModel }[] = [
  { service: 'iam', model: IAM_MODEL },
  { service: 'sts', model: STS_MODEL }
]

/** JSON with Dates and Uint8Arrays tagged, as the Python side expects. */
function tag(value: unknown): unknown {
  if (value instanceof Date) return { $date: value.toISOString() }
  if (value instanceof Uint8Array) return { $blob: Buffer.from(value).toString('base64') }
  if (Array.isArray(value)) return value.map(tag)
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, tag(v)]))
  return value
}

interface Job {
  requests: { service: string; operation: string; params: unknown }[]
  responses: { service: string; operation: string; status: number; body: string }[]
}

function runBotocore(job: Job): { requests: string[]; responses: unknown[] } {
  const result = spawnSync(PYTHON, [SCRIPT], { input: JSON.stringify(job), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env: { PATH: '/usr/bin:/bin' } })
  if (result.status !== 0) throw new Error(`botocore failed: ${result.stderr}`)
  return JSON.parse(result.stdout) as { requests: string[]; responses: unknown[] }
}

describe.skipIf(!available)('botocore (AWS CLI) round trips', () => {
  it('parses what botocore sends, for every operation (all members, and required only)', () => {
    const cases: { model: ServiceModel; operation: string; input: unknown }[] = []
    const job: Job = { requests: [], responses: [] }
    for (const { service, model } of SERVICES) {
      for (const op of Object.values(model.operations)) {
        for (const options of [
          { full: true, variant: 0 },
          { full: true, variant: 2 },
          { full: false, variant: 1 }
        ]) {
          const input = op.input === undefined ? {} : validInput(model, op.input, options)
          cases.push({ model, operation: op.name, input })
          job.requests.push({ service, operation: op.name, params: tag(input) })
        }
      }
    }
    const bodies = runBotocore(job).requests
    expect(bodies).toHaveLength(cases.length)
    cases.forEach((c, i) => {
      const params = readQueryParams('', bodies[i] as string)
      const resolved = resolveOperation([IAM_MODEL, STS_MODEL], params)
      if (!resolved.ok) throw new Error(`${c.operation}: ${resolved.error.message}`)
      expect(resolved.value.operation.name).toBe(c.operation)
      const parsed = parseInput(c.model, resolved.value.operation, params)
      if (!parsed.ok) throw new Error(`${c.operation}: ${parsed.error.message}\n${bodies[i]}`)
      expect(parsed.value, `${c.operation}\n${bodies[i]}`).toEqual(c.input)
    })
  })

  it('botocore reads our responses, for every operation', () => {
    const expected: { operation: string; output: unknown }[] = []
    const job: Job = { requests: [], responses: [] }
    for (const { service, model } of SERVICES) {
      for (const op of Object.values(model.operations)) {
        for (const variant of [0, 1, 3]) {
          const output = op.output === undefined ? undefined : (sampleOutput(model, op.output, variant) as Record<string, unknown>)
          job.responses.push({ service, operation: op.name, status: 200, body: serializeResponse(model, op, output, 'req') })
          expected.push({ operation: op.name, output: tag(output ?? {}) })
        }
      }
    }
    const parsed = runBotocore(job).responses
    expected.forEach((e, i) => expect(parsed[i], e.operation).toEqual(e.output))
  })

  it('botocore reads our errors: code, message, type', () => {
    const job: Job = { requests: [], responses: [] }
    const codes: string[] = []
    for (const { service, model } of SERVICES) {
      for (const [name, shape] of Object.entries(model.shapes)) {
        if (shape.type !== 'structure' || shape.error === undefined) continue
        const info = errorInfo(model, name)
        if (info === undefined) throw new Error(name)
        codes.push(info.code)
        job.responses.push({
          service,
          operation: service === 'iam' ? 'GetUser' : 'AssumeRole',
          status: info.status,
          body: serializeError(model, { code: info.code, message: `It failed: <${name}> & more`, type: info.type }, 'req-e')
        })
      }
    }
    const parsed = runBotocore(job).responses as { Error: { Code: string; Message: string; Type: string } }[]
    parsed.forEach((p, i) => {
      expect(p.Error.Code).toBe(codes[i])
      expect(p.Error.Message).toMatch(/^It failed: <\w+> & more$/)
    })
  })
})
