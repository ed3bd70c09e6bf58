// The AWS services this endpoint speaks, each an API model and its action handlers.

import type { ActionTable } from '../app/call.js'
import type { ServiceModel } from '../protocol/model/types.js'
import type { ParseOptions } from '../protocol/query/parse-input.js'

export interface ServiceEndpoint {
  /** SigV4 signing name: 'iam' or 'sts'. */
  readonly signingName: string
  readonly model: ServiceModel
  readonly actions: ActionTable
  /** How the service words input validation (patterns the application checks itself, value quoting). */
  readonly parseOptions?: ParseOptions
  /** Operations that accept unsigned requests (their identity comes from a token in the input). */
  readonly unsignedActions?: ReadonlySet<string>
}
