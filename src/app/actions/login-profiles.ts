// Console passwords: CreateLoginProfile, GetLoginProfile, UpdateLoginProfile, DeleteLoginProfile,
// and ChangePassword (an IAM user changing its own). Passwords are argon2id hashes; every new
// password must meet the account password policy (or AWS's default rules without one), and
// PasswordReusePrevention remembers the previous ones.

import type { ChangePasswordRequest, CreateLoginProfileRequest, DeleteLoginProfileRequest, GetLoginProfileRequest, UpdateLoginProfileRequest } from '@aws-sdk/client-iam'
import { AwsError, iamErrors } from '../../core/aws-error.js'
import type { LoginProfileRecord, PasswordPolicy, UserRecord } from '../../store/ports/records.js'
import { AccessDenied } from '../auth/authorize.js'
import type { ActionTable, Call } from '../call.js'
import { checkPasswordPolicy, nextPasswordHistory, PASSWORD_POLICY_VIOLATION_MESSAGE, reusesRecentPassword } from '../shared/credentials-password-policy.js'
import { credentialOwner, currentOwner, type CredentialOwner } from '../shared/credentials-target.js'
import { noSuchUser } from '../shared/lookups.js'

const noLoginProfile = (name: string) => iamErrors.noSuchEntity(`Login Profile for User ${name} cannot be found.`)

/** ChangePassword by anything but an IAM user. (Wording inferred: AWS's text was not found.) */
export const invalidUserType = () => new AwsError('InvalidUserType', 'Only IAM users can change their password via this API.', 400)

/** ChangePassword with a wrong old password. (Code and wording inferred: AWS's were not found.) */
export const wrongOldPassword = () => iamErrors.invalidInput('The old password is incorrect.')

function profileOutput(user: UserRecord, p: LoginProfileRecord): Record<string, unknown> {
  return { UserName: user.name, CreateDate: p.createdAt, PasswordResetRequired: p.passwordResetRequired }
}

async function accountPolicy(call: Call): Promise<PasswordPolicy | undefined> {
  return (await call.read.accounts.get(call.accountId))?.passwordPolicy
}

/** A new password for `user`: policy rules, then reuse of a recent one; the argon2id hash. */
async function newPasswordHash(call: Call, user: UserRecord, password: string, current: LoginProfileRecord | undefined): Promise<string> {
  const policy = await accountPolicy(call)
  checkPasswordPolicy(password, policy, { userName: user.name })
  if (current && (await reusesRecentPassword(call.ctx.passwords, password, policy, current.passwordHash, current.passwordHistory))) {
    throw iamErrors.passwordPolicyViolation(PASSWORD_POLICY_VIOLATION_MESSAGE)
  }
  return call.ctx.passwords.hash(password)
}

function userOf(owner: CredentialOwner): UserRecord {
  if (owner.kind !== 'user') throw new Error('a user was expected')
  return owner.user
}

async function createLoginProfile(call: Call, raw: unknown) {
  const input = raw as CreateLoginProfileRequest
  const user = userOf(await credentialOwner(call, input.UserName, 'iam:CreateLoginProfile'))
  const exists = () => iamErrors.entityAlreadyExists(`Login Profile for user ${user.name} already exists.`)
  if (await call.read.loginProfiles.get(user.id)) throw exists()
  const passwordHash = await newPasswordHash(call, user, input.Password as string, undefined)
  const profile: LoginProfileRecord = {
    userId: user.id,
    accountId: call.accountId,
    passwordHash,
    passwordResetRequired: input.PasswordResetRequired === true,
    createdAt: call.now,
    passwordChangedAt: call.now
  }
  const current = await call.write(async (tx) => {
    const now = userOf(await currentOwner(tx, call.accountId, { kind: 'user', user }))
    if (await tx.loginProfiles.get(user.id)) throw exists()
    await tx.loginProfiles.insert(profile)
    return now
  })
  return { LoginProfile: profileOutput(current, profile) }
}

async function getLoginProfile(call: Call, raw: unknown) {
  const input = raw as GetLoginProfileRequest
  const user = userOf(await credentialOwner(call, input.UserName, 'iam:GetLoginProfile'))
  const profile = await call.read.loginProfiles.get(user.id)
  if (!profile) throw noLoginProfile(user.name)
  return { LoginProfile: profileOutput(user, profile) }
}

async function updateLoginProfile(call: Call, raw: unknown) {
  const input = raw as UpdateLoginProfileRequest
  const user = userOf(await credentialOwner(call, input.UserName, 'iam:UpdateLoginProfile'))
  const before = await call.read.loginProfiles.get(user.id)
  if (!before) throw noLoginProfile(user.name)
  const passwordHash = input.Password !== undefined ? await newPasswordHash(call, user, input.Password, before) : undefined
  await call.write(async (tx) => {
    await currentOwner(tx, call.accountId, { kind: 'user', user })
    const profile = await tx.loginProfiles.get(user.id)
    if (!profile) throw noLoginProfile(user.name)
    await tx.loginProfiles.update(user.id, {
      ...(passwordHash !== undefined ? { passwordHash, passwordChangedAt: call.now, passwordHistory: nextPasswordHistory(profile.passwordHash, profile.passwordHistory) } : {}),
      ...(input.PasswordResetRequired !== undefined ? { passwordResetRequired: input.PasswordResetRequired } : {})
    })
  })
  return undefined
}

async function deleteLoginProfile(call: Call, raw: unknown) {
  const input = raw as DeleteLoginProfileRequest
  const user = userOf(await credentialOwner(call, input.UserName, 'iam:DeleteLoginProfile'))
  await call.write(async (tx) => {
    await currentOwner(tx, call.accountId, { kind: 'user', user })
    if (!(await tx.loginProfiles.get(user.id))) throw noLoginProfile(user.name)
    await tx.loginProfiles.delete(user.id)
  })
  return undefined
}

/**
 * The calling IAM user changes its own password. iam:ChangePassword on the user is needed,
 * unless the account password policy allows users to change their password (then only an
 * explicit deny stops it).
 */
async function changePassword(call: Call, raw: unknown) {
  const input = raw as ChangePasswordRequest
  await changeOwnPassword(call, input.NewPassword as string, { oldPassword: input.OldPassword as string })
  return undefined
}

/**
 * How the caller proves it knows its password: ChangePassword gives the old one; the web console's
 * forced change at sign-in has just verified it (app/console), and keeps no copy of it.
 */
export type PasswordProof = { readonly oldPassword: string } | { readonly verifiedAtSignIn: true }

/**
 * The calling IAM user sets a new password for itself, under ChangePassword's rules: its
 * authorization, the password policy, reuse prevention, and the history. ChangePassword and the
 * console's new-password step at sign-in both run it.
 */
export async function changeOwnPassword(call: Call, newPassword: string, proof: PasswordProof): Promise<void> {
  const caller = call.caller
  if (caller.kind !== 'user' || caller.userId === undefined) throw invalidUserType()
  const user = await call.read.users.byId(call.accountId, caller.userId)
  if (!user) throw noSuchUser(caller.userName ?? caller.userId)
  const policy = await accountPolicy(call)
  try {
    await call.authorize({ action: 'iam:ChangePassword', resource: user.arn, displayResource: `user ${user.name}`, resourceTags: await call.read.tags.list('user', user.id) })
  } catch (e) {
    if (!(policy?.AllowUsersToChangePassword && isImplicitDenial(e))) throw e
  }
  const profile = await call.read.loginProfiles.get(user.id)
  if (!profile) throw noLoginProfile(user.name)
  if ('oldPassword' in proof && !(await call.ctx.passwords.verify(profile.passwordHash, proof.oldPassword))) throw wrongOldPassword()
  const passwordHash = await newPasswordHash(call, user, newPassword, profile)
  await call.write(async (tx) => {
    const current = await tx.loginProfiles.get(user.id)
    if (!current) throw noLoginProfile(user.name)
    await tx.loginProfiles.update(user.id, {
      passwordHash,
      passwordChangedAt: call.now,
      passwordResetRequired: false,
      passwordHistory: nextPasswordHistory(current.passwordHash, current.passwordHistory)
    })
  })
}

/** An AccessDenied for want of an allow (not an explicit deny). */
function isImplicitDenial(e: unknown): boolean {
  return e instanceof AccessDenied && e.decision.decision === 'ImplicitDeny'
}

export const loginProfilesActions: ActionTable = {
  CreateLoginProfile: createLoginProfile,
  GetLoginProfile: getLoginProfile,
  UpdateLoginProfile: updateLoginProfile,
  DeleteLoginProfile: deleteLoginProfile,
  ChangePassword: changePassword
}
