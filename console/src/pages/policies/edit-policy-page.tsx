// Edit policy: the same editor over the default version; saving creates a new version and makes
// it the default (CreatePolicyVersion with SetAsDefault), as the AWS console does. IAM keeps
// five versions; past that, CreatePolicyVersion's LimitExceeded says to delete one first.

import { useState } from 'react'
import { call } from '../../api'
import { ErrorPanel } from '../../components/error-panel'
import type { ManagedPolicy, PolicyVersion } from '../../components/iam-types'
import { prettyPolicy } from '../../components/policy-text'
import { useLoad } from '../../components/use-load'
import { detailPath } from '../../detail-paths'
import { Link, navigate } from '../../router'
import { PolicyEditor } from './policy-editor'
import { usePolicyValidation } from './policy-validation'

export function EditPolicyPage({ arn }: { arn: string }) {
  const loaded = useLoad(async () => {
    const { Policy } = await call<{ Policy: ManagedPolicy }>('GetPolicy', { PolicyArn: arn })
    const { PolicyVersion } = await call<{ PolicyVersion: PolicyVersion }>('GetPolicyVersion', { PolicyArn: arn, VersionId: Policy.DefaultVersionId })
    return { policy: Policy, document: prettyPolicy(PolicyVersion.Document) }
  }, [arn])
  if (loaded.loading) return <p className="loading">Loading policy…</p>
  if (loaded.error !== undefined || !loaded.data) return <ErrorPanel error={loaded.error} />
  return <EditForm policy={loaded.data.policy} initial={loaded.data.document} />
}

function EditForm({ policy, initial }: { policy: ManagedPolicy; initial: string }) {
  const [document, setDocument] = useState(initial)
  const [setDefault, setSetDefault] = useState(true)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(undefined)
  const validation = usePolicyValidation(document, 'identity')
  const save = async () => {
    setBusy(true)
    setError(undefined)
    try {
      await call('CreatePolicyVersion', { PolicyArn: policy.Arn, PolicyDocument: document, SetAsDefault: setDefault })
      navigate(detailPath('policies', policy.Arn))
    } catch (e) {
      setError(e)
      setBusy(false)
    }
  }
  return (
    <section>
      <p>
        <Link to="/policies">Policies</Link> › <Link to={detailPath('policies', policy.Arn)}>{policy.PolicyName}</Link> › Edit
      </p>
      <h1>Edit {policy.PolicyName}</h1>
      <div className="panel">
        <h2>Modify permissions</h2>
        <PolicyEditor id="edit-policy-document" value={document} onChange={setDocument} validation={validation} initialMode="json" />
        <span className="access-check">
          <input id="set-default" type="checkbox" checked={setDefault} onChange={(e) => setSetDefault(e.target.checked)} />
          <label htmlFor="set-default">Set the new version as the default</label>
        </span>
        {error !== undefined && <ErrorPanel error={error} />}
        <div className="actions">
          <button type="button" onClick={() => navigate(detailPath('policies', policy.Arn))}>
            Cancel
          </button>
          <button type="button" className="primary" disabled={!validation.valid || busy || document === initial} onClick={() => void save()}>
            {busy ? 'Saving…' : 'Save changes'}
          </button>
        </div>
      </div>
    </section>
  )
}
