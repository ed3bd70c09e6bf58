// The account password policy: UpdateAccountPasswordPolicy, GetAccountPasswordPolicy,
// DeleteAccountPasswordPolicy. Stored on the account record; the rules themselves live in
// shared/credentials-password-policy.ts (login profiles, ChangePassword and the console use them).

import { iamErrors } from '../../core/aws-error.js'
import type { ActionTable, Call } from '../call.js'
import { noPasswordPolicy, passwordPolicyFromRequest, passwordPolicyOutput } from '../shared/credentials-password-policy.js'

async function updateAccountPasswordPolicy(call: Call, raw: Readonly<Record<string, unknown>>) {
  await call.authorize({ action: 'iam:UpdateAccountPasswordPolicy', resource: '*' })
  const passwordPolicy = passwordPolicyFromRequest(raw)
  await call.write(async (tx) => {
    await tx.accounts.update(call.accountId, { passwordPolicy })
  })
  return undefined
}

async function getAccountPasswordPolicy(call: Call) {
  await call.authorize({ action: 'iam:GetAccountPasswordPolicy', resource: '*' })
  const policy = (await call.read.accounts.get(call.accountId))?.passwordPolicy
  if (!policy) throw noPasswordPolicy(call.accountId)
  return { PasswordPolicy: passwordPolicyOutput(policy) }
}

async function deleteAccountPasswordPolicy(call: Call) {
  await call.authorize({ action: 'iam:DeleteAccountPasswordPolicy', resource: '*' })
  await call.write(async (tx) => {
    if (!(await tx.accounts.get(call.accountId))?.passwordPolicy) {
      throw iamErrors.noSuchEntity('The account policy with name PasswordPolicy cannot be found.')
    }
    await tx.accounts.update(call.accountId, { passwordPolicy: undefined })
  })
  return undefined
}

export const passwordPolicyActions: ActionTable = {
  UpdateAccountPasswordPolicy: updateAccountPasswordPolicy,
  GetAccountPasswordPolicy: getAccountPasswordPolicy,
  DeleteAccountPasswordPolicy: deleteAccountPasswordPolicy
}
