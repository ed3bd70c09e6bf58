// Sign-in: IAM user or root user, then MFA or a new password when the server asks for one
// (docs/console-api.md). The server keeps the state between steps in an opaque challenge.

import { useState } from 'react'
import type { SignInStep } from '../../api'
import { CredentialsForms } from './credentials-forms'
import { MfaStep } from './mfa-step'
import { NewPasswordStep } from './new-password-step'
import type { PasswordPolicyFields } from './password-rules'

export function SignInPage({ onSignedIn }: { onSignedIn: () => Promise<void> }) {
  const [step, setStep] = useState<SignInStep | undefined>(undefined)
  const [userName, setUserName] = useState<string | undefined>(undefined)
  const next = (s: SignInStep) => {
    if (s.next === 'done') void onSignedIn()
    else setStep(s)
  }
  const startOver = () => setStep(undefined)
  return (
    <main id="main" className="sign-in">
      <div className="panel">
        <h1>Sign in to Portcullis IAM</h1>
        {step?.next === 'mfa' ? (
          <MfaStep key={step.challenge} challenge={step.challenge} onNext={next} onCancel={startOver} />
        ) : step?.next === 'new-password' ? (
          <NewPasswordStep
            key={step.challenge}
            challenge={step.challenge}
            reason={step.reason}
            policy={step.passwordPolicy as PasswordPolicyFields | undefined}
            userName={userName}
            onNext={next}
            onCancel={startOver}
          />
        ) : (
          <CredentialsForms
            onNext={(s, who) => {
              setUserName(who.userName)
              next(s)
            }}
          />
        )}
      </div>
    </main>
  )
}
