// The supplement agrees with the AWS SDK we test against: the same members, the same required
// ones, and shapes the model can resolve.
import * as iam from '@aws-sdk/client-iam'
import { describe, expect, it } from 'vitest'
import { parseInput } from '../query/parse-input.js'
import { IAM_MODEL } from './iam-model.js'
import { IAM_SERVICE_MODEL } from './iam-model-supplement.js'
import type { OperationModel, StructureShape } from './types.js'

/** The SDK's schema for a structure: [kind, namespace, name, traits, member names, member types, required count]. */
function sdkStructure(name: string): { members: string[]; required: string[] } {
  const schema = (iam as unknown as Record<string, unknown>)[`${name}$`] as unknown[]
  const members = schema[4] as string[]
  return { members, required: members.slice(0, schema[6] as number) }
}

describe('the IAM model supplement', () => {
  it.each(['GetMFADeviceRequest', 'GetMFADeviceResponse', 'DeactivateMFADeviceRequest'])('%s has the SDK’s members and required members', (name) => {
    const shape = IAM_SERVICE_MODEL.shapes[name] as StructureShape
    const sdk = sdkStructure(name)
    expect(Object.keys(shape.members).sort()).toEqual([...sdk.members].sort())
    expect([...(shape.required ?? [])].sort()).toEqual([...sdk.required].sort())
  })

  it('adds GetMFADevice and resolves every shape it refers to', () => {
    expect(IAM_MODEL.operations.GetMFADevice).toBeUndefined()
    const op = IAM_SERVICE_MODEL.operations.GetMFADevice
    expect(op).toMatchObject({ input: 'GetMFADeviceRequest', output: 'GetMFADeviceResponse', resultWrapper: 'GetMFADeviceResult' })
    const response = IAM_SERVICE_MODEL.shapes.GetMFADeviceResponse as StructureShape
    for (const ref of Object.values(response.members)) expect(IAM_SERVICE_MODEL.shapes[ref.shape], ref.shape).toBeDefined()
  })

  it('takes DeactivateMFADevice without a UserName, as AWS now does', () => {
    const params = new Map([['SerialNumber', 'arn:aws:iam::123456789012:mfa/dev']])
    expect(parseInput(IAM_SERVICE_MODEL, IAM_SERVICE_MODEL.operations.DeactivateMFADevice as OperationModel, params).ok).toBe(true)
    expect(parseInput(IAM_MODEL, IAM_MODEL.operations.DeactivateMFADevice as OperationModel, params).ok).toBe(false)
  })
})
