// Users: the account's IAM users (ListUsers, a page at a time via Marker, "Load more"), a search
// over the loaded names that can load the rest to search them all, and the way into the Add users
// wizard.

import { useEffect, useState } from 'react'
import { call } from '../../api'
import { DataTable } from '../../components/data-table'
import { ErrorPanel } from '../../components/error-panel'
import { formatDate } from '../../components/format-date'
import type { IamUser, Page } from '../../components/iam-types'
import { useAction } from '../../components/use-action'
import { detailPath } from '../../detail-paths'
import { Link } from '../../router'

const PAGE_SIZE = 100

export function UsersListPage() {
  const [users, setUsers] = useState<IamUser[] | undefined>(undefined)
  const [marker, setMarker] = useState<string | undefined>(undefined)
  const [search, setSearch] = useState('')
  const action = useAction()
  const loadPage = (after: string | undefined) =>
    action.run(async () => {
      const page = await call<Page & { Users: IamUser[] }>('ListUsers', { MaxItems: PAGE_SIZE, ...(after ? { Marker: after } : {}) })
      setUsers((before) => [...(after ? (before ?? []) : []), ...page.Users])
      setMarker(page.IsTruncated ? page.Marker : undefined)
    })
  // A search must be able to reach every user, not only the pages loaded: fetch the rest, in
  // ListUsers' largest pages (an account holds 5,000 users at most, so five requests at most).
  const loadRest = (after: string) =>
    action.run(async () => {
      const rest: IamUser[] = []
      let next: string | undefined = after
      while (next !== undefined) {
        const page: Page & { Users: IamUser[] } = await call<Page & { Users: IamUser[] }>('ListUsers', { MaxItems: 1000, Marker: next })
        rest.push(...page.Users)
        next = page.IsTruncated ? page.Marker : undefined
      }
      setUsers((before) => [...(before ?? []), ...rest])
      setMarker(undefined)
    })
  useEffect(() => {
    void loadPage(undefined)
    // The first page once; later pages come from "Load more".
  }, [])
  const q = search.trim().toLowerCase()
  const shown = (users ?? []).filter((u) => !q || u.UserName.toLowerCase().includes(q))
  return (
    <>
      <div className="page-head">
        <h1>
          Users{' '}
          {users && (
            <span className="muted">
              ({users.length}
              {marker ? '+' : ''})
            </span>
          )}
        </h1>
        <Link to="/users/create" className="button primary">
          Add users
        </Link>
      </div>
      <p className="muted">An IAM user is an identity with long-term credentials that is used to interact with AWS in an account.</p>
      <div className="field">
        <label htmlFor="user-search">Search users</label>
        <input id="user-search" type="search" value={search} onChange={(e) => setSearch(e.target.value)} placeholder="Find users by name" />
      </div>
      {action.error !== undefined && <ErrorPanel error={action.error} />}
      {users === undefined && action.error === undefined && (
        <p className="loading" role="status">
          Loading users…
        </p>
      )}
      {users && (
        <>
          <DataTable caption="Users" columns={['User name', 'Path', 'Console last sign-in', 'Created']}>
            {shown.map((u) => (
              <tr key={u.UserId}>
                <td>
                  <Link to={detailPath('users', u.UserName)}>{u.UserName}</Link>
                </td>
                <td className="mono">{u.Path}</td>
                <td>{formatDate(u.PasswordLastUsed, 'Never')}</td>
                <td>{formatDate(u.CreateDate)}</td>
              </tr>
            ))}
          </DataTable>
          {shown.length === 0 && <p className="muted">{users.length === 0 ? 'No users yet.' : 'No loaded user matches the search.'}</p>}
        </>
      )}
      {marker && (
        <div className="actions">
          <button type="button" onClick={() => void loadPage(marker)} disabled={action.busy}>
            {action.busy ? 'Loading…' : 'Load more users'}
          </button>
          {q && (
            <>
              <button type="button" onClick={() => void loadRest(marker)} disabled={action.busy}>
                Search all users
              </button>
              <span className="field-hint">The search covers the users loaded so far.</span>
            </>
          )}
        </div>
      )}
    </>
  )
}
