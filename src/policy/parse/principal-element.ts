// Principal / NotPrincipal: `"*"`, or an object whose keys are principal types (AWS, Service,
// Federated, CanonicalUser) with a string or an array of strings each.

import { PRINCIPAL_TYPES, type PrincipalBlock, type PrincipalEntry, type PrincipalType } from '../model.js'
import type { ErrorSink, Segment } from './error-sink.js'
import { checkKnownKeys, describe, isObject, readStringList, type JsonValue } from './json-value.js'
import { MSG, Phase } from './messages.js'

const TYPES: ReadonlySet<string> = new Set(PRINCIPAL_TYPES)

export function readPrincipal(value: JsonValue, statementAt: readonly Segment[], name: string, sink: ErrorSink): PrincipalBlock | undefined {
  if (value === '*') return { wildcard: true, entries: [] }
  const at = [...statementAt, name]
  if (!isObject(value)) {
    const shown = typeof value === 'string' ? `"${value}"` : describe(value)
    sink.add(Phase.Syntax, MSG.syntax, `${name} must be "*" or an object such as {"AWS": "..."}, not ${shown}`, at)
    return undefined
  }
  const before = sink.count
  checkKnownKeys(value, TYPES, at, name, sink)
  const entries: PrincipalEntry[] = []
  for (const type of Object.keys(value)) {
    if (!TYPES.has(type)) continue
    const list = readStringList(value[type] as JsonValue, at, type, sink)
    if (list) entries.push({ type: type as PrincipalType, list })
  }
  return sink.count > before ? undefined : { wildcard: false, entries }
}
