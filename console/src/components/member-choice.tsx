// Chooses users or groups by name from the account's list (ListUsers / ListGroups), with a
// search: the users of a new group, the groups of new users, more members in the Add dialogs.

import { useId, useState } from 'react'
import type { IamGroup, IamUser } from './iam-types'
import { listAll } from './list-all'
import { LoadState } from './load-state'
import { useLoad } from './use-load'

const SHOWN = 100

const loadNames = (kind: 'users' | 'groups'): Promise<string[]> =>
  kind === 'users'
    ? listAll<IamUser>('ListUsers', {}, 'Users').then((all) => all.map((u) => u.UserName))
    : listAll<IamGroup>('ListGroups', {}, 'Groups').then((all) => all.map((g) => g.GroupName))

export function MemberChoice(props: { kind: 'users' | 'groups'; selected: readonly string[]; onChange: (names: string[]) => void; exclude?: readonly string[] }) {
  const { kind, selected, onChange, exclude = [] } = props
  const names = useLoad(() => loadNames(kind), [kind])
  const id = useId()
  const [search, setSearch] = useState('')
  const q = search.trim().toLowerCase()
  return (
    <div>
      <div className="field">
        <label htmlFor={id}>Search {kind}</label>
        <input id={id} type="search" value={search} onChange={(e) => setSearch(e.target.value)} />
      </div>
      <LoadState loaded={names} label={kind}>
        {(all) => {
          const open = all.filter((n) => !exclude.includes(n))
          const shown = open.filter((n) => !q || n.toLowerCase().includes(q))
          if (shown.length === 0)
            return (
              <p className="muted">{all.length === 0 ? `This account has no ${kind} yet.` : open.length === 0 ? `No other ${kind} to add.` : `No ${kind} match the search.`}</p>
            )
          return (
            <ul className="choice-list">
              {shown.slice(0, SHOWN).map((n) => (
                <li key={n}>
                  <label className="check">
                    <input type="checkbox" checked={selected.includes(n)} onChange={(e) => onChange(e.target.checked ? [...selected, n] : selected.filter((s) => s !== n))} /> {n}
                  </label>
                </li>
              ))}
              {shown.length > SHOWN && (
                <li className="field-hint">
                  Showing {SHOWN} of {shown.length}; refine the search.
                </li>
              )}
            </ul>
          )
        }}
      </LoadState>
    </div>
  )
}
