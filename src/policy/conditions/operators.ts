// The condition operators IAM knows, and how an operator name decomposes:
// [ForAllValues:|ForAnyValue:] Base [IfExists]. Names are matched without regard to case.

import { binaryEquals } from './binary.js'
import { bool } from './bool.js'
import { dateEquals, dateGreaterThan, dateGreaterThanEquals, dateLessThan, dateLessThanEquals } from './date.js'
import { ipAddress } from './ip.js'
import { numericEquals, numericGreaterThan, numericGreaterThanEquals, numericLessThan, numericLessThanEquals } from './numeric.js'
import type { OperatorFamily } from './operand.js'
import { arnLike, stringEquals, stringEqualsIgnoreCase, stringLike } from './string.js'

export type SetQualifier = 'none' | 'any' | 'all'

export interface BaseOperator {
  /** Canonical spelling, e.g. `StringNotLike`. */
  readonly name: string
  /** `null` for the Null operator, which tests presence rather than values. */
  readonly family: OperatorFamily | null
  /** Negated operators are true when no value matches (and when the key is missing). */
  readonly negated: boolean
}

export interface ParsedOperator {
  readonly base: BaseOperator
  readonly set: SetQualifier
  readonly ifExists: boolean
}

const BASES: readonly BaseOperator[] = [
  { name: 'StringEquals', family: stringEquals, negated: false },
  { name: 'StringNotEquals', family: stringEquals, negated: true },
  { name: 'StringEqualsIgnoreCase', family: stringEqualsIgnoreCase, negated: false },
  { name: 'StringNotEqualsIgnoreCase', family: stringEqualsIgnoreCase, negated: true },
  { name: 'StringLike', family: stringLike, negated: false },
  { name: 'StringNotLike', family: stringLike, negated: true },
  { name: 'NumericEquals', family: numericEquals, negated: false },
  { name: 'NumericNotEquals', family: numericEquals, negated: true },
  { name: 'NumericLessThan', family: numericLessThan, negated: false },
  { name: 'NumericLessThanEquals', family: numericLessThanEquals, negated: false },
  { name: 'NumericGreaterThan', family: numericGreaterThan, negated: false },
  { name: 'NumericGreaterThanEquals', family: numericGreaterThanEquals, negated: false },
  { name: 'DateEquals', family: dateEquals, negated: false },
  { name: 'DateNotEquals', family: dateEquals, negated: true },
  { name: 'DateLessThan', family: dateLessThan, negated: false },
  { name: 'DateLessThanEquals', family: dateLessThanEquals, negated: false },
  { name: 'DateGreaterThan', family: dateGreaterThan, negated: false },
  { name: 'DateGreaterThanEquals', family: dateGreaterThanEquals, negated: false },
  { name: 'Bool', family: bool, negated: false },
  { name: 'BinaryEquals', family: binaryEquals, negated: false },
  { name: 'IpAddress', family: ipAddress, negated: false },
  { name: 'NotIpAddress', family: ipAddress, negated: true },
  { name: 'ArnEquals', family: arnLike, negated: false },
  { name: 'ArnLike', family: arnLike, negated: false },
  { name: 'ArnNotEquals', family: arnLike, negated: true },
  { name: 'ArnNotLike', family: arnLike, negated: true },
  { name: 'Null', family: null, negated: false }
]

const BY_LOWER_NAME = new Map(BASES.map((b) => [b.name.toLowerCase(), b]))

export const OPERATOR_NAMES: readonly string[] = BASES.map((b) => b.name)

export function parseOperator(name: string): ParsedOperator | undefined {
  return CANONICAL.get(name) ?? parseAnyCase(name)
}

function parseAnyCase(name: string): ParsedOperator | undefined {
  let rest = name.toLowerCase()
  let set: SetQualifier = 'none'
  if (rest.startsWith('forallvalues:')) {
    set = 'all'
    rest = rest.slice('forallvalues:'.length)
  } else if (rest.startsWith('foranyvalue:')) {
    set = 'any'
    rest = rest.slice('foranyvalue:'.length)
  }
  let ifExists = false
  if (rest.endsWith('ifexists')) {
    ifExists = true
    rest = rest.slice(0, -'ifexists'.length)
  }
  const base = BY_LOWER_NAME.get(rest)
  if (!base) return undefined
  if (base.family === null && ifExists) return undefined
  return { base, set, ifExists }
}

/**
 * Every operator as AWS spells it, parsed once: policies nearly always use these spellings, and
 * every condition of every policy parsed names one.
 */
const CANONICAL: ReadonlyMap<string, ParsedOperator> = (() => {
  const table = new Map<string, ParsedOperator>()
  for (const prefix of ['', 'ForAllValues:', 'ForAnyValue:']) {
    for (const base of BASES) {
      for (const suffix of base.family === null ? [''] : ['', 'IfExists']) {
        const name = `${prefix}${base.name}${suffix}`
        const parsed = parseAnyCase(name)
        if (parsed) table.set(name, parsed)
      }
    }
  }
  return table
})()
