// Parses and validates an IAM policy document into its typed form, reporting every error found
// (each with IAM's message, a precise detail, a JSON path and a line/column), ordered the way
// IAM checks so the first error is the one IAM itself would return.

import type { JsonNode, JsonObject } from '../json/json-node.js'
import { parseJson, type JsonSyntaxError } from '../json/parse-json.js'
import { LineMap } from '../json/source-position.js'
import type { Policy, PolicyKind, PolicyVersion, Statement } from '../model.js'
import { describeKind, readMembers } from './json-reading.js'
import { checkKindRules } from './kind-rules.js'
import { MSG, Phase } from './messages.js'
import { ErrorSink, type PolicyError } from './policy-error.js'
import { readStatement, type StatementSource } from './statement-element.js'

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
  const lines = new LineMap(text)
  const sink = new ErrorSink(lines)
  const json = parseJson(text)
  if (!json.ok) {
    sink.add(Phase.Syntax, syntaxMessage(kind, json.error), syntaxDetail(json.error), '$', json.error.offset)
    return failed(sink)
  }
  const policy = readDocument(json.value, kind, options, sink, lines)
  if (policy === undefined || sink.count > 0) return failed(sink)
  return { ok: true, policy, errors: [] }
}

function failed(sink: ErrorSink): ParseResult {
  return { ok: false, policy: undefined, errors: sink.errors() }
}

function syntaxMessage(kind: PolicyKind, error: JsonSyntaxError): string {
  if (kind === 'trust') return MSG.trustInvalidJson
  if (kind === 'scp' || kind === 'rcp') return MSG.organizationsType
  void error
  return MSG.syntax
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

function syntaxDetail(error: JsonSyntaxError): string {
  return SYNTAX_DETAIL[error.reason]
}

function readDocument(root: JsonNode, kind: PolicyKind, options: ParseOptions, sink: ErrorSink, lines: LineMap): Policy | undefined {
  if (root.kind !== 'object') {
    sink.add(Phase.Syntax, kind === 'trust' ? MSG.trustInvalidJson : MSG.syntax, `the policy must be a JSON object, not ${describeKind(root)}`, '$', root.start)
    return undefined
  }
  const members = readMembers(root, '$', TOP_LEVEL, sink, 'the policy')
  const version = readVersion(members.get('Version'), options.allowLegacyVersion === true ? 'resource' : kind, sink, root)
  const idNode = members.get('Id')
  if (idNode !== undefined && idNode.kind !== 'string') sink.add(Phase.Syntax, MSG.syntax, `$.Id must be a string, not ${describeKind(idNode)}`, '$.Id', idNode.start)
  const statementNode = members.get('Statement')
  const sources = readStatementList(statementNode, root, sink)
  const statements: Statement[] = []
  const variablesEnabled = version === '2012-10-17'
  for (const source of sources) {
    const st = readStatement(source, kind, variablesEnabled, sink, lines)
    if (st) statements.push(st)
  }
  checkKindRules(kind, version, sources, sink, options.awsManaged === true)
  if (sink.count > 0 || version === null) return undefined
  return {
    ...(version === undefined ? {} : { version }),
    ...(idNode?.kind === 'string' ? { id: idNode.value } : {}),
    statements,
    statementIsArray: statementNode?.kind === 'array'
  }
}

/** The Version value; null when it is not one IAM knows (an error has been reported). */
function readVersion(node: JsonNode | undefined, kind: PolicyKind, sink: ErrorSink, root: JsonObject): PolicyVersion | undefined | null {
  if (node === undefined) {
    if (requiresCurrentVersion(kind)) sink.addMissing(Phase.Version, MSG.version, 'the policy has no Version; it must be "2012-10-17"', '$', root.start)
    return undefined
  }
  if (node.kind !== 'string' || (node.value !== '2012-10-17' && node.value !== '2008-10-17')) {
    const shown = node.kind === 'string' ? `"${node.value}"` : describeKind(node)
    sink.add(Phase.Syntax, MSG.syntax, `$.Version must be "2012-10-17" or "2008-10-17", not ${shown}`, '$.Version', node.start)
    return null
  }
  if (node.value === '2008-10-17' && requiresCurrentVersion(kind)) {
    sink.add(Phase.Version, MSG.version, 'Version "2008-10-17" is not accepted for this kind of policy; use "2012-10-17"', '$.Version', node.start)
  }
  return node.value
}

/** IAM-managed and inline policies (and session policies) must use the current version. */
function requiresCurrentVersion(kind: PolicyKind): boolean {
  return kind === 'identity' || kind === 'boundary' || kind === 'session'
}

function readStatementList(node: JsonNode | undefined, root: JsonObject, sink: ErrorSink): StatementSource[] {
  if (node === undefined) {
    sink.addMissing(Phase.Syntax, MSG.syntax, 'the policy has no Statement', '$', root.start)
    return []
  }
  if (node.kind === 'object') return [{ node, index: 0, path: '$.Statement' }]
  if (node.kind !== 'array') {
    sink.add(Phase.Syntax, MSG.syntax, `$.Statement must be an object or an array of objects, not ${describeKind(node)}`, '$.Statement', node.start)
    return []
  }
  if (node.items.length === 0) sink.add(Phase.Syntax, MSG.syntax, '$.Statement must not be empty', '$.Statement', node.start)
  const sources: StatementSource[] = []
  node.items.forEach((item, index) => {
    const path = `$.Statement[${index}]`
    if (item.kind === 'object') sources.push({ node: item, index, path })
    else sink.add(Phase.Syntax, MSG.syntax, `${path} must be an object, not ${describeKind(item)}`, path, item.start)
  })
  return sources
}
