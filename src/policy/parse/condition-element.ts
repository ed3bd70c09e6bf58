// Condition: { Operator: { Key: value | [values] } }. Values are strings, numbers or booleans.
// IAM accepts an unknown operator only when its block is empty, and rejects dates it cannot
// read in its legacy pass.

import type { JsonNode } from '../json/json-node.js'
import type { ConditionClause, ConditionEntry, ConditionScalar } from '../model.js'
import { parseDate } from '../conditions/date.js'
import { parseOperator } from '../conditions/operators.js'
import { describeKind } from './json-reading.js'
import { MSG, Phase } from './messages.js'
import type { ErrorSink } from './policy-error.js'

export function readCondition(node: JsonNode, path: string, sink: ErrorSink): ConditionClause[] | undefined {
  if (node.kind !== 'object') {
    sink.add(Phase.Syntax, MSG.syntax, `${path} must be an object of operators, not ${describeKind(node)}`, path, node.start)
    return undefined
  }
  const clauses: ConditionClause[] = []
  const seen = new Set<string>()
  let ok = true
  for (const m of node.members) {
    const opPath = `${path}.${m.key}`
    if (seen.has(m.key)) {
      sink.add(Phase.Syntax, MSG.syntax, `${path} has the operator "${m.key}" more than once`, opPath, m.keyStart)
      ok = false
      continue
    }
    seen.add(m.key)
    const clause = readClause(m.key, m.keyStart, m.value, opPath, sink)
    if (clause) clauses.push(clause)
    else ok = false
  }
  return ok ? clauses : undefined
}

function readClause(operator: string, keyStart: number, block: JsonNode, path: string, sink: ErrorSink): ConditionClause | undefined {
  if (block.kind !== 'object') {
    sink.add(Phase.Syntax, MSG.syntax, `${path} must be an object of condition keys, not ${describeKind(block)}`, path, block.start)
    return undefined
  }
  const parsed = parseOperator(operator)
  if (!parsed && block.members.length > 0) {
    sink.add(Phase.Syntax, MSG.syntax, `"${operator}" is not a condition operator`, path, keyStart)
    return undefined
  }
  const isDate = parsed?.base.name.startsWith('Date') ?? false
  const entries: ConditionEntry[] = []
  const keys = new Set<string>()
  let ok = true
  for (const m of block.members) {
    const keyPath = `${path}.${m.key}`
    if (keys.has(m.key.toLowerCase())) {
      sink.add(Phase.Syntax, MSG.syntax, `${path} has the key "${m.key}" more than once`, keyPath, m.keyStart)
      ok = false
      continue
    }
    keys.add(m.key.toLowerCase())
    const entry = readEntry(m.key, m.value, keyPath, sink)
    if (!entry) {
      ok = false
      continue
    }
    if (isDate) checkDates(entry, m.value, keyPath, sink)
    entries.push(entry)
  }
  return ok ? { operator, entries } : undefined
}

function readEntry(key: string, node: JsonNode, path: string, sink: ErrorSink): ConditionEntry | undefined {
  const scalar = (n: JsonNode, p: string): ConditionScalar | undefined => {
    if (n.kind === 'string' || n.kind === 'boolean') return n.value
    if (n.kind === 'number') return n.value
    sink.add(Phase.Syntax, MSG.syntax, `${p} must be a string, number or boolean, not ${describeKind(n)}`, p, n.start)
    return undefined
  }
  if (node.kind !== 'array') {
    const v = scalar(node, path)
    return v === undefined ? undefined : { key, values: [v], isArray: false }
  }
  const values: ConditionScalar[] = []
  let ok = true
  node.items.forEach((item, i) => {
    const v = scalar(item, `${path}[${i}]`)
    if (v === undefined) ok = false
    else values.push(v)
  })
  return ok ? { key, values, isArray: true } : undefined
}

function checkDates(entry: ConditionEntry, node: JsonNode, path: string, sink: ErrorSink): void {
  const items = node.kind === 'array' ? node.items : [node]
  entry.values.forEach((v, i) => {
    if (parseDate(String(v)) === undefined) {
      const at = items[i] as JsonNode
      sink.add(Phase.Legacy, MSG.legacy, `"${String(v)}" is not a date (ISO 8601 or epoch seconds)`, node.kind === 'array' ? `${path}[${i}]` : path, at.start)
    }
  })
}
