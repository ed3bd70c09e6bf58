// Date operators compare instants. Values are ISO 8601 dates and times or seconds since the
// epoch. IAM reads them leniently (it accepts "2016-12-13t2:00:00+23" and even "01T"), so this
// parser accepts the same shapes: a 1-9 digit year, optional month and day, an optional T with
// an optional time of 1-2 digit fields and up to 9 fraction digits, and an optional zone
// (Z, or +HH, +HH:MM, +HHMM). No zone means UTC.

import { parsedAnyOf, type OperatorFamily } from './operand.js'

const ISO = /^([+-]?\d{1,9})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?:[Tt](?:(\d{1,2})(?::(\d{1,2})(?::(\d{1,2})(?:[.,](\d{1,9}))?)?)?)?)?(?:([Zz])|([+-])(\d{2})(?::?(\d{2}))?)?$/
const EPOCH = /^-?\d{1,19}$/
/** Seconds are read as a signed 64-bit number, as IAM does; larger values are not dates. */
const LONG_MAX = 9223372036854775807n

const cache = new Map<string, number | null>()
const CACHE_LIMIT = 1024

/** Milliseconds since the epoch, or undefined when the text is not a date. */
export function parseDate(s: string): number | undefined {
  const hit = cache.get(s)
  if (hit !== undefined) return hit ?? undefined
  const parsed = parseUncached(s.trim())
  if (cache.size >= CACHE_LIMIT) cache.clear()
  cache.set(s, parsed ?? null)
  return parsed
}

function parseUncached(s: string): number | undefined {
  if (EPOCH.test(s)) {
    const big = BigInt(s)
    if (big > LONG_MAX || big < -LONG_MAX - 1n) return undefined
    return Number(big) * 1000
  }
  const m = ISO.exec(s)
  if (!m) return undefined
  const num = (i: number, fallback: number): number => (m[i] === undefined ? fallback : Number(m[i]))
  const year = num(1, 0)
  const month = num(2, 1)
  const day = num(3, 1)
  const hour = num(4, 0)
  const minute = num(5, 0)
  const second = num(6, 0)
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month) || hour > 23 || minute > 59 || second > 59) return undefined
  const millis = m[7] ? Math.floor(Number(`0.${m[7]}`) * 1000) : 0
  const utc = new Date(0)
  utc.setUTCFullYear(year, month - 1, day)
  utc.setUTCHours(hour, minute, second, millis)
  let t = utc.getTime()
  if (m[9]) {
    if (Number(m[10]) > 23 || num(11, 0) > 59) return undefined
    const offset = (Number(m[10]) * 60 + num(11, 0)) * 60_000
    t += m[9] === '+' ? -offset : offset
  }
  return Number.isFinite(t) ? t : undefined
}

function daysIn(year: number, month: number): number {
  const d = new Date(0)
  d.setUTCFullYear(year, month, 0)
  return d.getUTCDate()
}

function family(compare: (request: number, policy: number) => boolean): OperatorFamily {
  return { compile: (values) => parsedAnyOf(values, parseDate, compare) }
}

export const dateEquals = family((r, p) => r === p)
export const dateLessThan = family((r, p) => r < p)
export const dateLessThanEquals = family((r, p) => r <= p)
export const dateGreaterThan = family((r, p) => r > p)
export const dateGreaterThanEquals = family((r, p) => r >= p)
