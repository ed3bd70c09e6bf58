// Chooses IAM users by name from the account's users (ListUsers), with a search; used to add
// users to a group.

import { useState } from 'react'
import { listAll, type IamUser } from '../../components/iam-shapes'
import { LoadState } from '../../components/load-state'
import { useLoad } from '../../components/use-load'

const SHOWN = 100

export function UserChoice({ selected, onChange, exclude = [] }: { selected: readonly string[]; onChange: (names: string[]) => void; exclude?: readonly string[] }) {
  const users = useLoad(() => listAll<IamUser>('ListUsers', {}, 'Users'), [])
  const [search, setSearch] = useState('')
  const q = search.trim().toLowerCase()
  return (
    <div>
      <div className="field">
        <label htmlFor="user-choice-search">Search users</label>
        <input id="user-choice-search" type="search" value={search} onChange={(e) => setSearch(e.target.value)} />
      </div>
      <LoadState loaded={users} label="users">
        {(list) => {
          const open = list.filter((u) => !exclude.includes(u.UserName) && (!q || u.UserName.toLowerCase().includes(q)))
          return open.length === 0 ? (
            <p className="muted">No users to add.</p>
          ) : (
            <ul className="choice-list">
              {open.slice(0, SHOWN).map((u) => (
                <li key={u.UserId}>
                  <label className="check">
                    <input
                      type="checkbox"
                      checked={selected.includes(u.UserName)}
                      onChange={(e) => onChange(e.target.checked ? [...selected, u.UserName] : selected.filter((n) => n !== u.UserName))}
                    />{' '}
                    {u.UserName}
                  </label>
                </li>
              ))}
              {open.length > SHOWN && (
                <li className="field-hint">
                  Showing {SHOWN} of {open.length}; refine the search.
                </li>
              )}
            </ul>
          )
        }}
      </LoadState>
    </div>
  )
}
