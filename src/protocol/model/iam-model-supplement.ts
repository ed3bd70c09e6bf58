// What AWS's current IAM API has that the generated model (botocore from Debian's awscli 2.9.19,
// see README.md) lacks, for the operations this server implements. The generated file stays as
// the generator writes it; the server speaks IAM_SERVICE_MODEL, the two put together. Each entry
// is as botocore's current iam/2010-05-08/service-2.json has it, and iam-model-supplement.test.ts
// checks it against @aws-sdk/client-iam.

import { IAM_MODEL } from './iam-model.js'
import type { OperationModel, ServiceModel, Shape, StructureShape } from './types.js'

const OPERATIONS: Record<string, OperationModel> = {
  GetMFADevice: {
    name: 'GetMFADevice',
    input: 'GetMFADeviceRequest',
    output: 'GetMFADeviceResponse',
    resultWrapper: 'GetMFADeviceResult',
    errors: ['NoSuchEntityException', 'ServiceFailureException']
  }
}

const SHAPES: Record<string, Shape> = {
  GetMFADeviceRequest: { type: 'structure', required: ['SerialNumber'], members: { SerialNumber: { shape: 'serialNumberType' }, UserName: { shape: 'userNameType' } } },
  GetMFADeviceResponse: {
    type: 'structure',
    required: ['SerialNumber'],
    members: {
      UserName: { shape: 'userNameType' },
      SerialNumber: { shape: 'serialNumberType' },
      EnableDate: { shape: 'dateType' },
      Certifications: { shape: 'CertificationMapType' }
    }
  },
  CertificationMapType: { type: 'map', key: { shape: 'CertificationKeyType' }, value: { shape: 'CertificationValueType' } },
  CertificationKeyType: { type: 'string', min: 1, max: 128, pattern: '[\\u0020-\\u00FF]+' },
  CertificationValueType: { type: 'string', min: 1, max: 32, pattern: '[\\u0020-\\u00FF]+' },
  // UserName became optional (the caller's own device; AssumeRoot sessions for the root user).
  DeactivateMFADeviceRequest: { ...(IAM_MODEL.shapes.DeactivateMFADeviceRequest as StructureShape), required: ['SerialNumber'] }
}

export const IAM_SERVICE_MODEL: ServiceModel = {
  metadata: IAM_MODEL.metadata,
  operations: { ...IAM_MODEL.operations, ...OPERATIONS },
  shapes: { ...IAM_MODEL.shapes, ...SHAPES }
}
