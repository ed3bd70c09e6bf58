// Validation errors and where they are. Readers report an error with the path to the offending
// value (and whether the value, its key, or its absence is meant); positions are worked out only
// at the end, from a position-keeping parse of the text, so valid documents never pay for them.
// Errors are ordered the way IAM checks (phase, then position): the first is the one IAM gives.

import type { JsonMember, JsonNode } from '../json/json-node.js'
import { parseJson } from '../json/parse-json.js'
import { LineMap } from '../json/source-position.js'
import type { Phase } from './messages.js'

export type PolicyErrorCode = 'MalformedPolicyDocument' | 'LimitExceeded'

export interface PolicyError {
  /** The AWS error code the API answers with. */
  readonly code: PolicyErrorCode
  /** The message AWS returns for this problem. */
  readonly message: string
  /** What exactly is wrong, in our words: AWS's messages are often generic. */
  readonly detail: string
  /** JSON path of the offending value, e.g. `$.Statement[1].Effect`. */
  readonly path: string
  /** 1-based position of the offending value (or key) in the document text. */
  readonly line: number
  readonly column: number
}

export type Segment = string | number

/** What the position of an error points at: the value at the path, its key, or (missing) its container. */
export type Anchor = 'value' | 'key' | 'missing'

interface Pending {
  readonly phase: Phase
  readonly message: string
  readonly detail: string
  readonly at: readonly Segment[]
  readonly anchor: Anchor
  /** Known directly (syntax errors, duplicates), else resolved from the path. */
  readonly offset?: number
}

export class ErrorSink {
  private readonly pending: Pending[] = []
  /**
   * Object members the readers saw. For a valid document that is every member JSON.parse kept;
   * fewer than the text has means duplicate keys were dropped.
   */
  members = 0

  add(phase: Phase, message: string, detail: string, at: readonly Segment[], anchor: Anchor = 'value'): void {
    this.pending.push({ phase, message, detail, at, anchor })
  }

  addAt(phase: Phase, message: string, detail: string, at: readonly Segment[], offset: number): void {
    this.pending.push({ phase, message, detail, at, anchor: 'value', offset })
  }

  get count(): number {
    return this.pending.length
  }

  /** The errors with positions in `text`, in IAM's order. */
  resolve(text: string, tree: JsonNode | undefined): PolicyError[] {
    const lines = new LineMap(text)
    const located = this.pending.map((p) => {
      const offset = p.offset ?? locate(tree, p.at, p.anchor)
      // A missing element sorts after the other errors of its phase: a misspelt key explains
      // the absence better than the absence does.
      const order = p.anchor === 'missing' ? Number.MAX_SAFE_INTEGER : offset
      const { line, column } = lines.position(offset)
      const error: PolicyError = { code: 'MalformedPolicyDocument', message: p.message, detail: p.detail, path: formatPath(p.at), line, column }
      return { phase: p.phase, order, error }
    })
    return located.sort((a, b) => a.phase - b.phase || a.order - b.order).map((l) => l.error)
  }
}

/** Offset of what the path names in the position tree (0 when it cannot be found). */
function locate(tree: JsonNode | undefined, at: readonly Segment[], anchor: Anchor): number {
  let node = tree
  let member: JsonMember | undefined
  for (const seg of at) {
    if (node === undefined) break
    member = undefined
    if (typeof seg === 'number') node = node.kind === 'array' ? node.items[seg] : undefined
    else if (node.kind === 'object') {
      member = node.members.find((m) => m.key === seg)
      node = member?.value
    } else node = undefined
  }
  if (anchor === 'key' && member) return member.keyStart
  return node?.start ?? 0
}

/** `$.Statement[1].Condition.StringEquals["aws:username"]` */
export function formatPath(at: readonly Segment[]): string {
  let s = '$'
  for (const seg of at) s += typeof seg === 'number' ? `[${seg}]` : /^[A-Za-z_][A-Za-z0-9_]*$/.test(seg) ? `.${seg}` : `[${JSON.stringify(seg)}]`
  return s
}

/** Errors for keys that appear more than once in an object (JSON.parse keeps only the last). */
export function duplicateKeys(tree: JsonNode, report: (key: string, at: Segment[], offset: number) => void, at: Segment[] = []): void {
  if (tree.kind === 'array') tree.items.forEach((item, i) => duplicateKeys(item, report, [...at, i]))
  if (tree.kind !== 'object') return
  const seen = new Set<string>()
  for (const m of tree.members) {
    if (seen.has(m.key)) report(m.key, [...at, m.key], m.keyStart)
    seen.add(m.key)
    duplicateKeys(m.value, report, [...at, m.key])
  }
}

export { parseJson }
