// The first step of sign-in: an IAM user (account ID or alias, user name, password) or the root
// user (account, password), each its own form, chosen with tabs as the AWS sign-in page does.

import { useState, type FormEvent } from 'react'
import type { SignInStep } from '../../api'
import { Tabs } from '../../components/tabs'
import { TextField } from '../../components/text-field'
import { useAction } from '../../components/use-action'
import { SignInError, useRetryAfter } from './sign-in-error'
import { signInStep } from './sign-in-request'

const REMEMBERED_ACCOUNT = 'portcullis-console-account'

/** The account to prefill: ?account= in a sign-in link, else the last one used here. */
function initialAccount(): string {
  return new URLSearchParams(window.location.search).get('account') ?? window.localStorage.getItem(REMEMBERED_ACCOUNT) ?? ''
}

type Next = (step: SignInStep, who: { userName?: string }) => void

export function CredentialsForms({ onNext }: { onNext: Next }) {
  const [account, setAccount] = useState(initialAccount)
  return (
    <Tabs
      label="Sign in as"
      tabs={[
        { id: 'user', label: 'IAM user', panel: () => <IamUserForm account={account} setAccount={setAccount} onNext={onNext} /> },
        { id: 'root', label: 'Root user', panel: () => <RootUserForm account={account} setAccount={setAccount} onNext={onNext} /> }
      ]}
    />
  )
}

interface FormProps {
  readonly account: string
  readonly setAccount: (a: string) => void
  readonly onNext: Next
}

function IamUserForm({ account, setAccount, onNext }: FormProps) {
  const [userName, setUserName] = useState('')
  const [password, setPassword] = useState('')
  const action = useAction()
  const retryAfter = useRetryAfter(action.error)
  const submit = (e: FormEvent) => {
    e.preventDefault()
    void action.run(async () => {
      const step = await signInStep('/sign-in', { account: account.trim(), userName: userName.trim(), password })
      window.localStorage.setItem(REMEMBERED_ACCOUNT, account.trim())
      onNext(step, { userName: userName.trim() })
    })
  }
  return (
    <form onSubmit={submit} aria-label="Sign in as IAM user">
      <TextField label="Account ID or account alias" value={account} onChange={setAccount} autoComplete="organization" required />
      <TextField label="IAM user name" value={userName} onChange={setUserName} autoComplete="username" required />
      <TextField label="Password" type="password" value={password} onChange={setPassword} autoComplete="current-password" required />
      <SignInFooter action={action} retryAfter={retryAfter} />
    </form>
  )
}

function RootUserForm({ account, setAccount, onNext }: FormProps) {
  const [password, setPassword] = useState('')
  const action = useAction()
  const retryAfter = useRetryAfter(action.error)
  const submit = (e: FormEvent) => {
    e.preventDefault()
    void action.run(async () => {
      const step = await signInStep('/sign-in/root', { account: account.trim(), password })
      window.localStorage.setItem(REMEMBERED_ACCOUNT, account.trim())
      onNext(step, {})
    })
  }
  return (
    <form onSubmit={submit} aria-label="Sign in as root user">
      <p className="field-hint">The root user has every permission in the account. Use it only for the tasks that need it.</p>
      <TextField label="Account ID or account alias" value={account} onChange={setAccount} autoComplete="organization" required />
      <TextField label="Root user password" type="password" value={password} onChange={setPassword} autoComplete="current-password" required />
      <SignInFooter action={action} retryAfter={retryAfter} />
    </form>
  )
}

/** The error line and the Sign in button both forms end with. */
function SignInFooter({ action, retryAfter }: { action: ReturnType<typeof useAction>; retryAfter: number }) {
  return (
    <>
      <SignInError error={action.error} retryAfter={retryAfter} />
      <div className="actions">
        <button type="submit" className="primary" disabled={action.busy || retryAfter > 0}>
          {action.busy ? 'Signing in…' : 'Sign in'}
        </button>
      </div>
    </>
  )
}
