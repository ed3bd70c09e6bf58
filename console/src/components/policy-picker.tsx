// Chooses managed policies to attach (or, `single`, the one policy a permissions boundary is):
// every policy of the account and AWS's (ListPolicies, all pages), filtered by name and type in
// the browser (the name typed in full first, then the account's own), 50 shown at a time. ListPolicies has no name filter, so
// the search runs here, as the AWS console's does. Chosen policies stay chosen while the search
// changes, so they are named under the table.

import { useId, useMemo, useState } from 'react'
import { DataTable } from './data-table'
import { arnName, isAwsManaged, type ManagedPolicy } from './iam-types'
import { listAll } from './list-all'
import { LoadState } from './load-state'
import { useLoad } from './use-load'

const SHOWN = 50

export function PolicyPicker(props: { selected: readonly string[]; onChange: (arns: string[]) => void; attached?: readonly string[]; single?: boolean }) {
  const { selected, onChange, attached = [], single = false } = props
  const policies = useLoad(() => listAll<ManagedPolicy>('ListPolicies', { Scope: 'All' }, 'Policies'), [])
  const id = useId()
  const [search, setSearch] = useState('')
  const [type, setType] = useState<'all' | 'aws' | 'customer'>('all')
  const toggle = (arn: string, on: boolean) => onChange(on ? (single ? [arn] : [...selected, arn]) : selected.filter((a) => a !== arn))
  return (
    <div className="policy-picker">
      <div className="filters">
        <div>
          <label htmlFor={`${id}-search`}>Search policies</label>
          <input id={`${id}-search`} type="search" value={search} onChange={(e) => setSearch(e.target.value)} placeholder="Filter by name" />
        </div>
        <div>
          <label htmlFor={`${id}-type`}>Policy type</label>
          <select id={`${id}-type`} value={type} onChange={(e) => setType(e.target.value as typeof type)}>
            <option value="all">All types</option>
            <option value="aws">AWS managed</option>
            <option value="customer">Customer managed</option>
          </select>
        </div>
      </div>
      <LoadState loaded={policies} label="policies">
        {(all) => <PolicyRows all={all} search={search} type={type} selected={selected} attached={attached} toggle={toggle} choice={single ? `${id}-choice` : undefined} />}
      </LoadState>
      <p className="field-hint" aria-live="polite">
        {selected.length} {selected.length === 1 ? 'policy' : 'policies'} selected{selected.length ? `: ${selected.map(arnName).join(', ')}` : ''}
      </p>
    </div>
  )
}

function PolicyRows(props: {
  all: readonly ManagedPolicy[]
  search: string
  type: 'all' | 'aws' | 'customer'
  selected: readonly string[]
  attached: readonly string[]
  toggle: (arn: string, on: boolean) => void
  /** The radio group's name when one policy is chosen; checkboxes otherwise. */
  choice: string | undefined
}) {
  const { all, search, type, selected, attached, toggle, choice } = props
  const matches = useMemo(() => {
    const q = search.trim().toLowerCase()
    // The name typed in full comes first, then names that start with it: "ReadOnlyAccess" must
    // not sink below the fifty AWS policies whose names merely contain it.
    const closeness = (name: string) => (name.toLowerCase() === q ? 0 : name.toLowerCase().startsWith(q) ? 1 : 2)
    return all
      .filter((p) => (type === 'all' || (type === 'aws') === isAwsManaged(p.Arn)) && (!q || p.PolicyName.toLowerCase().includes(q)))
      .sort((a, b) => closeness(a.PolicyName) - closeness(b.PolicyName) || Number(isAwsManaged(a.Arn)) - Number(isAwsManaged(b.Arn)) || a.PolicyName.localeCompare(b.PolicyName))
  }, [all, search, type])
  return (
    <>
      <DataTable caption="Policies" columns={['Select', 'Policy name', 'Type']}>
        {matches.slice(0, SHOWN).map((p) => {
          const isAttached = attached.includes(p.Arn)
          return (
            <tr key={p.Arn}>
              <td>
                <input
                  type={choice ? 'radio' : 'checkbox'}
                  name={choice}
                  aria-label={p.PolicyName}
                  checked={isAttached || selected.includes(p.Arn)}
                  disabled={isAttached}
                  onChange={(e) => toggle(p.Arn, e.target.checked)}
                />
              </td>
              <td>
                {p.PolicyName}
                {isAttached && <span className="muted"> (already attached)</span>}
                {p.Description && <div className="field-hint">{p.Description}</div>}
              </td>
              <td>{isAwsManaged(p.Arn) ? 'AWS managed' : 'Customer managed'}</td>
            </tr>
          )
        })}
      </DataTable>
      <p className="field-hint">
        {matches.length === 0
          ? 'No policies match.'
          : matches.length > SHOWN
            ? `Showing ${SHOWN} of ${matches.length} matching policies; refine the search to see others.`
            : `${matches.length} matching policies.`}
      </p>
    </>
  )
}
