// The account's password policy (GetAccountPasswordPolicy; NoSuchEntity means IAM's default
// applies), shown as rules, with an editor.

import { useState } from 'react'
import { ApiError, call } from '../../api'
import { LoadState } from '../../components/load-state'
import { useLoad } from '../../components/use-load'
import type { PasswordPolicyFields } from '../sign-in/password-rules'
import { PasswordPolicyForm } from './password-policy-form'

/** The custom policy, or null when the account uses IAM's default. */
async function loadPolicy(): Promise<PasswordPolicyFields | null> {
  try {
    return (await call<{ PasswordPolicy: PasswordPolicyFields }>('GetAccountPasswordPolicy')).PasswordPolicy
  } catch (e) {
    if (e instanceof ApiError && e.code === 'NoSuchEntity') return null
    throw e
  }
}

export function policyDescription(p: PasswordPolicyFields | null): string[] {
  if (!p)
    return [
      'At least 8 characters',
      'At least three of: uppercase letters, lowercase letters, numbers, symbols',
      'Not the same as the user name',
      'Passwords never expire',
      'Users cannot change their own password unless a policy allows it'
    ]
  const lines = [`At least ${p.MinimumPasswordLength ?? 6} characters`]
  if (p.RequireUppercaseCharacters) lines.push('At least one uppercase letter (A–Z)')
  if (p.RequireLowercaseCharacters) lines.push('At least one lowercase letter (a–z)')
  if (p.RequireNumbers) lines.push('At least one number')
  if (p.RequireSymbols) lines.push("At least one non-alphanumeric character ( ! @ # $ % ^ & * ( ) _ + - = [ ] { } | ' )")
  lines.push(p.MaxPasswordAge ? `Passwords expire after ${p.MaxPasswordAge} days${p.HardExpiry ? '; then only an administrator can reset them' : ''}` : 'Passwords never expire')
  if (p.PasswordReusePrevention) lines.push(`The last ${p.PasswordReusePrevention} passwords cannot be reused`)
  lines.push(p.AllowUsersToChangePassword ? 'Users can change their own password' : 'Users cannot change their own password unless a policy allows it')
  return lines
}

export function PasswordPolicySection() {
  const policy = useLoad(loadPolicy, [])
  const [editing, setEditing] = useState(false)
  return (
    <section className="panel" aria-labelledby="password-policy-title">
      <div className="section-head">
        <h2 id="password-policy-title">Password policy</h2>
        {!editing && policy.data !== undefined && (
          <button type="button" onClick={() => setEditing(true)}>
            Edit
          </button>
        )}
      </div>
      <LoadState loaded={policy} label="the password policy">
        {(p) =>
          editing ? (
            <PasswordPolicyForm
              current={p}
              onDone={(saved) => {
                setEditing(false)
                if (saved) policy.reload()
              }}
            />
          ) : (
            <>
              <p data-testid="password-policy-kind">{p ? 'This account uses a custom password policy for IAM users:' : 'This account uses the IAM default password policy:'}</p>
              <ul>
                {policyDescription(p).map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            </>
          )
        }
      </LoadState>
    </section>
  )
}
