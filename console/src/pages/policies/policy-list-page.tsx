// Policies: every managed policy the account can use (AWS managed and its own), filtered by
// scope and usage on the server (ListPolicies' Scope and PolicyUsageFilter) and by name here.

import { useState } from 'react'
import { DataTable } from '../../components/data-table'
import { ErrorPanel } from '../../components/error-panel'
import { formatDate } from '../../components/format-date'
import { isAwsManaged, type ManagedPolicy } from '../../components/iam-types'
import { listAll } from '../../components/list-all'
import { useLoad } from '../../components/use-load'
import { detailPath } from '../../detail-paths'
import { Link } from '../../router'

const PAGE = 50

export function PolicyListPage() {
  const [scope, setScope] = useState<'All' | 'AWS' | 'Local'>('All')
  const [usage, setUsage] = useState<'' | 'PermissionsPolicy' | 'PermissionsBoundary'>('')
  const [onlyAttached, setOnlyAttached] = useState(false)
  const [search, setSearch] = useState('')
  const [shown, setShown] = useState(PAGE)
  const policies = useLoad(
    () => listAll<ManagedPolicy>('ListPolicies', { Scope: scope, OnlyAttached: onlyAttached, ...(usage ? { PolicyUsageFilter: usage } : {}) }, 'Policies'),
    [scope, usage, onlyAttached]
  )
  const needle = search.trim().toLowerCase()
  const matching = (policies.data ?? []).filter((p) => p.PolicyName.toLowerCase().includes(needle)).sort((a, b) => a.PolicyName.localeCompare(b.PolicyName))
  return (
    <section>
      <h1>Policies</h1>
      <p className="muted">A policy is an object that, when attached to an identity or resource, defines its permissions.</p>
      <div className="actions">
        <Link to="/policies/create" className="button primary">
          Create policy
        </Link>
      </div>
      <div className="access-filters">
        <div>
          <label htmlFor="policy-search">Search policies</label>
          <input
            id="policy-search"
            type="search"
            value={search}
            onChange={(e) => {
              setSearch(e.target.value)
              setShown(PAGE)
            }}
            placeholder="Policy name"
          />
        </div>
        <div>
          <label htmlFor="policy-scope">Type</label>
          <select id="policy-scope" value={scope} onChange={(e) => setScope(e.target.value as typeof scope)}>
            <option value="All">All types</option>
            <option value="AWS">AWS managed</option>
            <option value="Local">Customer managed</option>
          </select>
        </div>
        <div>
          <label htmlFor="policy-usage">Used as</label>
          <select id="policy-usage" value={usage} onChange={(e) => setUsage(e.target.value as typeof usage)}>
            <option value="">Any use</option>
            <option value="PermissionsPolicy">Permissions policy</option>
            <option value="PermissionsBoundary">Permissions boundary</option>
          </select>
        </div>
        <div className="access-check">
          <input id="policy-attached" type="checkbox" checked={onlyAttached} onChange={(e) => setOnlyAttached(e.target.checked)} />
          <label htmlFor="policy-attached">Only attached policies</label>
        </div>
      </div>
      {policies.error !== undefined && <ErrorPanel error={policies.error} />}
      {policies.loading && <p className="loading">Loading policies…</p>}
      {policies.data && (
        <>
          <p aria-live="polite" className="muted">
            {matching.length} {matching.length === 1 ? 'policy' : 'policies'}
          </p>
          <DataTable columns={['Policy name', 'Type', 'Used as', 'Updated']}>
            {matching.slice(0, shown).map((p) => (
              <tr key={p.Arn}>
                <td>
                  <Link to={detailPath('policies', p.Arn)}>{p.PolicyName}</Link>
                </td>
                <td>{isAwsManaged(p.Arn) ? 'AWS managed' : 'Customer managed'}</td>
                <td>{usedAs(p)}</td>
                <td>{formatDate(p.UpdateDate ?? p.CreateDate)}</td>
              </tr>
            ))}
          </DataTable>
          {matching.length > shown && (
            <button type="button" onClick={() => setShown(shown + PAGE)}>
              Show more ({matching.length - shown} more)
            </button>
          )}
        </>
      )}
    </section>
  )
}

function usedAs(p: ManagedPolicy): string {
  const uses: string[] = []
  if (p.AttachmentCount) uses.push(`Permissions policy (${p.AttachmentCount})`)
  if (p.PermissionsBoundaryUsageCount) uses.push(`Permissions boundary (${p.PermissionsBoundaryUsageCount})`)
  return uses.join(', ') || 'None'
}
