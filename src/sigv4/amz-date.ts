// Dates as SigV4 writes them: ISO 8601 basic format (20150830T123600Z), and the HTTP Date header's
// IMF-fixdate (Sun, 30 Aug 2015 12:36:00 GMT), which AWS also accepts when X-Amz-Date is absent.

const BASIC = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/
const IMF_FIXDATE = /^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), (\d{2}) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (\d{4}) (\d{2}):(\d{2}):(\d{2}) GMT$/
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

function utc(year: number, month: number, day: number, hour: number, minute: number, second: number): number | undefined {
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return undefined
  const date = new Date(0)
  date.setUTCFullYear(year, month - 1, day) // unlike Date.UTC, no 1900 offset for years below 100
  date.setUTCHours(hour, minute, second, 0)
  // 31 February rolls over into March; a real date survives the round trip.
  return date.getUTCDate() === day && date.getUTCMonth() === month - 1 ? date.getTime() : undefined
}

/** Milliseconds since the epoch for '20150830T123600Z', or undefined if it is not a real time in that form. */
export function parseAmzDate(value: string): number | undefined {
  const m = BASIC.exec(value)
  if (m === null) return undefined
  return utc(Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6]))
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
