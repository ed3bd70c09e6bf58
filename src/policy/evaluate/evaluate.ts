// AWS's policy evaluation logic over a compiled policy set:
//   1. an explicit Deny in any applicable policy decides;
//   2. every SCP level (principal's account) and RCP level (resource's account) must allow;
//   3. same account: a resource-based Allow may decide on its own, depending on whom it names;
//      otherwise identity policies must allow, then the boundary, then the session policy;
//   4. cross account: the resource-based policy and the principal's own side must both allow.
// See docs/policy-semantics.md for the choices where AWS's documentation leaves room.

import { planFor, type ActionPlan, type GroupCandidates } from '../compile/action-plan.js'
import type { CompiledStatement } from '../compile/compile-statement.js'
import { principalMatch, resourceAndConditionsApply } from '../compile/compile-statement.js'
import type { CompiledPolicySet } from '../compile/policy-set.js'
import type { PolicyType, StatementRef } from '../compile/statement-ref.js'
import { resourceLookup, type ResourceLookup, type StatementSelection } from '../compile/statement-selection.js'
import type { PrincipalMatch } from '../match/principal-matcher.js'
import type { VariableSource } from '../match/template-matcher.js'
import type { VariablePart } from '../variables.js'
import type { Decision } from './decision.js'
import { contextValue, variableText, type ContextValue, type RawContext } from './request-context.js'
import { describePrincipal, isAccountPrincipal, type RequestPrincipal } from './request-principal.js'

export interface EvaluationRequest {
  /** An IAM/STS principal ARN, a service principal (`ec2.amazonaws.com`), a federated provider, or `*`. */
  readonly principal: string
  readonly action: string
  readonly resource: string
  /** The resource owner's account; derived from the resource ARN, else the principal's account. */
  readonly resourceAccount?: string | undefined
  /** The complete request context; multi-valued keys are arrays. */
  readonly context?: RawContext | undefined
}

/**
 * A request resolved once, for all the groups evaluated against it. It is also the request
 * context the conditions read (one object per request rather than several). It is not a
 * subclass of RequestContext, and its constructor only stores what prepareRequest() worked
 * out: constructing a derived class, or one whose constructor was too large to inline, took
 * V8's generic construct path, a noticeable share of a decision.
 */
export class PreparedRequest implements VariableSource {
  private resourceLookup: ResourceLookup | undefined | null = null

  constructor(
    readonly raw: RawContext,
    /** As the request wrote it: plans are found in any case (action-plan.ts). */
    readonly action: string,
    readonly resource: string,
    readonly principal: RequestPrincipal,
    readonly sameAccount: boolean,
    /** Whether the principal has a permissions boundary (it changes how NotPrincipal applies). */
    readonly hasBoundary: boolean
  ) {}

  get(key: string, keyLower: string): ContextValue | undefined {
    return contextValue(this.raw, key, keyLower)
  }

  resolve(variable: VariablePart): string | undefined {
    return variableText(this.raw, variable)
  }

  /** Where the resource sits in the statement indexes; worked out on first use. */
  lookup(): ResourceLookup | undefined {
    if (this.resourceLookup === null) this.resourceLookup = resourceLookup(this.resource)
    return this.resourceLookup
  }
}

const EMPTY_CONTEXT: RawContext = Object.freeze({})

export function prepareRequest(request: EvaluationRequest, hasBoundary: boolean): PreparedRequest {
  const raw = request.context ?? EMPTY_CONTEXT
  const principal = describePrincipal(request.principal, raw)
  const resourceAccount = request.resourceAccount || accountOf(request.resource) || principal.account
  const sameAccount = principal.account !== undefined && principal.account === resourceAccount
  return new PreparedRequest(raw, request.action, request.resource, principal, sameAccount, hasBoundary)
}

function accountOf(arn: string): string | undefined {
  if (!arn.startsWith('arn:')) return undefined
  const parts = arn.split(':', 5)
  return parts[4] || undefined
}

const EVALUATION_ERROR: Decision = { decision: 'ImplicitDeny', decidedBy: null, statements: [] }

/** Decides a request. Never throws: an internal fault denies, as AWS's enforcement does. */
export function evaluate(set: CompiledPolicySet, request: EvaluationRequest): Decision {
  try {
    return decide(set, prepareRequest(request, set.boundary !== null))
  } catch {
    return EVALUATION_ERROR
  }
}

/**
 * The allows a decision rests on. They are gathered in one reused list and copied out, exactly
 * sized, for an Allow only: a fresh array per decision grew a 17-slot store on its first push,
 * and writing to that fresh memory was a noticeable share of a decision.
 */
class Allows {
  private readonly refs: StatementRef[] = []
  private n = 0

  reset(): void {
    this.n = 0
  }

  add(ref: StatementRef): void {
    this.refs[this.n++] = ref
  }

  /**
   * Short lists are built as literals, which the optimizing compiler allocates inline; slice()
   * is a builtin call (and a copy loop) that cost more than the rest of list() and allow().
   */
  list(): StatementRef[] {
    const r = this.refs
    switch (this.n) {
      case 0:
        return []
      case 1:
        return [r[0] as StatementRef]
      case 2:
        return [r[0] as StatementRef, r[1] as StatementRef]
      case 3:
        return [r[0] as StatementRef, r[1] as StatementRef, r[2] as StatementRef]
      default:
        return r.slice(0, this.n)
    }
  }
}

const sharedAllows = new Allows()
let sharedAllowsInUse = false

export function decide(set: CompiledPolicySet, req: PreparedRequest): Decision {
  // Should a decision start inside another (a getter on the request context that evaluates),
  // it gathers into a list of its own.
  if (sharedAllowsInUse) return decideWith(set, req, new Allows())
  sharedAllowsInUse = true
  sharedAllows.reset()
  try {
    return decideWith(set, req, sharedAllows)
  } finally {
    sharedAllowsInUse = false
  }
}

function decideWith(set: CompiledPolicySet, req: PreparedRequest, needed: Allows): Decision {
  const plan = planFor(set, req.action)
  const p = req.principal
  const accountPrincipal = isAccountPrincipal(p.kind)
  // SCPs limit the IAM principals of member accounts; RCPs limit every principal reaching a
  // member account's resources, AWS services and anonymous callers included. Neither applies
  // to service-linked roles (Organizations User Guide, SCPs and RCPs).
  const organizations = accountPrincipal && !p.serviceLinked ? plan.scp : NONE
  const resourceControls = p.serviceLinked ? NONE : plan.rcp

  // 1. Explicit deny anywhere.
  const denied = firstDeny(organizations, req) ?? firstDeny(resourceControls, req) ?? firstDeny(plan.denyGroups, req)
  if (denied) return explicitDeny(denied)

  // 2. Organizations: every level must allow.
  if (!everyLevelAllows(organizations, req, needed)) return implicitDeny('scp')
  if (!everyLevelAllows(resourceControls, req, needed)) return implicitDeny('rcp')

  // 3/4. Resource-based policy and the principal's own policies.
  const grant = plan.resource ? bestResourceAllow(plan.resource, req) : undefined
  if (!accountPrincipal) return grant ? allow('resource', needed, grant.statement) : implicitDeny('resource')

  const ownRoot = p.kind === 'root'
  // "You cannot use AWS account root user credentials to call AssumeRole" (STS API reference):
  // no trust policy lets the root user in.
  if (ownRoot && set.resourceKind === 'trust') return implicitDeny('resource')
  if (req.sameAccount) {
    if (ownRoot) return allow(null, needed)
    if (grant) {
      // A trust policy naming the principal still leaves its boundary and session policy in force.
      const limited = grant.match === 'role' || set.resourceKind === 'trust'
      if (grant.match === 'direct' || grant.match === 'wildcard' || grant.match === 'role') {
        const limit = limited ? boundaryAndSession(plan, req, needed) : undefined
        return limit ?? allow('resource', needed, grant.statement)
      }
      // An account grant only delegates: the identity side must allow too.
    }
    if (!grant && set.resourceKind === 'trust') return implicitDeny('resource')
    const own = identitySide(plan, req, needed)
    if (own) return own
    return allow('identity', needed, grant?.statement)
  }

  // Cross account: both sides.
  if (!ownRoot) {
    const own = identitySide(plan, req, needed)
    if (own) return own
  }
  if (!grant) return implicitDeny('resource')
  return allow('resource', needed, grant.statement)
}

const NONE: readonly GroupCandidates[] = []

function firstDeny(groups: readonly GroupCandidates[], req: PreparedRequest): CompiledStatement | undefined {
  for (let i = 0; i < groups.length; i++) {
    const d = firstApplying((groups[i] as GroupCandidates).denies, req)
    if (d) return d
  }
  return undefined
}

/** Whether every SCP (or RCP) level has an applicable Allow; collects them into `needed`. */
function everyLevelAllows(levels: readonly GroupCandidates[], req: PreparedRequest, needed: Allows): boolean {
  for (let i = 0; i < levels.length; i++) {
    const a = firstApplying((levels[i] as GroupCandidates).allows, req)
    if (!a) return false
    needed.add(a.ref)
  }
  return true
}

export function applies(s: CompiledStatement, req: PreparedRequest): boolean {
  if (s.principal !== null && principalMatch(s, req.principal, req.hasBoundary) === 'none') return false
  return resourceAndConditionsApply(s, req.resource, req)
}

/** Reused between calls: evaluation is synchronous and never re-enters this function. */
const scratch: CompiledStatement[] = []

/** The first statement (in statement order) of the selection that applies to the request. */
export function firstApplying(selection: StatementSelection, req: PreparedRequest): CompiledStatement | undefined {
  const all = selection.all
  if (all.length === 0) return undefined
  const n = selection.narrow(req.resource, req, scratch)
  if (n < 0) {
    for (let i = 0; i < all.length; i++) {
      const s = all[i] as CompiledStatement
      if (applies(s, req)) return s
    }
    return undefined
  }
  let best: CompiledStatement | undefined
  for (let i = 0; i < n; i++) {
    const s = scratch[i] as CompiledStatement
    if ((best === undefined || s.order < best.order) && applies(s, req)) best = s
  }
  // Drop the references, so replaced policy sets are not kept alive by the scratch array.
  scratch.fill(undefined as unknown as CompiledStatement, 0, n)
  return best
}

interface ResourceGrant {
  readonly statement: CompiledStatement
  readonly match: PrincipalMatch
}

const RANK: Readonly<Record<PrincipalMatch, number>> = { direct: 4, wildcard: 3, role: 2, account: 1, none: 0 }

/** The applicable resource-policy Allow that names the principal most directly. */
function bestResourceAllow(c: GroupCandidates, req: PreparedRequest): ResourceGrant | undefined {
  let best: ResourceGrant | undefined
  for (const s of c.allows.all) {
    const match = principalMatch(s, req.principal, req.hasBoundary)
    if (match === 'none' || (best && RANK[match] <= RANK[best.match])) continue
    if (!resourceAndConditionsApply(s, req.resource, req)) continue
    best = { statement: s, match }
    if (match === 'direct') break
  }
  return best
}

/** Identity ∧ boundary ∧ session; undefined when they allow, else the implicit deny. */
function identitySide(plan: ActionPlan, req: PreparedRequest, needed: Allows): Decision | undefined {
  const a = firstApplying(plan.identity.allows, req)
  if (!a) return implicitDeny('identity')
  needed.add(a.ref)
  return boundaryAndSession(plan, req, needed)
}

/** Boundary ∧ session policy (a federated user session without a session policy has no permissions). */
function boundaryAndSession(plan: ActionPlan, req: PreparedRequest, needed: Allows): Decision | undefined {
  if (plan.boundary) {
    const b = firstApplying(plan.boundary.allows, req)
    if (!b) return implicitDeny('boundary')
    needed.add(b.ref)
  }
  if (plan.session) {
    const s = firstApplying(plan.session.allows, req)
    if (!s) return implicitDeny('session')
    needed.add(s.ref)
  } else if (req.principal.kind === 'federatedUser') {
    return implicitDeny('session')
  }
  return undefined
}

function explicitDeny(s: CompiledStatement): Decision {
  return { decision: 'ExplicitDeny', decidedBy: s.ref.policyType, statements: [s.ref] }
}

function implicitDeny(type: PolicyType): Decision {
  return { decision: 'ImplicitDeny', decidedBy: type, statements: [] }
}

function allow(type: PolicyType | null, needed: Allows, grant?: CompiledStatement): Decision {
  if (grant) needed.add(grant.ref)
  return { decision: 'Allow', decidedBy: type, statements: needed.list() }
}
