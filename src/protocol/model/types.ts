/**
 * A trimmed form of botocore's JSON service model (`service-2.json`): the facts the protocol layer
 * needs to read requests, validate them and write responses, without documentation text.
 * `scripts/generate-protocol-models.mjs` writes `iam-model.ts` and `sts-model.ts` in this form.
 */

export interface ServiceMetadata {
  readonly apiVersion: string
  readonly xmlNamespace: string
  /** `query` for IAM and STS. */
  readonly protocol: string
  readonly serviceId: string
  /** The SigV4 signing name / host prefix (`iam`, `sts`). */
  readonly endpointPrefix: string
}

export interface ServiceModel {
  readonly metadata: ServiceMetadata
  readonly operations: Readonly<Record<string, OperationModel>>
  readonly shapes: Readonly<Record<string, Shape>>
}

export interface OperationModel {
  readonly name: string
  /** Input structure shape name; absent for operations without input. */
  readonly input?: string
  /** Output structure shape name; absent for operations that return only ResponseMetadata. */
  readonly output?: string
  /** The `<XResult>` element that wraps the output (awsQuery). */
  readonly resultWrapper?: string
  /** Error structure shape names this operation may return. */
  readonly errors?: readonly string[]
  readonly deprecated?: boolean
}

/** A reference from a structure member, list member or map key/value to a shape. */
export interface MemberRef {
  readonly shape: string
  /** The wire name (query key segment / XML element name) when it differs from the member name. */
  readonly locationName?: string
  /** For a member that targets a list or map: serialize it flattened. */
  readonly flattened?: boolean
  readonly xmlNamespace?: { readonly uri?: string; readonly prefix?: string }
  readonly xmlAttribute?: boolean
  readonly deprecated?: boolean
}

interface ShapeCommon {
  readonly sensitive?: boolean
  readonly deprecated?: boolean
}

export interface StructureShape extends ShapeCommon {
  readonly type: 'structure'
  /** In the model's order (the order responses are written in). */
  readonly members: Readonly<Record<string, MemberRef>>
  readonly required?: readonly string[]
  /** Present on error shapes. */
  readonly error?: { readonly code?: string; readonly httpStatusCode?: number; readonly senderFault?: boolean }
  readonly exception?: boolean
}

export interface ListShape extends ShapeCommon {
  readonly type: 'list'
  readonly member: MemberRef
  readonly flattened?: boolean
  readonly min?: number
  readonly max?: number
}

export interface MapShape extends ShapeCommon {
  readonly type: 'map'
  readonly key: MemberRef
  readonly value: MemberRef
  readonly flattened?: boolean
  readonly min?: number
  readonly max?: number
}

export interface StringShape extends ShapeCommon {
  readonly type: 'string'
  readonly min?: number
  readonly max?: number
  /** A Java regular expression, as AWS validates (whole-value match). */
  readonly pattern?: string
  readonly enum?: readonly string[]
}

export interface NumberShape extends ShapeCommon {
  readonly type: 'integer' | 'long' | 'short' | 'byte' | 'float' | 'double' | 'bigInteger' | 'bigDecimal'
  readonly min?: number
  readonly max?: number
  readonly box?: boolean
}

export interface BooleanShape extends ShapeCommon {
  readonly type: 'boolean'
  readonly box?: boolean
}

export interface TimestampShape extends ShapeCommon {
  readonly type: 'timestamp'
  readonly timestampFormat?: 'iso8601' | 'rfc822' | 'unixTimestamp'
}

export interface BlobShape extends ShapeCommon {
  readonly type: 'blob'
  readonly min?: number
  readonly max?: number
}

export type Shape = StructureShape | ListShape | MapShape | StringShape | NumberShape | BooleanShape | TimestampShape | BlobShape

export type ShapeType = Shape['type']
