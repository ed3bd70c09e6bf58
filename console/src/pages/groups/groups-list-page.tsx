// User groups: the account's groups (ListGroups, every page), searchable by name.

import { useState } from 'react'
import { formatDate } from '../../components/format-date'
import { listAll, type IamGroup } from '../../components/iam-shapes'
import { LoadState } from '../../components/load-state'
import { useLoad } from '../../components/use-load'
import { Link } from '../../router'
import { GROUPS_CREATE, groupPath } from './group-paths'

export function GroupsListPage() {
  const groups = useLoad(() => listAll<IamGroup>('ListGroups', {}, 'Groups'), [])
  const [search, setSearch] = useState('')
  const q = search.trim().toLowerCase()
  return (
    <>
      <div className="page-head">
        <h1>User groups {groups.data && <span className="muted">({groups.data.length})</span>}</h1>
        <Link to={GROUPS_CREATE} className="button primary">
          Create group
        </Link>
      </div>
      <p className="muted">A user group is a collection of IAM users. Its policies apply to every user in it.</p>
      <div className="field">
        <label htmlFor="group-search">Search groups</label>
        <input id="group-search" type="search" value={search} onChange={(e) => setSearch(e.target.value)} placeholder="Find groups by name" />
      </div>
      <LoadState loaded={groups} label="groups">
        {(list) => {
          const shown = list.filter((g) => !q || g.GroupName.toLowerCase().includes(q))
          return (
            <div className="table-wrap">
              <table>
                <caption className="visually-hidden">User groups</caption>
                <thead>
                  <tr>
                    <th scope="col">Group name</th>
                    <th scope="col">Path</th>
                    <th scope="col">Created</th>
                  </tr>
                </thead>
                <tbody>
                  {shown.map((g) => (
                    <tr key={g.GroupId}>
                      <td>
                        <Link to={groupPath(g.GroupName)}>{g.GroupName}</Link>
                      </td>
                      <td className="mono">{g.Path}</td>
                      <td>{formatDate(g.CreateDate)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {shown.length === 0 && <p className="muted">{list.length === 0 ? 'No groups yet.' : 'No group matches the search.'}</p>}
            </div>
          )
        }}
      </LoadState>
    </>
  )
}
