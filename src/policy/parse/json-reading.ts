// Reading typed values out of the JSON tree, reporting shape errors ("Syntax errors in policy."
// in IAM's words) with a precise detail and the path of the offending value.

import type { JsonNode, JsonObject } from '../json/json-node.js'
import type { StringList } from '../model.js'
import { MSG, Phase } from './messages.js'
import type { ErrorSink } from './policy-error.js'

export function describeKind(node: JsonNode): string {
  switch (node.kind) {
    case 'array':
      return 'an array'
    case 'object':
      return 'an object'
    case 'null':
      return 'null'
    case 'boolean':
      return 'a boolean'
    case 'number':
      return 'a number'
    case 'string':
      return 'a string'
  }
}

/** A string, or a non-empty-or-empty array of strings. */
export function readStringList(node: JsonNode, path: string, sink: ErrorSink): StringList | undefined {
  if (node.kind === 'string') return { values: [node.value], isArray: false }
  if (node.kind !== 'array') {
    sink.add(Phase.Syntax, MSG.syntax, `${path} must be a string or an array of strings, not ${describeKind(node)}`, path, node.start)
    return undefined
  }
  const values: string[] = []
  let ok = true
  node.items.forEach((item, i) => {
    if (item.kind === 'string') values.push(item.value)
    else {
      ok = false
      sink.add(Phase.Syntax, MSG.syntax, `${path}[${i}] must be a string, not ${describeKind(item)}`, `${path}[${i}]`, item.start)
    }
  })
  return ok ? { values, isArray: true } : undefined
}

/** Reports duplicate and unknown members of an object; returns the first occurrence of each key. */
export function readMembers(obj: JsonObject, path: string, known: ReadonlySet<string>, sink: ErrorSink, what: string): Map<string, JsonNode> {
  const seen = new Map<string, JsonNode>()
  for (const m of obj.members) {
    const memberPath = `${path}.${m.key}`
    if (seen.has(m.key)) {
      sink.add(Phase.Syntax, MSG.syntax, `${what} has the key "${m.key}" more than once`, memberPath, m.keyStart)
      continue
    }
    seen.set(m.key, m.value)
    if (!known.has(m.key)) sink.add(Phase.Syntax, MSG.syntax, `${what} has an unknown element "${m.key}"`, memberPath, m.keyStart)
  }
  return seen
}

/** The offset of each string in a string-or-array node, in order. */
export function itemOffsets(node: JsonNode): number[] {
  return node.kind === 'array' ? node.items.map((i) => i.start) : [node.start]
}
