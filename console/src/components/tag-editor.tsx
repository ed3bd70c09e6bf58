// Edits a resource's tags: rows of key and value, add and remove. Every input is labelled
// ("Tag 2 key") so a screen reader and the tests can find it.

import { useId } from 'react'
import type { Tag } from './iam-types'

export const MAX_TAGS = 50

export function TagEditor({ tags, onChange }: { tags: readonly Tag[]; onChange: (tags: Tag[]) => void }) {
  const id = useId()
  const set = (i: number, patch: Partial<Tag>) => onChange(tags.map((t, j) => (j === i ? { ...t, ...patch } : t)))
  return (
    <div className="tag-editor">
      {tags.length === 0 && <p className="muted">No tags.</p>}
      {tags.map((t, i) => (
        <div className="tag-row" key={i}>
          <div>
            <label htmlFor={`${id}-key-${i}`}>Tag {i + 1} key</label>
            <input id={`${id}-key-${i}`} type="text" value={t.Key} maxLength={128} onChange={(e) => set(i, { Key: e.target.value })} />
          </div>
          <div>
            <label htmlFor={`${id}-value-${i}`}>Tag {i + 1} value (optional)</label>
            <input id={`${id}-value-${i}`} type="text" value={t.Value} maxLength={256} onChange={(e) => set(i, { Value: e.target.value })} />
          </div>
          <button type="button" aria-label={`Remove tag ${i + 1}`} onClick={() => onChange(tags.filter((_, j) => j !== i))}>
            Remove
          </button>
        </div>
      ))}
      <div className="actions">
        <button type="button" disabled={tags.length >= MAX_TAGS} onClick={() => onChange([...tags, { Key: '', Value: '' }])}>
          Add new tag
        </button>
        <span className="field-hint">You can add up to {MAX_TAGS - tags.length} more tags.</span>
      </div>
    </div>
  )
}

/** The problem with a set of tags before it is sent, or undefined (IAM repeats these checks). */
export function tagProblem(tags: readonly Tag[]): string | undefined {
  if (tags.some((t) => t.Key.trim() === '')) return 'Every tag needs a key.'
  const keys = tags.map((t) => t.Key.toLowerCase())
  if (new Set(keys).size !== keys.length) return 'Tag keys must be unique.'
  return undefined
}

/** The rows worth sending from a form where tags are optional: keys trimmed, blank rows dropped. */
export const cleanTags = (tags: readonly Tag[]): Tag[] => tags.filter((t) => t.Key.trim() !== '').map((t) => ({ Key: t.Key.trim(), Value: t.Value }))
