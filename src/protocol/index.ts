// The AWS Query protocol layer, driven by botocore's API models (README.md).
export type {
  BlobShape,
  BooleanShape,
  ListShape,
  MapShape,
  MemberRef,
  NumberShape,
  OperationModel,
  ServiceMetadata,
  ServiceModel,
  Shape,
  ShapeType,
  StringShape,
  StructureShape,
  TimestampShape
} from './model/types.js'
export { IAM_MODEL } from './model/iam-model.js'
export { STS_MODEL } from './model/sts-model.js'
export { AWS_FAULT_XMLNS, MISSING_ACTION_REDIRECT, invalidAction, malformedInput, missingAction, validationError, type ProtocolError, type ProtocolResult } from './query/errors.js'
export { readQueryParams } from './query/params.js'
export { resolveOperation } from './query/resolve.js'
export { parseInput, type ParseOptions } from './query/parse-input.js'
export { errorInfo, serializeError, serializeResponse, type ErrorInfo } from './query/serialize.js'
export { javaPatternMatcher, translateJavaRegex } from './query/java-regex.js'
