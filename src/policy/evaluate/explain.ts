// The full account of a decision, for the CLI, the policy simulator and the console: the
// decision itself (taken from evaluate(), so the two can never disagree) plus, for every policy
// type, every statement that applied and the type's own outcome.

import type { CompiledStatement } from '../compile/compile-statement.js'
import { principalMatch, resourceAndConditionsApply } from '../compile/compile-statement.js'
import type { CompiledPolicySet, PolicyGroup } from '../compile/policy-set.js'
import { POLICY_TYPE_LABEL, type PolicyType, type StatementRef } from '../compile/statement-ref.js'
import { denialReason, type Decision, type DecisionValue } from './decision.js'
import { decide, prepareRequest, type EvaluationRequest, type PreparedRequest } from './evaluate.js'
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
  const req = prepareRequest(request)
  const decision = decide(set, req)
  const groups: PolicyGroup[] = [...set.scp, ...set.rcp]
  for (const g of [set.resource, set.identity, set.boundary, set.session]) if (g !== null) groups.push(g)
  return {
    ...decision,
    reason: decision.decision === 'Allow' ? allowReason(decision) : denialReason(decision, request.action),
    principalType: req.principal.kind,
    sameAccount: req.sameAccount,
    policyTypes: groups.map((g) => outcome(g, req, set.boundary !== null))
  }
}

function outcome(g: PolicyGroup, req: PreparedRequest, hasBoundary: boolean): PolicyTypeOutcome {
  const { denies, allows } = g.index.candidates(req.actionLower)
  const applying = (s: CompiledStatement): boolean =>
    (s.principal === null || principalMatch(s, req.principal, hasBoundary) !== 'none') && resourceAndConditionsApply(s, req.resource, req.context)
  const deniedBy = denies.all.filter(applying).map((s) => s.ref)
  const allowedBy = allows.all.filter(applying).map((s) => s.ref)
  const result: DecisionValue = deniedBy.length > 0 ? 'ExplicitDeny' : allowedBy.length > 0 ? 'Allow' : 'ImplicitDeny'
  return { type: g.type, ...(g.target === undefined ? {} : { target: g.target }), outcome: result, matched: [...deniedBy, ...allowedBy] }
}

function allowReason(decision: Decision): string {
  if (decision.decidedBy === null) return 'allowed: the root user has full access to its own account'
  return `allowed by ${/^[aeiou]/.test(POLICY_TYPE_LABEL[decision.decidedBy]) ? 'an' : 'a'} ${POLICY_TYPE_LABEL[decision.decidedBy]}`
}
