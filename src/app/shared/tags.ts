// Tags on IAM resources: at most 50, keys unique case-insensitively, no "aws:" prefix; and the
// condition keys a tagging request carries (aws:RequestTag/KEY, aws:TagKeys).

import { iamErrors } from '../../core/aws-error.js'
import type { Tag, TaggableResource } from '../../store/ports/records.js'

export const MAX_TAGS = 50

export function tagsOf(input: unknown): Tag[] {
  return Array.isArray(input) ? (input as Tag[]) : []
}

/** Tag keys of users and roles compare case-insensitively; those of every other resource exactly. */
export function tagKeysCaseInsensitive(resource: TaggableResource): boolean {
  return resource === 'user' || resource === 'role'
}

/** Checks a request's tags on their own (before merging with existing ones). */
export function checkNewTags(tags: readonly Tag[], resource: TaggableResource = 'user'): void {
  const insensitive = tagKeysCaseInsensitive(resource)
  const seen = new Set<string>()
  for (const tag of tags) {
    const key = insensitive ? tag.Key.toLowerCase() : tag.Key
    if (seen.has(key)) throw iamErrors.invalidInput(insensitive ? 'Duplicate tag keys found. Please note that Tag keys are case insensitive.' : 'Duplicate tag keys found.')
    seen.add(key)
    if (tag.Key.toLowerCase().startsWith('aws:')) throw iamErrors.invalidInput("User-defined tag keys can't start with 'aws:'. This prefix is reserved for AWS tags.")
  }
  if (tags.length > MAX_TAGS) throw iamErrors.limitExceeded('The number of tags has reached the maximum limit.')
}

/** Tags after adding `added` to `existing` (a tag with the same key replaces the old one). */
export function mergeTags(existing: readonly Tag[], added: readonly Tag[], resource: TaggableResource = 'user'): Tag[] {
  const norm = (k: string) => (tagKeysCaseInsensitive(resource) ? k.toLowerCase() : k)
  const out = new Map(existing.map((t) => [norm(t.Key), t]))
  for (const t of added) out.set(norm(t.Key), t)
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
