// Condition: { Operator: { Key: value | [values] } }. Values are strings, numbers or booleans.
// IAM accepts an unknown operator only when its block is empty, and rejects dates it cannot
// read in its legacy pass.

import { parseDate } from '../conditions/date.js'
import { parseOperator } from '../conditions/operators.js'
import type { ConditionClause, ConditionEntry, ConditionScalar } from '../model.js'
import type { ErrorSink, Segment } from './error-sink.js'
import { describe, isObject, type JsonValue } from './json-value.js'
import { MSG, Phase } from './messages.js'

export function readCondition(value: JsonValue, statementAt: readonly Segment[], sink: ErrorSink): ConditionClause[] | undefined {
  if (!isObject(value)) {
    sink.add(Phase.Syntax, MSG.syntax, `Condition must be an object of operators, not ${describe(value)}`, [...statementAt, 'Condition'])
    return undefined
  }
  const before = sink.count
  const clauses: ConditionClause[] = []
  for (const operator of Object.keys(value)) {
    sink.members++
    const clause = readClause(operator, value[operator] as JsonValue, statementAt, sink)
    if (clause) clauses.push(clause)
  }
  return sink.count > before ? undefined : clauses
}

function readClause(operator: string, block: JsonValue, statementAt: readonly Segment[], sink: ErrorSink): ConditionClause | undefined {
  const operatorAt = (): Segment[] => [...statementAt, 'Condition', operator]
  if (!isObject(block)) {
    sink.add(Phase.Syntax, MSG.syntax, `${operator} must be an object of condition keys, not ${describe(block)}`, operatorAt())
    return undefined
  }
  const parsed = parseOperator(operator)
  const keys = Object.keys(block)
  sink.members += keys.length
  if (!parsed && keys.length > 0) {
    sink.add(Phase.Syntax, MSG.syntax, `"${operator}" is not a condition operator`, operatorAt(), 'key')
    return undefined
  }
  const isDate = parsed?.base.name.startsWith('Date') ?? false
  const entries: ConditionEntry[] = []
  const seen = new Set<string>()
  const before = sink.count
  for (const key of keys) {
    const lower = key.toLowerCase()
    // Keys are case-insensitive: two spellings of one key would be the same key twice.
    if (seen.has(lower)) sink.add(Phase.Syntax, MSG.syntax, `${operator} names the key "${key}" more than once`, [...operatorAt(), key], 'key')
    seen.add(lower)
    const entry = readEntry(key, block[key] as JsonValue, operatorAt, sink)
    if (!entry) continue
    if (isDate) checkDates(entry, operatorAt, sink)
    entries.push(entry)
  }
  return sink.count > before ? undefined : { operator, entries }
}

function readEntry(key: string, value: JsonValue, operatorAt: () => Segment[], sink: ErrorSink): ConditionEntry | undefined {
  if (isScalar(value)) return { key, values: [value], isArray: false }
  if (!Array.isArray(value)) {
    sink.add(Phase.Syntax, MSG.syntax, `the value of ${key} must be a string, number or boolean, or an array of them, not ${describe(value)}`, [...operatorAt(), key])
    return undefined
  }
  let ok = true
  value.forEach((item, i) => {
    if (isScalar(item)) return
    ok = false
    sink.add(Phase.Syntax, MSG.syntax, `${key}[${i}] must be a string, number or boolean, not ${describe(item)}`, [...operatorAt(), key, i])
  })
  return ok ? { key, values: value as ConditionScalar[], isArray: true } : undefined
}

/** Numbers beyond double range (1e400) are not values a policy can hold or print back. */
function isScalar(v: JsonValue): v is ConditionScalar {
  return typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v))
}

function checkDates(entry: ConditionEntry, operatorAt: () => Segment[], sink: ErrorSink): void {
  entry.values.forEach((v, i) => {
    if (parseDate(String(v)) === undefined) {
      const keyAt = [...operatorAt(), entry.key]
      sink.add(Phase.Legacy, MSG.legacy, `"${String(v)}" is not a date (ISO 8601 or epoch seconds)`, entry.isArray ? [...keyAt, i] : keyAt)
    }
  })
}
