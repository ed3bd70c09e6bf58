// The Service Authorization Reference, as the server serves it (GET /console/api/catalog/...),
// fetched once per page load and shared by the visual editor and the simulator.

import { get } from '../../api'
import { useLoad, type Loaded } from '../../components/use-load'

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
  readonly resourceTypes: readonly { name: string; arn: string }[]
  readonly conditionKeys: readonly string[]
}

let services: Promise<CatalogService[]> | undefined
const details = new Map<string, Promise<ServiceDetail>>()

export function loadServices(): Promise<CatalogService[]> {
  services ??= get<CatalogService[]>('/catalog/services').then((list) => [...list].sort((a, b) => a.name.localeCompare(b.name)))
  // A failure is not cached: the next page asks again.
  services.catch(() => (services = undefined))
  return services
}

export function loadService(prefix: string): Promise<ServiceDetail> {
  let found = details.get(prefix)
  if (!found) {
    found = get<ServiceDetail>(`/catalog/services/${encodeURIComponent(prefix)}`)
    details.set(prefix, found)
    found.catch(() => details.delete(prefix))
  }
  return found
}

export const useServices = (): Loaded<CatalogService[]> => useLoad(loadServices, [])

export const useService = (prefix: string): Loaded<ServiceDetail | undefined> => useLoad(() => (prefix ? loadService(prefix) : Promise.resolve(undefined)), [prefix])

/** Global condition keys the visual editor offers with every service's own keys. */
export const GLOBAL_CONDITION_KEYS: readonly string[] = [
  'aws:CurrentTime',
  'aws:EpochTime',
  'aws:MultiFactorAuthPresent',
  'aws:MultiFactorAuthAge',
  'aws:PrincipalAccount',
  'aws:PrincipalArn',
  'aws:PrincipalTag/${TagKey}',
  'aws:RequestTag/${TagKey}',
  'aws:ResourceTag/${TagKey}',
  'aws:TagKeys',
  'aws:RequestedRegion',
  'aws:SecureTransport',
  'aws:SourceIp',
  'aws:SourceVpc',
  'aws:UserAgent',
  'aws:username',
  'aws:userid'
]
