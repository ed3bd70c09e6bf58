import { describe, expect, it } from 'vitest'
import { IAM_SERVICE_MODEL } from '../model/iam-model-supplement.js'
import type { ServiceModel } from '../model/types.js'
import { outputToJson } from './output-to-json.js'

const op = (model: ServiceModel, name: string) => {
  const operation = model.operations[name]
  if (!operation) throw new Error(name)
  return operation
}

describe('action output to JSON', () => {
  it('keeps modelled members only, with dates as ISO strings', () => {
    const created = new Date('2026-02-03T04:05:06Z')
    const output = { User: { UserName: 'bob', UserId: 'AIDA1', Arn: 'arn:aws:iam::123456789012:user/bob', Path: '/', CreateDate: created, internal: 'x' }, extra: 1 }
    expect(outputToJson(IAM_SERVICE_MODEL, op(IAM_SERVICE_MODEL, 'CreateUser'), output)).toEqual({
      User: { Path: '/', UserName: 'bob', UserId: 'AIDA1', Arn: 'arn:aws:iam::123456789012:user/bob', CreateDate: '2026-02-03T04:05:06Z' }
    })
  })

  it('writes lists, booleans, and maps (plain objects or Map instances)', () => {
    const list = outputToJson(IAM_SERVICE_MODEL, op(IAM_SERVICE_MODEL, 'ListUsers'), { Users: [], IsTruncated: false })
    expect(list).toEqual({ Users: [], IsTruncated: false })
    const summary = outputToJson(IAM_SERVICE_MODEL, op(IAM_SERVICE_MODEL, 'GetAccountSummary'), { SummaryMap: new Map([['Users', 3]]) })
    expect(summary).toEqual({ SummaryMap: { Users: 3 } })
  })

  it('writes blobs in base64', () => {
    const device = { SerialNumber: 'arn:aws:iam::123456789012:mfa/d', Base32StringSeed: new TextEncoder().encode('ABC'), QRCodePNG: new Uint8Array([1, 2, 3]) }
    expect(outputToJson(IAM_SERVICE_MODEL, op(IAM_SERVICE_MODEL, 'CreateVirtualMFADevice'), { VirtualMFADevice: device })).toEqual({
      VirtualMFADevice: { SerialNumber: 'arn:aws:iam::123456789012:mfa/d', Base32StringSeed: 'QUJD', QRCodePNG: 'AQID' }
    })
  })

  it('answers an empty object for operations without output', () => {
    expect(outputToJson(IAM_SERVICE_MODEL, op(IAM_SERVICE_MODEL, 'DeleteUser'), undefined)).toEqual({})
  })
})
