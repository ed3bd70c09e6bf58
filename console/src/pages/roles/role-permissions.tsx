// A role's permissions: managed policies attached (detach, attach more with the picker) and
// inline policies (view, delete).

import { useState } from 'react'
import { call } from '../../api'
import type { AttachedPolicy } from '../../components/access-iam-types'
import { JsonEditor } from '../../components/access-json-editor'
import { prettyPolicy } from '../../components/access-policy-text'
import { ErrorPanel } from '../../components/error-panel'
import { useLoad } from '../../components/use-load'
import { Link } from '../../router'
import { policyPath } from '../policies/policy-list-page'
import { PolicyPicker } from './policy-picker'

async function loadPermissions(roleName: string) {
  const attached = await call<{ AttachedPolicies: AttachedPolicy[] }>('ListAttachedRolePolicies', { RoleName: roleName, MaxItems: 1000 })
  const inline = await call<{ PolicyNames: string[] }>('ListRolePolicies', { RoleName: roleName, MaxItems: 1000 })
  return { attached: attached.AttachedPolicies, inline: inline.PolicyNames }
}

export function RolePermissions({ roleName }: { roleName: string }) {
  const perms = useLoad(() => loadPermissions(roleName), [roleName])
  const [adding, setAdding] = useState<string[] | undefined>(undefined)
  const [viewing, setViewing] = useState<string | undefined>(undefined)
  const inline = useLoad(
    () =>
      viewing
        ? call<{ PolicyDocument: string }>('GetRolePolicy', { RoleName: roleName, PolicyName: viewing }).then((o) => prettyPolicy(o.PolicyDocument))
        : Promise.resolve(undefined),
    [roleName, viewing]
  )
  const [error, setError] = useState<unknown>(undefined)
  const [busy, setBusy] = useState(false)
  const run = async (work: () => Promise<unknown>) => {
    setBusy(true)
    setError(undefined)
    try {
      await work()
      perms.reload()
      return true
    } catch (e) {
      setError(e)
      return false
    } finally {
      setBusy(false)
    }
  }
  if (perms.loading && !perms.data) return <p className="loading">Loading permissions…</p>
  if (perms.error !== undefined || !perms.data) return <ErrorPanel error={perms.error} />
  const { attached, inline: inlineNames } = perms.data
  const attach = async (arns: string[]) => {
    const ok = await run(async () => {
      for (const arn of arns) await call('AttachRolePolicy', { RoleName: roleName, PolicyArn: arn })
    })
    if (ok) setAdding(undefined)
  }
  return (
    <section aria-labelledby="role-perms-title">
      <h2 id="role-perms-title">Permissions policies ({attached.length + inlineNames.length})</h2>
      {error !== undefined && <ErrorPanel error={error} />}
      {attached.length + inlineNames.length === 0 && <p className="muted">No permissions policies: this role can do nothing yet.</p>}
      <ul className="access-plain-list">
        {attached.map((p) => (
          <li key={p.PolicyArn}>
            <Link to={policyPath(p.PolicyArn)}>{p.PolicyName}</Link> <span className="muted">(managed)</span>{' '}
            <button type="button" disabled={busy} onClick={() => void run(() => call('DetachRolePolicy', { RoleName: roleName, PolicyArn: p.PolicyArn }))}>
              Detach {p.PolicyName}
            </button>
          </li>
        ))}
        {inlineNames.map((n) => (
          <li key={n}>
            {n} <span className="muted">(inline)</span>{' '}
            <button type="button" aria-pressed={viewing === n} onClick={() => setViewing(viewing === n ? undefined : n)}>
              View {n}
            </button>{' '}
            <button type="button" className="danger" disabled={busy} onClick={() => void run(() => call('DeleteRolePolicy', { RoleName: roleName, PolicyName: n }))}>
              Delete {n}
            </button>
          </li>
        ))}
      </ul>
      {viewing && inline.data && <JsonEditor id="inline-json" label={`Inline policy ${viewing}`} value={inline.data} />}
      {inline.error !== undefined && <ErrorPanel error={inline.error} />}
      {adding ? (
        <div className="panel">
          <h3>Attach policies</h3>
          <PolicyPicker chosen={adding} onChange={setAdding} attached={attached.map((p) => p.PolicyArn)} />
          <div className="actions">
            <button type="button" onClick={() => setAdding(undefined)}>
              Cancel
            </button>
            <button type="button" className="primary" disabled={busy || adding.length === 0} onClick={() => void attach(adding)}>
              Attach policies
            </button>
          </div>
        </div>
      ) : (
        <div className="actions">
          <button type="button" onClick={() => setAdding([])}>
            Add permissions
          </button>
        </div>
      )}
    </section>
  )
}
