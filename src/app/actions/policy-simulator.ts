// The policy simulator: SimulatePrincipalPolicy (a user's, group's or role's policies, plus any
// given) and SimulateCustomPolicy (only the given policies). Both evaluate with the engine that
// enforces every request, and answer with the statements that decided, where they are in their
// documents, and which context keys the policies read but were not given. The work is in
// app/simulator/; this module authorizes, reads the principal and pages the results.

import type { SimulateCustomPolicyRequest, SimulatePrincipalPolicyRequest } from '@aws-sdk/client-iam'
import { AwsError, iamErrors } from '../../core/aws-error.js'
import type { ActionTable, Call } from '../call.js'
import { entityOfArn, findEntity, noSuchEntityOf } from '../shared/policy-entities.js'
import { simulationContext } from '../simulator/context-entries.js'
import { entityPolicies } from '../simulator/principal-policies.js'
import { Simulation } from '../simulator/simulation.js'
import {
  checkActionNames,
  checkCallerArn,
  checkResourceHandlingOption,
  checkSingleBoundary,
  invalidCaller,
  resourceOwnerAccount,
  resourcesOf,
  resultPage
} from '../simulator/simulation-input.js'
import { inputPolicies, resourcePolicy, type SimulationPolicy } from '../simulator/simulation-policies.js'

type SimulationInput = SimulateCustomPolicyRequest | SimulatePrincipalPolicyRequest

/** What both actions check of their common members before reading anything. */
function commonChecks(input: SimulationInput) {
  checkActionNames(input.ActionNames ?? [])
  checkResourceHandlingOption(input.ResourceHandlingOption)
  checkSingleBoundary(input.PermissionsBoundaryPolicyInputList)
  return {
    resources: resourcesOf(input.ResourceArns),
    resourceOwner: resourceOwnerAccount(input.ResourceOwner),
    context: simulationContext(input.ContextEntries),
    caller: input.CallerArn === undefined ? undefined : checkCallerArn(input.CallerArn),
    resource: resourcePolicy(input.ResourcePolicy),
    inputIdentity: inputPolicies(input.PolicyInputList, 'PolicyInputList', 'identity'),
    inputBoundary: inputPolicies(input.PermissionsBoundaryPolicyInputList, 'PermissionsBoundaryPolicyInputList', 'boundary')[0]
  }
}

async function simulateCustomPolicy(call: Call, raw: unknown) {
  const input = raw as SimulateCustomPolicyRequest
  // Wildcard-only: AWS names the resource `*` in the AccessDenied message.
  await call.authorize({ action: 'iam:SimulateCustomPolicy', resource: '*' })
  const common = commonChecks(input)
  // The resource policy's Principal element needs an IAM user to match (API reference).
  if (common.resource && !common.caller) throw invalidCaller()
  // Without a resource policy, who asks changes nothing: any user of the account will do.
  const caller = common.caller ?? { arn: `arn:aws:iam::${call.accountId}:user/simulated-caller`, account: call.accountId }
  return run(input, common, caller, { identity: common.inputIdentity, boundary: common.inputBoundary })
}

async function simulatePrincipalPolicy(call: Call, raw: unknown) {
  const input = raw as SimulatePrincipalPolicyRequest
  const arn = input.PolicySourceArn as string
  const target = entityOfArn(arn)
  const entity = target && target.account === call.accountId ? await findEntity(call.read, call.accountId, target.type, target.name) : undefined
  const tags = target && entity && target.type !== 'group' ? await call.read.tags.list(target.type, entity.id) : []
  // AWS names the principal by its ARN in this action's AccessDenied message.
  await call.authorize({ action: 'iam:SimulatePrincipalPolicy', resource: arn, resourceTags: tags })
  // (inferred) As ListPoliciesGrantingServiceAccess answers an ARN that names no user, group or role.
  if (!target) throw iamErrors.invalidInput(`ARN ${arn} is not valid.`)
  const common = commonChecks(input)
  if (!entity || entity.path !== target.path) throw noSuchEntityOf(target.type, target.name)
  // The simulated user is the caller unless CallerArn says otherwise; a group or role cannot be
  // a resource policy's caller (AWS's message).
  if (common.resource && !common.caller && target.type !== 'user') throw invalidCaller()
  const caller = common.caller ?? { arn: entity.arn, account: call.accountId }
  const own = await entityPolicies({ read: call.read, awsManaged: call.ctx.awsManaged }, call.accountId, target.type, entity.id, entity.permissionsBoundary)
  // A boundary given in the request replaces the entity's own (API reference).
  return run(input, common, caller, { identity: [...own.identity, ...common.inputIdentity], boundary: common.inputBoundary ?? own.boundary })
}

function run(
  input: SimulationInput,
  common: ReturnType<typeof commonChecks>,
  caller: { readonly arn: string; readonly account: string },
  principalSide: { readonly identity: readonly SimulationPolicy[]; readonly boundary: SimulationPolicy | undefined }
) {
  const simulation = new Simulation({
    policies: { ...principalSide, resource: common.resource },
    caller: caller.arn,
    callerAccount: caller.account,
    resourceOwner: common.resourceOwner,
    context: common.context,
    actions: input.ActionNames ?? [],
    resources: common.resources
  })
  const page = resultPage(simulation.size, input)
  const results = []
  for (let i = page.start; i < page.end; i++) results.push(evaluated(() => simulation.result(i)))
  return { EvaluationResults: results, ...(page.marker === undefined ? { IsTruncated: false } : { IsTruncated: true, Marker: page.marker }) }
}

/**
 * The engine never throws on a request it was given; should it all the same, the answer is the
 * error IAM models for this ("a provided policy could not be successfully evaluated"), not a
 * ServiceFailure. The message is ours (inferred).
 */
function evaluated<T>(work: () => T): T {
  try {
    return work()
  } catch (e) {
    if (e instanceof AwsError) throw e
    throw new AwsError('PolicyEvaluation', 'The simulation could not evaluate the policies for this request.', 500, 'Receiver')
  }
}

export const policySimulatorActions: ActionTable = {
  SimulatePrincipalPolicy: simulatePrincipalPolicy,
  SimulateCustomPolicy: simulateCustomPolicy
}
