/** Errors the protocol layer itself answers with, in AWS's words (sources in ../README.md). */

export type ProtocolResult<T> = { ok: true; value: T } | { ok: false; error: ProtocolError }

export interface ProtocolError {
  readonly code: string
  /** `''` means AWS sends no `<Message>` element (e.g. `MalformedInput` for a bad number). */
  readonly message: string
  readonly status: number
  readonly type: 'Sender' | 'Receiver'
  /**
   * The XML namespace of the `<ErrorResponse>` when it is not the service's: AWS answers
   * `InvalidAction` in the generic AWSFault namespace.
   */
  readonly xmlns?: string
  /**
   * For `MissingAction`: AWS does not answer with an error document but with `302 Found` and this
   * `Location` (for a GET, AWS appends the request's query string: `...iam?Version=2011-06-15`).
   */
  readonly redirect?: string
}

/** The namespace of AWS's front-end errors (`InvalidAction`), as AWS sends it. */
export const AWS_FAULT_XMLNS = 'http://webservices.amazon.com/AWSFault/2005-15-09'

/** Where AWS (IAM and STS alike) redirects a request that has no `Action`. */
export const MISSING_ACTION_REDIRECT = 'https://aws.amazon.com/iam'

export function ok<T>(value: T): ProtocolResult<T> {
  return { ok: true, value }
}

export function fail<T>(error: ProtocolError): ProtocolResult<T> {
  return { ok: false, error }
}

export function missingAction(): ProtocolError {
  return { code: 'MissingAction', message: '', status: 302, type: 'Sender', redirect: MISSING_ACTION_REDIRECT }
}

/** `Could not find operation X for version Y`: unknown action, or a wrong, empty or missing Version. */
export function invalidAction(action: string, version: string | undefined): ProtocolError {
  return {
    code: 'InvalidAction',
    message: `Could not find operation ${action} for version ${version ?? 'NO_VERSION_SPECIFIED'}`,
    status: 400,
    type: 'Sender',
    xmlns: AWS_FAULT_XMLNS
  }
}

/** A value that cannot be read as its type (`DurationSeconds=abc`): no message, as AWS. */
export function malformedInput(message = ''): ProtocolError {
  return { code: 'MalformedInput', message, status: 400, type: 'Sender' }
}

/** `1 validation error detected: ...` / `N validation errors detected: a; b`. */
export function validationError(messages: readonly string[]): ProtocolError {
  const n = messages.length
  const head = n === 1 ? '1 validation error detected: ' : `${n} validation errors detected: `
  return { code: 'ValidationError', message: head + messages.join('; '), status: 400, type: 'Sender' }
}
