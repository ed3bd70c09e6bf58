// The MFA family's errors and quotas, with AWS's messages where they are on record and ours,
// marked, where they are not (docs/iam-behaviour.md, "MFA devices").

import { AwsError, iamErrors } from '../../core/aws-error.js'
import type { AttemptOutcome } from './code-attempt.js'

/** AWS's quota equals the users quota (IAM quotas page); the quota's name in the message is inferred. */
export const VIRTUAL_MFA_DEVICES_PER_ACCOUNT = 5000
/** Up to eight MFA devices per user and per root user (IAM quotas page); message inferred. */
export const MFA_DEVICES_PER_OWNER = 8

export const noSuchMfaDevice = (serialNumber: string) => iamErrors.noSuchEntity(`MFA Device with serial number ${serialNumber} does not exist.`)
export const mfaDeviceExists = () => iamErrors.entityAlreadyExists('MFA device already exists.')
export const mfaDeviceInUse = () => iamErrors.entityAlreadyExists('MFA Device is already in use.')
/** Wording inferred, in the style of IAM's other DeleteConflict messages. */
export const mfaDeviceAssigned = () => iamErrors.deleteConflict('Cannot delete entity, must deactivate MFA device first.')
export const tooManyVirtualDevices = () => iamErrors.limitExceeded(`Cannot exceed quota for VirtualMFADevicesPerAccount: ${VIRTUAL_MFA_DEVICES_PER_ACCOUNT}`)
export const tooManyOwnerDevices = () => iamErrors.limitExceeded(`Cannot exceed quota for MFADevicesPerUser: ${MFA_DEVICES_PER_OWNER}`)

/** The error for a failed attempt (EnableMFADevice, ResyncMFADevice). */
export function attemptError(outcome: Exclude<AttemptOutcome, { ok: true }>): AwsError {
  if (outcome.reason === 'locked') {
    // Ours: AWS publishes no lockout. LimitExceeded is modelled for both actions.
    const until = outcome.until.toISOString().replace(/\.\d{3}Z$/, 'Z')
    return iamErrors.limitExceeded(`Too many invalid authentication codes for this MFA device. Try again after ${until}.`)
  }
  // A replayed code gets the same answer as a wrong one: the caller learns nothing more.
  return new AwsError('InvalidAuthenticationCode', 'Authentication code for device is not valid.', 403)
}
