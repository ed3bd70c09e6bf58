// Dates as the console shows them: the server sends ISO-8601 strings.

export function formatDate(iso: string | undefined, fallback = '—'): string {
  if (!iso) return fallback
  const d = new Date(iso)
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })
}

/** Whole days since `iso` ("Today", "1 day", "12 days"). */
export function ageOf(iso: string | undefined, now = Date.now()): string {
  if (!iso) return '—'
  const days = Math.floor((now - new Date(iso).getTime()) / 86_400_000)
  return days <= 0 ? 'Today' : days === 1 ? '1 day' : `${days} days`
}
