// Roles: every role of the account with who it trusts, searchable by name or trusted entity.

import { useState } from 'react'
import { DataTable } from '../../components/data-table'
import { ErrorPanel } from '../../components/error-panel'
import { formatDate } from '../../components/format-date'
import type { IamRole } from '../../components/iam-types'
import { listAll } from '../../components/list-all'
import { decodePolicyDocument } from '../../components/policy-text'
import { useLoad } from '../../components/use-load'
import { detailPath } from '../../detail-paths'
import { Link } from '../../router'
import { trustedEntities } from './trust-policy'

export function RoleListPage() {
  const roles = useLoad(() => listAll<IamRole>('ListRoles', {}, 'Roles'), [])
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
          <DataTable columns={['Role name', 'Trusted entities', 'Created']}>
            {rows.map(({ role, trusted }) => (
              <tr key={role.RoleId}>
                <td>
                  <Link to={detailPath('roles', role.RoleName)}>{role.RoleName}</Link>
                </td>
                <td>{trusted.join(', ') || '—'}</td>
                <td>{formatDate(role.CreateDate)}</td>
              </tr>
            ))}
          </DataTable>
        </>
      )}
    </section>
  )
}
