// Condition: { Operator: { Key: value | [values] } }. Values are strings, numbers or booleans.
// IAM accepts an unknown operator only when its block is empty, and rejects dates it cannot
// read in its legacy pass. Members are read with for-in, for the reason given in
// statement-element.ts; paths are built only for errors.

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
  for (const operator in value) {
    if (!Object.hasOwn(value, operator)) continue
    sink.members++
    const clause = readClause(operator, value[operator] as JsonValue, statementAt, sink)
    if (clause) clauses.push(clause)
  }
  return sink.count > before ? undefined : clauses
}

function readClause(operator: string, block: JsonValue, statementAt: readonly Segment[], sink: ErrorSink): ConditionClause | undefined {
  if (!isObject(block)) {
    sink.add(Phase.Syntax, MSG.syntax, `${operator} must be an object of condition keys, not ${describe(block)}`, [...statementAt, 'Condition', operator])
    return undefined
  }
  const parsed = parseOperator(operator)
  if (!parsed) {
    const keys = Object.keys(block).length
    sink.members += keys
    if (keys === 0) return { operator, entries: [] }
    sink.add(Phase.Syntax, MSG.syntax, `"${operator}" is not a condition operator`, [...statementAt, 'Condition', operator], 'key')
    return undefined
  }
  const isDate = parsed.base.name.startsWith('Date')
  const entries: ConditionEntry[] = []
  const before = sink.count
  // Keys are case-insensitive: two spellings of one key would be the same key twice. Most blocks
  // have one key, which needs no lower-casing.
  let firstKey: string | undefined
  let seen: Set<string> | undefined
  for (const key in block) {
    if (!Object.hasOwn(block, key)) continue
    sink.members++
    if (firstKey === undefined) firstKey = key
    else {
      if (seen === undefined) seen = new Set([firstKey.toLowerCase()])
      const lower = key.toLowerCase()
      if (seen.has(lower)) sink.add(Phase.Syntax, MSG.syntax, `${operator} names the key "${key}" more than once`, [...statementAt, 'Condition', operator, key], 'key')
      seen.add(lower)
    }
    const entry = readEntry(key, block[key] as JsonValue, statementAt, operator, sink)
    if (!entry) continue
    if (isDate) checkDates(entry, statementAt, operator, sink)
    entries.push(entry)
  }
  return sink.count > before ? undefined : { operator, entries }
}

function readEntry(key: string, value: JsonValue, statementAt: readonly Segment[], operator: string, sink: ErrorSink): ConditionEntry | undefined {
  if (isScalar(value)) return { key, values: [value], isArray: false }
  if (!Array.isArray(value)) {
    sink.add(Phase.Syntax, MSG.syntax, `the value of ${key} must be a string, number or boolean, or an array of them, not ${describe(value)}`, [
      ...statementAt,
      'Condition',
      operator,
      key
    ])
    return undefined
  }
  let ok = true
  for (let i = 0; i < value.length; i++) {
    const item = value[i] as JsonValue
    if (isScalar(item)) continue
    ok = false
    sink.add(Phase.Syntax, MSG.syntax, `${key}[${i}] must be a string, number or boolean, not ${describe(item)}`, [...statementAt, 'Condition', operator, key, i])
  }
  return ok ? { key, values: value as ConditionScalar[], isArray: true } : undefined
}

/** Numbers beyond double range (1e400) are not values a policy can hold or print back. */
function isScalar(v: JsonValue): v is ConditionScalar {
  return typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v))
}

function checkDates(entry: ConditionEntry, statementAt: readonly Segment[], operator: string, sink: ErrorSink): void {
  entry.values.forEach((v, i) => {
    if (parseDate(String(v)) === undefined) {
      const keyAt = [...statementAt, 'Condition', operator, entry.key]
      sink.add(Phase.Legacy, MSG.legacy, `"${String(v)}" is not a date (ISO 8601 or epoch seconds)`, entry.isArray ? [...keyAt, i] : keyAt)
    }
  })
}
