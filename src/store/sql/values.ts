// Conversions between records and rows: Dates as ISO 8601 text, absent values as NULL.

export const toIso = (d: Date): string => d.toISOString()
export const fromIso = (s: string): Date => new Date(s)
export const optIso = (d: Date | undefined): string | null => (d === undefined ? null : d.toISOString())
export const fromOptIso = (s: string | null): Date | undefined => (s === null ? undefined : new Date(s))
export const opt = <T>(v: T | null): T | undefined => (v === null ? undefined : v)
export const nullable = <T>(v: T | undefined): T | null => (v === undefined ? null : v)

/** Only the keys present in `changes`, mapped to their columns (undefined → NULL). */
export function columns<T extends object>(changes: T, map: { [K in keyof T]?: (value: T[K]) => [string, unknown] }): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const key of Object.keys(changes) as (keyof T)[]) {
    const to = map[key]
    if (!to) continue
    const [column, value] = to(changes[key])
    out[column] = value
  }
  return out
}
