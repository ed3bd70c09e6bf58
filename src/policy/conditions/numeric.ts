// Numeric operators compare decimal numbers; a value that is not a number never matches.

import { parsedAnyOf, type OperatorFamily } from './operand.js'

const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/

export function parseNumber(s: string): number | undefined {
  const t = s.trim()
  if (!NUMBER.test(t)) return undefined
  const n = Number(t)
  return Number.isFinite(n) ? n : undefined
}

function family(compare: (request: number, policy: number) => boolean): OperatorFamily {
  return { compile: (values) => parsedAnyOf(values, parseNumber, compare) }
}

export const numericEquals = family((r, p) => r === p)
export const numericLessThan = family((r, p) => r < p)
export const numericLessThanEquals = family((r, p) => r <= p)
export const numericGreaterThan = family((r, p) => r > p)
export const numericGreaterThanEquals = family((r, p) => r >= p)
