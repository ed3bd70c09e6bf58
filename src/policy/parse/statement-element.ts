// One statement: its elements read into the typed form, with the checks every kind of policy
// shares (shape, Effect, mutually exclusive elements, action and resource formats).
// Rules that differ between kinds of policy live in kind-rules.ts.

import type { Effect, PolicyKind, Statement, StringList } from '../model.js'
import { readCondition } from './condition-element.js'
import type { ErrorSink, Segment } from './error-sink.js'
import { describe, readStringList, type JsonObject, type JsonValue } from './json-value.js'
import { MSG, Phase } from './messages.js'
import { readPrincipal } from './principal-element.js'
import { checkAction, checkResource } from './value-checks.js'

/**
 * A statement object and its elements, read in one pass over its members, which every check of
 * the statement then shares. Statements come in many key orders, so reading `m.Effect` and the
 * like from each of them makes V8 look each element up by hash; a for-in loop reads the members
 * where they are stored.
 */
export class StatementSource {
  sid: JsonValue | undefined = undefined
  effect: JsonValue | undefined = undefined
  principal: JsonValue | undefined = undefined
  notPrincipal: JsonValue | undefined = undefined
  action: JsonValue | undefined = undefined
  notAction: JsonValue | undefined = undefined
  resource: JsonValue | undefined = undefined
  notResource: JsonValue | undefined = undefined
  condition: JsonValue | undefined = undefined
  /** Members that are not statement elements, in document order. */
  unknown: string[] | undefined = undefined
  /** How many members the object has, and its first key's length (for document-scan.ts). */
  readonly members: number
  readonly firstKeyLength: number

  constructor(
    readonly value: JsonObject,
    readonly index: number,
    /** Path of the statement: ['Statement'] or ['Statement', index]. */
    readonly at: readonly Segment[],
    sink: ErrorSink
  ) {
    let members = 0
    let firstKeyLength = -1
    // Own members in Object.keys order. (An enumerable property of Object.prototype would come
    // too; as an element it would have been read through `m.Sid` alike, and it is never taken
    // for an unknown member.)
    for (const key in value) {
      const v = value[key]
      if (members++ === 0) firstKeyLength = key.length
      switch (key) {
        case 'Sid':
          this.sid = v
          break
        case 'Effect':
          this.effect = v
          break
        case 'Action':
          this.action = v
          break
        case 'Resource':
          this.resource = v
          break
        case 'Condition':
          this.condition = v
          break
        case 'NotAction':
          this.notAction = v
          break
        case 'NotResource':
          this.notResource = v
          break
        case 'Principal':
          this.principal = v
          break
        case 'NotPrincipal':
          this.notPrincipal = v
          break
        default:
          if (Object.hasOwn(value, key)) (this.unknown ??= []).push(key)
          else members--
      }
    }
    this.members = members
    this.firstKeyLength = firstKeyLength
    sink.members += members
  }
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] }

export function readStatement(source: StatementSource, kind: PolicyKind, sink: ErrorSink): Statement | undefined {
  const at = source.at
  const before = sink.count
  if (source.unknown !== undefined) {
    for (const key of source.unknown) sink.add(Phase.Syntax, MSG.syntax, `the statement has an unknown element "${key}"`, [...at, key], 'key')
  }

  const sid = source.sid
  if (sid !== undefined && typeof sid !== 'string') sink.add(Phase.Syntax, MSG.syntax, `Sid must be a string, not ${describe(sid)}`, [...at, 'Sid'])

  const effect = readEffect(source.effect, at, sink)
  const principal = exclusive(source, source.principal, source.notPrincipal, 'Principal', 'NotPrincipal', sink)
  const action = exclusive(source, source.action, source.notAction, 'Action', 'NotAction', sink)
  const resource = exclusive(source, source.resource, source.notResource, 'Resource', 'NotResource', sink)

  const principalBlock = principal ? readPrincipal((principal === 'Principal' ? source.principal : source.notPrincipal) as JsonValue, at, principal, sink) : undefined
  const actions = action ? readStringList((action === 'Action' ? source.action : source.notAction) as JsonValue, at, action, sink) : undefined
  const resources = resource ? readStringList((resource === 'Resource' ? source.resource : source.notResource) as JsonValue, at, resource, sink) : undefined
  const condition = source.condition !== undefined ? readCondition(source.condition, at, sink) : undefined

  if (action === undefined) {
    sink.add(Phase.ActionsPresent, MSG.actionsMissing, 'the statement has no Action or NotAction', at, 'missing')
  } else if (action !== null && actions && actions.values.length === 0) {
    sink.add(Phase.ActionsPresent, MSG.actionsMissing, `${action} is empty`, [...at, action])
  } else if (kind !== 'trust' && action && actions) {
    checkActions(actions, at, action, sink)
  }
  if (resources && resource) checkResources(resources, at, resource, sink)

  if (sink.count > before || effect === undefined) return undefined
  const st: Mutable<Statement> = { index: source.index, effect }
  if (typeof sid === 'string') st.sid = sid
  // Named stores: a computed key would make each of them a lookup by hash.
  if (principalBlock) {
    if (principal === 'Principal') st.principal = principalBlock
    else st.notPrincipal = principalBlock
  }
  if (actions) {
    if (action === 'Action') st.action = actions
    else st.notAction = actions
  }
  if (resources) {
    if (resource === 'Resource') st.resource = resources
    else st.notResource = resources
  }
  if (condition) st.condition = condition
  return st
}

function readEffect(value: JsonValue | undefined, at: readonly Segment[], sink: ErrorSink): Effect | undefined {
  if (value === 'Allow' || value === 'Deny') return value
  if (value === undefined) {
    sink.add(Phase.Syntax, MSG.syntax, 'the statement has no Effect', at, 'missing')
    return undefined
  }
  const here = [...at, 'Effect']
  if (typeof value !== 'string') {
    sink.add(Phase.Syntax, MSG.syntax, `Effect must be "Allow" or "Deny", not ${describe(value)}`, here)
    return undefined
  }
  const lower = value.toLowerCase()
  // IAM's first pass accepts any case; its legacy pass then rejects anything but the exact words.
  if (lower === 'allow' || lower === 'deny') sink.add(Phase.Legacy, MSG.legacy, `Effect must be written "Allow" or "Deny" exactly, not "${value}"`, here)
  else sink.add(Phase.Syntax, MSG.syntax, `Effect must be "Allow" or "Deny", not "${value}"`, here)
  return undefined
}

/**
 * Which element of a mutually exclusive pair (Action/NotAction, ...) the statement has:
 * undefined when neither, null when both (an error, reported at whichever comes later).
 */
function exclusive<A extends string, B extends string>(
  source: StatementSource,
  aValue: JsonValue | undefined,
  bValue: JsonValue | undefined,
  a: A,
  b: B,
  sink: ErrorSink
): A | B | undefined | null {
  if (aValue !== undefined && bValue !== undefined) {
    const keys = Object.keys(source.value)
    const later = keys.indexOf(a) > keys.indexOf(b) ? a : b
    sink.add(Phase.Syntax, MSG.syntax, `the statement has both ${a} and ${b}; use one`, [...source.at, later], 'key')
    return null
  }
  return aValue !== undefined ? a : bValue !== undefined ? b : undefined
}

function checkActions(list: StringList, at: readonly Segment[], name: string, sink: ErrorSink): void {
  const values = list.values
  for (let i = 0; i < values.length; i++) {
    const problem = checkAction(values[i] as string)
    if (problem) sink.add(problem.phase, problem.message, problem.detail, list.isArray ? [...at, name, i] : [...at, name])
  }
}

function checkResources(list: StringList, at: readonly Segment[], name: string, sink: ErrorSink): void {
  const values = list.values
  for (let i = 0; i < values.length; i++) {
    const problem = checkResource(values[i] as string)
    if (problem) sink.add(problem.phase, problem.message, problem.detail, list.isArray ? [...at, name, i] : [...at, name])
  }
}
