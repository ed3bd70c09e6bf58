// Creates what the wizard planned, user by user and step by step (CreateUser with its tags,
// CreateLoginProfile, CreateAccessKey, AddUserToGroup, AttachUserPolicy), recording each
// step's outcome so the results page says exactly what exists. Secrets stay in memory only.

import { call } from '../../../api'
import type { AttachedPolicy, IamGroup } from '../../../components/iam-types'
import { listAll } from '../../../components/list-all'
import { generatePassword } from './generate-password'
import { CHANGE_PASSWORD_POLICY_ARN, planWithoutCopy, unique, type PermissionPlan, type WizardState } from './wizard-state'

export interface StepOutcome {
  readonly label: string
  readonly error?: unknown
}

export interface CreatedUser {
  readonly userName: string
  readonly created: boolean
  readonly password?: string
  readonly accessKey?: { readonly AccessKeyId: string; readonly SecretAccessKey: string }
  readonly steps: readonly StepOutcome[]
}

/** The groups and attached managed policies of the user to copy from. */
export async function copiedPermissions(userName: string): Promise<PermissionPlan> {
  const [groups, policies] = await Promise.all([
    listAll<IamGroup>('ListGroupsForUser', { UserName: userName }, 'Groups'),
    listAll<AttachedPolicy>('ListAttachedUserPolicies', { UserName: userName }, 'AttachedPolicies')
  ])
  return { groups: groups.map((g) => g.GroupName), policyArns: policies.map((p) => p.PolicyArn) }
}

/** The plan the review shows and creation follows. */
export async function resolvePlan(state: WizardState): Promise<PermissionPlan> {
  const base = planWithoutCopy(state)
  if (state.permissionMode !== 'copy' || !state.copyFrom) return base
  const copied = await copiedPermissions(state.copyFrom)
  return { groups: copied.groups, policyArns: unique([...copied.policyArns, ...base.policyArns]) }
}

export async function createUsers(state: WizardState, plan: PermissionPlan, passwordLength: number): Promise<CreatedUser[]> {
  const results: CreatedUser[] = []
  for (const raw of state.userNames) results.push(await createOne(raw.trim(), state, plan, passwordLength))
  return results
}

async function createOne(userName: string, state: WizardState, plan: PermissionPlan, passwordLength: number): Promise<CreatedUser> {
  const steps: StepOutcome[] = []
  const step = async <T>(label: string, work: () => Promise<T>): Promise<T | undefined> => {
    try {
      const value = await work()
      steps.push({ label })
      return value
    } catch (error) {
      steps.push({ label, error })
      return undefined
    }
  }
  const tags = state.tags.map((t) => ({ Key: t.Key.trim(), Value: t.Value }))
  const created = await step('Create user', () => call('CreateUser', { UserName: userName, ...(tags.length ? { Tags: tags } : {}) }))
  if (!created) return { userName, created: false, steps }
  let password: string | undefined
  if (state.consoleAccess) {
    const candidate = state.passwordKind === 'custom' ? state.customPassword : generatePassword(passwordLength)
    const ok = await step('Create console password', () => call('CreateLoginProfile', { UserName: userName, Password: candidate, PasswordResetRequired: state.requireReset }))
    if (ok) password = candidate
  }
  let accessKey: CreatedUser['accessKey']
  if (state.programmaticAccess) {
    const out = await step('Create access key', () => call<{ AccessKey: { AccessKeyId: string; SecretAccessKey: string } }>('CreateAccessKey', { UserName: userName }))
    if (out) accessKey = { AccessKeyId: out.AccessKey.AccessKeyId, SecretAccessKey: out.AccessKey.SecretAccessKey }
  }
  for (const group of plan.groups) await step(`Add to group ${group}`, () => call('AddUserToGroup', { GroupName: group, UserName: userName }))
  for (const arn of plan.policyArns) {
    const label = arn === CHANGE_PASSWORD_POLICY_ARN ? 'Attach IAMUserChangePassword (to change the password)' : `Attach policy ${arn.split('/').pop()}`
    await step(label, () => call('AttachUserPolicy', { UserName: userName, PolicyArn: arn }))
  }
  return { userName, created: true, ...(password ? { password } : {}), ...(accessKey ? { accessKey } : {}), steps }
}
