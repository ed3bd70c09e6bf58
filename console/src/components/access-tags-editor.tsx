// Tags as IAM has them: up to 50 key/value pairs. Each row's inputs are labelled by position so
// a screen reader (and a test) can tell "Tag 2 key" from "Tag 2 value".

import type { Tag } from './access-iam-types'

export function TagsEditor({ tags, onChange, idPrefix }: { tags: readonly Tag[]; onChange: (tags: Tag[]) => void; idPrefix: string }) {
  const set = (i: number, patch: Partial<Tag>) => onChange(tags.map((t, j) => (j === i ? { ...t, ...patch } : t)))
  return (
    <fieldset className="access-tags">
      <legend>Tags (optional)</legend>
      {tags.length === 0 && <p className="muted">No tags.</p>}
      {tags.map((t, i) => (
        <div className="access-tag-row" key={i}>
          <div>
            <label htmlFor={`${idPrefix}-key-${i}`}>Tag {i + 1} key</label>
            <input id={`${idPrefix}-key-${i}`} type="text" value={t.Key} maxLength={128} onChange={(e) => set(i, { Key: e.target.value })} />
          </div>
          <div>
            <label htmlFor={`${idPrefix}-value-${i}`}>Tag {i + 1} value</label>
            <input id={`${idPrefix}-value-${i}`} type="text" value={t.Value} maxLength={256} onChange={(e) => set(i, { Value: e.target.value })} />
          </div>
          <button type="button" onClick={() => onChange(tags.filter((_, j) => j !== i))}>
            Remove tag {i + 1}
          </button>
        </div>
      ))}
      <button type="button" onClick={() => onChange([...tags, { Key: '', Value: '' }])} disabled={tags.length >= 50}>
        Add tag
      </button>
    </fieldset>
  )
}

/** The rows worth sending: empty keys are dropped. */
export const cleanTags = (tags: readonly Tag[]): Tag[] => tags.filter((t) => t.Key.trim() !== '').map((t) => ({ Key: t.Key.trim(), Value: t.Value }))
