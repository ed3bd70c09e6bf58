// A role's trust relationships: the trust policy, and editing it in the JSON editor (validated
// as a trust policy as it is typed) → UpdateAssumeRolePolicy.

import { useState } from 'react'
import { call } from '../../api'
import { ErrorPanel } from '../../components/error-panel'
import { JsonEditor } from '../../components/json-editor'
import { usePolicyValidation } from '../policies/policy-validation'
import { trustedEntities } from './trust-policy'

export function RoleTrust({ roleName, document, onSaved }: { roleName: string; document: string; onSaved: () => void }) {
  const [draft, setDraft] = useState<string | undefined>(undefined)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(undefined)
  const validation = usePolicyValidation(draft ?? document, 'trust')
  const save = async (text: string) => {
    setBusy(true)
    setError(undefined)
    try {
      await call('UpdateAssumeRolePolicy', { RoleName: roleName, PolicyDocument: text })
      setDraft(undefined)
      onSaved()
    } catch (e) {
      setError(e)
    } finally {
      setBusy(false)
    }
  }
  if (draft === undefined)
    return (
      <section aria-labelledby="trust-title">
        <h2 id="trust-title">Trusted entities</h2>
        <p>
          Entities that can assume this role: <strong>{trustedEntities(document).join(', ') || 'none named'}</strong>
        </p>
        <JsonEditor id="trust-json" label="Trust policy (JSON)" value={document} />
        <div className="actions">
          <button type="button" onClick={() => setDraft(document)}>
            Edit trust policy
          </button>
        </div>
      </section>
    )
  const status = validation.checking ? (
    <p className="muted" aria-hidden="true">
      Checking…
    </p>
  ) : validation.valid ? (
    <p className="ok">The trust policy is valid.</p>
  ) : null
  return (
    <section aria-labelledby="trust-title">
      <h2 id="trust-title">Edit trust policy</h2>
      <JsonEditor id="trust-edit" label="Trust policy (JSON)" value={draft} onChange={setDraft} errors={validation.errors} status={status} />
      {error !== undefined && <ErrorPanel error={error} />}
      <div className="actions">
        <button type="button" onClick={() => setDraft(undefined)}>
          Cancel
        </button>
        <button type="button" className="primary" disabled={busy || !validation.valid} onClick={() => void save(draft)}>
          Update policy
        </button>
      </div>
    </section>
  )
}
