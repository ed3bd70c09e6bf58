// Create policy, in the AWS console's two steps: specify permissions (visual or JSON editor,
// validated as it is typed), then name, description, tags and the permissions summary.

import { useState } from 'react'
import { call } from '../../api'
import { ErrorPanel } from '../../components/error-panel'
import type { ManagedPolicy, Tag } from '../../components/iam-types'
import { cleanTags, TagEditor } from '../../components/tag-editor'
import { detailPath } from '../../detail-paths'
import { navigate } from '../../router'
import { PolicyEditor } from './policy-editor'
import { PolicySummary } from './policy-summary'
import { usePolicyValidation } from './policy-validation'
import { EMPTY_POLICY } from './visual-model'

export function CreatePolicyPage() {
  const [step, setStep] = useState<1 | 2>(1)
  const [document, setDocument] = useState(EMPTY_POLICY)
  const [name, setName] = useState('')
  const [description, setDescription] = useState('')
  const [tags, setTags] = useState<Tag[]>([])
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(undefined)
  const validation = usePolicyValidation(document, 'identity')

  const create = async () => {
    setBusy(true)
    setError(undefined)
    try {
      const out = await call<{ Policy: ManagedPolicy }>('CreatePolicy', {
        PolicyName: name.trim(),
        PolicyDocument: document,
        ...(description.trim() ? { Description: description.trim() } : {}),
        ...(cleanTags(tags).length ? { Tags: cleanTags(tags) } : {})
      })
      navigate(detailPath('policies', out.Policy.Arn))
    } catch (e) {
      setError(e)
      setBusy(false)
    }
  }

  return (
    <section>
      <h1>Create policy</h1>
      <ol className="access-steps">
        <li aria-current={step === 1 ? 'step' : undefined}>Specify permissions</li>
        <li aria-current={step === 2 ? 'step' : undefined}>Review and create</li>
      </ol>
      {step === 1 ? (
        <div className="panel">
          <h2>Specify permissions</h2>
          <p className="muted">Add permissions by choosing services, actions, resources and conditions, or write the policy in JSON.</p>
          <PolicyEditor id="create-policy-document" value={document} onChange={setDocument} validation={validation} />
          <div className="actions">
            <button type="button" onClick={() => navigate('/policies')}>
              Cancel
            </button>
            <button type="button" className="primary" disabled={!validation.valid} onClick={() => setStep(2)}>
              Next
            </button>
          </div>
        </div>
      ) : (
        <div className="panel">
          <h2>Review and create</h2>
          <label htmlFor="policy-name">Policy name</label>
          <input id="policy-name" type="text" value={name} maxLength={128} onChange={(e) => setName(e.target.value)} aria-describedby="policy-name-hint" />
          <p id="policy-name-hint" className="field-hint">
            Up to 128 characters: letters, digits and +=,.@-_
          </p>
          <label htmlFor="policy-description">Description (optional)</label>
          <textarea id="policy-description" rows={2} value={description} maxLength={1000} onChange={(e) => setDescription(e.target.value)} />
          <PolicySummary document={document} headingLevel={3} />
          <fieldset className="access-fieldset">
            <legend>Tags (optional)</legend>
            <TagEditor tags={tags} onChange={setTags} />
          </fieldset>
          {error !== undefined && <ErrorPanel error={error} />}
          <div className="actions">
            <button type="button" onClick={() => setStep(1)}>
              Previous
            </button>
            <button type="button" className="primary" disabled={busy || name.trim() === ''} onClick={() => void create()}>
              {busy ? 'Creating…' : 'Create policy'}
            </button>
          </div>
        </div>
      )}
    </section>
  )
}
