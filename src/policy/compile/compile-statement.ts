// A statement compiled for evaluation: matchers built once for its resources, principal and
// conditions. Actions are not matched here: the action index (action-index.ts) decides which
// statements a request's action reaches, so evaluation only looks at those.

import { compileCondition, conditionHolds, type CompiledCondition } from '../conditions/evaluate-condition.js'
import { parseOperator } from '../conditions/operators.js'
import type { RequestContext } from '../evaluate/request-context.js'
import type { RequestPrincipal } from '../evaluate/request-principal.js'
import { compilePrincipal, type PrincipalMatch, type PrincipalMatcher } from '../match/principal-matcher.js'
import { compileValue, type ValueMatcher } from '../match/template-matcher.js'
import type { Statement } from '../model.js'
import type { StatementRef } from './statement-ref.js'

export interface CompiledStatement {
  readonly ref: StatementRef
  readonly deny: boolean
  /** Order of the statement across its whole group, for stable explanations. */
  readonly order: number
  /** Lower-cased Action or NotAction patterns. */
  readonly actionPatterns: readonly string[]
  readonly notAction: boolean
  /** null: no Resource element (trust policies) or a plain "*": every resource. */
  readonly resources: readonly ValueMatcher[] | null
  readonly notResource: boolean
  readonly principal: PrincipalMatcher | null
  readonly notPrincipal: boolean
  readonly conditions: readonly CompiledCondition[]
  /** Scratch for StatementSelection.narrow(): the last call that offered this statement. */
  readonly visit: { epoch: number }
}

export function compileStatement(statement: Statement, ref: StatementRef, order: number, variablesEnabled: boolean): CompiledStatement {
  const actions = statement.action ?? statement.notAction
  const resourceList = statement.resource ?? statement.notResource
  const everyResource = statement.resource !== undefined && statement.resource.values.includes('*')
  const principalBlock = statement.principal ?? statement.notPrincipal
  const conditions: CompiledCondition[] = []
  for (const clause of statement.condition ?? []) {
    const operator = parseOperator(clause.operator)
    if (!operator) {
      // IAM accepts an unknown operator only with an empty block (nothing to test); should one
      // with keys ever reach here, the statement never applies.
      if (clause.entries.length > 0) conditions.push(neverHolds(clause.operator))
      continue
    }
    for (const entry of clause.entries) conditions.push(compileCondition(clause.operator, operator, entry.key, entry.values, variablesEnabled))
  }
  return {
    ref,
    deny: statement.effect === 'Deny',
    order,
    actionPatterns: (actions?.values ?? []).map((a) => a.toLowerCase()),
    notAction: statement.notAction !== undefined,
    resources: resourceList === undefined || everyResource ? null : resourceList.values.map((r) => compileValue(r, 'arn', variablesEnabled)),
    notResource: statement.notResource !== undefined,
    principal: principalBlock ? compilePrincipal(principalBlock) : null,
    notPrincipal: statement.notPrincipal !== undefined,
    conditions,
    visit: { epoch: 0 }
  }
}

function neverHolds(operator: string): CompiledCondition {
  return { operator, key: '', keyLower: '', set: 'none', ifExists: false, negated: false, test: () => false, expect: null }
}

/** Whether the statement's Resource/NotResource and Condition apply (the action already matched). */
export function resourceAndConditionsApply(s: CompiledStatement, resource: string, context: RequestContext): boolean {
  const resources = s.resources
  if (resources !== null) {
    let matched = false
    for (let i = 0; i < resources.length; i++) {
      if ((resources[i] as ValueMatcher).test(resource, context)) {
        matched = true
        break
      }
    }
    if (matched === s.notResource) return false
  }
  const conditions = s.conditions
  for (let i = 0; i < conditions.length; i++) if (!conditionHolds(conditions[i] as CompiledCondition, context)) return false
  return true
}

/**
 * How the statement's Principal/NotPrincipal names the request's principal, for statements of
 * resource-based policies ('wildcard' for statements without either element).
 */
export function principalMatch(s: CompiledStatement, principal: RequestPrincipal, hasBoundary: boolean): PrincipalMatch {
  const matcher = s.principal
  if (matcher === null) return 'wildcard'
  if (!s.notPrincipal) return matcher.match(principal)
  if (s.deny) {
    // A principal with a permissions boundary is never excluded by NotPrincipal (documented).
    if (hasBoundary) return 'wildcard'
    return matcher.excludesAll(principal) ? 'none' : 'wildcard'
  }
  return matcher.excludesAny(principal) ? 'none' : 'wildcard'
}
