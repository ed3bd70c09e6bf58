// Virtual MFA devices as resources: CreateVirtualMFADevice, DeleteVirtualMFADevice,
// ListVirtualMFADevices, and their tags (TagMFADevice, UntagMFADevice, ListMFADeviceTags).
// Assigning a device to its user is mfa-assignments.ts.

import type {
  CreateVirtualMFADeviceRequest,
  DeleteVirtualMFADeviceRequest,
  ListMFADeviceTagsRequest,
  ListVirtualMFADevicesRequest,
  TagMFADeviceRequest,
  UntagMFADeviceRequest
} from '@aws-sdk/client-iam'
import { iamErrors } from '../../core/aws-error.js'
import { iamArn } from '../../core/arn.js'
import { newId } from '../../core/ids.js'
import { UniqueViolation } from '../../store/ports/repositories.js'
import type { MfaDeviceRecord, Tag } from '../../store/ports/records.js'
import type { ActionTable, Call } from '../call.js'
import { mfaDeviceAssigned, mfaDeviceExists, noSuchMfaDevice, tooManyVirtualDevices, VIRTUAL_MFA_DEVICES_PER_ACCOUNT } from '../mfa/errors.js'
import { requireDevice } from '../mfa/devices.js'
import { assignedUserOutput, rootUserOutput, virtualDeviceOutput } from '../mfa/outputs.js'
import { provisioningUri, qrCodePng } from '../mfa/provisioning.js'
import { newBase32Seed } from '../mfa/seed.js'
import { listing, pageFields, pageRequest } from '../shared/paging.js'
import { checkPath, pathOrRoot } from '../shared/paths.js'
import { checkNewTags, checkTagCount, mergeTags, requestTagContext, tagKeysContext, tagsOf } from '../shared/tags.js'

/** serialNumberType's maximum: a longer serial could never be named in another call. */
const MAX_SERIAL_LENGTH = 256

async function createVirtualMFADevice(call: Call, raw: unknown) {
  const input = raw as CreateVirtualMFADeviceRequest
  const name = input.VirtualMFADeviceName as string
  const path = pathOrRoot(input.Path)
  checkPath(path)
  const tags = tagsOf(input.Tags)
  const serialNumber = iamArn(call.accountId, 'mfa', path, name)
  await call.authorize({ action: 'iam:CreateVirtualMFADevice', resource: serialNumber, context: requestTagContext(tags) })
  checkNewTags(tags, 'mfa')
  // Ours: AWS documents no limit on the name; this keeps the serial number usable.
  if (serialNumber.length > MAX_SERIAL_LENGTH) throw iamErrors.invalidInput(`The serial number ${serialNumber} would be longer than ${MAX_SERIAL_LENGTH} characters.`)

  const seed = newBase32Seed(call.ctx.random)
  const account = await call.read.accounts.get(call.accountId)
  const png = await qrCodePng(provisioningUri(name, account?.alias ?? call.accountId, seed))
  const device: MfaDeviceRecord = {
    id: newId('mfaDevice', call.ctx.random),
    accountId: call.accountId,
    name,
    path,
    serialNumber,
    seedCipher: call.ctx.secrets.seal(seed),
    createdAt: call.now,
    owner: undefined,
    enabledAt: undefined,
    codes: { lastUsedStep: undefined, driftSteps: 0, failedAttempts: 0, lastFailedAt: undefined, lockedUntil: undefined }
  }
  await call.write(async (tx) => {
    if (await tx.mfaDevices.byName(call.accountId, name)) throw mfaDeviceExists()
    if ((await tx.mfaDevices.countUpTo(call.accountId, VIRTUAL_MFA_DEVICES_PER_ACCOUNT)) >= VIRTUAL_MFA_DEVICES_PER_ACCOUNT) throw tooManyVirtualDevices()
    try {
      await tx.mfaDevices.insert(device)
    } catch (e) {
      if (e instanceof UniqueViolation) throw mfaDeviceExists()
      throw e
    }
    if (tags.length) await tx.tags.put(call.accountId, 'mfa', device.id, tags)
  })
  // The only time the seed leaves the server: the API returns it once, on creation.
  return {
    VirtualMFADevice: {
      SerialNumber: serialNumber,
      Base32StringSeed: new TextEncoder().encode(seed),
      QRCodePNG: png,
      ...(tags.length ? { Tags: tags } : {})
    }
  }
}

/** The device a call names, authorized for `action` on its ARN before anyone learns whether it exists. */
async function authorizedDevice(call: Call, serialNumber: string, action: string, context?: Record<string, string | string[]>): Promise<{ device: MfaDeviceRecord; tags: Tag[] }> {
  const device = await call.read.mfaDevices.bySerial(call.accountId, serialNumber)
  const tags = device ? await call.read.tags.list('mfa', device.id) : []
  await call.authorize({ action, resource: device?.serialNumber ?? serialNumber, resourceTags: tags, ...(context ? { context } : {}) })
  if (!device) throw noSuchMfaDevice(serialNumber)
  return { device, tags }
}

async function deleteVirtualMFADevice(call: Call, raw: unknown) {
  const serialNumber = (raw as DeleteVirtualMFADeviceRequest).SerialNumber as string
  await authorizedDevice(call, serialNumber, 'iam:DeleteVirtualMFADevice')
  await call.write(async (tx) => {
    const device = await requireDevice(tx, call.accountId, serialNumber)
    if (device.owner) throw mfaDeviceAssigned()
    await tx.tags.removeAll('mfa', device.id)
    await tx.mfaDevices.delete(call.accountId, device.id)
  })
  return undefined
}

async function listVirtualMFADevices(call: Call, raw: unknown) {
  const input = raw as ListVirtualMFADevicesRequest
  // Wildcard-only in the Service Authorization Reference.
  await call.authorize({ action: 'iam:ListVirtualMFADevices', resource: '*' })
  const assigned = input.AssignmentStatus === 'Assigned' ? true : input.AssignmentStatus === 'Unassigned' ? false : undefined
  const page = await listing(() => call.read.mfaDevices.list(call.accountId, { assigned }, pageRequest(input)))
  const items: Record<string, unknown>[] = []
  for (const device of page.items) items.push(virtualDeviceOutput(device, await assignee(call, device)))
  return { VirtualMFADevices: items, ...pageFields(page) }
}

/** The User element of an assigned device: the IAM user, or the root user. */
async function assignee(call: Call, device: MfaDeviceRecord): Promise<Record<string, unknown> | undefined> {
  if (device.owner?.kind === 'root') return rootUserOutput(call.accountId, await call.read.accounts.get(call.accountId))
  if (device.owner?.kind !== 'user') return undefined
  const user = await call.read.users.byId(call.accountId, device.owner.userId)
  return user ? assignedUserOutput(user) : undefined
}

async function tagMFADevice(call: Call, raw: unknown) {
  const input = raw as TagMFADeviceRequest
  const serialNumber = input.SerialNumber as string
  const tags = tagsOf(input.Tags)
  await authorizedDevice(call, serialNumber, 'iam:TagMFADevice', requestTagContext(tags))
  checkNewTags(tags, 'mfa')
  await call.write(async (tx) => {
    const device = await requireDevice(tx, call.accountId, serialNumber)
    checkTagCount(mergeTags(await tx.tags.list('mfa', device.id), tags, 'mfa').length)
    await tx.tags.put(call.accountId, 'mfa', device.id, tags)
  })
  return undefined
}

async function untagMFADevice(call: Call, raw: unknown) {
  const input = raw as UntagMFADeviceRequest
  const serialNumber = input.SerialNumber as string
  const keys = input.TagKeys ?? []
  await authorizedDevice(call, serialNumber, 'iam:UntagMFADevice', tagKeysContext(keys))
  await call.write(async (tx) => {
    const device = await requireDevice(tx, call.accountId, serialNumber)
    await tx.tags.remove('mfa', device.id, keys)
  })
  return undefined
}

async function listMFADeviceTags(call: Call, raw: unknown) {
  const input = raw as ListMFADeviceTagsRequest
  const { device } = await authorizedDevice(call, input.SerialNumber as string, 'iam:ListMFADeviceTags')
  const page = await listing(() => call.read.tags.page('mfa', device.id, pageRequest(input)))
  return { Tags: page.items, ...pageFields(page) }
}

export const virtualMfaDevicesActions: ActionTable = {
  CreateVirtualMFADevice: createVirtualMFADevice,
  DeleteVirtualMFADevice: deleteVirtualMFADevice,
  ListVirtualMFADevices: listVirtualMFADevices,
  TagMFADevice: tagMFADevice,
  UntagMFADevice: untagMFADevice,
  ListMFADeviceTags: listMFADeviceTags
}
