// MFA devices rendered as the API's structures: MFADevice (ListMFADevices), VirtualMFADevice
// (ListVirtualMFADevices) with the user it is assigned to.

import { rootArn } from '../../core/arn.js'
import type { AccountRecord, MfaDeviceRecord, UserRecord } from '../../store/ports/records.js'

export function mfaDeviceOutput(device: MfaDeviceRecord, userName: string): Record<string, unknown> {
  return { UserName: userName, SerialNumber: device.serialNumber, EnableDate: device.enabledAt }
}

/** The User element of an assigned device: the IAM user's basic fields, as ListUsers gives them. */
export function assignedUserOutput(u: UserRecord): Record<string, unknown> {
  return { Path: u.path, UserName: u.name, UserId: u.id, Arn: u.arn, CreateDate: u.createdAt, ...(u.passwordLastUsed ? { PasswordLastUsed: u.passwordLastUsed } : {}) }
}

/** The root user as AWS shows it in place of a User: no name and no path, its ID is the account ID (as GetUser answers the root user). */
export function rootUserOutput(accountId: string, account: AccountRecord | undefined): Record<string, unknown> {
  return {
    UserId: accountId,
    Arn: rootArn(accountId),
    CreateDate: account?.createdAt ?? new Date(0),
    ...(account?.rootPasswordLastUsed ? { PasswordLastUsed: account.rootPasswordLastUsed } : {})
  }
}

export function virtualDeviceOutput(device: MfaDeviceRecord, user: Record<string, unknown> | undefined): Record<string, unknown> {
  return { SerialNumber: device.serialNumber, ...(user ? { User: user } : {}), ...(device.enabledAt ? { EnableDate: device.enabledAt } : {}) }
}
