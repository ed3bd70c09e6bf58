// Group membership seen from either side: the users in a group, or the groups of a user. Both are
// the same relation (AddUserToGroup, RemoveUserFromGroup), so one table of members, each linked
// to its page with a Remove, and one "Add" dialog serve both; SIDES holds what differs.

import { useId, useState } from 'react'
import { call } from '../api'
import { detailPath } from '../detail-paths'
import { Link } from '../router'
import { DataTable } from './data-table'
import { ErrorPanel } from './error-panel'
import { formatDate } from './format-date'
import type { IamGroup, IamUser } from './iam-types'
import { listAll } from './list-all'
import { LoadState } from './load-state'
import { MemberChoice } from './member-choice'
import { ModalDialog } from './modal-dialog'
import { useAction } from './use-action'
import { useLoad } from './use-load'

interface Member {
  readonly name: string
  readonly created: string
}

interface Side {
  /** What the members are. */
  readonly kind: 'users' | 'groups'
  readonly load: (owner: string) => Promise<Member[]>
  /** The AddUserToGroup / RemoveUserFromGroup input for an owner and one of its members. */
  readonly pair: (owner: string, member: string) => { UserName: string; GroupName: string }
  /** The words of this side (heading, column, caption, buttons), as the two tabs had them. */
  readonly title: string
  readonly column: string
  readonly caption: (owner: string) => string
  readonly empty: (owner: string) => string
  readonly removeLabel: (member: string) => string
  readonly openLabel: string
  readonly dialogTitle: (owner: string) => string
  readonly addLabel: string
}

const SIDES: Record<'group' | 'user', Side> = {
  group: {
    kind: 'users',
    load: (group) => listAll<IamUser>('GetGroup', { GroupName: group }, 'Users').then((all) => all.map((u) => ({ name: u.UserName, created: u.CreateDate }))),
    pair: (group, user) => ({ GroupName: group, UserName: user }),
    title: 'Users in this group',
    column: 'User name',
    caption: (group) => `Users in ${group}`,
    empty: () => 'No users are in this group.',
    removeLabel: (user) => `Remove ${user} from the group`,
    openLabel: 'Add users',
    dialogTitle: (group) => `Add users to ${group}`,
    addLabel: 'Add users'
  },
  user: {
    kind: 'groups',
    load: (user) => listAll<IamGroup>('ListGroupsForUser', { UserName: user }, 'Groups').then((all) => all.map((g) => ({ name: g.GroupName, created: g.CreateDate }))),
    pair: (user, group) => ({ UserName: user, GroupName: group }),
    title: 'User groups membership',
    column: 'Group name',
    caption: (user) => `Groups of ${user}`,
    empty: (user) => `${user} is in no group.`,
    removeLabel: (group) => `Remove from ${group}`,
    openLabel: 'Add user to groups',
    dialogTitle: (user) => `Add ${user} to groups`,
    addLabel: 'Add to groups'
  }
}

/** The members of `owner`: a group's users (of="group") or a user's groups (of="user"). */
export function Membership({ of, owner }: { of: 'group' | 'user'; owner: string }) {
  const side = SIDES[of]
  const members = useLoad(() => side.load(owner), [of, owner])
  const [adding, setAdding] = useState(false)
  const headingId = useId()
  const action = useAction()
  const remove = (member: string) => action.run(() => call('RemoveUserFromGroup', side.pair(owner, member)).then(() => undefined)).then((ok) => ok && members.reload())
  return (
    <section aria-labelledby={headingId}>
      <div className="section-head">
        <h2 id={headingId}>{side.title}</h2>
        <button type="button" onClick={() => setAdding(true)}>
          {side.openLabel}
        </button>
      </div>
      {action.error !== undefined && <ErrorPanel error={action.error} />}
      <LoadState loaded={members} label={side.kind}>
        {(list) =>
          list.length === 0 ? (
            <p className="muted">{side.empty(owner)}</p>
          ) : (
            <DataTable caption={side.caption(owner)} columns={[side.column, 'Created', 'Actions']}>
              {list.map((m) => (
                <tr key={m.name}>
                  <td>
                    <Link to={detailPath(side.kind, m.name)}>{m.name}</Link>
                  </td>
                  <td>{formatDate(m.created)}</td>
                  <td>
                    <button type="button" aria-label={side.removeLabel(m.name)} disabled={action.busy} onClick={() => void remove(m.name)}>
                      Remove
                    </button>
                  </td>
                </tr>
              ))}
            </DataTable>
          )
        }
      </LoadState>
      {adding && (
        <AddMembersDialog
          side={side}
          owner={owner}
          current={(members.data ?? []).map((m) => m.name)}
          onClose={() => setAdding(false)}
          onDone={() => {
            setAdding(false)
            members.reload()
          }}
        />
      )}
    </section>
  )
}

function AddMembersDialog(props: { side: Side; owner: string; current: readonly string[]; onClose: () => void; onDone: () => void }) {
  const { side, owner, current, onClose, onDone } = props
  const [chosen, setChosen] = useState<string[]>([])
  const action = useAction()
  const add = () =>
    action
      .run(async () => {
        for (const member of chosen) await call('AddUserToGroup', side.pair(owner, member))
      })
      .then((ok) => ok && onDone())
  return (
    <ModalDialog title={side.dialogTitle(owner)} onClose={onClose}>
      <MemberChoice kind={side.kind} selected={chosen} onChange={setChosen} exclude={current} />
      {action.error !== undefined && <ErrorPanel error={action.error} />}
      <div className="actions">
        <button type="button" onClick={onClose}>
          Cancel
        </button>
        <button type="button" className="primary" disabled={chosen.length === 0 || action.busy} onClick={() => void add()}>
          {side.addLabel}
        </button>
      </div>
    </ModalDialog>
  )
}
