// Editing a role's description and maximum session duration (UpdateRole).

import { useState } from 'react'
import { call } from '../../api'
import { ErrorPanel } from '../../components/error-panel'
import type { IamRole } from '../../components/iam-types'

export function RoleSummaryEdit({ role, onSaved }: { role: IamRole; onSaved: () => void }) {
  const [form, setForm] = useState<{ description: string; hours: number } | undefined>(undefined)
  const [error, setError] = useState<unknown>(undefined)
  if (!form)
    return (
      <div className="actions">
        <button type="button" onClick={() => setForm({ description: role.Description ?? '', hours: Math.round((role.MaxSessionDuration ?? 3600) / 3600) })}>
          Edit summary
        </button>
      </div>
    )
  const save = async () => {
    setError(undefined)
    try {
      await call('UpdateRole', { RoleName: role.RoleName, Description: form.description, MaxSessionDuration: form.hours * 3600 })
      setForm(undefined)
      onSaved()
    } catch (e) {
      setError(e)
    }
  }
  return (
    <div className="panel">
      <h3>Edit summary</h3>
      <label htmlFor="edit-role-description">Description</label>
      <textarea id="edit-role-description" rows={2} maxLength={1000} value={form.description} onChange={(e) => setForm({ ...form, description: e.target.value })} />
      <label htmlFor="edit-role-session">Maximum session duration</label>
      <select id="edit-role-session" value={form.hours} onChange={(e) => setForm({ ...form, hours: Number(e.target.value) })}>
        {Array.from({ length: 12 }, (_, i) => i + 1).map((h) => (
          <option key={h} value={h}>
            {h} hour{h > 1 ? 's' : ''}
          </option>
        ))}
      </select>
      {error !== undefined && <ErrorPanel error={error} />}
      <div className="actions">
        <button type="button" onClick={() => setForm(undefined)}>
          Cancel
        </button>
        <button type="button" className="primary" onClick={() => void save()}>
          Save summary
        </button>
      </div>
    </div>
  )
}
