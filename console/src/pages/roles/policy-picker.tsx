// Chooses managed policies to attach: searchable, filterable by type, a checkbox per policy.
// Chosen policies stay chosen while the search changes; they are listed above the table.

import { useState } from 'react'
import { isAwsManaged, type ManagedPolicy } from '../../components/access-iam-types'
import { listAll } from '../../components/access-list-all'
import { ErrorPanel } from '../../components/error-panel'
import { useLoad } from '../../components/use-load'

const SHOWN = 25

interface Props {
  readonly chosen: readonly string[]
  readonly onChange: (arns: string[]) => void
  /** Already attached: shown checked and disabled. */
  readonly attached?: readonly string[]
}

export function PolicyPicker({ chosen, onChange, attached = [] }: Props) {
  const policies = useLoad(() => listAll<ManagedPolicy>('ListPolicies', 'Policies', { Scope: 'All' }), [])
  const [search, setSearch] = useState('')
  const [type, setType] = useState<'all' | 'aws' | 'customer'>('all')
  const needle = search.trim().toLowerCase()
  const matching = (policies.data ?? [])
    .filter((p) => (type === 'all' ? true : type === 'aws' ? isAwsManaged(p.Arn) : !isAwsManaged(p.Arn)))
    .filter((p) => p.PolicyName.toLowerCase().includes(needle))
    .sort((a, b) => Number(isAwsManaged(a.Arn)) - Number(isAwsManaged(b.Arn)) || a.PolicyName.localeCompare(b.PolicyName))
  const toggle = (arn: string, on: boolean) => onChange(on ? [...chosen, arn] : chosen.filter((a) => a !== arn))
  return (
    <div className="access-picker">
      <div className="access-filters">
        <div>
          <label htmlFor="picker-search">Search permissions policies</label>
          <input id="picker-search" type="search" value={search} onChange={(e) => setSearch(e.target.value)} placeholder="Policy name" />
        </div>
        <div>
          <label htmlFor="picker-type">Filter by type</label>
          <select id="picker-type" value={type} onChange={(e) => setType(e.target.value as typeof type)}>
            <option value="all">All types</option>
            <option value="aws">AWS managed</option>
            <option value="customer">Customer managed</option>
          </select>
        </div>
      </div>
      <p className="muted" aria-live="polite">
        {chosen.length} chosen{chosen.length ? `: ${chosen.map((a) => a.slice(a.lastIndexOf('/') + 1)).join(', ')}` : ''}
      </p>
      {policies.error !== undefined && <ErrorPanel error={policies.error} />}
      {policies.loading && <p className="loading">Loading policies…</p>}
      {policies.data && (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">Policy name</th>
                <th scope="col">Type</th>
              </tr>
            </thead>
            <tbody>
              {matching.slice(0, SHOWN).map((p) => {
                const id = `pick-${p.PolicyId}`
                const already = attached.includes(p.Arn)
                return (
                  <tr key={p.Arn}>
                    <td>
                      <span className="access-check">
                        <input id={id} type="checkbox" checked={already || chosen.includes(p.Arn)} disabled={already} onChange={(e) => toggle(p.Arn, e.target.checked)} />
                        <label htmlFor={id}>{p.PolicyName}</label>
                      </span>
                    </td>
                    <td>{isAwsManaged(p.Arn) ? 'AWS managed' : 'Customer managed'}</td>
                  </tr>
                )
              })}
            </tbody>
          </table>
          {matching.length > SHOWN && (
            <p className="muted">
              Showing {SHOWN} of {matching.length}; search to narrow the list.
            </p>
          )}
        </div>
      )}
    </div>
  )
}
