// Reads an evaluation case in the neutral JSON format (the benchmark workloads' format, which
// the corpus extends): parses every policy with the rules of its kind and compiles the set.
// Policies may be given as JSON values or as text.

import { compilePolicySet, type CompiledPolicySet, type NamedPolicy, type PolicyLevel, type ResourceKind } from '../compile/policy-set.js'
import type { EvaluationRequest } from '../evaluate/evaluate.js'
import type { RawContext } from '../evaluate/request-context.js'
import type { PolicyKind } from '../model.js'
import { parsePolicy } from '../parse/parse-policy.js'
import type { PolicyError } from '../parse/error-sink.js'

export interface CaseProblem {
  /** Which policy, e.g. `policies.identity[2] (S3Read)`. */
  readonly where: string
  readonly errors: readonly PolicyError[]
}

export type LoadedCase =
  | { readonly ok: true; readonly set: CompiledPolicySet; readonly request: EvaluationRequest }
  | { readonly ok: false; readonly problems: readonly CaseProblem[] }

type Obj = Record<string, unknown>

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v)

export function loadCase(input: unknown): LoadedCase {
  const problems: CaseProblem[] = []
  const c = isObj(input) ? input : {}
  const policies = isObj(c.policies) ? c.policies : {}
  const resourceKind: ResourceKind = policies.resourceKind === 'trust' ? 'trust' : 'resource'

  const read = (value: unknown, kind: PolicyKind, where: string, fallbackName: string): NamedPolicy | undefined => {
    const named = isObj(value) && 'policy' in value && !('Statement' in value)
    const doc = named ? value.policy : value
    const name = named && typeof value.name === 'string' ? value.name : fallbackName
    const text = typeof doc === 'string' ? doc : JSON.stringify(doc, null, 2)
    // The engine can evaluate documents IAM would no longer store (no Version, 2008-10-17), and
    // Organizations levels carry AWS-managed policies (FullAWSAccess, RCPFullAWSAccess).
    const parsed = parsePolicy(text ?? 'null', { kind, allowLegacyVersion: true, awsManaged: kind === 'rcp' || kind === 'scp' })
    if (!parsed.ok) {
      problems.push({ where: `${where} (${name})`, errors: parsed.errors })
      return undefined
    }
    return { name, policy: parsed.policy }
  }
  const list = (value: unknown, kind: PolicyKind, where: string): NamedPolicy[] => {
    const items = Array.isArray(value) ? value : value === null || value === undefined ? [] : [value]
    return items.map((v, i) => read(v, kind, `${where}[${i}]`, `${where}[${i}]`)).filter((p): p is NamedPolicy => p !== undefined)
  }
  const levels = (value: unknown, kind: 'scp' | 'rcp'): PolicyLevel[] =>
    (Array.isArray(value) ? value : []).map((level: unknown, i) => {
      const l = isObj(level) ? level : {}
      return { target: typeof l.target === 'string' ? l.target : `level-${i}`, policies: list(l.policies, kind, `policies.${kind}[${i}].policies`) }
    })

  const identity = list(policies.identity, 'identity', 'policies.identity')
  const boundary = policies.boundary ? read(policies.boundary, 'boundary', 'policies.boundary', 'boundary') : undefined
  const resource = policies.resource
    ? read(policies.resource, resourceKind === 'trust' ? 'trust' : 'resource', 'policies.resource', resourceKind === 'trust' ? 'trust-policy' : 'resource-policy')
    : undefined
  const session = list(policies.session, 'session', 'policies.session')
  const scp = levels(policies.scp, 'scp')
  const rcp = levels(policies.rcp, 'rcp')

  if (problems.length > 0) return { ok: false, problems }
  const set = compilePolicySet({ identity, boundary: boundary ?? null, resource: resource ?? null, resourceKind, session, scp, rcp })
  return { ok: true, set, request: readRequest(c.request) }
}

export function readRequest(value: unknown): EvaluationRequest {
  const r = isObj(value) ? value : {}
  const str = (v: unknown): string => (typeof v === 'string' ? v : '')
  return {
    principal: str(r.principal),
    action: str(r.action),
    resource: str(r.resource) || '*',
    resourceAccount: typeof r.resourceAccount === 'string' ? r.resourceAccount : undefined,
    context: (isObj(r.context) ? r.context : {}) as RawContext
  }
}
