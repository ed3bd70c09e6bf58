// How explanations name a statement: which policy (type, name, position), which statement
// (Sid, index) and where it is in the policy's source.

export type PolicyType = 'identity' | 'boundary' | 'session' | 'resource' | 'scp' | 'rcp'

export const POLICY_TYPE_LABEL: Readonly<Record<PolicyType, string>> = {
  identity: 'identity-based policy',
  boundary: 'permissions boundary',
  session: 'session policy',
  resource: 'resource-based policy',
  scp: 'service control policy',
  rcp: 'resource control policy'
}

export interface StatementRef {
  readonly policyType: PolicyType
  readonly policyName: string
  /** Position of the policy among those of its type (or its SCP/RCP level). */
  readonly policyIndex: number
  /** For SCPs and RCPs: the target (root, OU or account) the policy is attached to. */
  readonly target?: string
  readonly statementIndex: number
  readonly sid?: string
  readonly effect: 'Allow' | 'Deny'
  readonly line?: number
  readonly column?: number
}
