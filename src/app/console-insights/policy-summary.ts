// A policy's permissions summary, as the AWS console shows it: per service and effect, which
// access levels the policy covers in full or in part (and the actions), the resources it names
// and whether conditions apply. Action patterns are matched against the Service Authorization
// Reference's actions; a service the reference does not know is listed with no access levels.

import type { Policy, Statement } from '../../policy/index.js'
import { ACCESS_LEVELS, catalogServices, serviceDetail, type AccessLevel, type ServiceDetail } from './service-catalog.js'
import { matchesWildcard } from './wildcard.js'

export interface ServiceSummary {
  readonly prefix: string
  readonly name: string
  readonly accessLevels: readonly { readonly level: AccessLevel; readonly granted: 'Full' | 'Limited'; readonly actions: readonly string[] }[]
  readonly resources: readonly string[]
  readonly conditions: boolean
  readonly effect: 'Allow' | 'Deny'
}

/** Loads the services the policy can reach, then summarizes it. */
export async function summarizePolicy(policy: Policy): Promise<ServiceSummary[]> {
  const known = (await catalogServices()).map((s) => s.prefix)
  const wanted = new Set<string>()
  for (const st of policy.statements) for (const prefix of servicesOf(st, known)) wanted.add(prefix)
  const services = new Map<string, ServiceDetail>()
  for (const prefix of wanted) {
    const detail = await serviceDetail(prefix)
    if (detail) services.set(prefix, detail)
  }
  return summarize(policy, services, known)
}

/** The services a statement's Action (or NotAction) can reach, among `known` and those it names outright. */
function servicesOf(st: Statement, known: readonly string[]): string[] {
  if (st.notAction) return [...known]
  const found: string[] = []
  for (const pattern of st.action?.values ?? []) {
    const service = pattern === '*' ? '*' : (pattern.split(':')[0]?.toLowerCase() ?? '')
    if (!/[*?]/.test(service)) found.push(service)
    else found.push(...known.filter((k) => matchesWildcard(service, k)))
  }
  return found
}

interface Accumulated {
  readonly prefix: string
  readonly effect: 'Allow' | 'Deny'
  readonly actions: Set<string>
  readonly resources: Set<string>
  conditions: boolean
}

/** The summary, given the details of the services the policy reaches (pure). */
export function summarize(policy: Policy, services: ReadonlyMap<string, ServiceDetail>, known: readonly string[]): ServiceSummary[] {
  const byService = new Map<string, Accumulated>()
  for (const st of policy.statements) {
    for (const prefix of new Set(servicesOf(st, known))) {
      const detail = services.get(prefix)
      const covered = detail ? coveredActions(st, detail) : []
      // NotAction reaches every service, but only those it leaves some action of take part.
      if (detail && covered.length === 0) continue
      const key = `${st.effect} ${prefix}`
      let acc = byService.get(key)
      if (acc === undefined) {
        acc = { prefix, effect: st.effect, actions: new Set(), resources: new Set(), conditions: false }
        byService.set(key, acc)
      }
      for (const a of covered) acc.actions.add(a)
      for (const r of st.resource?.values ?? []) acc.resources.add(r)
      for (const r of st.notResource?.values ?? []) acc.resources.add(`All resources except ${r}`)
      if (st.condition && st.condition.length > 0) acc.conditions = true
    }
  }
  const summaries = [...byService.values()].map((acc) => summaryOf(acc, services.get(acc.prefix)))
  return summaries.sort((a, b) => a.name.localeCompare(b.name) || a.effect.localeCompare(b.effect))
}

function summaryOf(acc: Accumulated, detail: ServiceDetail | undefined): ServiceSummary {
  const accessLevels = []
  for (const level of ACCESS_LEVELS) {
    const all = (detail?.actions ?? []).filter((a) => a.accessLevel === level)
    const granted = all.filter((a) => acc.actions.has(a.name)).map((a) => a.name)
    if (granted.length === 0) continue
    accessLevels.push({ level, granted: granted.length === all.length ? ('Full' as const) : ('Limited' as const), actions: granted.sort() })
  }
  return {
    prefix: acc.prefix,
    name: detail?.name ?? acc.prefix,
    accessLevels,
    resources: [...acc.resources],
    conditions: acc.conditions,
    effect: acc.effect
  }
}

/** The service's actions a statement's Action or NotAction takes in. */
function coveredActions(st: Statement, detail: ServiceDetail): string[] {
  const matches = (pattern: string, action: string) => {
    if (pattern === '*') return true
    const colon = pattern.indexOf(':')
    return colon > 0 && matchesWildcard(pattern.slice(0, colon), detail.prefix) && matchesWildcard(pattern.slice(colon + 1), action)
  }
  if (st.notAction) {
    const excluded = st.notAction.values
    return detail.actions.filter((a) => !excluded.some((p) => matches(p, a.name))).map((a) => a.name)
  }
  const included = st.action?.values ?? []
  return detail.actions.filter((a) => included.some((p) => matches(p, a.name))).map((a) => a.name)
}
