// Create role, as the AWS console's wizard: trusted entity → permissions → name and details →
// review (with the trust policy it will write) → CreateRole, then AttachRolePolicy for each
// chosen policy.

import { useState } from 'react'
import { call } from '../../api'
import { ErrorPanel } from '../../components/error-panel'
import { JsonEditor } from '../../components/json-editor'
import { arnName } from '../../components/iam-types'
import { PolicyPicker } from '../../components/policy-picker'
import { cleanTags } from '../../components/tag-editor'
import { detailPath } from '../../detail-paths'
import { navigate } from '../../router'
import { useSession } from '../../session-context'
import { usePolicyValidation } from '../policies/policy-validation'
import { RoleDetailsStep, ROLE_NAME, type DetailsForm } from './role-details-step'
import { CUSTOM_TRUST_TEMPLATE, SAML_SIGN_IN_AUDIENCE, trustPolicyFor, type TrustedEntity } from './trust-policy'
import { TrustedEntityStep, type EntityForm } from './trusted-entity-step'

const STEPS = ['Select trusted entity', 'Add permissions', 'Name and details', 'Review and create'] as const

function entityOf(f: EntityForm, ownAccount: string): TrustedEntity | undefined {
  switch (f.type) {
    case 'service':
      return f.service ? { type: 'service', service: f.service } : undefined
    case 'account': {
      const accountId = f.accountChoice === 'this' ? ownAccount : f.accountId
      if (!/^\d{12}$/.test(accountId) || (f.requireExternalId && f.externalId.trim().length < 2)) return undefined
      return { type: 'account', accountId, requireMfa: f.requireMfa, ...(f.requireExternalId ? { externalId: f.externalId.trim() } : {}) }
    }
    case 'web-identity':
      return f.oidcArn && f.oidcAudience.trim() ? { type: 'web-identity', providerArn: f.oidcArn, audience: f.oidcAudience.trim() } : undefined
    case 'saml':
      return f.samlArn && f.samlAudience.trim() ? { type: 'saml', providerArn: f.samlArn, audience: f.samlAudience.trim() } : undefined
    case 'custom':
      return { type: 'custom', document: f.custom }
  }
}

export function CreateRolePage() {
  const { session } = useSession()
  const [step, setStep] = useState(0)
  const [entity, setEntity] = useState<EntityForm>({
    type: 'service',
    service: '',
    accountChoice: 'this',
    accountId: '',
    requireExternalId: false,
    externalId: '',
    requireMfa: false,
    oidcArn: '',
    oidcAudience: '',
    samlArn: '',
    samlAudience: SAML_SIGN_IN_AUDIENCE,
    custom: CUSTOM_TRUST_TEMPLATE
  })
  const [policies, setPolicies] = useState<string[]>([])
  const [details, setDetails] = useState<DetailsForm>({ name: '', description: '', maxSessionHours: 1, tags: [] })
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(undefined)
  const trusted = entityOf(entity, session.accountId)
  const trustPolicy = trusted ? trustPolicyFor(trusted) : ''
  const validation = usePolicyValidation(entity.type === 'custom' ? entity.custom : trustPolicy, 'trust')
  const canNext = [trusted !== undefined && (entity.type !== 'custom' || validation.valid), true, ROLE_NAME.test(details.name), true][step]

  const create = async () => {
    setBusy(true)
    setError(undefined)
    try {
      const tags = cleanTags(details.tags)
      await call('CreateRole', {
        RoleName: details.name,
        AssumeRolePolicyDocument: trustPolicy,
        MaxSessionDuration: details.maxSessionHours * 3600,
        ...(details.description.trim() ? { Description: details.description.trim() } : {}),
        ...(tags.length ? { Tags: tags } : {})
      })
      for (const arn of policies) await call('AttachRolePolicy', { RoleName: details.name, PolicyArn: arn })
      navigate(detailPath('roles', details.name))
    } catch (e) {
      setError(e)
      setBusy(false)
    }
  }

  return (
    <section>
      <h1>Create role</h1>
      <ol className="access-steps">
        {STEPS.map((s, i) => (
          <li key={s} aria-current={i === step ? 'step' : undefined}>
            {s}
          </li>
        ))}
      </ol>
      <div className="panel">
        <h2>{STEPS[step]}</h2>
        {step === 0 && <TrustedEntityStep form={entity} set={(patch) => setEntity({ ...entity, ...patch })} validation={validation} />}
        {step === 1 && <PolicyPicker selected={policies} onChange={setPolicies} />}
        {step === 2 && <RoleDetailsStep form={details} set={(patch) => setDetails({ ...details, ...patch })} />}
        {step === 3 && (
          <>
            <dl className="access-details">
              <dt>Role name</dt>
              <dd>{details.name}</dd>
              <dt>Description</dt>
              <dd>{details.description || '—'}</dd>
              <dt>Maximum session duration</dt>
              <dd>{details.maxSessionHours} hour(s)</dd>
              <dt>Permissions policies</dt>
              <dd>{policies.map(arnName).join(', ') || 'None'}</dd>
              <dt>Tags</dt>
              <dd>
                {cleanTags(details.tags)
                  .map((t) => `${t.Key}=${t.Value}`)
                  .join(', ') || 'None'}
              </dd>
            </dl>
            <h3>Trust policy</h3>
            <JsonEditor id="review-trust" label="Trust policy (JSON)" value={trustPolicy} />
            {validation.errors.length > 0 && <p className="field-error">The trust policy has errors: {validation.errors.map((e) => e.message).join('; ')}</p>}
          </>
        )}
        {error !== undefined && <ErrorPanel error={error} />}
        <div className="actions">
          <button type="button" onClick={() => (step === 0 ? navigate('/roles') : setStep(step - 1))}>
            {step === 0 ? 'Cancel' : 'Previous'}
          </button>
          {step < 3 ? (
            <button type="button" className="primary" disabled={!canNext} onClick={() => setStep(step + 1)}>
              Next
            </button>
          ) : (
            <button type="button" className="primary" disabled={busy || !validation.valid} onClick={() => void create()}>
              {busy ? 'Creating…' : 'Create role'}
            </button>
          )}
        </div>
      </div>
    </section>
  )
}
