// The AWS services this endpoint speaks, each an API model and its action handlers.

import type { ActionTable } from '../app/call.js'
import type { ServiceModel } from '../protocol/model/types.js'

export interface ServiceEndpoint {
  /** SigV4 signing name: 'iam' or 'sts'. */
  readonly signingName: string
  readonly model: ServiceModel
  readonly actions: ActionTable
}
