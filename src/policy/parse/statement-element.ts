// One statement: its elements read into the typed form, with the checks every kind of policy
// shares (shape, Effect, mutually exclusive elements, action and resource formats).
// Rules that differ between kinds of policy live in kind-rules.ts.

import type { JsonNode, JsonObject } from '../json/json-node.js'
import type { LineMap } from '../json/source-position.js'
import type { Effect, PolicyKind, Statement, StringList } from '../model.js'
import { readCondition } from './condition-element.js'
import { describeKind, itemOffsets, readMembers, readStringList } from './json-reading.js'
import { MSG, Phase } from './messages.js'
import type { ErrorSink } from './policy-error.js'
import { readPrincipal } from './principal-element.js'
import { checkAction, checkResource } from './value-checks.js'

export interface StatementSource {
  readonly node: JsonObject
  readonly index: number
  readonly path: string
}

const ELEMENTS: ReadonlySet<string> = new Set(['Sid', 'Effect', 'Principal', 'NotPrincipal', 'Action', 'NotAction', 'Resource', 'NotResource', 'Condition'])

export function statementMembers(source: StatementSource, sink?: ErrorSink): Map<string, JsonNode> {
  if (sink) return readMembers(source.node, source.path, ELEMENTS, sink, source.path)
  const map = new Map<string, JsonNode>()
  for (const m of source.node.members) if (!map.has(m.key)) map.set(m.key, m.value)
  return map
}

export function readStatement(source: StatementSource, kind: PolicyKind, _variables: boolean, sink: ErrorSink, lines: LineMap): Statement | undefined {
  const { path } = source
  const before = sink.count
  const m = statementMembers(source, sink)

  const sidNode = m.get('Sid')
  if (sidNode !== undefined && sidNode.kind !== 'string') sink.add(Phase.Syntax, MSG.syntax, `${path}.Sid must be a string, not ${describeKind(sidNode)}`, `${path}.Sid`, sidNode.start)

  const effect = readEffect(m.get('Effect'), source, sink)
  const principal = exclusive(m, 'Principal', 'NotPrincipal', source, sink)
  const action = exclusive(m, 'Action', 'NotAction', source, sink)
  const resource = exclusive(m, 'Resource', 'NotResource', source, sink)

  const principalBlock = principal ? readPrincipal(principal.node, `${path}.${principal.name}`, sink) : undefined
  const actions = action ? readStringList(action.node, `${path}.${action.name}`, sink) : undefined
  const resources = resource ? readStringList(resource.node, `${path}.${resource.name}`, sink) : undefined
  const conditionNode = m.get('Condition')
  const condition = conditionNode ? readCondition(conditionNode, `${path}.Condition`, sink) : undefined

  if (action === undefined) {
    sink.addMissing(Phase.ActionsPresent, MSG.actionsMissing, `${path} has no Action or NotAction`, path, source.node.start)
  } else if (action !== null && actions && actions.values.length === 0) {
    sink.add(Phase.ActionsPresent, MSG.actionsMissing, `${path}.${action.name} is empty`, `${path}.${action.name}`, action.node.start)
  } else if (kind !== 'trust' && action && actions) {
    checkEach(actions, action.node, `${path}.${action.name}`, checkAction, sink)
  }
  if (resources && resource) checkEach(resources, resource.node, `${path}.${resource.name}`, checkResource, sink)

  if (sink.count > before || effect === undefined) return undefined
  const { line, column } = lines.position(source.node.start)
  const st: Mutable<Statement> = { index: source.index, effect, location: { line, column } }
  if (sidNode?.kind === 'string') st.sid = sidNode.value
  if (principal && principalBlock) st[principal.name === 'NotPrincipal' ? 'notPrincipal' : 'principal'] = principalBlock
  if (action && actions) st[action.name === 'NotAction' ? 'notAction' : 'action'] = actions
  if (resource && resources) st[resource.name === 'NotResource' ? 'notResource' : 'resource'] = resources
  if (condition) st.condition = condition
  return st
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] }

function readEffect(node: JsonNode | undefined, source: StatementSource, sink: ErrorSink): Effect | undefined {
  const path = `${source.path}.Effect`
  if (node === undefined) {
    sink.addMissing(Phase.Syntax, MSG.syntax, `${source.path} has no Effect`, source.path, source.node.start)
    return undefined
  }
  if (node.kind !== 'string') {
    sink.add(Phase.Syntax, MSG.syntax, `${path} must be "Allow" or "Deny", not ${describeKind(node)}`, path, node.start)
    return undefined
  }
  if (node.value === 'Allow' || node.value === 'Deny') return node.value
  const lower = node.value.toLowerCase()
  // IAM's first pass accepts any case; its legacy pass then rejects anything but the exact words.
  if (lower === 'allow' || lower === 'deny') sink.add(Phase.Legacy, MSG.legacy, `${path} must be written "Allow" or "Deny" exactly, not "${node.value}"`, path, node.start)
  else sink.add(Phase.Syntax, MSG.syntax, `${path} must be "Allow" or "Deny", not "${node.value}"`, path, node.start)
  return undefined
}

interface Chosen {
  readonly name: string
  readonly node: JsonNode
}

/**
 * The element of a mutually exclusive pair (Action/NotAction, ...): undefined when neither is
 * there, null when both are (an error, reported here).
 */
function exclusive(m: Map<string, JsonNode>, a: string, b: string, source: StatementSource, sink: ErrorSink): Chosen | undefined | null {
  const na = m.get(a)
  const nb = m.get(b)
  if (na !== undefined && nb !== undefined) {
    const keys = source.node.members.filter((x) => x.key === a || x.key === b)
    const later = keys[keys.length - 1] ?? { key: b, keyStart: nb.start }
    sink.add(Phase.Syntax, MSG.syntax, `${source.path} has both ${a} and ${b}; use one`, `${source.path}.${later.key}`, later.keyStart)
    return null
  }
  if (na !== undefined) return { name: a, node: na }
  if (nb !== undefined) return { name: b, node: nb }
  return undefined
}

function checkEach(list: StringList, node: JsonNode, path: string, check: typeof checkAction, sink: ErrorSink): void {
  const offsets = itemOffsets(node)
  list.values.forEach((value, i) => {
    const problem = check(value)
    if (problem) sink.add(problem.phase, problem.message, problem.detail, list.isArray ? `${path}[${i}]` : path, offsets[i] as number)
  })
}
