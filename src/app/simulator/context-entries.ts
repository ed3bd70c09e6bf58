// The simulator's ContextEntries as the engine's request context. The simulator supplies no
// context of its own (not even aws:CurrentTime): a key the policies read and the caller did not
// give is reported in MissingContextValues. Values travel to the engine as text; the condition
// operators read numbers, dates, addresses and booleans out of it, as they do for real requests.
//
// AWS's messages for bad entries are not documented; ours are inferred (marked below).

import { isIP } from 'node:net'
import type { ContextEntry } from '@aws-sdk/client-iam'
import { iamErrors } from '../../core/aws-error.js'
import type { RawContext } from '../../policy/index.js'

export interface SimulationContext {
  readonly context: RawContext
  /** The keys given, lower-cased (condition keys compare case-insensitively). */
  readonly provided: ReadonlySet<string>
}

type ScalarType = 'string' | 'numeric' | 'boolean' | 'ip' | 'binary' | 'date'

const CHECKS: Readonly<Record<ScalarType, (value: string) => boolean>> = {
  string: () => true,
  numeric: (v) => /^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(v.trim()),
  boolean: (v) => /^(true|false)$/i.test(v.trim()),
  ip: (v) => isAddressOrBlock(v.trim()),
  binary: (v) => /^[A-Za-z0-9+/]*={0,2}$/.test(v) && v.length % 4 === 0,
  date: (v) => /^-?\d{1,19}$/.test(v.trim()) || (/^\d{4}-\d{1,2}/.test(v.trim()) && !Number.isNaN(Date.parse(v.trim())))
}

export function simulationContext(entries: readonly ContextEntry[] | undefined): SimulationContext {
  const context: Record<string, string | string[]> = {}
  const provided = new Set<string>()
  for (const entry of entries ?? []) {
    const name = entry.ContextKeyName
    // (inferred) AWS's wording for an entry without a key name.
    if (name === undefined || name === '') throw iamErrors.invalidInput('ContextKeyName is required in each context entry.')
    const lower = name.toLowerCase()
    // (inferred) Two values for one key would leave the simulation ambiguous.
    if (provided.has(lower)) throw iamErrors.invalidInput(`Context key ${name} is given more than once.`)
    provided.add(lower)
    const values = entry.ContextKeyValues ?? []
    const declared = entry.ContextKeyType ?? (values.length > 1 ? 'stringList' : 'string')
    const isList = declared.endsWith('List')
    const type = (isList ? declared.slice(0, -'List'.length) : declared) as ScalarType
    if (!Object.hasOwn(CHECKS, type)) throw iamErrors.invalidInput(`Invalid ContextKeyType ${declared} for context key ${name}.`)
    // (inferred)
    if (!isList && values.length !== 1) throw iamErrors.invalidInput(`Context key ${name} of type ${declared} takes exactly one value.`)
    for (const value of values) {
      // (inferred)
      if (!CHECKS[type](value)) throw iamErrors.invalidInput(`Invalid value ${value} for context key ${name} of type ${declared}.`)
    }
    context[name] = isList ? [...values] : (values[0] as string)
  }
  return { context, provided }
}

/** An IPv4 or IPv6 address, optionally with a prefix length (aws:SourceIp takes both). */
function isAddressOrBlock(value: string): boolean {
  const slash = value.indexOf('/')
  const address = slash < 0 ? value : value.slice(0, slash)
  const version = isIP(address)
  if (version === 0) return false
  if (slash < 0) return true
  const bits = value.slice(slash + 1)
  return /^\d{1,3}$/.test(bits) && Number(bits) <= (version === 4 ? 32 : 128)
}
