// User groups: the account's groups (ListGroups, every page), searchable by name.

import { useState } from 'react'
import { DataTable } from '../../components/data-table'
import { formatDate } from '../../components/format-date'
import type { IamGroup } from '../../components/iam-types'
import { listAll } from '../../components/list-all'
import { LoadState } from '../../components/load-state'
import { useLoad } from '../../components/use-load'
import { detailPath } from '../../detail-paths'
import { Link } from '../../router'

export function GroupsListPage() {
  const groups = useLoad(() => listAll<IamGroup>('ListGroups', {}, 'Groups'), [])
  const [search, setSearch] = useState('')
  const q = search.trim().toLowerCase()
  return (
    <>
      <div className="page-head">
        <h1>User groups {groups.data && <span className="muted">({groups.data.length})</span>}</h1>
        <Link to="/groups/create" className="button primary">
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
            <>
              <DataTable caption="User groups" columns={['Group name', 'Path', 'Created']}>
                {shown.map((g) => (
                  <tr key={g.GroupId}>
                    <td>
                      <Link to={detailPath('groups', g.GroupName)}>{g.GroupName}</Link>
                    </td>
                    <td className="mono">{g.Path}</td>
                    <td>{formatDate(g.CreateDate)}</td>
                  </tr>
                ))}
              </DataTable>
              {shown.length === 0 && <p className="muted">{list.length === 0 ? 'No groups yet.' : 'No group matches the search.'}</p>}
            </>
          )
        }}
      </LoadState>
    </>
  )
}
