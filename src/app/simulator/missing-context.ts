// MissingContextValues: the context keys the relevant statements read that the simulation was
// not given. A statement is relevant to a request when its Action and Resource take the request
// in, whatever its conditions say (a condition on a missing key is exactly what the caller should
// hear about). Keys come from Condition elements and from policy variables (`${aws:username}`)
// in Resource and condition values.
//
// Relevance is decided by the engine itself, over condition-free copies of the policies: one
// copy with every Resource widened to `*` (does the Action match?) and one as written (does the
// Resource match?). A Resource holding a policy variable counts as matching when its Action
// does, since its variable may be the very key that is missing.

import { compilePolicySet, explain, resourcePartStart, type CompiledPolicySet, type Policy, type RawContext, type Statement } from '../../policy/index.js'
import type { SimulationPolicy } from './simulation-policies.js'

/** Any IAM user: relevance does not depend on who asks (Principal elements are left out). */
const SOMEONE = 'arn:aws:iam::000000000000:user/simulation'
const ANY_RESOURCE = { values: ['*'], isArray: false } as const

export class MissingContextFinder {
  private readonly byAction: CompiledPolicySet
  private readonly byResource: CompiledPolicySet

  constructor(
    private readonly policies: readonly SimulationPolicy[],
    private readonly context: RawContext,
    private readonly provided: ReadonlySet<string>
  ) {
    this.byAction = skeletonSet(policies, true)
    this.byResource = skeletonSet(policies, false)
  }

  missing(action: string, resource: string): string[] {
    const request = { principal: SOMEONE, action, resource, context: this.context }
    const actionMatches = matchedStatements(this.byAction, request)
    const resourceMatches = matchedStatements(this.byResource, request)
    const seen = new Set<string>()
    const missing: string[] = []
    this.policies.forEach((source, policyIndex) => {
      for (const st of source.policy.statements) {
        const at = `${policyIndex}/${st.index}`
        if (!actionMatches.has(at)) continue
        const variableResource = [...(st.resource?.values ?? []), ...(st.notResource?.values ?? [])].some((r) => r.includes('${'))
        if (!resourceMatches.has(at) && !variableResource) continue
        for (const key of statementKeys(st)) {
          const lower = key.toLowerCase()
          if (this.provided.has(lower) || seen.has(lower)) continue
          seen.add(lower)
          missing.push(key)
        }
      }
    })
    return missing
  }
}

function matchedStatements(set: CompiledPolicySet, request: { principal: string; action: string; resource: string; context: RawContext }): Set<string> {
  const matched = new Set<string>()
  for (const type of explain(set, request).policyTypes) for (const ref of type.matched) matched.add(`${ref.policyIndex}/${ref.statementIndex}`)
  return matched
}

function skeletonSet(policies: readonly SimulationPolicy[], anyResource: boolean): CompiledPolicySet {
  return compilePolicySet({ identity: policies.map((p, i) => ({ name: String(i), policy: skeleton(p.policy, anyResource) })) })
}

/** The policy with every statement an Allow without conditions or principals. */
function skeleton(policy: Policy, anyResource: boolean): Policy {
  const statements = policy.statements.map((st): Statement => {
    const base: Statement = { index: st.index, effect: 'Allow', ...(st.action ? { action: st.action } : {}), ...(st.notAction ? { notAction: st.notAction } : {}) }
    if (anyResource) return { ...base, resource: ANY_RESOURCE }
    return { ...base, ...(st.resource ? { resource: st.resource } : {}), ...(st.notResource ? { notResource: st.notResource } : {}) }
  })
  return { ...policy, statements }
}

/** The context keys a statement reads, in the order it names them. */
export function statementKeys(st: Statement): string[] {
  const keys: string[] = []
  for (const r of [...(st.resource?.values ?? []), ...(st.notResource?.values ?? [])]) {
    // Variables work only in a Resource entry's resource part (after the ARN's fifth colon).
    const start = resourcePartStart(r)
    if (start !== undefined) keys.push(...variableKeys(r.slice(start)))
  }
  for (const clause of st.condition ?? []) {
    for (const entry of clause.entries) {
      keys.push(entry.key)
      for (const v of entry.values) if (typeof v === 'string') keys.push(...variableKeys(v))
    }
  }
  return keys
}

/** The keys of the policy variables in a value: `${aws:username}`, `${aws:PrincipalTag/team, 'none'}`. */
function variableKeys(value: string): string[] {
  const keys: string[] = []
  for (const m of value.matchAll(/\$\{([^}]*)\}/g)) {
    const key = (m[1] ?? '').split(',')[0]?.trim() ?? ''
    // ${*}, ${?} and ${$} are escapes for literal characters, not keys.
    if (key !== '' && key !== '*' && key !== '?' && key !== '$') keys.push(key)
  }
  return keys
}
