// The request context as the engine reads it: condition keys are case-insensitive, values are
// strings or lists of strings. Lookups try the key as the policy wrote it first (the common
// case) and only scan the context's keys when that misses.

import type { VariablePart } from '../variables.js'
import type { VariableSource } from '../match/template-matcher.js'

export type ContextScalar = string | number | boolean
export type ContextValue = ContextScalar | readonly ContextScalar[]
export type RawContext = Readonly<Record<string, ContextValue | null | undefined>>

export class RequestContext implements VariableSource {
  constructor(readonly raw: RawContext) {}

  /** The value of a key, or undefined when the request does not carry it. */
  get(key: string, keyLower: string): ContextValue | undefined {
    return contextValue(this.raw, key, keyLower)
  }

  /** A policy variable's text: single-valued keys only; the default applies when the key is missing. */
  resolve(variable: VariablePart): string | undefined {
    return variableText(this.raw, variable)
  }
}

export function contextValue(raw: RawContext, key: string, keyLower: string): ContextValue | undefined {
  const direct = raw[key]
  // Only the context's own keys count, never Object.prototype's; asked only when there is a value.
  if (direct !== undefined && direct !== null && Object.hasOwn(raw, key)) return direct
  // Written in another case, or missing: a scan in which the length test skips most keys
  // without lower-casing them (cheaper than building an index for one or two misses).
  for (const k in raw) {
    if (k.length === keyLower.length && k.toLowerCase() === keyLower) {
      const v = raw[k]
      if (v !== undefined && v !== null) return v
    }
  }
  return undefined
}

export function variableText(raw: RawContext, variable: VariablePart): string | undefined {
  const value = contextValue(raw, variable.key, variable.keyLower)
  if (value === undefined) return variable.fallback
  if (Array.isArray(value)) return undefined
  return String(value)
}
