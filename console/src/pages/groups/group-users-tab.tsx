// The users in a group (GetGroup, every page): add users, remove one.

import { useState } from 'react'
import { call } from '../../api'
import { ErrorPanel } from '../../components/error-panel'
import { formatDate } from '../../components/format-date'
import { listAll, type IamUser } from '../../components/iam-shapes'
import { LoadState } from '../../components/load-state'
import { ModalDialog } from '../../components/modal-dialog'
import { useAction } from '../../components/use-action'
import { useLoad } from '../../components/use-load'
import { Link } from '../../router'
import { userPath } from '../users/user-paths'
import { UserChoice } from './user-choice'

export function GroupUsersTab({ groupName }: { groupName: string }) {
  const users = useLoad(() => listAll<IamUser>('GetGroup', { GroupName: groupName }, 'Users'), [groupName])
  const [adding, setAdding] = useState(false)
  const action = useAction()
  const remove = (userName: string) =>
    action.run(() => call('RemoveUserFromGroup', { GroupName: groupName, UserName: userName }).then(() => undefined)).then((ok) => ok && users.reload())
  return (
    <section aria-labelledby="group-users-title">
      <div className="section-head">
        <h2 id="group-users-title">Users in this group</h2>
        <button type="button" onClick={() => setAdding(true)}>
          Add users
        </button>
      </div>
      {action.error !== undefined && <ErrorPanel error={action.error} />}
      <LoadState loaded={users} label="users">
        {(list) =>
          list.length === 0 ? (
            <p className="muted">No users are in this group.</p>
          ) : (
            <div className="table-wrap">
              <table>
                <caption className="visually-hidden">Users in {groupName}</caption>
                <thead>
                  <tr>
                    <th scope="col">User name</th>
                    <th scope="col">Created</th>
                    <th scope="col">Actions</th>
                  </tr>
                </thead>
                <tbody>
                  {list.map((u) => (
                    <tr key={u.UserId}>
                      <td>
                        <Link to={userPath(u.UserName)}>{u.UserName}</Link>
                      </td>
                      <td>{formatDate(u.CreateDate)}</td>
                      <td>
                        <button type="button" aria-label={`Remove ${u.UserName} from the group`} disabled={action.busy} onClick={() => void remove(u.UserName)}>
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
        <AddUsersDialog
          groupName={groupName}
          members={(users.data ?? []).map((u) => u.UserName)}
          onClose={() => setAdding(false)}
          onDone={() => {
            setAdding(false)
            users.reload()
          }}
        />
      )}
    </section>
  )
}

function AddUsersDialog({ groupName, members, onClose, onDone }: { groupName: string; members: readonly string[]; onClose: () => void; onDone: () => void }) {
  const [chosen, setChosen] = useState<string[]>([])
  const action = useAction()
  const add = () =>
    action
      .run(async () => {
        for (const u of chosen) await call('AddUserToGroup', { GroupName: groupName, UserName: u })
      })
      .then((ok) => ok && onDone())
  return (
    <ModalDialog title={`Add users to ${groupName}`} onClose={onClose}>
      <UserChoice selected={chosen} onChange={setChosen} exclude={members} />
      {action.error !== undefined && <ErrorPanel error={action.error} />}
      <div className="actions">
        <button type="button" onClick={onClose}>
          Cancel
        </button>
        <button type="button" className="primary" disabled={chosen.length === 0 || action.busy} onClick={() => void add()}>
          Add users
        </button>
      </div>
    </ModalDialog>
  )
}
