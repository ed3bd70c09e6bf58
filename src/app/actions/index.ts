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
import { passwordPolicyActions } from './password-policy.js'
import { policiesActions } from './policies.js'
import { policyAttachmentsActions } from './policy-attachments.js'
import { rolesActions } from './roles.js'
import { serviceCredentialsActions } from './service-credentials.js'
import { serviceLinkedRolesActions } from './service-linked-roles.js'
import { sshPublicKeysActions } from './ssh-public-keys.js'
import { stsActions as callerIdentity } from './sts-caller-identity.js'
import { userActions } from './users.js'

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
  ...serviceCredentialsActions
}

export const stsActions: ActionTable = {
  ...callerIdentity
}
