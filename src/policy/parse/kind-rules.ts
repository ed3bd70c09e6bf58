// The rules that differ between kinds of policy: who may or must name a Principal, whether a
// Resource is required or prohibited, which actions a trust policy may name, what SCPs and RCPs
// allow, and the Sid rules of IAM-stored policies.

import type { PolicyKind, PolicyVersion } from '../model.js'
import type { ErrorSink } from './error-sink.js'
import { isObject, type JsonValue } from './json-value.js'
import { MSG, Phase, TRUST_ACTIONS } from './messages.js'
import type { StatementSource } from './statement-element.js'
import { checkSid } from './value-checks.js'

const IAM_STORED: ReadonlySet<PolicyKind> = new Set(['identity', 'boundary', 'trust', 'session'])
const NO_PRINCIPAL: ReadonlySet<PolicyKind> = new Set(['identity', 'boundary', 'session'])

export interface KindRuleOptions {
  /** An AWS-managed policy: RCPFullAWSAccess may Allow where custom RCPs may not. */
  readonly awsManaged: boolean
}

export function checkKindRules(kind: PolicyKind, version: PolicyVersion | undefined | null, sources: readonly StatementSource[], sink: ErrorSink, options: KindRuleOptions): void {
  if ((kind === 'scp' || kind === 'rcp') && version !== '2012-10-17' && version !== null) {
    sink.add(Phase.Kind, MSG.organizationsType, `${kind === 'scp' ? 'SCPs' : 'RCPs'} must have Version "2012-10-17"`, [])
  }
  const sids = new SidSet()
  const iamStored = IAM_STORED.has(kind)
  const noPrincipal = NO_PRINCIPAL.has(kind)
  for (const source of sources) {
    checkSids(iamStored, source, sids, sink)
    checkPrincipal(kind, noPrincipal, source, sink)
    checkResourcePresence(kind, source, sink)
    if (kind === 'trust') checkTrustActions(source, sink)
    if (kind === 'scp' || kind === 'rcp') checkOrganizationsActions(kind, source, sink)
    if (kind === 'trust' || kind === 'resource') checkPrincipalValues(kind, source, sink)
    // Only the AWS-managed RCPFullAWSAccess may allow; custom RCPs deny.
    if (kind === 'rcp' && !options.awsManaged && source.effect === 'Allow') {
      sink.add(Phase.Kind, MSG.organizationsType, 'custom RCPs can only Deny (Allow is reserved for RCPFullAWSAccess)', [...source.at, 'Effect'])
    }
  }
}

/** The Sids seen so far in a policy. */
class SidSet {
  private readonly list: string[] = []
  private set: Set<string> | undefined

  /** Adds the Sid; false when it was already there. */
  add(sid: string): boolean {
    const set = this.set
    if (set !== undefined) return set.size !== set.add(sid).size
    // A few Sids are compared directly (a length test settles most pairs): hashing each freshly
    // parsed Sid for a Set cost more.
    const list = this.list
    for (let i = 0; i < list.length; i++) if (list[i] === sid) return false
    list.push(sid)
    if (list.length > 32) this.set = new Set(list)
    return true
  }
}

function checkSids(iamStored: boolean, source: StatementSource, seen: SidSet, sink: ErrorSink): void {
  const sid = source.sid
  if (typeof sid !== 'string' || sid === '') return
  if (!seen.add(sid)) sink.add(Phase.Sid, MSG.sidUnique, `Sid "${sid}" is used by more than one statement`, [...source.at, 'Sid'])
  if (iamStored) {
    const problem = checkSid(sid)
    if (problem) sink.add(problem.phase, problem.message, problem.detail, [...source.at, 'Sid'])
  }
}

function checkPrincipal(kind: PolicyKind, noPrincipal: boolean, source: StatementSource, sink: ErrorSink): void {
  const { principal, notPrincipal, at } = source
  const present = principal !== undefined ? 'Principal' : notPrincipal !== undefined ? 'NotPrincipal' : undefined
  if (noPrincipal) {
    if (present) sink.add(Phase.Principal, MSG.principalInIdentity, `${kind} policies cannot have ${present}`, [...at, present], 'key')
    return
  }
  switch (kind) {
    case 'scp':
      if (present) sink.add(Phase.Kind, MSG.organizationsType, `SCPs cannot have ${present}`, [...at, present], 'key')
      return
    case 'rcp':
      if (notPrincipal !== undefined) sink.add(Phase.Kind, MSG.organizationsType, 'RCPs cannot have NotPrincipal', [...at, 'NotPrincipal'], 'key')
      else if (principal === undefined) sink.add(Phase.Kind, MSG.organizationsType, 'RCPs must have "Principal": "*"', at, 'missing')
      else if (!isStar(principal)) sink.add(Phase.Kind, MSG.organizationsType, 'RCPs must have "Principal": "*"', [...at, 'Principal'])
      return
    case 'trust':
      if (notPrincipal !== undefined) sink.add(Phase.Kind, MSG.trustProhibited('NotPrincipal'), 'trust policies cannot have NotPrincipal', [...at, 'NotPrincipal'], 'key')
      else if (principal === undefined) sink.add(Phase.Kind, MSG.trustPrincipalMissing, 'the statement has no Principal', at, 'missing')
      else if (principal === '*') sink.add(Phase.Kind, MSG.trustStarPrincipal, 'a trust policy cannot use "Principal": "*"; use {"AWS": "*"} with conditions', [...at, 'Principal'])
      else if (isObject(principal) && Object.values(principal).every((v) => Array.isArray(v) && v.length === 0)) {
        sink.add(Phase.Kind, MSG.trustNoPrincipals, 'Principal names no principals', [...at, 'Principal'])
      }
      return
    case 'resource':
      if (!present) sink.add(Phase.Kind, MSG.resourcePrincipalMissing, 'the statement has no Principal or NotPrincipal', at, 'missing')
      return
  }
}

function isStar(v: JsonValue): boolean {
  if (v === '*') return true
  if (!isObject(v)) return false
  const keys = Object.keys(v)
  return keys.length === 1 && keys[0] === 'AWS' && v.AWS === '*'
}

function checkResourcePresence(kind: PolicyKind, source: StatementSource, sink: ErrorSink): void {
  const { resource, notResource, at } = source
  if (kind === 'trust') {
    if (resource !== undefined) sink.add(Phase.Kind, MSG.trustProhibited('Resource'), 'trust policies cannot have Resource', [...at, 'Resource'], 'key')
    if (notResource !== undefined) sink.add(Phase.Kind, MSG.trustProhibited('NotResource'), 'trust policies cannot have NotResource', [...at, 'NotResource'], 'key')
    return
  }
  if (resource !== undefined && notResource !== undefined) return
  const value = resource ?? notResource
  const name = resource !== undefined ? 'Resource' : 'NotResource'
  if (value === undefined) sink.add(Phase.ResourcesPresent, MSG.resourcesMissing, 'the statement has no Resource or NotResource', at, 'missing')
  else if (Array.isArray(value) && value.length === 0) sink.add(Phase.ResourcesPresent, MSG.resourcesMissing, `${name} is empty`, [...at, name])
}

function actionsOf(source: StatementSource): { name: 'Action' | 'NotAction'; items: readonly JsonValue[]; isArray: boolean } | undefined {
  const name = source.action !== undefined ? 'Action' : source.notAction !== undefined ? 'NotAction' : undefined
  if (!name) return undefined
  const value = (name === 'Action' ? source.action : source.notAction) as JsonValue
  return { name, items: Array.isArray(value) ? value : [value], isArray: Array.isArray(value) }
}

function checkTrustActions(source: StatementSource, sink: ErrorSink): void {
  const actions = actionsOf(source)
  if (!actions) return
  actions.items.forEach((item, i) => {
    if (typeof item !== 'string') return
    if (actions.name === 'Action' && TRUST_ACTIONS.has(item.toLowerCase())) return
    sink.add(
      Phase.Kind,
      MSG.trustActions,
      `"${item}" is not an action a trust policy can allow (sts:AssumeRole, sts:AssumeRoleWithSAML, sts:AssumeRoleWithWebIdentity, sts:TagSession, sts:SetSourceIdentity, sts:SetContext)`,
      actions.isArray ? [...source.at, actions.name, i] : [...source.at, actions.name]
    )
  })
}

function checkOrganizationsActions(kind: 'scp' | 'rcp', source: StatementSource, sink: ErrorSink): void {
  const actions = actionsOf(source)
  if (!actions) return
  if (kind === 'rcp' && actions.name === 'NotAction') {
    sink.add(Phase.Kind, MSG.organizationsType, 'RCPs cannot have NotAction', [...source.at, 'NotAction'], 'key')
    return
  }
  actions.items.forEach((item, i) => {
    if (typeof item !== 'string') return
    const star = item.indexOf('*')
    if (star >= 0 && star !== item.length - 1) {
      sink.add(
        Phase.Kind,
        MSG.organizationsType,
        `"${item}": a wildcard in an ${kind.toUpperCase()} action may only stand alone or at the end`,
        actions.isArray ? [...source.at, actions.name, i] : [...source.at, actions.name]
      )
    }
  })
}

const ACCOUNT = /^\d{12}$/
const UNIQUE_ID = /^A[A-Z0-9]{15,127}$/
const IAM_PRINCIPAL_ARN = /^arn:aws(?:-[a-z-]+)?:(?:iam::\d{12}:(?:root|user\/.+|role\/.+)|sts::\d{12}:(?:assumed-role\/[^/]+\/.+|federated-user\/.+))$/
const SERVICE = /^[a-z0-9][a-z0-9.-]*\.amazonaws\.com(?:\.cn)?$/
const FEDERATED =
  /^(?:arn:aws(?:-[a-z-]+)?:iam::\d{12}:(?:saml-provider|oidc-provider)\/.+|cognito-identity\.amazonaws\.com|www\.amazon\.com|graph\.facebook\.com|accounts\.google\.com)$/
const CANONICAL = /^[0-9a-f]{64}$/

function validPrincipal(type: string, value: string): boolean {
  // A wildcard can stand for every principal, never for part of one.
  if (value !== '*' && /[*?]/.test(value)) return false
  switch (type) {
    case 'AWS':
      return value === '*' || ACCOUNT.test(value) || UNIQUE_ID.test(value) || IAM_PRINCIPAL_ARN.test(value)
    case 'Service':
      return SERVICE.test(value)
    case 'Federated':
      return FEDERATED.test(value)
    case 'CanonicalUser':
      return CANONICAL.test(value)
    default:
      return true
  }
}

/**
 * Principal values IAM cannot resolve: wildcards inside ARNs, malformed ARNs, service names that
 * are not `<name>.amazonaws.com`. (Whether a named user or role exists needs state: the
 * application checks that.)
 */
function checkPrincipalValues(kind: 'trust' | 'resource', source: StatementSource, sink: ErrorSink): void {
  const at = source.at
  for (const name of ['Principal', 'NotPrincipal']) {
    const block = name === 'Principal' ? source.principal : source.notPrincipal
    if (!isObject(block)) continue
    for (const type of Object.keys(block)) {
      const value = block[type] as JsonValue
      const items = Array.isArray(value) ? value : [value]
      items.forEach((item, i) => {
        if (typeof item !== 'string' || validPrincipal(type, item)) return
        const shownType = type === 'AWS' ? 'AWS' : type.toUpperCase()
        const message = kind === 'trust' ? `Invalid principal in policy: "${shownType}":"${item}"` : 'Invalid principal in policy'
        sink.add(Phase.Kind, message, `"${item}" is not a valid ${type} principal`, Array.isArray(value) ? [...at, name, type, i] : [...at, name, type])
      })
    }
  }
}
