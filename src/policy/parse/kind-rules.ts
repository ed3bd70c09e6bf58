// The rules that differ between kinds of policy: who may or must name a Principal, whether a
// Resource is required or prohibited, which actions a trust policy may name, what SCPs and RCPs
// allow, and the Sid rules of IAM-stored policies.

import type { JsonNode } from '../json/json-node.js'
import type { PolicyKind, PolicyVersion } from '../model.js'
import { MSG, Phase, TRUST_ACTIONS } from './messages.js'
import type { ErrorSink } from './policy-error.js'
import { statementMembers, type StatementSource } from './statement-element.js'
import { checkSid } from './value-checks.js'

const IAM_STORED: ReadonlySet<PolicyKind> = new Set(['identity', 'boundary', 'trust', 'session'])
const NO_PRINCIPAL: ReadonlySet<PolicyKind> = new Set(['identity', 'boundary', 'session'])

export function checkKindRules(
  kind: PolicyKind,
  version: PolicyVersion | undefined | null,
  sources: readonly StatementSource[],
  sink: ErrorSink,
  awsManaged: boolean
): void {
  if ((kind === 'scp' || kind === 'rcp') && version !== '2012-10-17' && version !== null) {
    sink.add(Phase.Kind, MSG.organizationsType, `${kind === 'scp' ? 'SCPs' : 'RCPs'} must have Version "2012-10-17"`, '$', 0)
  }
  const sids = new Map<string, number>()
  for (const source of sources) {
    const m = statementMembers(source)
    checkSids(kind, m.get('Sid'), source, sids, sink)
    checkPrincipal(kind, m, source, sink)
    checkResourcePresence(kind, m, source, sink)
    if (kind === 'trust') checkTrustActions(m, source, sink)
    if (kind === 'scp' || kind === 'rcp') checkOrganizationsActions(kind, m, source, sink)
    if (kind === 'trust' || kind === 'resource') checkPrincipalValues(kind, m, source, sink)
    // Only the AWS-managed RCPFullAWSAccess may allow; custom RCPs deny.
    const effect = m.get('Effect')
    if (kind === 'rcp' && !awsManaged && effect?.kind === 'string' && effect.value === 'Allow') {
      sink.add(Phase.Kind, MSG.organizationsType, 'custom RCPs can only Deny (Allow is reserved for RCPFullAWSAccess)', `${source.path}.Effect`, effect.start)
    }
  }
}

function checkSids(kind: PolicyKind, node: JsonNode | undefined, source: StatementSource, seen: Map<string, number>, sink: ErrorSink): void {
  if (node?.kind !== 'string' || node.value === '') return
  const path = `${source.path}.Sid`
  if (seen.has(node.value)) sink.add(Phase.Sid, MSG.sidUnique, `Sid "${node.value}" is used by more than one statement`, path, node.start)
  seen.set(node.value, source.index)
  if (IAM_STORED.has(kind)) {
    const problem = checkSid(node.value)
    if (problem) sink.add(problem.phase, problem.message, problem.detail, path, node.start)
  }
}

function keyOffset(source: StatementSource, key: string): number {
  return source.node.members.find((m) => m.key === key)?.keyStart ?? source.node.start
}

function checkPrincipal(kind: PolicyKind, m: Map<string, JsonNode>, source: StatementSource, sink: ErrorSink): void {
  const principal = m.get('Principal')
  const notPrincipal = m.get('NotPrincipal')
  const present = principal !== undefined ? 'Principal' : notPrincipal !== undefined ? 'NotPrincipal' : undefined
  const path = present ? `${source.path}.${present}` : source.path
  if (NO_PRINCIPAL.has(kind)) {
    if (present) sink.add(Phase.Principal, MSG.principalInIdentity, `${kind} policies cannot have ${present}`, path, keyOffset(source, present))
    return
  }
  switch (kind) {
    case 'scp':
      if (present) sink.add(Phase.Kind, MSG.organizationsType, `SCPs cannot have ${present}`, path, keyOffset(source, present))
      return
    case 'rcp':
      if (notPrincipal !== undefined) sink.add(Phase.Kind, MSG.organizationsType, 'RCPs cannot have NotPrincipal', path, keyOffset(source, 'NotPrincipal'))
      else if (!isStar(principal)) sink.add(Phase.Kind, MSG.organizationsType, 'RCPs must have "Principal": "*"', path, principal?.start ?? source.node.start)
      return
    case 'trust':
      if (notPrincipal !== undefined) sink.add(Phase.Kind, MSG.trustProhibited('NotPrincipal'), 'trust policies cannot have NotPrincipal', path, keyOffset(source, 'NotPrincipal'))
      else if (principal === undefined) sink.addMissing(Phase.Kind, MSG.trustPrincipalMissing, `${source.path} has no Principal`, source.path, source.node.start)
      else if (principal.kind === 'string' && principal.value === '*') sink.add(Phase.Kind, MSG.trustStarPrincipal, 'a trust policy cannot use "Principal": "*"; use {"AWS": "*"} with conditions', path, principal.start)
      else if (principal.kind === 'object' && principal.members.every((e) => e.value.kind === 'array' && e.value.items.length === 0)) {
        sink.add(Phase.Kind, MSG.trustNoPrincipals, `${path} names no principals`, path, principal.start)
      }
      return
    case 'resource':
      if (!present) sink.addMissing(Phase.Kind, MSG.resourcePrincipalMissing, `${source.path} has no Principal or NotPrincipal`, source.path, source.node.start)
      return
  }
}

function isStar(node: JsonNode | undefined): boolean {
  if (node === undefined) return false
  if (node.kind === 'string') return node.value === '*'
  if (node.kind !== 'object' || node.members.length !== 1) return false
  const only = node.members[0]
  return only?.key === 'AWS' && only.value.kind === 'string' && only.value.value === '*'
}

function checkResourcePresence(kind: PolicyKind, m: Map<string, JsonNode>, source: StatementSource, sink: ErrorSink): void {
  const resource = m.get('Resource')
  const notResource = m.get('NotResource')
  if (kind === 'trust') {
    for (const name of ['Resource', 'NotResource']) {
      if (m.has(name)) sink.add(Phase.Kind, MSG.trustProhibited(name), `trust policies cannot have ${name}`, `${source.path}.${name}`, keyOffset(source, name))
    }
    return
  }
  if (resource !== undefined && notResource !== undefined) return
  const node = resource ?? notResource
  const name = resource !== undefined ? 'Resource' : 'NotResource'
  if (node === undefined) sink.addMissing(Phase.ResourcesPresent, MSG.resourcesMissing, `${source.path} has no Resource or NotResource`, source.path, source.node.start)
  else if (node.kind === 'array' && node.items.length === 0) sink.add(Phase.ResourcesPresent, MSG.resourcesMissing, `${source.path}.${name} is empty`, `${source.path}.${name}`, node.start)
}

function actionNodes(m: Map<string, JsonNode>): { name: string; items: JsonNode[] } | undefined {
  const name = m.has('Action') ? 'Action' : m.has('NotAction') ? 'NotAction' : undefined
  if (!name) return undefined
  const node = m.get(name) as JsonNode
  return { name, items: node.kind === 'array' ? [...node.items] : [node] }
}

function checkTrustActions(m: Map<string, JsonNode>, source: StatementSource, sink: ErrorSink): void {
  const actions = actionNodes(m)
  if (!actions) return
  actions.items.forEach((item, i) => {
    if (item.kind !== 'string') return
    if (actions.name === 'Action' && TRUST_ACTIONS.has(item.value.toLowerCase())) return
    const path = `${source.path}.${actions.name}${actions.items.length > 1 || m.get(actions.name)?.kind === 'array' ? `[${i}]` : ''}`
    sink.add(Phase.Kind, MSG.trustActions, `"${item.value}" is not an action a trust policy can allow (sts:AssumeRole, sts:AssumeRoleWithSAML, sts:AssumeRoleWithWebIdentity, sts:TagSession, sts:SetSourceIdentity, sts:SetContext)`, path, item.start)
  })
}

function checkOrganizationsActions(kind: 'scp' | 'rcp', m: Map<string, JsonNode>, source: StatementSource, sink: ErrorSink): void {
  const actions = actionNodes(m)
  if (!actions) return
  if (kind === 'rcp' && actions.name === 'NotAction') {
    sink.add(Phase.Kind, MSG.organizationsType, 'RCPs cannot have NotAction', `${source.path}.NotAction`, keyOffset(source, 'NotAction'))
    return
  }
  actions.items.forEach((item, i) => {
    if (item.kind !== 'string') return
    const star = item.value.indexOf('*')
    if (star >= 0 && star !== item.value.length - 1) {
      sink.add(Phase.Kind, MSG.organizationsType, `"${item.value}": a wildcard in an ${kind.toUpperCase()} action may only stand alone or at the end`, `${source.path}.${actions.name}[${i}]`, item.start)
    }
  })
}

const ACCOUNT = /^\d{12}$/
const UNIQUE_ID = /^A[A-Z0-9]{15,127}$/
const IAM_PRINCIPAL_ARN = /^arn:aws(?:-[a-z-]+)?:(?:iam::\d{12}:(?:root|user\/.+|role\/.+)|sts::\d{12}:(?:assumed-role\/[^/]+\/.+|federated-user\/.+))$/
const SERVICE = /^[a-z0-9][a-z0-9.-]*\.amazonaws\.com(?:\.cn)?$/
const FEDERATED = /^(?:arn:aws(?:-[a-z-]+)?:iam::\d{12}:(?:saml-provider|oidc-provider)\/.+|cognito-identity\.amazonaws\.com|www\.amazon\.com|graph\.facebook\.com|accounts\.google\.com)$/
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
function checkPrincipalValues(kind: 'trust' | 'resource', m: Map<string, JsonNode>, source: StatementSource, sink: ErrorSink): void {
  for (const name of ['Principal', 'NotPrincipal']) {
    const node = m.get(name)
    if (node?.kind !== 'object') continue
    for (const member of node.members) {
      const items = member.value.kind === 'array' ? member.value.items : [member.value]
      items.forEach((item, i) => {
        if (item.kind !== 'string' || validPrincipal(member.key, item.value)) return
        const shownType = member.key === 'AWS' ? 'AWS' : member.key.toUpperCase()
        const message = kind === 'trust' ? `Invalid principal in policy: "${shownType}":"${item.value}"` : 'Invalid principal in policy'
        const path = `${source.path}.${name}.${member.key}${member.value.kind === 'array' ? `[${i}]` : ''}`
        sink.add(Phase.Kind, message, `"${item.value}" is not a valid ${member.key} principal`, path, item.start)
      })
    }
  }
}
