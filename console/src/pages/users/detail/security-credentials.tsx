// Security credentials of a user (or of the signed-in root user): the console password, MFA
// devices and access keys, each its own section.

import type { IamUser } from '../../../components/iam-types'
import { AccessKeysSection } from './access-keys-section'
import { ConsolePasswordSection } from './console-password-section'
import type { CredentialOwner } from './credential-owner'
import { MfaSection } from './mfa-section'

export function SecurityCredentials({ owner, user }: { owner: CredentialOwner; user?: IamUser }) {
  return (
    <>
      {owner.kind === 'user' && <ConsolePasswordSection userName={owner.userName} lastSignIn={user?.PasswordLastUsed} />}
      <MfaSection owner={owner} />
      <AccessKeysSection owner={owner} />
    </>
  )
}
