// Switch role: the console session becomes a session of a role in this or another account
// (POST /console/api/switch-role, an AssumeRole as the signed-in principal). The form is filled
// from a switch-role link's query (account, roleName, displayName), as AWS's links do.

import { useState, type FormEvent } from 'react'
import { post } from '../../api'
import { ErrorPanel } from '../../components/error-panel'
import { navigate, useLocation } from '../../router'
import { useSession } from '../../session-context'

export function SwitchRolePage() {
  const { query } = useLocation()
  const { session, refresh } = useSession()
  const [account, setAccount] = useState(query.get('account') ?? '')
  const [roleName, setRoleName] = useState(query.get('roleName') ?? '')
  const [displayName, setDisplayName] = useState(query.get('displayName') ?? '')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(undefined)
  const submit = async (e: FormEvent) => {
    e.preventDefault()
    setBusy(true)
    setError(undefined)
    try {
      await post('/switch-role', { account: account.trim(), roleName: roleName.trim(), ...(displayName.trim() ? { displayName: displayName.trim() } : {}) })
      navigate('/', { replace: true })
      await refresh()
    } catch (err) {
      setError(err)
      setBusy(false)
    }
  }
  return (
    <section className="access-narrow">
      <h1>Switch role</h1>
      <p className="muted">Use a role in this or another account with the permissions of that role. Your administrator must have allowed you to assume it.</p>
      {session.principal.kind === 'root' && (
        <p className="panel" role="note">
          You are signed in as the root user, who cannot switch roles. Sign in as an IAM user to switch roles.
        </p>
      )}
      <form className="panel" onSubmit={(e) => void submit(e)}>
        <label htmlFor="switch-account">Account ID or alias</label>
        <input id="switch-account" type="text" value={account} onChange={(e) => setAccount(e.target.value)} required autoComplete="off" />
        <label htmlFor="switch-role-name">IAM role name</label>
        <input id="switch-role-name" type="text" value={roleName} onChange={(e) => setRoleName(e.target.value)} required autoComplete="off" />
        <label htmlFor="switch-display-name">Display name (optional)</label>
        <input id="switch-display-name" type="text" value={displayName} maxLength={64} onChange={(e) => setDisplayName(e.target.value)} autoComplete="off" />
        {error !== undefined && <ErrorPanel error={error} />}
        <div className="actions">
          <button type="button" onClick={() => window.history.back()}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={busy || !account.trim() || !roleName.trim()}>
            {busy ? 'Switching…' : 'Switch role'}
          </button>
        </div>
      </form>
    </section>
  )
}
