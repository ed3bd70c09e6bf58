// IAM's size quotas for policy documents. Managed and trust policies are measured without
// whitespace; exceeding one is LimitExceeded (HTTP 409), not a malformed document. Quotas on
// the sum of an entity's inline policies are the application's to apply (they need state).

import type { PolicyError } from './error-sink.js'

export interface PolicyQuota {
  /** The quota's name as IAM's message gives it. */
  readonly name: string
  readonly limit: number
}

export const MANAGED_POLICY_QUOTA: PolicyQuota = { name: 'PolicySize', limit: 6144 }
export const TRUST_POLICY_QUOTA: PolicyQuota = { name: 'ACLSizePerRole', limit: 2048 }

/** Characters that count toward IAM's quotas: everything but spaces, tabs and line breaks. */
export function nonWhitespaceLength(text: string): number {
  let n = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c !== 32 && c !== 9 && c !== 10 && c !== 13) n++
  }
  return n
}

export function checkQuota(text: string, quota: PolicyQuota): PolicyError | undefined {
  const size = nonWhitespaceLength(text)
  if (size <= quota.limit) return undefined
  return {
    code: 'LimitExceeded',
    message: `Cannot exceed quota for ${quota.name}: ${quota.limit}`,
    detail: `the policy has ${size} characters (not counting whitespace); the quota is ${quota.limit}`,
    path: '$',
    line: 1,
    column: 1
  }
}
