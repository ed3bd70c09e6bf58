// The full account of a decision, for the CLI, the policy simulator and the console: the
// decision itself (taken from decide(), so the two can never disagree) plus, for every policy
// type, every statement that applied and the type's own outcome.

import { planFor, type GroupCandidates } from '../compile/action-plan.js'
import type { CompiledPolicySet } from '../compile/policy-set.js'
import { POLICY_TYPE_LABEL, type PolicyType, type StatementRef } from '../compile/statement-ref.js'
import { denialReason, type Decision, type DecisionValue } from './decision.js'
import { applies, decide, prepareRequest, type EvaluationRequest, type PreparedRequest } from './evaluate.js'
import type { PrincipalKind } from './request-principal.js'

export interface PolicyTypeOutcome {
  readonly type: PolicyType
  /** For SCP and RCP levels: the root, OU or account. */
  readonly target?: string
  readonly outcome: DecisionValue
  /** Every statement of this type that applied to the request, denies first. */
  readonly matched: readonly StatementRef[]
}

export interface Explanation extends Decision {
  /** "allowed by an identity-based policy", "because no permissions boundary allows the X action"... */
  readonly reason: string
  readonly principalType: PrincipalKind
  readonly sameAccount: boolean
  readonly policyTypes: readonly PolicyTypeOutcome[]
}

export function explain(set: CompiledPolicySet, request: EvaluationRequest): Explanation {
  const req = prepareRequest(request, set.boundary !== null)
  const decision = decide(set, req)
  const plan = planFor(set, req.action)
  const groups: GroupCandidates[] = [...plan.scp, ...plan.rcp]
  for (const g of [plan.resource, plan.identity, plan.boundary, plan.session]) if (g !== null) groups.push(g)
  return {
    ...decision,
    reason: decision.decision === 'Allow' ? allowReason(decision) : denialReason(decision, request.action),
    principalType: req.principal.kind,
    sameAccount: req.sameAccount,
    policyTypes: groups.map((g) => outcome(g, req))
  }
}

function outcome(c: GroupCandidates, req: PreparedRequest): PolicyTypeOutcome {
  const deniedBy = c.denies.all.filter((s) => applies(s, req)).map((s) => s.ref)
  const allowedBy = c.allows.all.filter((s) => applies(s, req)).map((s) => s.ref)
  const result: DecisionValue = deniedBy.length > 0 ? 'ExplicitDeny' : allowedBy.length > 0 ? 'Allow' : 'ImplicitDeny'
  const target = c.group.target
  return { type: c.group.type, ...(target === undefined ? {} : { target }), outcome: result, matched: [...deniedBy, ...allowedBy] }
}

function allowReason(decision: Decision): string {
  if (decision.decidedBy === null) return 'allowed: the root user has full access to its own account'
  const label = POLICY_TYPE_LABEL[decision.decidedBy]
  return `allowed by ${/^[aeiou]/.test(label) ? 'an' : 'a'} ${label}`
}
