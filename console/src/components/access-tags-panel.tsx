// The Tags tab of a role or a policy: the current tags, edited in place and saved as the
// difference (Tag… for new or changed keys, Untag… for removed ones), as the AWS console does.

import { useState } from 'react'
import { call } from '../api'
import type { Tag } from './access-iam-types'
import { cleanTags, TagsEditor } from './access-tags-editor'
import { ErrorPanel } from './error-panel'
import { useLoad } from './use-load'

interface Props {
  /** 'Role' or 'Policy': ListRoleTags / TagRole / UntagRole… */
  readonly entity: 'Role' | 'Policy'
  /** { RoleName } or { PolicyArn } */
  readonly target: Record<string, string>
  readonly editable: boolean
}

export function TagsPanel({ entity, target, editable }: Props) {
  const tags = useLoad(() => call<{ Tags: Tag[] }>(`List${entity}Tags`, { ...target, MaxItems: 1000 }).then((o) => o.Tags ?? []), [entity, JSON.stringify(target)])
  const [draft, setDraft] = useState<Tag[] | undefined>(undefined)
  const [error, setError] = useState<unknown>(undefined)
  const [busy, setBusy] = useState(false)
  if (tags.loading) return <p className="loading">Loading tags…</p>
  if (tags.error !== undefined) return <ErrorPanel error={tags.error} />
  const current = tags.data ?? []
  const save = async (next: Tag[]) => {
    setBusy(true)
    setError(undefined)
    try {
      const removed = current.filter((t) => !next.some((n) => n.Key === t.Key)).map((t) => t.Key)
      const changed = next.filter((n) => !current.some((t) => t.Key === n.Key && t.Value === n.Value))
      if (removed.length) await call(`Untag${entity}`, { ...target, TagKeys: removed })
      if (changed.length) await call(`Tag${entity}`, { ...target, Tags: changed })
      setDraft(undefined)
      tags.reload()
    } catch (e) {
      setError(e)
    } finally {
      setBusy(false)
    }
  }
  return (
    <section aria-labelledby="tags-title">
      <h2 id="tags-title">Tags ({current.length})</h2>
      {draft ? (
        <>
          <TagsEditor idPrefix="edit-tag" tags={draft} onChange={setDraft} />
          {error !== undefined && <ErrorPanel error={error} />}
          <div className="actions">
            <button type="button" onClick={() => setDraft(undefined)}>
              Cancel
            </button>
            <button type="button" className="primary" disabled={busy} onClick={() => void save(cleanTags(draft))}>
              Save tags
            </button>
          </div>
        </>
      ) : (
        <>
          {current.length === 0 ? (
            <p className="muted">No tags.</p>
          ) : (
            <table>
              <thead>
                <tr>
                  <th scope="col">Key</th>
                  <th scope="col">Value</th>
                </tr>
              </thead>
              <tbody>
                {current.map((t) => (
                  <tr key={t.Key}>
                    <td>{t.Key}</td>
                    <td>{t.Value}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {editable && (
            <div className="actions">
              <button type="button" onClick={() => setDraft([...current])}>
                Manage tags
              </button>
            </div>
          )}
        </>
      )}
    </section>
  )
}
