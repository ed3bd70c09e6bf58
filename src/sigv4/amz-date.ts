// Dates as SigV4 writes them: ISO 8601 basic format (20150830T123600Z), and the HTTP Date header's
// IMF-fixdate (Sun, 30 Aug 2015 12:36:00 GMT), which AWS also accepts when X-Amz-Date is absent.

const IMF_FIXDATE = /^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), (\d{2}) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (\d{4}) (\d{2}):(\d{2}):(\d{2}) GMT$/
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

function utc(year: number, month: number, day: number, hour: number, minute: number, second: number): number | undefined {
  // 31 February is not a date (Date would roll it over into March).
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour > 23 || minute > 59 || second > 59) return undefined
  if (year >= 100) return Date.UTC(year, month - 1, day, hour, minute, second)
  const date = new Date(0)
  date.setUTCFullYear(year, month - 1, day) // unlike Date.UTC, no 1900 offset for years below 100
  date.setUTCHours(hour, minute, second, 0)
  return date.getTime()
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31
}

/** Milliseconds since the epoch for '20150830T123600Z', or undefined if it is not a real time in that form. */
export function parseAmzDate(value: string): number | undefined {
  // Every request carries one: read the digits in place rather than through a regex's captures.
  if (value.length !== 16 || value.charCodeAt(8) !== 84 /* T */ || value.charCodeAt(15) !== 90 /* Z */) return undefined
  const year = digits(value, 0, 4)
  const month = digits(value, 4, 2)
  const day = digits(value, 6, 2)
  const hour = digits(value, 9, 2)
  const minute = digits(value, 11, 2)
  const second = digits(value, 13, 2)
  if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0) return undefined
  return utc(year, month, day, hour, minute, second)
}

/** The decimal number written at value[start, start + length), or -1 if a character is not a digit. */
function digits(value: string, start: number, length: number): number {
  let n = 0
  for (let i = start; i < start + length; i++) {
    const d = value.charCodeAt(i) - 48
    if (d < 0 || d > 9) return -1
    n = n * 10 + d
  }
  return n
}

/** Milliseconds since the epoch for 'Sun, 30 Aug 2015 12:36:00 GMT', or undefined. */
export function parseHttpDate(value: string): number | undefined {
  const m = IMF_FIXDATE.exec(value)
  if (m === null) return undefined
  return utc(Number(m[3]), MONTHS.indexOf(m[2] as string) + 1, Number(m[1]), Number(m[4]), Number(m[5]), Number(m[6]))
}

/** '20150830T123600Z' for a time (whole seconds, rounded down). */
export function formatAmzDate(ms: number): string {
  const iso = new Date(Math.floor(ms / 1000) * 1000).toISOString() // 2015-08-30T12:36:00.000Z
  return `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}T${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}Z`
}
