// One statement: its elements read into the typed form, with the checks every kind of policy
// shares (shape, Effect, mutually exclusive elements, action and resource formats).
// Rules that differ between kinds of policy live in kind-rules.ts.

import type { Effect, PolicyKind, SourceLocation, Statement, StringList } from '../model.js'
import { readCondition } from './condition-element.js'
import type { ErrorSink, Segment } from './error-sink.js'
import { checkKnownKeys, describe, readStringList, type JsonObject, type JsonValue } from './json-value.js'
import { MSG, Phase } from './messages.js'
import { readPrincipal } from './principal-element.js'
import { checkAction, checkResource, type ValueProblem } from './value-checks.js'

const ELEMENTS: ReadonlySet<string> = new Set(['Sid', 'Effect', 'Principal', 'NotPrincipal', 'Action', 'NotAction', 'Resource', 'NotResource', 'Condition'])

export interface StatementSource {
  readonly value: JsonObject
  readonly index: number
  /** Path of the statement: ['Statement'] or ['Statement', index]. */
  readonly at: readonly Segment[]
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] }

export function readStatement(source: StatementSource, kind: PolicyKind, sink: ErrorSink, location: SourceLocation | undefined): Statement | undefined {
  const { value: m, at } = source
  const before = sink.count
  checkKnownKeys(m, ELEMENTS, at, 'the statement', sink)

  const sid = m.Sid
  if (sid !== undefined && typeof sid !== 'string') sink.add(Phase.Syntax, MSG.syntax, `Sid must be a string, not ${describe(sid)}`, [...at, 'Sid'])

  const effect = readEffect(m.Effect, at, sink)
  const principal = exclusive(m, 'Principal', 'NotPrincipal', at, sink)
  const action = exclusive(m, 'Action', 'NotAction', at, sink)
  const resource = exclusive(m, 'Resource', 'NotResource', at, sink)

  const principalBlock = principal ? readPrincipal(m[principal] as JsonValue, at, principal, sink) : undefined
  const actions = action ? readStringList(m[action] as JsonValue, at, action, sink) : undefined
  const resources = resource ? readStringList(m[resource] as JsonValue, at, resource, sink) : undefined
  const condition = m.Condition !== undefined ? readCondition(m.Condition, at, sink) : undefined

  if (action === undefined) {
    sink.add(Phase.ActionsPresent, MSG.actionsMissing, 'the statement has no Action or NotAction', at, 'missing')
  } else if (action !== null && actions && actions.values.length === 0) {
    sink.add(Phase.ActionsPresent, MSG.actionsMissing, `${action} is empty`, [...at, action])
  } else if (kind !== 'trust' && action && actions) {
    checkEach(actions, at, action, checkAction, sink)
  }
  if (resources && resource) checkEach(resources, at, resource, checkResource, sink)

  if (sink.count > before || effect === undefined) return undefined
  const st: Mutable<Statement> = { index: source.index, effect }
  if (typeof sid === 'string') st.sid = sid
  if (principal && principalBlock) st[principal === 'NotPrincipal' ? 'notPrincipal' : 'principal'] = principalBlock
  if (action && actions) st[action === 'NotAction' ? 'notAction' : 'action'] = actions
  if (resource && resources) st[resource === 'NotResource' ? 'notResource' : 'resource'] = resources
  if (condition) st.condition = condition
  if (location) st.location = location
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
function exclusive<A extends string, B extends string>(m: JsonObject, a: A, b: B, at: readonly Segment[], sink: ErrorSink): A | B | undefined | null {
  const hasA = m[a] !== undefined
  const hasB = m[b] !== undefined
  if (hasA && hasB) {
    const keys = Object.keys(m)
    const later = keys.indexOf(a) > keys.indexOf(b) ? a : b
    sink.add(Phase.Syntax, MSG.syntax, `the statement has both ${a} and ${b}; use one`, [...at, later], 'key')
    return null
  }
  return hasA ? a : hasB ? b : undefined
}

function checkEach(list: StringList, at: readonly Segment[], name: string, check: (value: string) => ValueProblem | undefined, sink: ErrorSink): void {
  const values = list.values
  for (let i = 0; i < values.length; i++) {
    const problem = check(values[i] as string)
    if (problem) sink.add(problem.phase, problem.message, problem.detail, list.isArray ? [...at, name, i] : [...at, name])
  }
}
