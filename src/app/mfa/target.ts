// Whose MFA devices an action manages, authorized against that principal:
//
// - a UserName names that IAM user (AccessDenied comes before NoSuchEntity, as everywhere);
// - without a UserName (ListMFADevices, GetMFADevice, DeactivateMFADevice): the caller itself,
//   an IAM user its own devices and the root user the root user's; other callers must name one;
// - the root user naming its own account ID, when no IAM user has that name, names itself. AWS
//   assigns the root user's MFA only in its console; this server has none, so this is how the
//   root user enables, resyncs and deactivates its own devices (docs/iam-behaviour.md).

import { rootArn } from '../../core/arn.js'
import type { MfaOwner } from '../../store/ports/records.js'
import type { Call } from '../call.js'
import { credentialOwner, type CredentialOwner } from '../shared/credentials-target.js'

export type MfaTarget = CredentialOwner

export async function mfaTarget(call: Call, userName: string | undefined, action: string): Promise<MfaTarget> {
  if (call.caller.kind === 'root' && (userName === undefined || (userName === call.accountId && !(await call.read.users.byName(call.accountId, userName))))) {
    await call.authorize({ action, resource: rootArn(call.accountId) })
    return { kind: 'root' }
  }
  return credentialOwner(call, userName, action)
}

/** The target as the store records an assignment. */
export function ownerOf(target: MfaTarget): MfaOwner {
  return target.kind === 'root' ? { kind: 'root' } : { kind: 'user', userId: target.user.id }
}

/** Whether a device assigned to `owner` belongs to the target. */
export function ownedBy(owner: MfaOwner | undefined, target: MfaTarget): boolean {
  if (owner === undefined) return false
  return target.kind === 'root' ? owner.kind === 'root' : owner.kind === 'user' && owner.userId === target.user.id
}

/** `UserName` as MFA outputs give it: the user's name, and the account ID for the root user (our choice). */
export function targetName(call: Call, target: MfaTarget): string {
  return target.kind === 'root' ? call.accountId : target.user.name
}
