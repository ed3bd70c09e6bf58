// Principal / NotPrincipal: `"*"`, or an object whose keys are principal types (AWS, Service,
// Federated, CanonicalUser) with a string or an array of strings each.

import type { JsonNode } from '../json/json-node.js'
import { PRINCIPAL_TYPES, type PrincipalBlock, type PrincipalEntry, type PrincipalType } from '../model.js'
import { describeKind, readMembers, readStringList } from './json-reading.js'
import { MSG, Phase } from './messages.js'
import type { ErrorSink } from './policy-error.js'

const TYPES: ReadonlySet<string> = new Set(PRINCIPAL_TYPES)

export function readPrincipal(node: JsonNode, path: string, sink: ErrorSink): PrincipalBlock | undefined {
  if (node.kind === 'string') {
    if (node.value === '*') return { wildcard: true, entries: [] }
    sink.add(Phase.Syntax, MSG.syntax, `${path} must be "*" or an object such as {"AWS": "..."}`, path, node.start)
    return undefined
  }
  if (node.kind !== 'object') {
    sink.add(Phase.Syntax, MSG.syntax, `${path} must be "*" or an object, not ${describeKind(node)}`, path, node.start)
    return undefined
  }
  const members = readMembers(node, path, TYPES, sink, path)
  const entries: PrincipalEntry[] = []
  let ok = true
  for (const [type, value] of members) {
    if (!TYPES.has(type)) {
      ok = false
      continue
    }
    const list = readStringList(value, `${path}.${type}`, sink)
    if (list) entries.push({ type: type as PrincipalType, list })
    else ok = false
  }
  return ok ? { wildcard: false, entries } : undefined
}
