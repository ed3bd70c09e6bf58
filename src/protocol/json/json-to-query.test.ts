import { describe, expect, it } from 'vitest'
import { IAM_SERVICE_MODEL } from '../model/iam-model-supplement.js'
import { STS_MODEL } from '../model/sts-model.js'
import type { ServiceModel } from '../model/types.js'
import { parseInput } from '../query/parse-input.js'
import { jsonToQueryParams } from './json-to-query.js'

const op = (model: ServiceModel, name: string) => {
  const operation = model.operations[name]
  if (!operation) throw new Error(name)
  return operation
}

function params(model: ServiceModel, action: string, input: unknown): Record<string, string> {
  const result = jsonToQueryParams(model, op(model, action), input)
  if (!result.ok) throw new Error(result.error.message)
  return Object.fromEntries(result.value)
}

describe('JSON input to Query parameters', () => {
  it('writes scalars, lists of structures and nested structures as the Query protocol names them', () => {
    expect(
      params(IAM_SERVICE_MODEL, 'CreateUser', {
        UserName: 'bob',
        Path: '/x/',
        Tags: [
          { Key: 'team', Value: 'a' },
          { Key: 'env', Value: '' }
        ]
      })
    ).toEqual({
      UserName: 'bob',
      Path: '/x/',
      'Tags.member.1.Key': 'team',
      'Tags.member.1.Value': 'a',
      'Tags.member.2.Key': 'env',
      'Tags.member.2.Value': ''
    })
    expect(
      params(STS_MODEL, 'AssumeRole', {
        RoleArn: 'arn:aws:iam::123456789012:role/r',
        RoleSessionName: 's',
        DurationSeconds: 900,
        PolicyArns: [{ arn: 'arn:aws:iam::aws:policy/X' }]
      })
    ).toEqual({
      RoleArn: 'arn:aws:iam::123456789012:role/r',
      RoleSessionName: 's',
      DurationSeconds: '900',
      'PolicyArns.member.1.arn': 'arn:aws:iam::aws:policy/X'
    })
  })

  it('writes booleans, lists of strings, and an empty list as the bare key', () => {
    expect(params(IAM_SERVICE_MODEL, 'UpdateAccountPasswordPolicy', { MinimumPasswordLength: 12, RequireSymbols: true })).toEqual({
      MinimumPasswordLength: '12',
      RequireSymbols: 'true'
    })
    expect(params(IAM_SERVICE_MODEL, 'UntagUser', { UserName: 'bob', TagKeys: ['a', 'b'] })).toEqual({ UserName: 'bob', 'TagKeys.member.1': 'a', 'TagKeys.member.2': 'b' })
    expect(params(IAM_SERVICE_MODEL, 'UntagUser', { UserName: 'bob', TagKeys: [] })).toEqual({ UserName: 'bob', TagKeys: '' })
  })

  it('leaves out null members and ignores unknown ones, as AWS ignores unknown parameters', () => {
    expect(params(IAM_SERVICE_MODEL, 'CreateUser', { UserName: 'bob', Path: null, Nonsense: 1 })).toEqual({ UserName: 'bob' })
    expect(params(IAM_SERVICE_MODEL, 'ListUsers', undefined)).toEqual({})
  })

  it('writes maps as entry.N.key / entry.N.value', () => {
    const model: ServiceModel = {
      metadata: { apiVersion: '1', xmlNamespace: 'x', protocol: 'query', serviceId: 'T', endpointPrefix: 't' },
      operations: { Op: { name: 'Op', input: 'In' } },
      shapes: {
        In: { type: 'structure', members: { Attrs: { shape: 'AttrMap' } } },
        AttrMap: { type: 'map', key: { shape: 'S' }, value: { shape: 'S' } },
        S: { type: 'string' }
      }
    }
    expect(params(model, 'Op', { Attrs: { a: '1', b: '2' } })).toEqual({
      'Attrs.entry.1.key': 'a',
      'Attrs.entry.1.value': '1',
      'Attrs.entry.2.key': 'b',
      'Attrs.entry.2.value': '2'
    })
  })

  it('refuses a JSON type that does not fit the shape, naming the member as the validator would', () => {
    const wrong = (model: ServiceModel, action: string, input: unknown) => jsonToQueryParams(model, op(model, action), input)
    expect(wrong(IAM_SERVICE_MODEL, 'CreateUser', { UserName: 5 })).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'MalformedInput', message: "Value at 'userName' must be a string." })
    })
    expect(wrong(IAM_SERVICE_MODEL, 'CreateUser', { UserName: 'b', Tags: { Key: 'k' } })).toMatchObject({ ok: false, error: { message: "Value at 'tags' must be an array." } })
    expect(wrong(IAM_SERVICE_MODEL, 'CreateUser', { UserName: 'b', Tags: ['k'] })).toMatchObject({ ok: false, error: { message: "Value at 'tags.1.member' must be an object." } })
    expect(wrong(IAM_SERVICE_MODEL, 'CreateUser', 'bob')).toMatchObject({ ok: false, error: { message: "Value at 'input' must be an object." } })
    expect(wrong(IAM_SERVICE_MODEL, 'UpdateAccountPasswordPolicy', { RequireSymbols: 'yes' })).toMatchObject({
      ok: false,
      error: { message: "Value at 'requireSymbols' must be a boolean." }
    })
  })

  it('hands parseInput what it validates with the Query protocol’s own messages', () => {
    const operation = op(IAM_SERVICE_MODEL, 'CreateUser')
    const converted = jsonToQueryParams(IAM_SERVICE_MODEL, operation, { UserName: 'x'.repeat(65), Tags: [{ Key: 'k', Value: 'v' }] })
    if (!converted.ok) throw new Error('conversion failed')
    const parsed = parseInput(IAM_SERVICE_MODEL, operation, converted.value, { quoteValues: false })
    expect(parsed).toMatchObject({
      ok: false,
      error: { code: 'ValidationError', message: "1 validation error detected: Value at 'userName' failed to satisfy constraint: Member must have length less than or equal to 64" }
    })
    const good = jsonToQueryParams(IAM_SERVICE_MODEL, operation, { UserName: 'bob', Tags: [{ Key: 'k', Value: 'v' }] })
    if (!good.ok) throw new Error('conversion failed')
    expect(parseInput(IAM_SERVICE_MODEL, operation, good.value)).toEqual({ ok: true, value: { UserName: 'bob', Tags: [{ Key: 'k', Value: 'v' }] } })
  })
})
