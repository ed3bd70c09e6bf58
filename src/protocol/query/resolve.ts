import type { OperationModel, ServiceModel } from '../model/types.js'
import { fail, invalidAction, missingAction, ok, type ProtocolResult } from './errors.js'

/**
 * Action + Version → operation, as AWS resolves them (README.md, "Action and Version"):
 * - no `Action` parameter: AWS redirects (302 to https://aws.amazon.com/iam) → `MissingAction`
 *   with `redirect` set;
 * - an unknown `Action` (names are case-sensitive), an empty one, or a `Version` that is not the
 *   service's: `InvalidAction`, `Could not find operation X for version Y` (Y is
 *   `NO_VERSION_SPECIFIED` when Version is absent, and empty when it is empty).
 *
 * Several models may be served on one endpoint (IAM and STS): the operation is looked up in the
 * model whose apiVersion is the request's Version.
 */
export function resolveOperation(models: readonly ServiceModel[], params: Map<string, string>): ProtocolResult<{ model: ServiceModel; operation: OperationModel }> {
  const action = params.get('Action')
  if (action === undefined) return fail(missingAction())
  const version = params.get('Version')
  if (version !== undefined) {
    for (const model of models) {
      if (model.metadata.apiVersion !== version) continue
      if (Object.hasOwn(model.operations, action)) {
        const operation = model.operations[action]
        if (operation !== undefined) return ok({ model, operation })
      }
    }
  }
  return fail(invalidAction(action, version))
}
