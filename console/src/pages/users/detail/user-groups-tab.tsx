// A user's groups (ListGroupsForUser): add the user to more groups, or remove it from one.

import { useState } from 'react'
import { call } from '../../../api'
import { ErrorPanel } from '../../../components/error-panel'
import { listAll, type IamGroup } from '../../../components/iam-shapes'
import { LoadState } from '../../../components/load-state'
import { ModalDialog } from '../../../components/modal-dialog'
import { useAction } from '../../../components/use-action'
import { useLoad } from '../../../components/use-load'
import { Link } from '../../../router'
import { groupPath } from '../../groups/group-paths'

export function UserGroupsTab({ userName }: { userName: string }) {
  const groups = useLoad(() => listAll<IamGroup>('ListGroupsForUser', { UserName: userName }, 'Groups'), [userName])
  const [adding, setAdding] = useState(false)
  const action = useAction()
  const remove = (group: string) => action.run(() => call('RemoveUserFromGroup', { UserName: userName, GroupName: group })).then((ok) => ok && groups.reload())
  return (
    <section aria-labelledby="user-groups-title">
      <div className="section-head">
        <h2 id="user-groups-title">User groups membership</h2>
        <button type="button" onClick={() => setAdding(true)}>
          Add user to groups
        </button>
      </div>
      {action.error !== undefined && <ErrorPanel error={action.error} />}
      <LoadState loaded={groups} label="groups">
        {(list) =>
          list.length === 0 ? (
            <p className="muted">{userName} is in no group.</p>
          ) : (
            <div className="table-wrap">
              <table>
                <caption className="visually-hidden">Groups of {userName}</caption>
                <thead>
                  <tr>
                    <th scope="col">Group name</th>
                    <th scope="col">Actions</th>
                  </tr>
                </thead>
                <tbody>
                  {list.map((g) => (
                    <tr key={g.GroupId}>
                      <td>
                        <Link to={groupPath(g.GroupName)}>{g.GroupName}</Link>
                      </td>
                      <td>
                        <button type="button" aria-label={`Remove from ${g.GroupName}`} disabled={action.busy} onClick={() => void remove(g.GroupName)}>
                          Remove
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </LoadState>
      {adding && (
        <AddToGroupsDialog
          userName={userName}
          current={(groups.data ?? []).map((g) => g.GroupName)}
          onClose={() => setAdding(false)}
          onDone={() => {
            setAdding(false)
            groups.reload()
          }}
        />
      )}
    </section>
  )
}

function AddToGroupsDialog({ userName, current, onClose, onDone }: { userName: string; current: readonly string[]; onClose: () => void; onDone: () => void }) {
  const all = useLoad(() => listAll<IamGroup>('ListGroups', {}, 'Groups'), [])
  const [chosen, setChosen] = useState<string[]>([])
  const action = useAction()
  const add = () =>
    action
      .run(async () => {
        for (const g of chosen) await call('AddUserToGroup', { UserName: userName, GroupName: g })
      })
      .then((ok) => ok && onDone())
  return (
    <ModalDialog title={`Add ${userName} to groups`} onClose={onClose}>
      <LoadState loaded={all} label="groups">
        {(list) => {
          const open = list.filter((g) => !current.includes(g.GroupName))
          return open.length === 0 ? (
            <p className="muted">There is no other group to add the user to.</p>
          ) : (
            <ul className="choice-list">
              {open.map((g) => (
                <li key={g.GroupId}>
                  <label className="check">
                    <input
                      type="checkbox"
                      checked={chosen.includes(g.GroupName)}
                      onChange={(e) => setChosen(e.target.checked ? [...chosen, g.GroupName] : chosen.filter((n) => n !== g.GroupName))}
                    />{' '}
                    {g.GroupName}
                  </label>
                </li>
              ))}
            </ul>
          )
        }}
      </LoadState>
      {action.error !== undefined && <ErrorPanel error={action.error} />}
      <div className="actions">
        <button type="button" onClick={onClose}>
          Cancel
        </button>
        <button type="button" className="primary" disabled={chosen.length === 0 || action.busy} onClick={() => void add()}>
          Add to groups
        </button>
      </div>
    </ModalDialog>
  )
}
