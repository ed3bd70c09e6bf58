// The MFA step: the six-digit code the user's authenticator app shows now.

import { useState, type FormEvent } from 'react'
import type { SignInStep } from '../../api'
import { TextField } from '../../components/text-field'
import { useAction } from '../../components/use-action'
import { signInStep } from './sign-in-request'
import { SignInError, useRetryAfter } from './sign-in-error'

export function MfaStep({ challenge, onNext, onCancel }: { challenge: string; onNext: (step: SignInStep) => void; onCancel: () => void }) {
  const [code, setCode] = useState('')
  const action = useAction()
  const retryAfter = useRetryAfter(action.error)
  const submit = (e: FormEvent) => {
    e.preventDefault()
    void action.run(async () => {
      const step = await signInStep('/sign-in/mfa', { challenge, code: code.trim() })
      onNext(step)
    })
  }
  return (
    <form onSubmit={submit} aria-labelledby="mfa-title">
      <h2 id="mfa-title">Multi-factor authentication</h2>
      <p>Your account is protected by an MFA device. Enter the code your authenticator app shows.</p>
      <TextField
        label="MFA code"
        value={code}
        onChange={(v) => setCode(v.replace(/\D/g, '').slice(0, 6))}
        inputMode="numeric"
        autoComplete="one-time-code"
        pattern="[0-9]{6}"
        hint="Six digits"
        required
        autoFocus
      />
      <SignInError error={action.error} retryAfter={retryAfter} />
      <div className="actions">
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={action.busy || retryAfter > 0 || code.length !== 6}>
          {action.busy ? 'Checking…' : 'Submit'}
        </button>
      </div>
    </form>
  )
}
