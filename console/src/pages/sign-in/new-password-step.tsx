// Choosing a new password when the administrator required a reset or the old one expired. The
// policy's rules are shown and checked as the user types; the server checks them again.

import { useState, type FormEvent } from 'react'
import type { SignInStep } from '../../api'
import { TextField } from '../../components/text-field'
import { useAction } from '../../components/use-action'
import { PasswordRules, passwordRules, type PasswordPolicyFields } from './password-rules'
import { signInStep } from './sign-in-request'
import { SignInError, useRetryAfter } from './sign-in-error'

export function NewPasswordStep(props: {
  challenge: string
  reason: 'reset-required' | 'expired'
  policy: PasswordPolicyFields | undefined
  userName?: string | undefined
  onNext: (step: SignInStep) => void
  onCancel: () => void
}) {
  const { challenge, reason, policy, userName, onNext, onCancel } = props
  const [password, setPassword] = useState('')
  const [confirm, setConfirm] = useState('')
  const [touched, setTouched] = useState(false)
  const action = useAction()
  const retryAfter = useRetryAfter(action.error)
  const mismatch = touched && confirm !== password ? 'The passwords do not match.' : undefined
  const rulesMet = passwordRules(policy, userName).every((r) => r.met?.(password) ?? true)
  const submit = (e: FormEvent) => {
    e.preventDefault()
    setTouched(true)
    if (password !== confirm || !rulesMet) return
    void action.run(async () => onNext(await signInStep('/sign-in/new-password', { challenge, newPassword: password })))
  }
  return (
    <form onSubmit={submit} aria-labelledby="new-password-title">
      <h2 id="new-password-title">Choose a new password</h2>
      <p>{reason === 'expired' ? 'Your password has expired. Choose a new one to continue.' : 'Your administrator requires you to choose a new password before you continue.'}</p>
      <TextField
        label="New password"
        type="password"
        value={password}
        onChange={setPassword}
        autoComplete="new-password"
        aria-describedby="new-password-rules"
        required
        autoFocus
      />
      <PasswordRules id="new-password-rules" policy={policy} password={password} {...(userName ? { userName } : {})} />
      <TextField
        label="Confirm new password"
        type="password"
        value={confirm}
        onChange={setConfirm}
        onBlur={() => setTouched(true)}
        autoComplete="new-password"
        error={mismatch}
        required
      />
      {touched && !rulesMet && <p className="field-error">The new password does not meet every rule above.</p>}
      <SignInError error={action.error} retryAfter={retryAfter} />
      <div className="actions">
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={action.busy || retryAfter > 0}>
          {action.busy ? 'Saving…' : 'Confirm password change'}
        </button>
      </div>
    </form>
  )
}
