// The switch-role link of a role, as the AWS console gives it: a URL that opens the Switch role
// page filled in with the account, role and a display name, to share with those who may use it.

import { useState } from 'react'
import { Link } from '../../router'

/** '/switch-role?account=…&roleName=…&displayName=…', inside the console. */
export function switchRolePath(accountId: string, roleName: string): string {
  const q = new URLSearchParams({ account: accountId, roleName, displayName: `${roleName} @ ${accountId}` })
  return `/switch-role?${q.toString()}`
}

export function SwitchRoleLink({ accountId, roleName }: { accountId: string; roleName: string }) {
  const path = switchRolePath(accountId, roleName)
  const link = `${window.location.origin}/console${path}`
  const [copied, setCopied] = useState<'yes' | 'no' | undefined>(undefined)
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(link)
      setCopied('yes')
    } catch {
      // Clipboard access can be refused (permissions, insecure origin): the link stays selectable.
      setCopied('no')
    }
  }
  return (
    <div className="access-switch-link">
      <label htmlFor="switch-role-link">Link to switch roles in console</label>
      <input id="switch-role-link" type="text" readOnly value={link} onFocus={(e) => e.target.select()} />
      <div className="actions">
        <button type="button" onClick={() => void copy()}>
          Copy switch-role link
        </button>
        <Link className="button" to={path}>
          Switch to this role
        </Link>
      </div>
      <p aria-live="polite" className="field-hint">
        {copied === 'yes' ? 'Link copied.' : copied === 'no' ? 'Could not copy: select the link and copy it.' : ''}
      </p>
    </div>
  )
}
