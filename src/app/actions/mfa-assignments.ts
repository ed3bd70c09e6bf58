// MFA devices and their owners: EnableMFADevice, ResyncMFADevice, DeactivateMFADevice,
// ListMFADevices, GetMFADevice. Each names its owner by UserName (mfa/target.ts: an IAM user, or
// the root user naming its account ID) and authorizes on that user, as the Service Authorization
// Reference lists them. Codes are checked under app/mfa's rules; a failed attempt is committed
// (it counts towards the lockout) and only then answered with an error.

import type { DeactivateMFADeviceRequest, EnableMFADeviceRequest, GetMFADeviceRequest, ListMFADevicesRequest, ResyncMFADeviceRequest } from '@aws-sdk/client-iam'
import type { ActionTable, Call } from '../call.js'
import { attemptCodes } from '../mfa/code-attempt.js'
import { checkConsecutiveCodes, DRIFT_WINDOW, RESYNC_WINDOW } from '../mfa/code-check.js'
import { requireDevice } from '../mfa/devices.js'
import { attemptError, MFA_DEVICES_PER_OWNER, mfaDeviceInUse, noSuchMfaDevice, tooManyOwnerDevices } from '../mfa/errors.js'
import { mfaDeviceOutput } from '../mfa/outputs.js'
import { mfaTarget, ownedBy, ownerOf, targetName } from '../mfa/target.js'
import { currentOwner } from '../shared/credentials-target.js'
import { pageFields, pageOf, pageRequest } from '../shared/paging.js'

async function enableMFADevice(call: Call, raw: unknown) {
  const input = raw as EnableMFADeviceRequest
  const serialNumber = input.SerialNumber as string
  const target = await mfaTarget(call, input.UserName, 'iam:EnableMFADevice')
  const now = call.now
  const outcome = await call.write(
    async (tx) => {
      const owner = ownerOf(await currentOwner(tx, call.accountId, target))
      const device = await requireDevice(tx, call.accountId, serialNumber)
      if (device.owner) throw mfaDeviceInUse()
      if ((await tx.mfaDevices.forOwner(call.accountId, owner)).length >= MFA_DEVICES_PER_OWNER) throw tooManyOwnerDevices()
      const seed = call.ctx.secrets.open(device.seedCipher)
      const result = await attemptCodes(tx, device, now, (state) =>
        checkConsecutiveCodes(seed, state, input.AuthenticationCode1 as string, input.AuthenticationCode2 as string, now, DRIFT_WINDOW)
      )
      if (result.ok && !(await tx.mfaDevices.assign(call.accountId, device.id, owner, now))) throw mfaDeviceInUse()
      return result
    },
    { affectsAuthorization: true }
  )
  if (!outcome.ok) throw attemptError(outcome)
  return undefined
}

/** Finds the device's codes again after its clock has drifted: two consecutive codes within ten minutes of ours. */
async function resyncMFADevice(call: Call, raw: unknown) {
  const input = raw as ResyncMFADeviceRequest
  const serialNumber = input.SerialNumber as string
  const target = await mfaTarget(call, input.UserName, 'iam:ResyncMFADevice')
  const now = call.now
  const outcome = await call.write(async (tx) => {
    const owner = await currentOwner(tx, call.accountId, target)
    const device = await requireDevice(tx, call.accountId, serialNumber)
    if (!ownedBy(device.owner, owner)) throw noSuchMfaDevice(serialNumber)
    const seed = call.ctx.secrets.open(device.seedCipher)
    return attemptCodes(tx, device, now, (state) =>
      checkConsecutiveCodes(seed, state, input.AuthenticationCode1 as string, input.AuthenticationCode2 as string, now, RESYNC_WINDOW)
    )
  })
  if (!outcome.ok) throw attemptError(outcome)
  return undefined
}

async function deactivateMFADevice(call: Call, raw: unknown) {
  const input = raw as DeactivateMFADeviceRequest
  const serialNumber = input.SerialNumber as string
  const target = await mfaTarget(call, input.UserName, 'iam:DeactivateMFADevice')
  await call.write(
    async (tx) => {
      const owner = await currentOwner(tx, call.accountId, target)
      const device = await requireDevice(tx, call.accountId, serialNumber)
      if (!ownedBy(device.owner, owner)) throw noSuchMfaDevice(serialNumber)
      await tx.mfaDevices.unassign(call.accountId, device.id)
    },
    { affectsAuthorization: true }
  )
  return undefined
}

async function listMFADevices(call: Call, raw: unknown) {
  const input = raw as ListMFADevicesRequest
  const target = await mfaTarget(call, input.UserName, 'iam:ListMFADevices')
  const devices = await call.read.mfaDevices.forOwner(call.accountId, ownerOf(target))
  const page = pageOf(devices, pageRequest(input))
  const name = targetName(call, target)
  return { MFADevices: page.items.map((d) => mfaDeviceOutput(d, name)), ...pageFields(page) }
}

/**
 * AWS documents GetMFADevice for FIDO security keys; for a virtual device assigned to the
 * named user we answer with what we know, and without Certifications (a virtual device has none).
 */
async function getMFADevice(call: Call, raw: unknown) {
  const input = raw as GetMFADeviceRequest
  const serialNumber = input.SerialNumber as string
  const target = await mfaTarget(call, input.UserName, 'iam:GetMFADevice')
  const device = await call.read.mfaDevices.bySerial(call.accountId, serialNumber)
  if (!device || !ownedBy(device.owner, target)) throw noSuchMfaDevice(serialNumber)
  return { UserName: targetName(call, target), SerialNumber: device.serialNumber, EnableDate: device.enabledAt }
}

export const mfaAssignmentsActions: ActionTable = {
  EnableMFADevice: enableMFADevice,
  ResyncMFADevice: resyncMFADevice,
  DeactivateMFADevice: deactivateMFADevice,
  ListMFADevices: listMFADevices,
  GetMFADevice: getMFADevice
}
