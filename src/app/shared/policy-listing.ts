// ListPolicies' listing: the account's customer managed policies (the store) then the AWS
// managed ones (the catalog), each in name order, filtered, paged with one marker that works
// across both. The marker holds the position of the last policy returned, so a page starts
// right after it even if policies were created or deleted meanwhile.

import { iamErrors } from '../../core/aws-error.js'
import type { Repositories } from '../../store/ports/repositories.js'
import type { Page, PageRequest } from '../../store/ports/records.js'
import type { AwsManagedPolicies, AwsManagedPolicy } from '../policies/aws-managed.js'
import type { ManagedPolicyRef } from './policy-lookup.js'

export interface PolicyListing {
  readonly scope: 'All' | 'AWS' | 'Local'
  readonly pathPrefix: string
  /** Extra filters (OnlyAttached, PolicyUsageFilter), by policy ARN. */
  readonly keep: (arn: string) => boolean
  readonly page: PageRequest
}

/** Customer managed policies list first (0), AWS managed ones after (1). */
type Position = readonly [phase: 0 | 1, name: string]

const LOCAL = 0
const AWS = 1
const STORE_PAGE = 1000

export async function listManagedPolicies(repos: Repositories, awsManaged: AwsManagedPolicies, accountId: string, listing: PolicyListing): Promise<Page<ManagedPolicyRef>> {
  const after = listing.page.marker === undefined ? undefined : decodePosition(listing.page.marker)
  const limit = listing.page.limit
  const found: { position: Position; ref: ManagedPolicyRef }[] = []
  const full = () => found.length > limit

  if (listing.scope !== 'AWS' && (after === undefined || after[0] === LOCAL)) {
    let marker: string | undefined
    do {
      const page = await repos.policies.list(accountId, { pathPrefix: listing.pathPrefix }, { limit: STORE_PAGE, ...(marker === undefined ? {} : { marker }) })
      for (const policy of page.items) {
        const position: Position = [LOCAL, policy.name]
        if (after !== undefined && compare(position, after) <= 0) continue
        if (!listing.keep(policy.arn)) continue
        found.push({ position, ref: { kind: 'customer', policy } })
        if (full()) break
      }
      marker = page.marker
    } while (marker !== undefined && !full())
  }

  if (listing.scope !== 'Local' && !full()) {
    for (const policy of inNameOrder(awsManaged)) {
      const position: Position = [AWS, policy.name]
      if (after !== undefined && compare(position, after) <= 0) continue
      if (!policy.path.startsWith(listing.pathPrefix) || !listing.keep(policy.arn)) continue
      found.push({ position, ref: { kind: 'aws', policy } })
      if (full()) break
    }
  }

  const items = found.slice(0, limit)
  const last = items[items.length - 1]
  return { items: items.map((f) => f.ref), marker: full() && last ? encodePosition(last.position) : undefined }
}

/** Names compare case-insensitively (as the store orders them), then exactly. */
function compare(a: Position, b: Position): number {
  if (a[0] !== b[0]) return a[0] - b[0]
  return compareNames(a[1], b[1])
}

function compareNames(a: string, b: string): number {
  const al = a.toLowerCase()
  const bl = b.toLowerCase()
  if (al !== bl) return al < bl ? -1 : 1
  return a < b ? -1 : a > b ? 1 : 0
}

const sortedCatalogs = new WeakMap<AwsManagedPolicies, readonly AwsManagedPolicy[]>()

/** The catalog in the order this listing uses (the catalog's own order is locale-based). */
function inNameOrder(awsManaged: AwsManagedPolicies): readonly AwsManagedPolicy[] {
  let sorted = sortedCatalogs.get(awsManaged)
  if (sorted === undefined) {
    sorted = [...awsManaged.all].sort((a, b) => compareNames(a.name, b.name))
    sortedCatalogs.set(awsManaged, sorted)
  }
  return sorted
}

function encodePosition(position: Position): string {
  return Buffer.from(JSON.stringify(position), 'utf8').toString('base64url')
}

function decodePosition(marker: string): Position {
  try {
    const value: unknown = JSON.parse(Buffer.from(marker, 'base64url').toString('utf8'))
    if (Array.isArray(value) && value.length === 2 && (value[0] === LOCAL || value[0] === AWS) && typeof value[1] === 'string') return [value[0], value[1]]
  } catch {
    // not one of ours
  }
  throw iamErrors.validationError('Invalid Marker.')
}
