// Everything that applies to one principal's requests, compiled once: identity policies,
// boundary, session policies, the resource's policy, and the SCP/RCP hierarchy (one group per
// level). The server caches these per principal; evaluation never re-reads a policy document.

import type { Policy } from '../model.js'
import { ActionIndex } from './action-index.js'
import type { ActionPlan } from './action-plan.js'
import { compileStatement, type CompiledStatement } from './compile-statement.js'
import type { PolicyType } from './statement-ref.js'

export interface NamedPolicy {
  readonly name: string
  readonly policy: Policy
}

export interface PolicyLevel {
  /** The root, OU or account the policies are attached to. */
  readonly target: string
  readonly policies: readonly NamedPolicy[]
}

/** How a resource-based policy combines with identity policies. */
export type ResourceKind = 'resource' | 'trust'

export interface PolicySetInput {
  readonly identity?: readonly NamedPolicy[]
  readonly boundary?: NamedPolicy | null
  readonly session?: readonly NamedPolicy[] | null
  readonly resource?: NamedPolicy | null
  /** 'trust': a role trust policy, which must itself allow (identity policies alone never do). */
  readonly resourceKind?: ResourceKind
  /** SCPs of the principal's account, root level first. */
  readonly scp?: readonly PolicyLevel[]
  /** RCPs of the resource's account, root level first. */
  readonly rcp?: readonly PolicyLevel[]
}

export interface PolicyGroup {
  readonly type: PolicyType
  readonly target: string | undefined
  readonly index: ActionIndex
}

export interface CompiledPolicySet {
  readonly identity: PolicyGroup
  readonly boundary: PolicyGroup | null
  readonly session: PolicyGroup | null
  readonly resource: PolicyGroup | null
  readonly resourceKind: ResourceKind
  readonly scp: readonly PolicyGroup[]
  readonly rcp: readonly PolicyGroup[]
  /** Per-action plans (compile/action-plan.ts), filled as actions are first seen. */
  readonly plans: Map<string, ActionPlan>
}

export function compilePolicySet(input: PolicySetInput): CompiledPolicySet {
  const sessionPolicies = input.session && input.session.length > 0 ? input.session : null
  const identity = group('identity', input.identity ?? [])
  const boundary = input.boundary ? group('boundary', [input.boundary]) : null
  const session = sessionPolicies ? group('session', sessionPolicies) : null
  const resource = input.resource ? group('resource', [input.resource]) : null
  return {
    identity,
    boundary,
    session,
    resource,
    resourceKind: input.resourceKind ?? 'resource',
    scp: (input.scp ?? []).map((level) => group('scp', level.policies, level.target)),
    rcp: (input.rcp ?? []).map((level) => group('rcp', level.policies, level.target)),
    plans: new Map()
  }
}

/**
 * The same principal-side policies with a resource-based policy added: a role's trust policy for
 * AssumeRole, say. The principal's groups are shared, not recompiled; plans start afresh because
 * they depend on every group.
 */
export function withResourcePolicy(set: CompiledPolicySet, resource: NamedPolicy | null, resourceKind: ResourceKind = 'resource'): CompiledPolicySet {
  return { ...set, resource: resource ? group('resource', [resource]) : null, resourceKind, plans: new Map() }
}

export function group(type: PolicyType, policies: readonly NamedPolicy[], target?: string): PolicyGroup {
  const statements: CompiledStatement[] = []
  policies.forEach((named, policyIndex) => {
    const variablesEnabled = named.policy.version === '2012-10-17'
    for (const st of named.policy.statements) {
      const location = named.policy.locate?.(st.index)
      const ref = {
        policyType: type,
        policyName: named.name,
        policyIndex,
        statementIndex: st.index,
        effect: st.effect,
        ...(target === undefined ? {} : { target }),
        ...(st.sid === undefined ? {} : { sid: st.sid }),
        ...(location === undefined ? {} : { line: location.line, column: location.column })
      }
      statements.push(compileStatement(st, ref, statements.length, variablesEnabled))
    }
  })
  return { type, target, index: new ActionIndex(statements) }
}
