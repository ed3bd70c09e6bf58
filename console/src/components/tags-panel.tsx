// The Tags tab of a user, role or policy: the current tags, edited as a whole and saved as the
// difference (Untag… for removed keys, Tag… for new and changed ones), as the AWS console does.
// The caller gives the three IAM calls; tagActions builds them for a user, role or policy.

import { useId, useState } from 'react'
import { call } from '../api'
import { DataTable } from './data-table'
import { ErrorPanel } from './error-panel'
import type { Tag } from './iam-types'
import { listAll } from './list-all'
import { LoadState } from './load-state'
import { cleanTags, TagEditor, tagProblem } from './tag-editor'
import { useAction } from './use-action'
import { useLoad } from './use-load'

interface Props {
  /** Whose tags (a user, role or policy name); the tags are read again when it changes. */
  readonly owner: string
  readonly list: () => Promise<Tag[]>
  readonly tag: (tags: Tag[]) => Promise<unknown>
  readonly untag: (keys: string[]) => Promise<unknown>
  /** False where IAM refuses changes (an AWS managed policy). */
  readonly editable?: boolean
}

/** ListUserTags, TagUser and UntagUser (or the Role, Policy ones) for `target`, e.g. { RoleName }. */
export function tagActions(kind: 'User' | 'Role' | 'Policy', target: Record<string, string>): Pick<Props, 'list' | 'tag' | 'untag'> {
  return {
    list: () => listAll<Tag>(`List${kind}Tags`, target, 'Tags'),
    tag: (Tags) => call(`Tag${kind}`, { ...target, Tags }),
    untag: (TagKeys) => call(`Untag${kind}`, { ...target, TagKeys })
  }
}

export function TagsPanel({ owner, list, tag, untag, editable = true }: Props) {
  const headingId = useId()
  const tags = useLoad(list, [owner])
  const [editing, setEditing] = useState<Tag[] | undefined>(undefined)
  const [saved, setSaved] = useState(false)
  const action = useAction()
  const problem = editing && tagProblem(editing)
  const save = (before: readonly Tag[], after: readonly Tag[]) =>
    action
      .run(async () => {
        const clean = cleanTags(after)
        const removed = before.filter((b) => !clean.some((t) => t.Key === b.Key)).map((t) => t.Key)
        const changed = clean.filter((t) => !before.some((b) => b.Key === t.Key && b.Value === t.Value))
        if (removed.length) await untag(removed)
        if (changed.length) await tag(changed)
      })
      .then((ok) => {
        if (!ok) return
        setEditing(undefined)
        setSaved(true)
        tags.reload()
      })
  return (
    <section aria-labelledby={headingId}>
      <div className="section-head">
        <h2 id={headingId}>Tags</h2>
        {editable && !editing && tags.data && (
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
        {(current) =>
          editing ? (
            <form
              onSubmit={(e) => {
                e.preventDefault()
                if (!problem) void save(current, editing)
              }}
            >
              <TagEditor tags={editing} onChange={setEditing} />
              {problem && <p className="field-error">{problem}</p>}
              {action.error !== undefined && <ErrorPanel error={action.error} />}
              <div className="actions">
                <button type="button" onClick={() => setEditing(undefined)}>
                  Cancel
                </button>
                <button type="submit" className="primary" disabled={action.busy || problem !== undefined}>
                  Save changes
                </button>
              </div>
            </form>
          ) : current.length === 0 ? (
            <p className="muted">No tags.</p>
          ) : (
            <DataTable caption={`Tags of ${owner}`} columns={['Key', 'Value']}>
              {current.map((t) => (
                <tr key={t.Key}>
                  <td>{t.Key}</td>
                  <td>{t.Value}</td>
                </tr>
              ))}
            </DataTable>
          )
        }
      </LoadState>
    </section>
  )
}
