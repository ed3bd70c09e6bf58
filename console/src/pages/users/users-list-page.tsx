// Users: the account's IAM users (ListUsers, a page at a time via Marker, "Load more"), a search
// over the loaded names, and the way into the Add users wizard.

import { useEffect, useState } from 'react'
import { call } from '../../api'
import { ErrorPanel } from '../../components/error-panel'
import { formatDate } from '../../components/format-date'
import type { IamUser, Page } from '../../components/iam-shapes'
import { useAction } from '../../components/use-action'
import { Link } from '../../router'
import { USERS_CREATE, userPath } from './user-paths'

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
        <Link to={USERS_CREATE} className="button primary">
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
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">Users</caption>
            <thead>
              <tr>
                <th scope="col">User name</th>
                <th scope="col">Path</th>
                <th scope="col">Console last sign-in</th>
                <th scope="col">Created</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((u) => (
                <tr key={u.UserId}>
                  <td>
                    <Link to={userPath(u.UserName)}>{u.UserName}</Link>
                  </td>
                  <td className="mono">{u.Path}</td>
                  <td>{formatDate(u.PasswordLastUsed, 'Never')}</td>
                  <td>{formatDate(u.CreateDate)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {shown.length === 0 && <p className="muted">{users.length === 0 ? 'No users yet.' : 'No loaded user matches the search.'}</p>}
        </div>
      )}
      {marker && (
        <div className="actions">
          <button type="button" onClick={() => void loadPage(marker)} disabled={action.busy}>
            {action.busy ? 'Loading…' : 'Load more users'}
          </button>
          {q && <span className="field-hint">The search covers the users loaded so far.</span>}
        </div>
      )}
    </>
  )
}
