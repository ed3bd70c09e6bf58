// Identity policy documents as the policy actions take them in: validated by the engine's parser
// (IAM's MalformedPolicyDocument messages) and measured against IAM's size quotas.

import { iamErrors } from '../../core/aws-error.js'
import { checkQuota, MANAGED_POLICY_QUOTA, nonWhitespaceLength, parsePolicy, type Policy } from '../../policy/index.js'
import type { AttachableEntity, InlinePolicyRecord } from '../../store/ports/records.js'

/** A new managed policy version's document: valid, and within PolicySize. */
export function checkManagedDocument(text: string): void {
  checkIdentityDocument(text)
  const quota = checkQuota(text, MANAGED_POLICY_QUOTA)
  if (quota) throw iamErrors.limitExceeded(quota.message)
}

/** Any identity policy document (managed or inline): IAM's first grammar error, if any. */
export function checkIdentityDocument(text: string): void {
  const parsed = parsePolicy(text, { kind: 'identity' })
  if (!parsed.ok) throw iamErrors.malformedPolicyDocument(parsed.errors[0]?.message ?? 'Syntax errors in policy.')
}

/** IAM's aggregate quotas on an entity's inline policies (characters, whitespace not counted). */
export const INLINE_POLICY_QUOTA: Readonly<Record<AttachableEntity, number>> = { user: 2048, group: 5120, role: 10240 }

/**
 * Checks the entity's inline policies after putting `document` under `name` (replacing the
 * policy of that name, if any) against the aggregate quota for its type.
 */
export function checkInlineAggregate(entityType: AttachableEntity, entityName: string, existing: readonly InlinePolicyRecord[], name: string, document: string): void {
  const limit = INLINE_POLICY_QUOTA[entityType]
  let total = nonWhitespaceLength(document)
  for (const p of existing) if (p.name.toLowerCase() !== name.toLowerCase()) total += nonWhitespaceLength(p.document)
  if (total > limit) throw iamErrors.limitExceeded(`Maximum policy size of ${limit} bytes exceeded for ${entityType} ${entityName}`)
}

/**
 * A stored document in the engine's typed form. Stored documents were validated when written;
 * AWS managed documents are AWS's own (some predate today's rules, hence the lenient options).
 */
export function parseStoredDocument(text: string): Policy | undefined {
  const parsed = parsePolicy(text, { kind: 'identity', allowLegacyVersion: true })
  return parsed.ok ? parsed.policy : undefined
}
