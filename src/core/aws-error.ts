// The one error type the application raises: an AWS error code, its message and HTTP status.
// The protocol layer renders it (XML for IAM and STS); nothing below it knows about XML.

export type ErrorFault = 'Sender' | 'Receiver'

export class AwsError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
    readonly fault: ErrorFault = 'Sender'
  ) {
    super(message)
    this.name = 'AwsError'
  }
}

/** IAM's modelled errors, with the HTTP status the API model gives each. */
export const iamErrors = {
  noSuchEntity: (message: string) => new AwsError('NoSuchEntity', message, 404),
  entityAlreadyExists: (message: string) => new AwsError('EntityAlreadyExists', message, 409),
  limitExceeded: (message: string) => new AwsError('LimitExceeded', message, 409),
  deleteConflict: (message: string) => new AwsError('DeleteConflict', message, 409),
  invalidInput: (message: string) => new AwsError('InvalidInput', message, 400),
  malformedPolicyDocument: (message: string) => new AwsError('MalformedPolicyDocument', message, 400),
  unmodifiableEntity: (message: string) => new AwsError('UnmodifiableEntity', message, 400),
  policyNotAttachable: (message: string) => new AwsError('PolicyNotAttachable', message, 400),
  passwordPolicyViolation: (message: string) => new AwsError('PasswordPolicyViolation', message, 400),
  entityTemporarilyUnmodifiable: (message: string) => new AwsError('EntityTemporarilyUnmodifiable', message, 409),
  concurrentModification: (message: string) => new AwsError('ConcurrentModification', message, 409),
  serviceFailure: (message = 'An internal error occurred.') => new AwsError('ServiceFailure', message, 500, 'Receiver'),
  accessDenied: (message: string) => new AwsError('AccessDenied', message, 403),
  validationError: (message: string) => new AwsError('ValidationError', message, 400)
} as const
