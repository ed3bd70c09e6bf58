// Every IAM and STS action this server implements, by operation name. Each family lives in its
// own module; this file only puts them together.

import type { ActionTable } from '../call.js'
import { accessKeysActions } from './access-keys.js'
import { accountActions } from './account.js'
import { certificatesActions } from './certificates.js'
import { groupsActions } from './groups.js'
import { inlinePoliciesActions } from './inline-policies.js'
import { instanceProfilesActions } from './instance-profiles.js'
import { loginProfilesActions } from './login-profiles.js'
import { mfaAssignmentsActions } from './mfa-assignments.js'
import { oidcProvidersActions } from './oidc-providers.js'
import { samlProvidersActions } from './saml-providers.js'
import { passwordPolicyActions } from './password-policy.js'
import { policiesActions } from './policies.js'
import { policyAttachmentsActions } from './policy-attachments.js'
import { policySimulatorActions } from './policy-simulator.js'
import { rolesActions } from './roles.js'
import { serviceCredentialsActions } from './service-credentials.js'
import { serviceLinkedRolesActions } from './service-linked-roles.js'
import { sshPublicKeysActions } from './ssh-public-keys.js'
import { stsActions as callerIdentity } from './sts-caller-identity.js'
import { stsAccessKeyInfoActions } from './sts-access-key-info.js'
import { stsDecodeMessageActions } from './sts-decode-message.js'
import { assumeRole } from './sts-assume-role.js'
import { assumeRoleWithSaml } from './sts-assume-role-with-saml.js'
import { assumeRoleWithWebIdentity } from './sts-assume-role-with-web-identity.js'
import { stsSessionTokenActions } from './sts-session-tokens.js'
import { userActions } from './users.js'
import { virtualMfaDevicesActions } from './virtual-mfa-devices.js'

export const iamActions: ActionTable = {
  ...userActions,
  ...groupsActions,
  ...accountActions,
  ...rolesActions,
  ...instanceProfilesActions,
  ...serviceLinkedRolesActions,
  ...policiesActions,
  ...policyAttachmentsActions,
  ...inlinePoliciesActions,
  ...accessKeysActions,
  ...loginProfilesActions,
  ...passwordPolicyActions,
  ...sshPublicKeysActions,
  ...certificatesActions,
  ...oidcProvidersActions,
  ...samlProvidersActions,
  ...serviceCredentialsActions,
  ...virtualMfaDevicesActions,
  ...mfaAssignmentsActions,
  ...policySimulatorActions
}

export const stsActions: ActionTable = {
  ...callerIdentity,
  ...stsAccessKeyInfoActions,
  ...stsDecodeMessageActions,
  ...stsSessionTokenActions,
  AssumeRole: assumeRole,
  AssumeRoleWithWebIdentity: assumeRoleWithWebIdentity,
  AssumeRoleWithSAML: assumeRoleWithSaml
}

/** STS operations that take unsigned requests: the token or assertion is the credential. */
export const UNSIGNED_STS_ACTIONS: ReadonlySet<string> = new Set(['AssumeRoleWithWebIdentity', 'AssumeRoleWithSAML'])
