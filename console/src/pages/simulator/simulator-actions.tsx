// The simulator's actions: typed one per line, or added from the catalog (a service, then one
// of its actions or all of them).

import { useState } from 'react'
import { ErrorPanel } from '../../components/error-panel'
import { useService, useServices } from '../policies/catalog'

export function ActionsField({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  const services = useServices()
  const [prefix, setPrefix] = useState('')
  const [action, setAction] = useState('')
  const service = useService(prefix)
  const add = (names: readonly string[]) => {
    const have = new Set(value.split('\n').map((l) => l.trim().toLowerCase()))
    const lines = value.trim() ? [value.trim()] : []
    onChange([...lines, ...names.filter((n) => !have.has(n.toLowerCase()))].join('\n'))
  }
  return (
    <fieldset className="access-fieldset">
      <legend>Actions</legend>
      <div className="access-filters">
        <div>
          <label htmlFor="sim-service">Service</label>
          <select
            id="sim-service"
            value={prefix}
            onChange={(e) => {
              setPrefix(e.target.value)
              setAction('')
            }}
          >
            <option value="">Choose a service</option>
            {services.data?.map((s) => (
              <option key={s.prefix} value={s.prefix}>
                {s.name} ({s.prefix})
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="sim-action">Action</label>
          <select id="sim-action" value={action} onChange={(e) => setAction(e.target.value)} disabled={!service.data}>
            <option value="">Choose an action</option>
            {service.data?.actions.map((a) => (
              <option key={a.name} value={a.name}>
                {a.name} ({a.accessLevel})
              </option>
            ))}
          </select>
        </div>
        <div className="access-filters-buttons">
          <button type="button" disabled={!action} onClick={() => add([`${prefix}:${action}`])}>
            Add action
          </button>
          <button type="button" disabled={!service.data} onClick={() => add(service.data?.actions.map((a) => `${prefix}:${a.name}`) ?? [])}>
            Add all actions of the service
          </button>
        </div>
      </div>
      {services.error !== undefined && <ErrorPanel error={services.error} />}
      <label htmlFor="sim-actions">Actions to simulate (one per line)</label>
      <textarea id="sim-actions" className="code" rows={4} value={value} onChange={(e) => onChange(e.target.value)} placeholder="s3:GetObject" />
    </fieldset>
  )
}

export const lines = (text: string): string[] =>
  text
    .split(/[\n,]/)
    .map((l) => l.trim())
    .filter((l) => l !== '')
