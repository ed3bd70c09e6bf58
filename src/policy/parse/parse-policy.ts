// Parses and validates an IAM policy document into its typed form, reporting every error found
// (each with IAM's message, a precise detail, a JSON path and a line/column), ordered the way
// IAM checks so the first error is the one IAM itself would return.
//
// The fast path is JSON.parse (native) plus validation of the plain value, plus one cheap scan
// of the text for what JSON.parse hides (duplicate keys, statement positions). The position-
// keeping parser (json/parse-json.ts) runs only to explain errors, or when the text has \u
// escapes (whose surrogates must be checked).

import type { JsonNode } from '../json/json-node.js'
import { parseJson, type JsonSyntaxError } from '../json/parse-json.js'
import type { Policy, PolicyKind, PolicyVersion, SourceLocation, Statement } from '../model.js'
import { lineColumns, locateStatements, type StatementLayout } from './document-scan.js'
import { duplicateKeys, ErrorSink, type PolicyError } from './error-sink.js'
import { checkKnownKeys, describe, isObject, type JsonObject, type JsonValue } from './json-value.js'
import { checkKindRules } from './kind-rules.js'
import { MSG, Phase } from './messages.js'
import { readStatement, StatementSource } from './statement-element.js'

export interface ParseOptions {
  /** Which rules apply; identity policies by default. */
  readonly kind?: PolicyKind
  /**
   * Accept documents without Version or with 2008-10-17 whatever the kind. IAM no longer stores
   * such identity policies, but they exist (and evaluate, without policy variables) elsewhere.
   */
  readonly allowLegacyVersion?: boolean
  /** An AWS-managed policy (RCPFullAWSAccess may Allow where custom RCPs may not). */
  readonly awsManaged?: boolean
}

export type ParseResult =
  | { readonly ok: true; readonly policy: Policy; readonly errors: readonly [] }
  | { readonly ok: false; readonly policy: undefined; readonly errors: readonly PolicyError[] }

const TOP_LEVEL: ReadonlySet<string> = new Set(['Version', 'Id', 'Statement'])

export function parsePolicy(text: string, options: ParseOptions = {}): ParseResult {
  const kind = options.kind ?? 'identity'
  const sink = new ErrorSink()
  let value: JsonValue | undefined
  let tree: JsonNode | undefined
  if (!text.includes('\\u') && text.isWellFormed()) {
    try {
      value = JSON.parse(text) as JsonValue
    } catch {
      value = undefined
    }
  }
  if (value === undefined) {
    const parsed = parseJson(text)
    if (!parsed.ok) return syntaxFailure(text, kind, parsed.error)
    tree = parsed.value
    value = plainValue(tree)
  }

  const read = readDocument(value, kind, options, sink)

  // JSON.parse keeps the last of duplicate keys silently: the member colons reveal them, and
  // give the statements' offsets (document-scan.ts). A document with errors gets its
  // position tree anyway, and duplicates are looked for there.
  let starts: readonly number[] | undefined
  if (tree === undefined && sink.count === 0) starts = locateStatements(text, sink.members, read.layout)
  if (tree === undefined && starts === undefined) tree = treeOf(text, sink)
  if (tree !== undefined) duplicateKeys(tree, (key, at, offset) => sink.addAt(Phase.Syntax, MSG.syntax, `the key "${key}" appears more than once in its object`, at, offset))
  const policy = read.policy
  if (sink.count > 0 || policy === undefined) return { ok: false, policy: undefined, errors: sink.resolve(text, tree) }
  attachLocate(policy, text, starts ?? (tree === undefined ? [] : treeStarts(tree)))
  return { ok: true, policy, errors: [] }
}

/**
 * Gives the policy its `locate`. Only explanations cite statement lines, and most parses (a
 * policy checked as it is stored, say) never explain anything, so counting the line breaks
 * waits for the first question. Not enumerable: a policy stays plain data when printed,
 * compared or copied.
 */
function attachLocate(policy: Policy, text: string, offsets: readonly number[]): void {
  let located: readonly SourceLocation[] | undefined
  const locate = (statementIndex: number): SourceLocation | undefined => (located ??= lineColumns(text, offsets))[statementIndex]
  Object.defineProperty(policy, 'locate', { value: locate })
}

function treeOf(text: string, sink: ErrorSink): JsonNode | undefined {
  const parsed = parseJson(text)
  if (parsed.ok) return parsed.value
  // Valid JSON that is too deep for the position-keeping parser.
  sink.addAt(Phase.Syntax, MSG.syntax, SYNTAX_DETAIL[parsed.error.reason], [], parsed.error.offset)
  return undefined
}

/** The offset where each statement starts, from the position tree. */
function treeStarts(tree: JsonNode): number[] {
  if (tree.kind !== 'object') return []
  const statement = tree.members.find((m) => m.key === 'Statement')?.value
  return statement?.kind === 'array' ? statement.items.map((i) => i.start) : statement ? [statement.start] : []
}

function syntaxFailure(text: string, kind: PolicyKind, error: JsonSyntaxError): ParseResult {
  const sink = new ErrorSink()
  const message = kind === 'trust' ? MSG.trustInvalidJson : kind === 'scp' || kind === 'rcp' ? MSG.organizationsType : MSG.syntax
  sink.addAt(Phase.Syntax, message, SYNTAX_DETAIL[error.reason], [], error.offset)
  return { ok: false, policy: undefined, errors: sink.resolve(text, undefined) }
}

const SYNTAX_DETAIL: Readonly<Record<JsonSyntaxError['reason'], string>> = {
  'unexpected-character': 'the document is not valid JSON: unexpected character',
  'unexpected-end': 'the document is not valid JSON: it ends too early',
  'unterminated-string': 'the document is not valid JSON: a string is not closed',
  'invalid-escape': 'the document is not valid JSON: invalid escape sequence in a string',
  'control-character': 'the document is not valid JSON: a control character inside a string must be escaped',
  'lone-surrogate': 'the document is not valid Unicode: unpaired surrogate',
  'invalid-number': 'the document is not valid JSON: invalid number',
  'too-deep': 'the document nests objects and arrays too deeply',
  'trailing-content': 'the document is not valid JSON: unexpected content after the policy object'
}

/** The plain value of a position tree (the first of duplicate keys; duplicates are errors anyway). */
function plainValue(node: JsonNode): JsonValue {
  switch (node.kind) {
    case 'object': {
      // defineProperty, not assignment: a "__proto__" key must stay an ordinary member, as it is
      // in what JSON.parse returns.
      const out: JsonObject = {}
      for (const m of node.members) {
        if (!Object.hasOwn(out, m.key)) Object.defineProperty(out, m.key, { value: plainValue(m.value), enumerable: true, writable: true, configurable: true })
      }
      return out
    }
    case 'array':
      return node.items.map(plainValue)
    case 'null':
      return null
    default:
      return node.value
  }
}

interface DocumentRead {
  /** The policy, when the document has no errors. */
  readonly policy: Policy | undefined
  readonly layout: StatementLayout
}

function readDocument(root: JsonValue, kind: PolicyKind, options: ParseOptions, sink: ErrorSink): DocumentRead {
  const layout: { firstMember: number[]; firstKeyLength: number[] } = { firstMember: [], firstKeyLength: [] }
  if (!isObject(root)) {
    sink.add(Phase.Syntax, kind === 'trust' ? MSG.trustInvalidJson : MSG.syntax, `the policy must be a JSON object, not ${describe(root)}`, [])
    return { policy: undefined, layout }
  }
  checkKnownKeys(root, TOP_LEVEL, [], 'the policy', sink)
  const version = readVersion(root.Version, options.allowLegacyVersion === true ? 'resource' : kind, sink)
  const id = root.Id
  if (id !== undefined && typeof id !== 'string') sink.add(Phase.Syntax, MSG.syntax, `Id must be a string, not ${describe(id)}`, ['Id'])
  const sources = readStatementList(root.Statement, sink)
  const statements: Statement[] = []
  // In a valid document the members before the first statement's are the top-level ones
  // written before Statement (scalars), and Statement itself.
  let members = Object.keys(root).indexOf('Statement') + 1
  for (const source of sources) {
    const nestedBefore = sink.members
    const st = readStatement(source, kind, sink)
    layout.firstMember.push(members)
    layout.firstKeyLength.push(source.firstKeyLength)
    members += source.members + sink.members - nestedBefore
    if (st) statements.push(st)
  }
  checkKindRules(kind, version, sources, sink, { awsManaged: options.awsManaged === true })
  if (sink.count > 0 || version === null) return { policy: undefined, layout }
  const policy: { -readonly [K in keyof Policy]: Policy[K] } = { statements, statementIsArray: Array.isArray(root.Statement) }
  if (version !== undefined) policy.version = version
  if (typeof id === 'string') policy.id = id
  return { policy, layout }
}

/** The Version value; null when it is not one IAM knows (an error has been reported). */
function readVersion(value: JsonValue | undefined, kind: PolicyKind, sink: ErrorSink): PolicyVersion | undefined | null {
  if (value === undefined) {
    if (requiresCurrentVersion(kind)) sink.add(Phase.Version, MSG.version, 'the policy has no Version; it must be "2012-10-17"', [], 'missing')
    return undefined
  }
  if (value !== '2012-10-17' && value !== '2008-10-17') {
    const shown = typeof value === 'string' ? `"${value}"` : describe(value)
    sink.add(Phase.Syntax, MSG.syntax, `Version must be "2012-10-17" or "2008-10-17", not ${shown}`, ['Version'])
    return null
  }
  if (value === '2008-10-17' && requiresCurrentVersion(kind)) {
    sink.add(Phase.Version, MSG.version, 'Version "2008-10-17" is not accepted for this kind of policy; use "2012-10-17"', ['Version'])
  }
  return value
}

/** IAM-managed and inline policies (and session policies) must use the current version. */
function requiresCurrentVersion(kind: PolicyKind): boolean {
  return kind === 'identity' || kind === 'boundary' || kind === 'session'
}

function readStatementList(value: JsonValue | undefined, sink: ErrorSink): StatementSource[] {
  if (value === undefined) {
    sink.add(Phase.Syntax, MSG.syntax, 'the policy has no Statement', [], 'missing')
    return []
  }
  if (isObject(value)) return [new StatementSource(value, 0, ['Statement'], sink)]
  if (!Array.isArray(value)) {
    sink.add(Phase.Syntax, MSG.syntax, `Statement must be an object or an array of objects, not ${describe(value)}`, ['Statement'])
    return []
  }
  if (value.length === 0) sink.add(Phase.Syntax, MSG.syntax, 'Statement must not be empty', ['Statement'])
  const sources: StatementSource[] = []
  for (let index = 0; index < value.length; index++) {
    const item = value[index] as JsonValue
    if (isObject(item)) sources.push(new StatementSource(item, index, ['Statement', index], sink))
    else sink.add(Phase.Syntax, MSG.syntax, `Statement[${index}] must be an object, not ${describe(item)}`, ['Statement', index])
  }
  return sources
}
