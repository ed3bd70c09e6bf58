// Everything a policy set holds for one action, looked up once per request: for each group
// (SCP and RCP levels, resource policy, identity policies, boundary, session policies) the deny
// and allow statements the action reaches. Plans are memoised per set and action, so a request
// costs one map lookup before it starts testing statements.

import type { CompiledPolicySet, PolicyGroup } from './policy-set.js'
import type { StatementSelection } from './statement-selection.js'

export interface GroupCandidates {
  readonly group: PolicyGroup
  readonly denies: StatementSelection
  readonly allows: StatementSelection
}

export interface ActionPlan {
  readonly scp: readonly GroupCandidates[]
  readonly rcp: readonly GroupCandidates[]
  readonly resource: GroupCandidates | null
  readonly identity: GroupCandidates
  readonly boundary: GroupCandidates | null
  readonly session: GroupCandidates | null
  /** The resource, identity, boundary and session groups that have deny candidates, in that order. */
  readonly denyGroups: readonly GroupCandidates[]
}

const PLAN_LIMIT = 4096

/**
 * The plan for an action, in whatever case it is written. Plans are filed under the action as
 * written too, so a request finds its plan with one lookup and lower-cases nothing.
 */
export function planFor(set: CompiledPolicySet, action: string): ActionPlan {
  const memo = set.plans
  const hit = memo.get(action)
  if (hit !== undefined) return hit
  const actionLower = action.toLowerCase()
  let plan = actionLower === action ? undefined : memo.get(actionLower)
  if (plan === undefined) {
    plan = buildPlan(set, actionLower)
    remember(memo, actionLower, plan)
  }
  if (action !== actionLower) remember(memo, action, plan)
  return plan
}

function buildPlan(set: CompiledPolicySet, actionLower: string): ActionPlan {
  const of = (group: PolicyGroup): GroupCandidates => ({ group, ...group.index.candidates(actionLower) })
  const resource = set.resource ? of(set.resource) : null
  const identity = of(set.identity)
  const boundary = set.boundary ? of(set.boundary) : null
  const session = set.session ? of(set.session) : null
  return {
    scp: set.scp.map(of),
    rcp: set.rcp.map(of),
    resource,
    identity,
    boundary,
    session,
    denyGroups: [resource, identity, boundary, session].filter((c): c is GroupCandidates => c !== null && c.denies.size > 0)
  }
}

function remember(memo: Map<string, ActionPlan>, action: string, plan: ActionPlan): void {
  if (memo.size >= PLAN_LIMIT) memo.clear()
  memo.set(action, plan)
}
