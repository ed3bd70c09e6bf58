// Validation errors: the message IAM returns for the problem (so the API can answer with it
// verbatim), a precise description of our own, and where in the document it is.

import type { LineMap } from '../json/source-position.js'
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

interface Pending {
  readonly phase: Phase
  readonly offset: number
  readonly error: PolicyError
}

/**
 * Collects errors while the parser walks the tree. `errors()` orders them the way IAM checks
 * (phase, then position), so the first is the one IAM reports.
 */
export class ErrorSink {
  private readonly pending: Pending[] = []

  constructor(private readonly lines: LineMap) {}

  add(phase: Phase, message: string, detail: string, path: string, offset: number): void {
    const { line, column } = this.lines.position(offset)
    this.pending.push({ phase, offset, error: { code: 'MalformedPolicyDocument', message, detail, path, line, column } })
  }

  /**
   * An element that is missing: reported at its container, after the other errors of its
   * phase (a misspelt key explains a missing element better than the absence does).
   */
  addMissing(phase: Phase, message: string, detail: string, path: string, containerOffset: number): void {
    const { line, column } = this.lines.position(containerOffset)
    this.pending.push({ phase, offset: Number.MAX_SAFE_INTEGER, error: { code: 'MalformedPolicyDocument', message, detail, path, line, column } })
  }

  get count(): number {
    return this.pending.length
  }

  errors(): PolicyError[] {
    return [...this.pending].sort((a, b) => a.phase - b.phase || a.offset - b.offset).map((p) => p.error)
  }
}
