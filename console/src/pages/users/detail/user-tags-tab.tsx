// A user's tags (ListUserTags), edited as a whole and saved as the difference: UntagUser for
// removed keys, TagUser for new and changed ones.

import { useState } from 'react'
import { call } from '../../../api'
import { ErrorPanel } from '../../../components/error-panel'
import { listAll, type Tag } from '../../../components/iam-shapes'
import { LoadState } from '../../../components/load-state'
import { TagEditor, tagProblem } from '../../../components/tag-editor'
import { useAction } from '../../../components/use-action'
import { useLoad } from '../../../components/use-load'

export function UserTagsTab({ userName }: { userName: string }) {
  const tags = useLoad(() => listAll<Tag>('ListUserTags', { UserName: userName }, 'Tags'), [userName])
  const [editing, setEditing] = useState<Tag[] | undefined>(undefined)
  const [saved, setSaved] = useState(false)
  const action = useAction()
  const save = (before: readonly Tag[], after: readonly Tag[]) =>
    action
      .run(async () => {
        const clean = after.map((t) => ({ Key: t.Key.trim(), Value: t.Value }))
        const removed = before.filter((b) => !clean.some((t) => t.Key === b.Key)).map((t) => t.Key)
        const changed = clean.filter((t) => !before.some((b) => b.Key === t.Key && b.Value === t.Value))
        if (removed.length) await call('UntagUser', { UserName: userName, TagKeys: removed })
        if (changed.length) await call('TagUser', { UserName: userName, Tags: changed })
      })
      .then((ok) => {
        if (!ok) return
        setEditing(undefined)
        setSaved(true)
        tags.reload()
      })
  return (
    <section aria-labelledby="user-tags-title">
      <div className="section-head">
        <h2 id="user-tags-title">Tags</h2>
        {!editing && tags.data && (
          <button
            type="button"
            onClick={() => {
              setSaved(false)
              setEditing([...(tags.data ?? [])])
            }}
          >
            Manage tags
          </button>
        )}
      </div>
      {saved && (
        <p role="status" className="ok">
          Tags saved.
        </p>
      )}
      <LoadState loaded={tags} label="tags">
        {(list) =>
          editing ? (
            <form
              onSubmit={(e) => {
                e.preventDefault()
                if (!tagProblem(editing)) void save(list, editing)
              }}
            >
              <TagEditor tags={editing} onChange={setEditing} />
              {tagProblem(editing) && <p className="field-error">{tagProblem(editing)}</p>}
              {action.error !== undefined && <ErrorPanel error={action.error} />}
              <div className="actions">
                <button type="button" onClick={() => setEditing(undefined)}>
                  Cancel
                </button>
                <button type="submit" className="primary" disabled={action.busy || tagProblem(editing) !== undefined}>
                  Save changes
                </button>
              </div>
            </form>
          ) : list.length === 0 ? (
            <p className="muted">No tags.</p>
          ) : (
            <div className="table-wrap">
              <table>
                <caption className="visually-hidden">Tags of {userName}</caption>
                <thead>
                  <tr>
                    <th scope="col">Key</th>
                    <th scope="col">Value</th>
                  </tr>
                </thead>
                <tbody>
                  {list.map((t) => (
                    <tr key={t.Key}>
                      <td>{t.Key}</td>
                      <td>{t.Value}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </LoadState>
    </section>
  )
}
