// The answer of an evaluation, and the sentence AWS puts in an AccessDenied message for it.

import { POLICY_TYPE_LABEL, type PolicyType, type StatementRef } from '../compile/statement-ref.js'

export type DecisionValue = 'Allow' | 'ExplicitDeny' | 'ImplicitDeny'

export interface Decision {
  readonly decision: DecisionValue
  /**
   * ExplicitDeny: the policy type holding the deny. ImplicitDeny: the policy type that lacked an
   * allow. Allow: the type that granted it ('identity' or 'resource'); null for the root user.
   */
  readonly decidedBy: PolicyType | null
  /** The deciding statements: the deny, or every allow the decision needed. */
  readonly statements: readonly StatementRef[]
}

/**
 * The reason clause AWS appends to "User: X is not authorized to perform: A on resource: R",
 * e.g. "because no identity-based policy allows the iam:CreateUser action".
 */
export function denialReason(decision: Decision, action: string): string {
  const type = decision.decidedBy ?? 'identity'
  const label = POLICY_TYPE_LABEL[type]
  // AWS words an SCP's missing allow as an explicit deny too.
  if (decision.decision === 'ExplicitDeny' || type === 'scp') return `with an explicit deny in ${article(label)} ${label}`
  return `because no ${label} allows the ${action} action`
}

function article(label: string): string {
  return /^[aeiou]/.test(label) ? 'an' : 'a'
}
