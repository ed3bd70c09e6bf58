// Tags on IAM resources: at most 50, keys unique case-insensitively, no "aws:" prefix; and the
// condition keys a tagging request carries (aws:RequestTag/KEY, aws:TagKeys).

import { iamErrors } from '../../core/aws-error.js'
import type { Tag } from '../../store/ports/records.js'

export const MAX_TAGS = 50

export function tagsOf(input: unknown): Tag[] {
  return Array.isArray(input) ? (input as Tag[]) : []
}

/** Checks a request's tags on their own (before merging with existing ones). */
export function checkNewTags(tags: readonly Tag[]): void {
  const seen = new Set<string>()
  for (const tag of tags) {
    const lower = tag.Key.toLowerCase()
    if (seen.has(lower)) throw iamErrors.invalidInput('Duplicate tag keys found. Please note that Tag keys are case insensitive.')
    seen.add(lower)
    if (lower.startsWith('aws:')) throw iamErrors.invalidInput('Tag keys starting with \'aws:\' are reserved for internal use.')
  }
  if (tags.length > MAX_TAGS) throw iamErrors.limitExceeded(`The number of tags has reached the maximum limit.`)
}

/** Tags after adding `added` to `existing` (same key, any case: the new one replaces). */
export function mergeTags(existing: readonly Tag[], added: readonly Tag[]): Tag[] {
  const out = new Map(existing.map((t) => [t.Key.toLowerCase(), t]))
  for (const t of added) out.set(t.Key.toLowerCase(), t)
  return [...out.values()]
}

export function checkTagCount(total: number): void {
  if (total > MAX_TAGS) throw iamErrors.limitExceeded('The number of tags has reached the maximum limit.')
}

/** aws:RequestTag/KEY for each tag and aws:TagKeys, as a tagging or creating request carries them. */
export function requestTagContext(tags: readonly Tag[]): Record<string, string | string[]> {
  const context: Record<string, string | string[]> = {}
  if (tags.length === 0) return context
  for (const t of tags) context[`aws:RequestTag/${t.Key}`] = t.Value
  context['aws:TagKeys'] = tags.map((t) => t.Key)
  return context
}

/** aws:TagKeys for an untagging request. */
export function tagKeysContext(keys: readonly string[]): Record<string, string[]> {
  return keys.length === 0 ? {} : { 'aws:TagKeys': [...keys] }
}
