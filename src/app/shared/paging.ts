// MaxItems and Marker as IAM handles them: 100 items by default, at most 1000; a marker must be
// one this server issued (else ValidationError "Invalid Marker.", docs/iam-behaviour.md §3).

import { iamErrors } from '../../core/aws-error.js'
import type { Page, PageRequest } from '../../store/ports/records.js'

export const DEFAULT_MAX_ITEMS = 100

export function pageRequest(input: { readonly Marker?: unknown; readonly MaxItems?: unknown }): PageRequest {
  const limit = typeof input.MaxItems === 'number' ? input.MaxItems : DEFAULT_MAX_ITEMS
  return typeof input.Marker === 'string' ? { marker: input.Marker, limit } : { limit }
}

/** The list-response fields: IsTruncated, and Marker when truncated. */
export function pageFields<T>(page: Page<T>): { IsTruncated: boolean; Marker?: string } {
  return page.marker === undefined ? { IsTruncated: false } : { IsTruncated: true, Marker: page.marker }
}

/** Runs a store listing, answering a marker we did not issue with IAM's error. */
export async function listing<T>(run: () => Promise<Page<T>>): Promise<Page<T>> {
  try {
    return await run()
  } catch (e) {
    if (e instanceof Error && e.name === 'InvalidMarker') throw iamErrors.validationError('Invalid Marker.')
    throw e
  }
}

/** Pages an in-memory list (for small, computed lists) with the same marker rules. */
export function pageOf<T>(items: readonly T[], request: PageRequest): Page<T> {
  let start = 0
  if (request.marker !== undefined) {
    const n = /^[0-9]+$/.test(request.marker) ? Number(request.marker) : NaN
    if (!Number.isSafeInteger(n) || n > items.length) throw iamErrors.validationError('Invalid Marker.')
    start = n
  }
  const end = start + request.limit
  return { items: items.slice(start, end), marker: end < items.length ? String(end) : undefined }
}
