// AWS's policy evaluation logic over a compiled policy set:
//   1. an explicit Deny in any applicable policy decides;
//   2. every SCP level (principal's account) and RCP level (resource's account) must allow;
//   3. same account: a resource-based Allow may decide on its own, depending on whom it names;
//      otherwise identity policies must allow, then the boundary, then the session policy;
//   4. cross account: the resource-based policy and the principal's own side must both allow.
// See docs/policy-semantics.md for the choices where AWS's documentation leaves room.

import type { CompiledStatement } from '../compile/compile-statement.js'
import { principalMatch, resourceAndConditionsApply } from '../compile/compile-statement.js'
import type { CompiledPolicySet, PolicyGroup } from '../compile/policy-set.js'
import type { StatementSelection } from '../compile/statement-selection.js'
import type { PolicyType, StatementRef } from '../compile/statement-ref.js'
import type { PrincipalMatch } from '../match/principal-matcher.js'
import type { Decision } from './decision.js'
import { RequestContext, type RawContext } from './request-context.js'
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

/** A request resolved once, for all the groups evaluated against it. */
export interface PreparedRequest {
  readonly actionLower: string
  readonly resource: string
  readonly context: RequestContext
  readonly principal: RequestPrincipal
  readonly sameAccount: boolean
}

const lowerActions = new Map<string, string>()

export function prepareRequest(request: EvaluationRequest): PreparedRequest {
  const context = new RequestContext(request.context ?? {})
  const principal = describePrincipal(request.principal, context)
  let actionLower = lowerActions.get(request.action)
  if (actionLower === undefined) {
    actionLower = request.action.toLowerCase()
    if (lowerActions.size >= 4096) lowerActions.clear()
    lowerActions.set(request.action, actionLower)
  }
  const resourceAccount = request.resourceAccount || accountOf(request.resource) || principal.account
  return {
    actionLower,
    resource: request.resource,
    context,
    principal,
    sameAccount: principal.account !== undefined && principal.account === resourceAccount
  }
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
    return decide(set, prepareRequest(request))
  } catch {
    return EVALUATION_ERROR
  }
}

export function decide(set: CompiledPolicySet, req: PreparedRequest): Decision {
  const p = req.principal
  const accountPrincipal = isAccountPrincipal(p.kind)
  const hasBoundary = set.boundary !== null

  // 1. Explicit deny anywhere.
  if (accountPrincipal) for (const level of set.scp) {
    const d = firstDeny(level, req, hasBoundary)
    if (d) return explicitDeny(d)
  }
  if (p.kind !== 'service') for (const level of set.rcp) {
    const d = firstDeny(level, req, hasBoundary)
    if (d) return explicitDeny(d)
  }
  const groups = set.principalGroups
  for (let i = 0; i < groups.length; i++) {
    const d = firstDeny(groups[i] as PolicyGroup, req, hasBoundary)
    if (d) return explicitDeny(d)
  }

  // 2. Organizations: every level must allow.
  const needed: StatementRef[] = []
  if (accountPrincipal) for (const level of set.scp) {
    const a = firstAllow(level, req, hasBoundary)
    if (!a) return implicitDeny('scp')
    needed.push(a.ref)
  }
  if (p.kind !== 'service') for (const level of set.rcp) {
    const a = firstAllow(level, req, hasBoundary)
    if (!a) return implicitDeny('rcp')
    needed.push(a.ref)
  }

  // 3/4. Resource-based policy and the principal's own policies.
  const grant = set.resource ? bestResourceAllow(set.resource, req, hasBoundary) : undefined
  if (!accountPrincipal) return grant ? allow('resource', needed, grant.statement) : implicitDeny('resource')

  const ownRoot = p.kind === 'root'
  if (req.sameAccount) {
    if (ownRoot) return allow(null, needed)
    if (grant) {
      // A trust policy naming the principal still leaves its boundary and session policy in force.
      const limited = grant.match === 'role' || set.resourceKind === 'trust'
      if (grant.match === 'direct' || grant.match === 'wildcard' || grant.match === 'role') {
        const limit = limited ? boundaryAndSession(set, req, hasBoundary, needed) : undefined
        return limit ?? allow('resource', needed, grant.statement)
      }
      // An account grant only delegates: the identity side must allow too.
    }
    if (!grant && set.resourceKind === 'trust') return implicitDeny('resource')
    const own = identitySide(set, req, hasBoundary, needed)
    if (own) return own
    return allow('identity', needed, grant?.statement)
  }

  // Cross account: both sides.
  if (!ownRoot) {
    const own = identitySide(set, req, hasBoundary, needed)
    if (own) return own
  }
  if (!grant) return implicitDeny('resource')
  return allow('resource', needed, grant.statement)
}

function applies(s: CompiledStatement, req: PreparedRequest, hasBoundary: boolean): boolean {
  if (s.principal !== null && principalMatch(s, req.principal, hasBoundary) === 'none') return false
  return resourceAndConditionsApply(s, req.resource, req.context)
}

export function firstDeny(g: PolicyGroup, req: PreparedRequest, hasBoundary: boolean): CompiledStatement | undefined {
  return firstApplying(g.index.candidates(req.actionLower).denies, req, hasBoundary)
}

export function firstAllow(g: PolicyGroup, req: PreparedRequest, hasBoundary: boolean): CompiledStatement | undefined {
  return firstApplying(g.index.candidates(req.actionLower).allows, req, hasBoundary)
}

/** Reused between calls: evaluation is synchronous and never re-enters this function. */
const scratch: CompiledStatement[] = []

/** The first statement (in statement order) of the selection that applies to the request. */
function firstApplying(selection: StatementSelection, req: PreparedRequest, hasBoundary: boolean): CompiledStatement | undefined {
  const all = selection.all
  if (all.length === 0) return undefined
  scratch.length = 0
  if (!selection.narrow(req.resource, scratch)) {
    for (let i = 0; i < all.length; i++) {
      const s = all[i] as CompiledStatement
      if (applies(s, req, hasBoundary)) return s
    }
    return undefined
  }
  let best: CompiledStatement | undefined
  for (let i = 0; i < scratch.length; i++) {
    const s = scratch[i] as CompiledStatement
    if ((best === undefined || s.order < best.order) && applies(s, req, hasBoundary)) best = s
  }
  scratch.length = 0
  return best
}

interface ResourceGrant {
  readonly statement: CompiledStatement
  readonly match: PrincipalMatch
}

const RANK: Readonly<Record<PrincipalMatch, number>> = { direct: 4, wildcard: 3, role: 2, account: 1, none: 0 }

/** The applicable resource-policy Allow that names the principal most directly. */
function bestResourceAllow(g: PolicyGroup, req: PreparedRequest, hasBoundary: boolean): ResourceGrant | undefined {
  let best: ResourceGrant | undefined
  for (const s of g.index.candidates(req.actionLower).allows.all) {
    const match = principalMatch(s, req.principal, hasBoundary)
    if (match === 'none' || (best && RANK[match] <= RANK[best.match])) continue
    if (!resourceAndConditionsApply(s, req.resource, req.context)) continue
    best = { statement: s, match }
    if (match === 'direct') break
  }
  return best
}

/** Identity ∧ boundary ∧ session; undefined when they allow, else the implicit deny. */
function identitySide(set: CompiledPolicySet, req: PreparedRequest, hasBoundary: boolean, needed: StatementRef[]): Decision | undefined {
  const a = firstAllow(set.identity, req, hasBoundary)
  if (!a) return implicitDeny('identity')
  needed.push(a.ref)
  return boundaryAndSession(set, req, hasBoundary, needed)
}

/** Boundary ∧ session policy (a federated user session without a session policy has no permissions). */
function boundaryAndSession(set: CompiledPolicySet, req: PreparedRequest, hasBoundary: boolean, needed: StatementRef[]): Decision | undefined {
  if (set.boundary) {
    const b = firstAllow(set.boundary, req, hasBoundary)
    if (!b) return implicitDeny('boundary')
    needed.push(b.ref)
  }
  if (set.session) {
    const s = firstAllow(set.session, req, hasBoundary)
    if (!s) return implicitDeny('session')
    needed.push(s.ref)
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

function allow(type: PolicyType | null, needed: StatementRef[], grant?: CompiledStatement): Decision {
  if (grant) needed.push(grant.ref)
  return { decision: 'Allow', decidedBy: type, statements: needed }
}
