// Plain JSON values (what JSON.parse returns) and the small readers the element parsers share.
// Validation works on these rather than on a position-keeping tree: JSON.parse is native and
// fast, and positions are only worked out when there is an error to report (error-sink.ts).

import type { StringList } from '../model.js'
import type { ErrorSink, Segment } from './error-sink.js'
import { MSG, Phase } from './messages.js'

export type JsonValue = null | boolean | number | string | JsonValue[] | JsonObject
export interface JsonObject {
  [key: string]: JsonValue
}

export function isObject(v: JsonValue | undefined): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

export function describe(v: JsonValue): string {
  if (v === null) return 'null'
  if (Array.isArray(v)) return 'an array'
  switch (typeof v) {
    case 'object':
      return 'an object'
    case 'boolean':
      return 'a boolean'
    case 'number':
      return 'a number'
    default:
      return 'a string'
  }
}

/** Reports keys of an object that are not in `known` (and counts its members, see ErrorSink.members). */
export function checkKnownKeys(obj: JsonObject, known: ReadonlySet<string>, at: readonly Segment[], what: string, sink: ErrorSink): void {
  for (const key of Object.keys(obj)) {
    sink.members++
    if (!known.has(key)) sink.add(Phase.Syntax, MSG.syntax, `${what} has an unknown element "${key}"`, [...at, key], 'key')
  }
}

/** A string or an array of strings; errors name the offending item. */
export function readStringList(value: JsonValue, at: readonly Segment[], name: string, sink: ErrorSink): StringList | undefined {
  if (typeof value === 'string') return { values: [value], isArray: false }
  if (!Array.isArray(value)) {
    sink.add(Phase.Syntax, MSG.syntax, `${name} must be a string or an array of strings, not ${describe(value)}`, [...at, name])
    return undefined
  }
  for (let i = 0; i < value.length; i++) {
    if (typeof value[i] !== 'string') {
      for (let j = i; j < value.length; j++) {
        const item = value[j] as JsonValue
        if (typeof item !== 'string') sink.add(Phase.Syntax, MSG.syntax, `${name}[${j}] must be a string, not ${describe(item)}`, [...at, name, j])
      }
      return undefined
    }
  }
  return { values: value as string[], isArray: true }
}
