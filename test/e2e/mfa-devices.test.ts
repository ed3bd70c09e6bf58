// Virtual MFA devices through the AWS SDK against a started server, with codes computed from the
// seed the server hands out, as an authenticator app computes them: creating devices (seed and
// QR code), enabling, resyncing, deactivating and deleting them, the root user's own device,
// tags, replayed codes, the lockout, what GetAccountSummary and DeleteUser make of devices, and
// enforcement.

import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  CreateAccountAliasCommand,
  CreateUserCommand,
  CreateVirtualMFADeviceCommand,
  DeactivateMFADeviceCommand,
  DeleteAccountAliasCommand,
  DeleteUserCommand,
  DeleteVirtualMFADeviceCommand,
  EnableMFADeviceCommand,
  GetAccountSummaryCommand,
  GetMFADeviceCommand,
  IAMClient,
  ListMFADevicesCommand,
  ListMFADeviceTagsCommand,
  ListVirtualMFADevicesCommand,
  ResyncMFADeviceCommand,
  TagMFADeviceCommand,
  UntagMFADeviceCommand,
  type VirtualMFADevice
} from '@aws-sdk/client-iam'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startServer, type RunningServer } from '../../src/main.js'
import { implicitDenial, userWithPolicy } from './support/credentials-callers.js'
import { codesAhead, consecutiveCodes, PNG_SIGNATURE, readQrCode, seedOf, wrongCodes } from './support/mfa-codes.js'
import { startTestServer, type TestServer } from './support/server.js'

const ACCOUNT = '123456789012'
const mfaArn = (pathAndName: string) => `arn:aws:iam::${ACCOUNT}:mfa/${pathAndName}`

let server: TestServer
let root: IAMClient

beforeAll(async () => {
  server = await startTestServer({ accountId: ACCOUNT })
  root = server.iam()
})
afterAll(async () => {
  await server.close()
})

async function createDevice(name: string, client: IAMClient = root): Promise<{ serial: string; seed: string; device: VirtualMFADevice }> {
  const device = (await client.send(new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: name }))).VirtualMFADevice as VirtualMFADevice
  return { serial: device.SerialNumber as string, seed: seedOf(device.Base32StringSeed), device }
}

async function userWithDevice(userName: string, deviceName = `${userName}-device`): Promise<{ serial: string; seed: string }> {
  await root.send(new CreateUserCommand({ UserName: userName }))
  const { serial, seed } = await createDevice(deviceName)
  await root.send(new EnableMFADeviceCommand({ UserName: userName, SerialNumber: serial, ...consecutiveCodes(seed) }))
  return { serial, seed }
}

async function summary(): Promise<{ MFADevices: number; MFADevicesInUse: number; AccountMFAEnabled: number }> {
  const map = (await root.send(new GetAccountSummaryCommand({}))).SummaryMap ?? {}
  return { MFADevices: map.MFADevices ?? NaN, MFADevicesInUse: map.MFADevicesInUse ?? NaN, AccountMFAEnabled: map.AccountMFAEnabled ?? NaN }
}

const invalidCode = { name: 'InvalidAuthenticationCodeException', message: 'Authentication code for device is not valid.', $metadata: { httpStatusCode: 403 } }
const noSuchDevice = (serial: string) => ({ name: 'NoSuchEntityException', message: `MFA Device with serial number ${serial} does not exist.`, $metadata: { httpStatusCode: 404 } })

describe('creating virtual MFA devices', () => {
  it('returns the serial number, a 64-character base32 seed and a QR code of the otpauth URI', async () => {
    const created = (await root.send(new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: 'alice-phone', Path: '/team/' }))).VirtualMFADevice as VirtualMFADevice
    expect(created.SerialNumber).toBe(mfaArn('team/alice-phone'))
    expect(created.Tags).toBeUndefined()
    const seed = seedOf(created.Base32StringSeed)
    expect(seed).toMatch(/^[A-Z2-7]{64}$/)
    const png = created.QRCodePNG as Uint8Array
    expect([...png.subarray(0, 8)]).toEqual(PNG_SIGNATURE)
    const uri = new URL(readQrCode(png) as string)
    expect(uri.protocol).toBe('otpauth:')
    expect(uri.host).toBe('totp')
    expect(decodeURIComponent(uri.pathname)).toBe(`/Portcullis:alice-phone@${ACCOUNT}`)
    expect(uri.searchParams.get('secret')).toBe(seed)
    expect(uri.searchParams.get('issuer')).toBe('Portcullis')
  })

  it('names the account by its alias in the QR code when it has one', async () => {
    await root.send(new CreateAccountAliasCommand({ AccountAlias: 'mfa-corp' }))
    try {
      const { device } = await createDevice('aliased-device')
      expect(decodeURIComponent(new URL(readQrCode(device.QRCodePNG as Uint8Array) as string).pathname)).toBe('/Portcullis:aliased-device@mfa-corp')
    } finally {
      await root.send(new DeleteAccountAliasCommand({ AccountAlias: 'mfa-corp' }))
    }
  })

  it('gives every device its own seed, and never shows the seed again', async () => {
    const a = await createDevice('seed-a')
    const b = await createDevice('seed-b')
    expect(a.seed).not.toBe(b.seed)
    const listed = (await root.send(new ListVirtualMFADevicesCommand({}))).VirtualMFADevices ?? []
    const entry = listed.find((d) => d.SerialNumber === a.serial)
    expect(entry).toEqual({ SerialNumber: a.serial })
  })

  it('refuses a second device of the same name (in any case or path), and a bad path', async () => {
    await createDevice('twin')
    for (const input of [{ VirtualMFADeviceName: 'twin' }, { VirtualMFADeviceName: 'TWIN', Path: '/other/' }]) {
      await expect(root.send(new CreateVirtualMFADeviceCommand(input))).rejects.toMatchObject({
        name: 'EntityAlreadyExistsException',
        message: 'MFA device already exists.',
        $metadata: { httpStatusCode: 409 }
      })
    }
    await expect(root.send(new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: 'pathless', Path: 'team/' }))).rejects.toMatchObject({
      name: 'ValidationError',
      message: 'The specified value for path is invalid. It must begin and end with / and contain only alphanumeric characters and/or / characters.',
      $metadata: { httpStatusCode: 400 }
    })
    await expect(root.send(new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: 'has space' }))).rejects.toMatchObject({
      name: 'ValidationError',
      message: "1 validation error detected: Value at 'virtualMFADeviceName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]+",
      $metadata: { httpStatusCode: 400 }
    })
  })
})

describe('enabling, listing and deactivating', () => {
  it('assigns a device to a user with two consecutive codes; the lists and GetMFADevice show it', async () => {
    await root.send(new CreateUserCommand({ UserName: 'bob', Path: '/staff/' }))
    const { serial, seed } = await createDevice('bob-phone')
    expect((await root.send(new ListMFADevicesCommand({ UserName: 'bob' }))).MFADevices).toEqual([])
    await root.send(new EnableMFADeviceCommand({ UserName: 'bob', SerialNumber: serial, ...consecutiveCodes(seed) }))

    const listed = (await root.send(new ListMFADevicesCommand({ UserName: 'bob' }))).MFADevices ?? []
    expect(listed).toEqual([{ UserName: 'bob', SerialNumber: serial, EnableDate: expect.any(Date) }])
    const assigned = (await root.send(new ListVirtualMFADevicesCommand({ AssignmentStatus: 'Assigned' }))).VirtualMFADevices ?? []
    expect(assigned.find((d) => d.SerialNumber === serial)).toEqual({
      SerialNumber: serial,
      User: { Path: '/staff/', UserName: 'bob', UserId: expect.stringMatching(/^AIDA/), Arn: `arn:aws:iam::${ACCOUNT}:user/staff/bob`, CreateDate: expect.any(Date) },
      EnableDate: listed[0]?.EnableDate
    })
    const unassigned = (await root.send(new ListVirtualMFADevicesCommand({ AssignmentStatus: 'Unassigned' }))).VirtualMFADevices ?? []
    expect(unassigned.map((d) => d.SerialNumber)).not.toContain(serial)
    const any = (await root.send(new ListVirtualMFADevicesCommand({ AssignmentStatus: 'Any' }))).VirtualMFADevices ?? []
    expect(any.map((d) => d.SerialNumber)).toContain(serial)

    const got = await root.send(new GetMFADeviceCommand({ UserName: 'bob', SerialNumber: serial }))
    expect(got).toMatchObject({ UserName: 'bob', SerialNumber: serial, EnableDate: listed[0]?.EnableDate })
    expect(got.Certifications).toBeUndefined()

    await root.send(new DeactivateMFADeviceCommand({ UserName: 'bob', SerialNumber: serial }))
    expect((await root.send(new ListMFADevicesCommand({ UserName: 'bob' }))).MFADevices).toEqual([])
    const after = (await root.send(new ListVirtualMFADevicesCommand({ AssignmentStatus: 'Unassigned' }))).VirtualMFADevices ?? []
    expect(after.find((d) => d.SerialNumber === serial)).toEqual({ SerialNumber: serial })
  })

  it('answers bad requests with the errors AWS gives', async () => {
    const { serial, seed } = await createDevice('err-phone')
    await root.send(new CreateUserCommand({ UserName: 'erin' }))
    await expect(root.send(new EnableMFADeviceCommand({ UserName: 'nobody', SerialNumber: serial, ...consecutiveCodes(seed) }))).rejects.toMatchObject({
      name: 'NoSuchEntityException',
      message: 'The user with name nobody cannot be found.',
      $metadata: { httpStatusCode: 404 }
    })
    const missing = mfaArn('missing')
    await expect(root.send(new EnableMFADeviceCommand({ UserName: 'erin', SerialNumber: missing, ...consecutiveCodes(seed) }))).rejects.toMatchObject(noSuchDevice(missing))
    await expect(root.send(new DeactivateMFADeviceCommand({ UserName: 'erin', SerialNumber: missing }))).rejects.toMatchObject(noSuchDevice(missing))
    await expect(root.send(new GetMFADeviceCommand({ UserName: 'erin', SerialNumber: serial }))).rejects.toMatchObject(noSuchDevice(serial))
    await expect(root.send(new EnableMFADeviceCommand({ UserName: 'erin', SerialNumber: serial, ...wrongCodes(seed) }))).rejects.toMatchObject(invalidCode)
    const now = consecutiveCodes(seed)
    const sameTwice = { AuthenticationCode1: now.AuthenticationCode2, AuthenticationCode2: now.AuthenticationCode2 }
    await expect(root.send(new EnableMFADeviceCommand({ UserName: 'erin', SerialNumber: serial, ...sameTwice }))).rejects.toMatchObject(invalidCode)
    await expect(
      root.send(new EnableMFADeviceCommand({ UserName: 'erin', SerialNumber: serial, AuthenticationCode1: '12345', AuthenticationCode2: '123456' }))
    ).rejects.toMatchObject({
      name: 'ValidationError',
      $metadata: { httpStatusCode: 400 }
    })

    await root.send(new EnableMFADeviceCommand({ UserName: 'erin', SerialNumber: serial, ...consecutiveCodes(seed) }))
    await root.send(new CreateUserCommand({ UserName: 'erin2' }))
    await expect(root.send(new EnableMFADeviceCommand({ UserName: 'erin2', SerialNumber: serial, ...codesAhead(seed, 1) }))).rejects.toMatchObject({
      name: 'EntityAlreadyExistsException',
      message: 'MFA Device is already in use.',
      $metadata: { httpStatusCode: 409 }
    })
    // Another user's device is not this user's to deactivate or resync.
    await expect(root.send(new DeactivateMFADeviceCommand({ UserName: 'erin2', SerialNumber: serial }))).rejects.toMatchObject(noSuchDevice(serial))
    await expect(root.send(new ResyncMFADeviceCommand({ UserName: 'erin2', SerialNumber: serial, ...codesAhead(seed, 2) }))).rejects.toMatchObject(noSuchDevice(serial))
  })

  it('never accepts the same codes twice', async () => {
    await root.send(new CreateUserCommand({ UserName: 'replay' }))
    const { serial, seed } = await createDevice('replay-phone')
    const codes = consecutiveCodes(seed)
    await root.send(new EnableMFADeviceCommand({ UserName: 'replay', SerialNumber: serial, ...codes }))
    await expect(root.send(new ResyncMFADeviceCommand({ UserName: 'replay', SerialNumber: serial, ...codes }))).rejects.toMatchObject(invalidCode)
    // Re-enabling after a deactivation needs fresh codes too.
    await root.send(new DeactivateMFADeviceCommand({ UserName: 'replay', SerialNumber: serial }))
    await expect(root.send(new EnableMFADeviceCommand({ UserName: 'replay', SerialNumber: serial, ...codes }))).rejects.toMatchObject(invalidCode)
  })

  it('resyncs a device whose clock runs ahead, once per pair of codes', async () => {
    const { serial, seed } = await userWithDevice('drifter')
    // Five steps ahead is beyond what a single code is allowed; resync finds it.
    const ahead = codesAhead(seed, 5)
    await root.send(new ResyncMFADeviceCommand({ UserName: 'drifter', SerialNumber: serial, ...ahead }))
    await expect(root.send(new ResyncMFADeviceCommand({ UserName: 'drifter', SerialNumber: serial, ...ahead }))).rejects.toMatchObject(invalidCode)
    // More than ten minutes off is out of reach.
    await expect(root.send(new ResyncMFADeviceCommand({ UserName: 'drifter', SerialNumber: serial, ...codesAhead(seed, 30) }))).rejects.toMatchObject(invalidCode)
  })

  it('slows down after three wrong codes, refusing even right ones unchecked', async () => {
    await root.send(new CreateUserCommand({ UserName: 'guesser' }))
    const { serial, seed } = await createDevice('guessed-phone')
    for (let i = 0; i < 3; i++) {
      await expect(root.send(new EnableMFADeviceCommand({ UserName: 'guesser', SerialNumber: serial, ...wrongCodes(seed) }))).rejects.toMatchObject(invalidCode)
    }
    await expect(root.send(new EnableMFADeviceCommand({ UserName: 'guesser', SerialNumber: serial, ...consecutiveCodes(seed) }))).rejects.toMatchObject({
      name: 'LimitExceededException',
      message: expect.stringMatching(/^Too many invalid authentication codes for this MFA device\. Try again after \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ\.$/),
      $metadata: { httpStatusCode: 409 }
    })
  })

  it('pages the virtual device list, and rejects a marker it did not issue', async () => {
    await createDevice('page-1')
    await createDevice('page-2')
    const first = await root.send(new ListVirtualMFADevicesCommand({ MaxItems: 1 }))
    expect(first.VirtualMFADevices).toHaveLength(1)
    expect(first.IsTruncated).toBe(true)
    const second = await root.send(new ListVirtualMFADevicesCommand({ MaxItems: 1, Marker: first.Marker }))
    expect(second.VirtualMFADevices?.[0]?.SerialNumber).not.toBe(first.VirtualMFADevices?.[0]?.SerialNumber)
    await expect(root.send(new ListVirtualMFADevicesCommand({ Marker: 'not-a-marker' }))).rejects.toMatchObject({
      name: 'ValidationError',
      message: 'Invalid Marker.',
      $metadata: { httpStatusCode: 400 }
    })
  })
})

describe('deleting', () => {
  it('refuses to delete an assigned device, and deletes it once deactivated', async () => {
    const { serial } = await userWithDevice('dora')
    await expect(root.send(new DeleteVirtualMFADeviceCommand({ SerialNumber: serial }))).rejects.toMatchObject({
      name: 'DeleteConflictException',
      message: 'Cannot delete entity, must deactivate MFA device first.',
      $metadata: { httpStatusCode: 409 }
    })
    await root.send(new DeactivateMFADeviceCommand({ UserName: 'dora', SerialNumber: serial }))
    await root.send(new DeleteVirtualMFADeviceCommand({ SerialNumber: serial }))
    const listed = (await root.send(new ListVirtualMFADevicesCommand({}))).VirtualMFADevices ?? []
    expect(listed.map((d) => d.SerialNumber)).not.toContain(serial)
    await expect(root.send(new DeleteVirtualMFADeviceCommand({ SerialNumber: serial }))).rejects.toMatchObject(noSuchDevice(serial))
    // The name is free again.
    expect((await createDevice('dora-device')).serial).toBe(serial)
  })

  it('refuses to delete a user with an MFA device until the device is deactivated', async () => {
    const { serial } = await userWithDevice('ursula')
    await expect(root.send(new DeleteUserCommand({ UserName: 'ursula' }))).rejects.toMatchObject({
      name: 'DeleteConflictException',
      message: 'Cannot delete entity, must delete MFA device first.',
      $metadata: { httpStatusCode: 409 }
    })
    await root.send(new DeactivateMFADeviceCommand({ UserName: 'ursula', SerialNumber: serial }))
    await root.send(new DeleteUserCommand({ UserName: 'ursula' }))
  })
})

describe("the root user's own device", () => {
  it('is enabled by naming the account ID, listed as the root user, and counted as AccountMFAEnabled', async () => {
    expect((await summary()).AccountMFAEnabled).toBe(0)
    const { serial, seed } = await createDevice('root-account-mfa-device')
    await root.send(new EnableMFADeviceCommand({ UserName: ACCOUNT, SerialNumber: serial, ...consecutiveCodes(seed) }))

    const own = (await root.send(new ListMFADevicesCommand({}))).MFADevices ?? []
    expect(own).toEqual([{ UserName: ACCOUNT, SerialNumber: serial, EnableDate: expect.any(Date) }])
    expect((await root.send(new GetMFADeviceCommand({ SerialNumber: serial }))).SerialNumber).toBe(serial)
    const assigned = (await root.send(new ListVirtualMFADevicesCommand({ AssignmentStatus: 'Assigned' }))).VirtualMFADevices ?? []
    const entry = assigned.find((d) => d.SerialNumber === serial)
    expect(entry?.User).toMatchObject({ UserId: ACCOUNT, Arn: `arn:aws:iam::${ACCOUNT}:root` })
    expect(entry?.User?.UserName).toBeUndefined()
    expect((await summary()).AccountMFAEnabled).toBe(1)

    await root.send(new ResyncMFADeviceCommand({ UserName: ACCOUNT, SerialNumber: serial, ...codesAhead(seed, 3) }))
    // Without a UserName the root user deactivates its own device.
    await root.send(new DeactivateMFADeviceCommand({ SerialNumber: serial }))
    expect((await summary()).AccountMFAEnabled).toBe(0)
    expect((await root.send(new ListMFADevicesCommand({}))).MFADevices).toEqual([])
  })

  it("is the root user's alone: an IAM user naming the account ID names a user that does not exist", async () => {
    const admin = await userWithPolicy(server, 'mfa-admin', [{ Effect: 'Allow', Action: 'iam:*', Resource: '*' }])
    const { serial, seed } = await createDevice('not-for-admin')
    await expect(admin.iam.send(new EnableMFADeviceCommand({ UserName: ACCOUNT, SerialNumber: serial, ...consecutiveCodes(seed) }))).rejects.toMatchObject({
      name: 'NoSuchEntityException',
      message: `The user with name ${ACCOUNT} cannot be found.`
    })
  })
})

describe('tags', () => {
  it('tags on create, tags and untags later, keys case-sensitive, and lists them', async () => {
    const created = (await root.send(new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: 'tagged', Tags: [{ Key: 'team', Value: 'a' }] }))).VirtualMFADevice
    expect(created?.Tags).toEqual([{ Key: 'team', Value: 'a' }])
    const serial = created?.SerialNumber as string
    await root.send(
      new TagMFADeviceCommand({
        SerialNumber: serial,
        Tags: [
          { Key: 'Team', Value: 'b' },
          { Key: 'env', Value: 'dev' }
        ]
      })
    )
    expect((await root.send(new ListMFADeviceTagsCommand({ SerialNumber: serial }))).Tags).toEqual([
      { Key: 'team', Value: 'a' },
      { Key: 'Team', Value: 'b' },
      { Key: 'env', Value: 'dev' }
    ])
    await root.send(new UntagMFADeviceCommand({ SerialNumber: serial, TagKeys: ['team', 'absent'] }))
    const page = await root.send(new ListMFADeviceTagsCommand({ SerialNumber: serial, MaxItems: 1 }))
    expect(page).toMatchObject({ Tags: [{ Key: 'Team', Value: 'b' }], IsTruncated: true })
    expect((await root.send(new ListMFADeviceTagsCommand({ SerialNumber: serial, Marker: page.Marker }))).Tags).toEqual([{ Key: 'env', Value: 'dev' }])
  })

  it('answers tag errors as IAM does', async () => {
    const { serial } = await createDevice('tag-errors')
    const missing = mfaArn('no-tags-here')
    await expect(root.send(new TagMFADeviceCommand({ SerialNumber: missing, Tags: [{ Key: 'a', Value: 'b' }] }))).rejects.toMatchObject(noSuchDevice(missing))
    await expect(root.send(new ListMFADeviceTagsCommand({ SerialNumber: missing }))).rejects.toMatchObject(noSuchDevice(missing))
    await expect(root.send(new UntagMFADeviceCommand({ SerialNumber: missing, TagKeys: ['a'] }))).rejects.toMatchObject(noSuchDevice(missing))
    const twice = [
      { Key: 'k', Value: '1' },
      { Key: 'k', Value: '2' }
    ]
    await expect(root.send(new TagMFADeviceCommand({ SerialNumber: serial, Tags: twice }))).rejects.toMatchObject({
      name: 'InvalidInputException',
      message: 'Duplicate tag keys found.',
      $metadata: { httpStatusCode: 400 }
    })
    await root.send(new TagMFADeviceCommand({ SerialNumber: serial, Tags: Array.from({ length: 50 }, (_, i) => ({ Key: `k${i}`, Value: 'v' })) }))
    await expect(root.send(new TagMFADeviceCommand({ SerialNumber: serial, Tags: [{ Key: 'one-more', Value: 'v' }] }))).rejects.toMatchObject({
      name: 'LimitExceededException',
      message: 'The number of tags has reached the maximum limit.',
      $metadata: { httpStatusCode: 409 }
    })
  })
})

describe('GetAccountSummary', () => {
  it('counts every device in MFADevices and the assigned ones in MFADevicesInUse', async () => {
    const before = await summary()
    await root.send(new CreateUserCommand({ UserName: 'counted' }))
    const { serial, seed } = await createDevice('counted-phone')
    expect(await summary()).toMatchObject({ MFADevices: before.MFADevices + 1, MFADevicesInUse: before.MFADevicesInUse })
    await root.send(new EnableMFADeviceCommand({ UserName: 'counted', SerialNumber: serial, ...consecutiveCodes(seed) }))
    expect(await summary()).toMatchObject({ MFADevices: before.MFADevices + 1, MFADevicesInUse: before.MFADevicesInUse + 1, AccountMFAEnabled: before.AccountMFAEnabled })
    await root.send(new DeactivateMFADeviceCommand({ UserName: 'counted', SerialNumber: serial }))
    await root.send(new DeleteVirtualMFADeviceCommand({ SerialNumber: serial }))
    expect(await summary()).toMatchObject({ MFADevices: before.MFADevices, MFADevicesInUse: before.MFADevicesInUse })
  })
})

describe('enforcement', () => {
  it('lets a user manage their own MFA device with the self-service policy, and nobody else’s', async () => {
    const carol = await userWithPolicy(server, 'carol', [
      {
        Effect: 'Allow',
        Action: ['iam:*MFADevice', 'iam:ListMFADevices'],
        Resource: ['arn:aws:iam::*:mfa/${aws:username}', 'arn:aws:iam::*:user/${aws:username}']
      }
    ])
    await root.send(new CreateUserCommand({ UserName: 'dave' }))
    const { serial, seed } = await createDevice('carol', carol.iam)
    expect(serial).toBe(mfaArn('carol'))
    await carol.iam.send(new EnableMFADeviceCommand({ UserName: 'carol', SerialNumber: serial, ...consecutiveCodes(seed) }))
    expect((await carol.iam.send(new ListMFADevicesCommand({}))).MFADevices?.map((d) => d.SerialNumber)).toEqual([serial])
    expect((await carol.iam.send(new ListMFADevicesCommand({ UserName: 'carol' }))).MFADevices?.map((d) => d.SerialNumber)).toEqual([serial])
    expect((await carol.iam.send(new GetMFADeviceCommand({ SerialNumber: serial }))).UserName).toBe('carol')
    await carol.iam.send(new ResyncMFADeviceCommand({ UserName: 'carol', SerialNumber: serial, ...codesAhead(seed, 2) }))

    const denied = (action: string, resource: string) => ({ name: 'AccessDenied', message: implicitDenial(carol.arn, action, resource), $metadata: { httpStatusCode: 403 } })
    await expect(carol.iam.send(new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: 'dave' }))).rejects.toMatchObject(denied('iam:CreateVirtualMFADevice', mfaArn('dave')))
    await expect(carol.iam.send(new ListMFADevicesCommand({ UserName: 'dave' }))).rejects.toMatchObject(denied('iam:ListMFADevices', 'user dave'))
    const daves = await createDevice('daves-phone')
    await expect(carol.iam.send(new EnableMFADeviceCommand({ UserName: 'dave', SerialNumber: daves.serial, ...consecutiveCodes(daves.seed) }))).rejects.toMatchObject(
      denied('iam:EnableMFADevice', 'user dave')
    )
    await expect(carol.iam.send(new ListVirtualMFADevicesCommand({}))).rejects.toMatchObject(denied('iam:ListVirtualMFADevices', '*'))
    await expect(carol.iam.send(new DeleteVirtualMFADeviceCommand({ SerialNumber: daves.serial }))).rejects.toMatchObject(denied('iam:DeleteVirtualMFADevice', daves.serial))
  })

  it('does not read iam:*MFADevice as ListMFADevices, which ends in Devices', async () => {
    const erik = await userWithPolicy(server, 'erik', [{ Effect: 'Allow', Action: 'iam:*MFADevice', Resource: '*' }])
    await expect(erik.iam.send(new ListMFADevicesCommand({}))).rejects.toMatchObject({
      name: 'AccessDenied',
      message: implicitDenial(erik.arn, 'iam:ListMFADevices', 'user erik')
    })
  })

  it('denies every action a user is not allowed, with the resource AWS names', async () => {
    const frank = await userWithPolicy(server, 'frank', [{ Effect: 'Allow', Action: ['iam:ListVirtualMFADevices', 'iam:CreateVirtualMFADevice'], Resource: '*' }])
    const { serial, seed } = await createDevice('franks-phone', frank.iam)
    expect((await frank.iam.send(new ListVirtualMFADevicesCommand({}))).VirtualMFADevices?.map((d) => d.SerialNumber)).toContain(serial)
    const denied = (action: string, resource: string) => ({ name: 'AccessDenied', message: implicitDenial(frank.arn, action, resource), $metadata: { httpStatusCode: 403 } })
    const codes = consecutiveCodes(seed)
    const attempts: [Promise<unknown>, string, string][] = [
      [frank.iam.send(new EnableMFADeviceCommand({ UserName: 'frank', SerialNumber: serial, ...codes })), 'iam:EnableMFADevice', 'user frank'],
      [frank.iam.send(new ResyncMFADeviceCommand({ UserName: 'frank', SerialNumber: serial, ...codes })), 'iam:ResyncMFADevice', 'user frank'],
      [frank.iam.send(new DeactivateMFADeviceCommand({ UserName: 'frank', SerialNumber: serial })), 'iam:DeactivateMFADevice', 'user frank'],
      [frank.iam.send(new ListMFADevicesCommand({})), 'iam:ListMFADevices', 'user frank'],
      [frank.iam.send(new GetMFADeviceCommand({ SerialNumber: serial })), 'iam:GetMFADevice', 'user frank'],
      [frank.iam.send(new DeleteVirtualMFADeviceCommand({ SerialNumber: serial })), 'iam:DeleteVirtualMFADevice', serial],
      [frank.iam.send(new TagMFADeviceCommand({ SerialNumber: serial, Tags: [{ Key: 'a', Value: 'b' }] })), 'iam:TagMFADevice', serial],
      [frank.iam.send(new UntagMFADeviceCommand({ SerialNumber: serial, TagKeys: ['a'] })), 'iam:UntagMFADevice', serial],
      [frank.iam.send(new ListMFADeviceTagsCommand({ SerialNumber: serial })), 'iam:ListMFADeviceTags', serial]
    ]
    for (const [attempt, action, resource] of attempts) await expect(attempt).rejects.toMatchObject(denied(action, resource))
    // Authorization comes first: a device that does not exist is denied, not reported missing.
    await expect(frank.iam.send(new DeleteVirtualMFADeviceCommand({ SerialNumber: mfaArn('ghost') }))).rejects.toMatchObject(denied('iam:DeleteVirtualMFADevice', mfaArn('ghost')))
  })

  it('applies tag conditions: aws:RequestTag on create and aws:ResourceTag on the device', async () => {
    const gina = await userWithPolicy(server, 'gina', [
      { Effect: 'Allow', Action: 'iam:CreateVirtualMFADevice', Resource: '*', Condition: { StringEquals: { 'aws:RequestTag/owner': '${aws:username}' } } },
      { Effect: 'Allow', Action: 'iam:TagMFADevice', Resource: '*', Condition: { StringEquals: { 'aws:ResourceTag/owner': '${aws:username}' } } }
    ])
    await expect(gina.iam.send(new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: 'gina-untagged' }))).rejects.toMatchObject({ name: 'AccessDenied' })
    const own = (await gina.iam.send(new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: 'gina-tagged', Tags: [{ Key: 'owner', Value: 'gina' }] }))).VirtualMFADevice
    await gina.iam.send(new TagMFADeviceCommand({ SerialNumber: own?.SerialNumber, Tags: [{ Key: 'color', Value: 'green' }] }))
    const other = (await root.send(new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: 'not-gina', Tags: [{ Key: 'owner', Value: 'someone' }] }))).VirtualMFADevice
    await expect(gina.iam.send(new TagMFADeviceCommand({ SerialNumber: other?.SerialNumber, Tags: [{ Key: 'color', Value: 'red' }] }))).rejects.toMatchObject({
      name: 'AccessDenied',
      message: implicitDenial(gina.arn, 'iam:TagMFADevice', other?.SerialNumber as string)
    })
  })
})

describe('lockout over time (a server whose clock the test moves)', () => {
  let running: RunningServer
  let dataDir: string
  let offsetMs = 0
  const now = () => Date.now() + offsetMs
  // A client whose signing clock moves with the server's, as a real client's clock would.
  const client = () =>
    new IAMClient({
      endpoint: running.url,
      region: 'us-east-1',
      credentials: running.createdRootCredentials as NonNullable<RunningServer['createdRootCredentials']>,
      maxAttempts: 1,
      systemClockOffset: offsetMs
    })

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'portcullis-e2e-mfa-'))
    running = await startServer({ host: '127.0.0.1', port: 0, dataDir, authMode: 'enforce', accountId: ACCOUNT, clock: { now: () => new Date(now()) } })
  })
  afterAll(async () => {
    await running.close()
    rmSync(dataDir, { recursive: true, force: true })
  })

  it('backs off after three wrong codes, locks for 15 minutes after ten, then takes the right codes', async () => {
    await client().send(new CreateUserCommand({ UserName: 'locked-out' }))
    const created = (await client().send(new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: 'locked-phone' }))).VirtualMFADevice
    const serial = created?.SerialNumber as string
    const seed = seedOf(created?.Base32StringSeed)
    const enable = (codes: { AuthenticationCode1: string; AuthenticationCode2: string }) =>
      client().send(new EnableMFADeviceCommand({ UserName: 'locked-out', SerialNumber: serial, ...codes }))
    const refused = { name: 'LimitExceededException', $metadata: { httpStatusCode: 409 } }

    for (let i = 0; i < 3; i++) await expect(enable(wrongCodes(seed, now()))).rejects.toMatchObject(invalidCode)
    // After the third failure each wait doubles: 5 s, 10 s, ... 320 s.
    for (let failure = 4, wait = 5_000; failure <= 10; failure++, wait *= 2) {
      offsetMs += wait - 1_000
      await expect(enable(consecutiveCodes(seed, now()))).rejects.toMatchObject(refused)
      offsetMs += 1_000
      await expect(enable(wrongCodes(seed, now()))).rejects.toMatchObject(invalidCode)
    }
    offsetMs += 14 * 60_000
    await expect(enable(consecutiveCodes(seed, now()))).rejects.toMatchObject(refused)
    offsetMs += 60_000
    await enable(consecutiveCodes(seed, now()))
    expect((await client().send(new ListMFADevicesCommand({ UserName: 'locked-out' }))).MFADevices?.map((d) => d.SerialNumber)).toEqual([serial])
  })
})
