// Reads every page of a paginated IAM list action (Marker / IsTruncated), up to a limit, so the
// pages can search and filter on the client as the AWS console does.

import { call } from '../api'

export async function listAll<T>(action: string, key: string, input: Record<string, unknown> = {}, limit = 5000): Promise<T[]> {
  const items: T[] = []
  let marker: string | undefined
  do {
    const out = await call<Record<string, unknown>>(action, { MaxItems: 1000, ...input, ...(marker ? { Marker: marker } : {}) })
    items.push(...((out[key] as T[] | undefined) ?? []))
    marker = out.IsTruncated === true && typeof out.Marker === 'string' ? out.Marker : undefined
  } while (marker && items.length < limit)
  return items
}

/** '2024-05-01T10:00:00Z' → a short local date and time; '' for nothing. */
export function formatDate(iso: string | undefined): string {
  if (!iso) return ''
  const d = new Date(iso)
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })
}
