// Compiles one key of one condition operator, and evaluates it against the request context:
// the rules for missing keys, IfExists, negation and the ForAllValues/ForAnyValue qualifiers.

import type { ConditionScalar } from '../model.js'
import type { RequestContext, ContextValue } from '../evaluate/request-context.js'
import { flat } from '../match/text-at.js'
import { compileNull, type NullExpectation } from './null-check.js'
import type { AnyOfTest } from './operand.js'
import type { ParsedOperator, SetQualifier } from './operators.js'

export interface CompiledCondition {
  readonly operator: string
  readonly key: string
  readonly keyLower: string
  readonly set: SetQualifier
  readonly ifExists: boolean
  readonly negated: boolean
  /** Present for value operators; for Null, `expect` is used instead. */
  readonly test: AnyOfTest | null
  readonly expect: NullExpectation | null
}

export function compileCondition(operatorName: string, operator: ParsedOperator, key: string, values: readonly ConditionScalar[], variablesEnabled: boolean): CompiledCondition {
  const strings = values.map((v) => String(v))
  const family = operator.base.family
  return {
    operator: operatorName,
    // Internalized: a request-context lookup with a key that is not first internalizes it.
    key: flat(key),
    keyLower: flat(key.toLowerCase()),
    set: operator.set,
    ifExists: operator.ifExists,
    negated: operator.base.negated,
    test: family ? family.compile(strings, variablesEnabled) : null,
    expect: family ? null : compileNull(strings)
  }
}

export function conditionHolds(c: CompiledCondition, context: RequestContext): boolean {
  const value = context.get(c.key, c.keyLower)
  // The common case first: a single string value (present, so not missing).
  if (typeof value === 'string') {
    if (c.expect) return c.expect.presentMatches
    const matched = (c.test as AnyOfTest)(value, context)
    return c.negated ? !matched : matched
  }
  const missing = value === undefined || (Array.isArray(value) && value.length === 0)
  if (c.expect) return missing ? c.expect.absentMatches : c.expect.presentMatches
  const test = c.test as AnyOfTest
  if (missing) {
    if (c.ifExists) return true
    if (c.set === 'all') return true
    if (c.set === 'any') return false
    return c.negated
  }
  if (!Array.isArray(value)) {
    const matched = test(scalar(value as ContextValue), context)
    return c.negated ? !matched : matched
  }
  const list = value as readonly ConditionScalar[]
  if (c.set === 'all') {
    for (const v of list) if (test(String(v), context) === c.negated) return false
    return true
  }
  if (c.set === 'any') {
    for (const v of list) if (test(String(v), context) !== c.negated) return true
    return false
  }
  // No qualifier on a multi-valued key: true when any value matches (negated: when none does).
  for (const v of list) if (test(String(v), context)) return !c.negated
  return c.negated
}

function scalar(v: ContextValue): string {
  return typeof v === 'string' ? v : String(v)
}
