// One policy simulation: every action of ActionNames against every resource of ResourceArns
// (action by action, in the order given), each an EvaluationResult as IAM's API shapes it. The
// policies are compiled once; results are worked out only for the page asked for, so a long
// list of actions and resources costs nothing until it is read.

import type { EvaluationResult, ResourceSpecificResult, Statement as MatchedStatement } from '@aws-sdk/client-iam'
import { compilePolicySet, explain, type CompiledPolicySet, type Explanation, type PolicyTypeOutcome, type StatementRef } from '../../policy/index.js'
import type { SimulationContext } from './context-entries.js'
import { MissingContextFinder } from './missing-context.js'
import type { SimulationPolicies, SimulationPolicy } from './simulation-policies.js'
import { statementSpans, type StatementSpan } from './statement-positions.js'

export interface SimulationRequest {
  readonly policies: SimulationPolicies
  /** Whose request is simulated: CallerArn, or the simulated user or role. */
  readonly caller: string
  /** The caller's account: resources in another account make a cross-account simulation. */
  readonly callerAccount: string
  /** ResourceOwner's account: owns resources whose ARN names none (S3), and the resource policy. */
  readonly resourceOwner: string | undefined
  readonly context: SimulationContext
  readonly actions: readonly string[]
  /** ResourceArns; `*` when none are given. */
  readonly resources: readonly string[]
}

type Decision = 'allowed' | 'explicitDeny' | 'implicitDeny'

const DECISION: Readonly<Record<Explanation['decision'], Decision>> = { Allow: 'allowed', ExplicitDeny: 'explicitDeny', ImplicitDeny: 'implicitDeny' }

export class Simulation {
  private readonly set: CompiledPolicySet
  private readonly missingContext: MissingContextFinder
  private readonly spans = new Map<SimulationPolicy, readonly StatementSpan[]>()

  constructor(private readonly request: SimulationRequest) {
    const { identity, boundary, resource } = request.policies
    const named = (p: SimulationPolicy, i: number) => ({ name: String(i), policy: p.policy })
    this.set = compilePolicySet({
      identity: identity.map(named),
      boundary: boundary ? named(boundary, 0) : null,
      resource: resource ? named(resource, 0) : null
    })
    const all = [...identity, ...(boundary ? [boundary] : []), ...(resource ? [resource] : [])]
    this.missingContext = new MissingContextFinder(all, request.context.context, request.context.provided)
  }

  /** How many results the simulation has: one per action and resource. */
  get size(): number {
    return this.request.actions.length * this.request.resources.length
  }

  /** Result `index` (0 ≤ index < size). */
  result(index: number): EvaluationResult {
    const { actions, resources } = this.request
    const action = actions[Math.floor(index / resources.length)] as string
    const resource = resources[index % resources.length] as string
    const resourceAccount = accountOf(resource) ?? this.request.resourceOwner ?? this.request.callerAccount
    const explanation = explain(this.set, { principal: this.request.caller, action, resource, resourceAccount, context: this.request.context.context })
    const decision = DECISION[explanation.decision]
    const matched = this.matchedStatements(explanation)
    const missing = this.missingContext.missing(action, resource)
    const details = decisionDetails(explanation.policyTypes, resource, resourceAccount !== this.request.callerAccount)
    const boundary = boundaryDetail(explanation.policyTypes)
    const result: EvaluationResult = {
      EvalActionName: action,
      EvalResourceName: resource,
      EvalDecision: decision,
      MatchedStatements: matched,
      // With resources named, the missing keys are reported per resource instead (API reference).
      MissingContextValues: resource === '*' ? missing : [],
      ...(boundary ? { PermissionsBoundaryDecisionDetail: boundary } : {}),
      ...(details ? { EvalDecisionDetails: details } : {})
    }
    if (resource === '*') return result
    const specific: ResourceSpecificResult = {
      EvalResourceName: resource,
      EvalResourceDecision: decision,
      MatchedStatements: matched,
      MissingContextValues: missing,
      ...(details ? { EvalDecisionDetails: details } : {}),
      ...(boundary ? { PermissionsBoundaryDecisionDetail: boundary } : {})
    }
    return { ...result, ResourceSpecificResults: [specific] }
  }

  /**
   * The statements that decided: for an explicit deny the denies that applied (the API
   * reference: "the deny statement is the only entry"); for an allow every applicable Allow of
   * the permissions policies and the resource policy; for an implicit deny none.
   */
  private matchedStatements(explanation: Explanation): MatchedStatement[] {
    const refs: StatementRef[] = []
    for (const type of explanation.policyTypes) {
      for (const ref of type.matched) {
        if (explanation.decision === 'ExplicitDeny' ? ref.effect === 'Deny' : explanation.decision === 'Allow' && ref.effect === 'Allow' && type.type !== 'boundary') refs.push(ref)
      }
    }
    return refs.map((ref) => this.statementOf(ref))
  }

  private statementOf(ref: StatementRef): MatchedStatement {
    const { identity, boundary, resource } = this.request.policies
    const source = (ref.policyType === 'identity' ? identity[ref.policyIndex] : ref.policyType === 'boundary' ? boundary : resource) as SimulationPolicy
    let spans = this.spans.get(source)
    if (spans === undefined) {
      spans = statementSpans(source.text)
      this.spans.set(source, spans)
    }
    const span = spans[ref.statementIndex]
    return { SourcePolicyId: source.id, SourcePolicyType: source.type, ...(span ? { StartPosition: span.start, EndPosition: span.end } : {}) }
  }
}

/**
 * EvalDecisionDetails, as the API reference describes it: absent for a same-account simulation
 * of `*`, present but empty for a same-account resource, and for a cross-account one how each
 * side decided. The keys naming the sides are inferred (AWS does not document them).
 */
function decisionDetails(types: readonly PolicyTypeOutcome[], resource: string, crossAccount: boolean): Record<string, Decision> | undefined {
  if (!crossAccount) return resource === '*' ? undefined : {}
  const outcome = (t: string) => types.find((o) => o.type === t)?.outcome
  const identity = outcome('identity') ?? 'ImplicitDeny'
  const boundary = outcome('boundary')
  const principalSide =
    identity === 'ExplicitDeny' || boundary === 'ExplicitDeny'
      ? 'ExplicitDeny'
      : identity === 'Allow' && (boundary === undefined || boundary === 'Allow')
        ? 'Allow'
        : 'ImplicitDeny'
  return { 'IAM Policy': DECISION[principalSide], 'Resource Policy': DECISION[outcome('resource') ?? 'ImplicitDeny'] }
}

/** Present when a permissions boundary takes part: whether it allows the request. */
function boundaryDetail(types: readonly PolicyTypeOutcome[]): { AllowedByPermissionsBoundary: boolean } | undefined {
  const boundary = types.find((t) => t.type === 'boundary')
  return boundary ? { AllowedByPermissionsBoundary: boundary.outcome === 'Allow' } : undefined
}

/** The account an ARN names, if it names one (S3 bucket ARNs do not). */
function accountOf(arn: string): string | undefined {
  if (!arn.startsWith('arn:')) return undefined
  return arn.split(':')[4] || undefined
}
