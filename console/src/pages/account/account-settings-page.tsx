// Account settings: the password policy for IAM users and the account alias.

import { AccountAliasSection } from './account-alias-section'
import { PasswordPolicySection } from './password-policy-section'

export function AccountSettingsPage() {
  return (
    <>
      <h1>Account settings</h1>
      <PasswordPolicySection />
      <AccountAliasSection />
    </>
  )
}
