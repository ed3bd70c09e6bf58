// Policy validation for the console's editors: every problem the engine finds in a document (in
// IAM's order, so the first is the one IAM's API would answer), each with IAM's message, our
// detail, the JSON path and the line and column, plus the size quota the document would break
// when saved as a managed policy or a trust policy.

import { checkQuota, MANAGED_POLICY_QUOTA, parsePolicy, POLICY_KINDS, TRUST_POLICY_QUOTA, type PolicyError, type PolicyKind } from '../../policy/index.js'

export interface ValidationError {
  readonly message: string
  readonly detail?: string
  readonly path: string
  readonly line: number
  readonly column: number
}

export function isPolicyKind(kind: unknown): kind is PolicyKind {
  return typeof kind === 'string' && (POLICY_KINDS as readonly string[]).includes(kind)
}

export function validatePolicy(document: string, kind: PolicyKind): ValidationError[] {
  const errors: PolicyError[] = [...parsePolicy(document, { kind }).errors]
  const quota = kind === 'trust' ? TRUST_POLICY_QUOTA : kind === 'identity' || kind === 'boundary' ? MANAGED_POLICY_QUOTA : undefined
  const tooBig = quota && checkQuota(document, quota)
  if (tooBig) errors.push(tooBig)
  return errors.map((e) => ({ message: e.message, ...(e.detail ? { detail: e.detail } : {}), path: e.path, line: e.line, column: e.column }))
}
