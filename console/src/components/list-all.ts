// Reads every page of a paginated IAM List action (Marker / IsTruncated), so the pages can search
// and filter on the client as the AWS console does. IAM's quotas bound every such list (5,000
// users, 5,000 roles…), so reading all of it stays reasonable; 1,000 a page keeps round trips few.

import { call } from '../api'
import type { Page } from './iam-types'

/** Every item of a paged List action (`key` names the list in its output, e.g. 'Users'). */
export async function listAll<T>(action: string, input: Record<string, unknown>, key: string): Promise<T[]> {
  const items: T[] = []
  let marker: string | undefined
  do {
    const page = await call<Page & Record<string, unknown>>(action, { MaxItems: 1000, ...input, ...(marker ? { Marker: marker } : {}) })
    items.push(...((page[key] as T[] | undefined) ?? []))
    marker = page.IsTruncated ? page.Marker : undefined
  } while (marker)
  return items
}
