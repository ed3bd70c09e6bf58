// Roles: every role of the account with who it trusts, searchable by name or trusted entity.

import { useState } from 'react'
import type { Role } from '../../components/access-iam-types'
import { formatDate, listAll } from '../../components/access-list-all'
import { decodePolicyDocument } from '../../components/access-policy-text'
import { ErrorPanel } from '../../components/error-panel'
import { useLoad } from '../../components/use-load'
import { Link } from '../../router'
import { trustedEntities } from './trust-policy'

export const rolePath = (name: string) => `/roles/${encodeURIComponent(name)}`

export function RoleListPage() {
  const roles = useLoad(() => listAll<Role>('ListRoles', 'Roles'), [])
  const [search, setSearch] = useState('')
  const needle = search.trim().toLowerCase()
  const rows = (roles.data ?? [])
    .map((r) => ({ role: r, trusted: trustedEntities(decodePolicyDocument(r.AssumeRolePolicyDocument)) }))
    .filter(({ role, trusted }) => !needle || role.RoleName.toLowerCase().includes(needle) || trusted.some((t) => t.toLowerCase().includes(needle)))
    .sort((a, b) => a.role.RoleName.localeCompare(b.role.RoleName))
  return (
    <section>
      <h1>Roles</h1>
      <p className="muted">An IAM role is an identity with specific permissions that trusted entities assume for temporary credentials.</p>
      <div className="actions">
        <Link to="/roles/create" className="button primary">
          Create role
        </Link>
        <Link to="/switch-role" className="button">
          Switch role
        </Link>
      </div>
      <label htmlFor="role-search">Search roles</label>
      <input id="role-search" type="search" value={search} onChange={(e) => setSearch(e.target.value)} placeholder="Role name or trusted entity" />
      {roles.error !== undefined && <ErrorPanel error={roles.error} />}
      {roles.loading && <p className="loading">Loading roles…</p>}
      {roles.data && (
        <>
          <p className="muted" aria-live="polite">
            {rows.length} {rows.length === 1 ? 'role' : 'roles'}
          </p>
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">Role name</th>
                  <th scope="col">Trusted entities</th>
                  <th scope="col">Created</th>
                </tr>
              </thead>
              <tbody>
                {rows.map(({ role, trusted }) => (
                  <tr key={role.RoleId}>
                    <td>
                      <Link to={rolePath(role.RoleName)}>{role.RoleName}</Link>
                    </td>
                    <td>{trusted.join(', ') || '—'}</td>
                    <td>{formatDate(role.CreateDate)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  )
}
