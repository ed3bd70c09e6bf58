// Step 1 of Create role: who may assume the role. Each kind of trusted entity has its own
// fields; the trust policy is built from them (trust-policy.ts), or written by hand.

import { call } from '../../api'
import { ErrorPanel } from '../../components/error-panel'
import { JsonEditor } from '../../components/json-editor'
import { useLoad } from '../../components/use-load'
import { useSession } from '../../session-context'
import type { Validation } from '../policies/policy-validation'
import { AWS_SERVICES, oidcProviderUrl } from './trust-policy'

export interface EntityForm {
  type: 'service' | 'account' | 'web-identity' | 'saml' | 'custom'
  service: string
  accountChoice: 'this' | 'other'
  accountId: string
  requireExternalId: boolean
  externalId: string
  requireMfa: boolean
  oidcArn: string
  oidcAudience: string
  samlArn: string
  samlAudience: string
  custom: string
}

const TYPES: readonly { key: EntityForm['type']; label: string; hint: string }[] = [
  { key: 'service', label: 'AWS service', hint: 'Allow services like EC2 or Lambda to act in this account.' },
  { key: 'account', label: 'AWS account', hint: 'Allow entities in this or another account to act in this account.' },
  { key: 'web-identity', label: 'Web identity', hint: 'Allow users federated by an OpenID Connect provider to assume this role.' },
  { key: 'saml', label: 'SAML 2.0 federation', hint: 'Allow users federated with SAML 2.0 from a corporate directory.' },
  { key: 'custom', label: 'Custom trust policy', hint: 'Write a trust policy to allow others to act in this account.' }
]

type SetForm = (patch: Partial<EntityForm>) => void

export function TrustedEntityStep({ form, set, validation }: { form: EntityForm; set: SetForm; validation: Validation }) {
  return (
    <>
      <fieldset className="access-fieldset access-cards">
        <legend>Trusted entity type</legend>
        {TYPES.map((t) => (
          <div key={t.key} className="access-card">
            <span className="access-check">
              <input
                id={`entity-${t.key}`}
                type="radio"
                name="entity-type"
                checked={form.type === t.key}
                onChange={() => set({ type: t.key })}
                aria-describedby={`entity-${t.key}-hint`}
              />
              <label htmlFor={`entity-${t.key}`}>{t.label}</label>
            </span>
            <p id={`entity-${t.key}-hint`} className="field-hint">
              {t.hint}
            </p>
          </div>
        ))}
      </fieldset>
      {form.type === 'service' && (
        <>
          <label htmlFor="entity-service">Service or use case</label>
          <select id="entity-service" value={form.service} onChange={(e) => set({ service: e.target.value })}>
            <option value="">Choose a service</option>
            {AWS_SERVICES.map((s) => (
              <option key={s.principal} value={s.principal}>
                {s.label} ({s.principal})
              </option>
            ))}
          </select>
        </>
      )}
      {form.type === 'account' && <AccountFields form={form} set={set} />}
      {form.type === 'web-identity' && <OidcFields form={form} set={set} />}
      {form.type === 'saml' && <SamlFields form={form} set={set} />}
      {form.type === 'custom' && (
        <JsonEditor
          id="custom-trust"
          label="Custom trust policy (JSON)"
          value={form.custom}
          onChange={(custom) => set({ custom })}
          errors={validation.errors}
          status={
            validation.checking ? (
              <p className="muted" aria-hidden="true">
                Checking…
              </p>
            ) : null
          }
        />
      )}
    </>
  )
}

function AccountFields({ form, set }: { form: EntityForm; set: SetForm }) {
  const { session } = useSession()
  return (
    <fieldset className="access-fieldset">
      <legend>An AWS account</legend>
      <span className="access-check">
        <input id="account-this" type="radio" name="account-choice" checked={form.accountChoice === 'this'} onChange={() => set({ accountChoice: 'this' })} />
        <label htmlFor="account-this">This account ({session.accountId})</label>
      </span>
      <span className="access-check">
        <input id="account-other" type="radio" name="account-choice" checked={form.accountChoice === 'other'} onChange={() => set({ accountChoice: 'other' })} />
        <label htmlFor="account-other">Another AWS account</label>
      </span>
      {form.accountChoice === 'other' && (
        <>
          <label htmlFor="account-id">Account ID</label>
          <input
            id="account-id"
            type="text"
            inputMode="numeric"
            value={form.accountId}
            maxLength={12}
            onChange={(e) => set({ accountId: e.target.value.trim() })}
            aria-describedby="account-id-hint"
          />
          <p id="account-id-hint" className="field-hint">
            The 12-digit ID of the account that may use this role.
          </p>
        </>
      )}
      <span className="access-check">
        <input id="require-external-id" type="checkbox" checked={form.requireExternalId} onChange={(e) => set({ requireExternalId: e.target.checked })} />
        <label htmlFor="require-external-id">Require external ID</label>
      </span>
      {form.requireExternalId && (
        <>
          <label htmlFor="external-id">External ID</label>
          <input id="external-id" type="text" value={form.externalId} maxLength={1224} onChange={(e) => set({ externalId: e.target.value })} />
          <p className="field-hint">Best when a third party assumes the role: they must pass this ID (sts:ExternalId).</p>
        </>
      )}
      <span className="access-check">
        <input id="require-mfa" type="checkbox" checked={form.requireMfa} onChange={(e) => set({ requireMfa: e.target.checked })} />
        <label htmlFor="require-mfa">Require MFA</label>
      </span>
    </fieldset>
  )
}

function OidcFields({ form, set }: { form: EntityForm; set: SetForm }) {
  const providers = useLoad(() => call<{ OpenIDConnectProviderList: { Arn: string }[] }>('ListOpenIDConnectProviders').then((o) => o.OpenIDConnectProviderList), [])
  const detail = useLoad(
    () => (form.oidcArn ? call<{ ClientIDList?: string[] }>('GetOpenIDConnectProvider', { OpenIDConnectProviderArn: form.oidcArn }) : Promise.resolve(undefined)),
    [form.oidcArn]
  )
  if (providers.loading) return <p className="loading">Loading identity providers…</p>
  if (providers.error !== undefined) return <ErrorPanel error={providers.error} />
  if (!providers.data?.length) return <p className="muted">This account has no OpenID Connect providers yet. Add one under Identity providers first.</p>
  return (
    <fieldset className="access-fieldset">
      <legend>Web identity</legend>
      <label htmlFor="oidc-provider">Identity provider</label>
      <select id="oidc-provider" value={form.oidcArn} onChange={(e) => set({ oidcArn: e.target.value, oidcAudience: '' })}>
        <option value="">Choose a provider</option>
        {providers.data.map((p) => (
          <option key={p.Arn} value={p.Arn}>
            {oidcProviderUrl(p.Arn)}
          </option>
        ))}
      </select>
      <label htmlFor="oidc-audience">Audience</label>
      <input id="oidc-audience" type="text" list="oidc-audiences" value={form.oidcAudience} onChange={(e) => set({ oidcAudience: e.target.value })} />
      <datalist id="oidc-audiences">
        {(detail.data?.ClientIDList ?? []).map((c) => (
          <option key={c} value={c} />
        ))}
      </datalist>
    </fieldset>
  )
}

function SamlFields({ form, set }: { form: EntityForm; set: SetForm }) {
  const providers = useLoad(() => call<{ SAMLProviderList: { Arn: string }[] }>('ListSAMLProviders').then((o) => o.SAMLProviderList), [])
  if (providers.loading) return <p className="loading">Loading identity providers…</p>
  if (providers.error !== undefined) return <ErrorPanel error={providers.error} />
  if (!providers.data?.length) return <p className="muted">This account has no SAML providers yet. Add one under Identity providers first.</p>
  return (
    <fieldset className="access-fieldset">
      <legend>SAML 2.0 federation</legend>
      <label htmlFor="saml-provider">SAML 2.0 based provider</label>
      <select id="saml-provider" value={form.samlArn} onChange={(e) => set({ samlArn: e.target.value })}>
        <option value="">Choose a provider</option>
        {providers.data.map((p) => (
          <option key={p.Arn} value={p.Arn}>
            {p.Arn.slice(p.Arn.indexOf(':saml-provider/') + ':saml-provider/'.length)}
          </option>
        ))}
      </select>
      <label htmlFor="saml-audience">Audience (SAML:aud)</label>
      <input id="saml-audience" type="text" value={form.samlAudience} onChange={(e) => set({ samlAudience: e.target.value })} aria-describedby="saml-audience-hint" />
      <p id="saml-audience-hint" className="field-hint">
        The sign-in endpoint the SAML responses are addressed to.
      </p>
    </fieldset>
  )
}
