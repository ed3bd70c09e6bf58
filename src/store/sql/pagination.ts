// Keyset pagination: a marker holds the sort key of the last item returned, so the next page
// starts right after it even if items were added or removed meanwhile (an offset would skip or
// repeat). Markers are opaque to clients: base64url of the key.

import { sql, type RawBuilder } from 'kysely'
import type { Page } from '../ports/records.js'

export type SortKey = readonly (string | number)[]

export function encodeMarker(key: SortKey): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url')
}

/** The key in a marker, or undefined when the marker is not one of ours. */
export function decodeMarker(marker: string): SortKey | undefined {
  try {
    const key: unknown = JSON.parse(Buffer.from(marker, 'base64url').toString('utf8'))
    if (Array.isArray(key) && key.every((k) => typeof k === 'string' || typeof k === 'number')) return key as SortKey
  } catch {
    // not ours
  }
  return undefined
}

/** Rows fetched with limit + 1: the extra row only tells whether there is a next page. */
export function toPage<R, T>(rows: readonly R[], limit: number, keyOf: (row: R) => SortKey, map: (row: R) => T): Page<T> {
  const more = rows.length > limit
  const items = (more ? rows.slice(0, limit) : rows).map(map)
  const last = more ? rows[limit - 1] : undefined
  return { items, marker: last === undefined ? undefined : encodeMarker(keyOf(last)) }
}

export class InvalidMarker extends Error {
  constructor() {
    super('invalid marker')
    this.name = 'InvalidMarker'
  }
}

/**
 * Rows after the (name, id) key in (name_lower, id) order. The leading `>=` is implied by the
 * rest, but it is what lets the database seek in its (account_id, name_lower) index: a bare OR
 * makes SQLite scan from the first row, which costs a million rows deep into a large account.
 */
export function afterNameKey(nameColumn: string, idColumn: string, name: string, id: string): RawBuilder<boolean> {
  const n = sql.ref(nameColumn)
  return sql<boolean>`${n} >= ${name} and (${n} > ${name} or ${sql.ref(idColumn)} > ${id})`
}
