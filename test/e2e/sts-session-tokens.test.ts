// STS GetSessionToken (with and without MFA) and GetFederationToken through the AWS SDK against
// a started server: what the sessions are, what they may call, how long they last, and the MFA
// rules (a fresh code from the caller's own device, never the same code twice).

import { CreateVirtualMFADeviceCommand, EnableMFADeviceCommand, ListUsersCommand } from '@aws-sdk/client-iam'
import { GetCallerIdentityCommand, GetFederationTokenCommand, GetSessionTokenCommand, type STSClient } from '@aws-sdk/client-sts'
import { TOTP } from 'otpauth'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { OffsetClock } from '../../src/core/clock.js'
import { userWithPolicy, type TestUser } from './support/credentials-callers.js'
import { failure } from './support/failure.js'
import { startTestServer, type Credentials, type TestServer } from './support/server.js'

const ACCOUNT = '123456789012'
const clock = new OffsetClock()
let server: TestServer
let dave: TestUser // may list users and federate
let erin: TestUser // has an MFA device

const credentialsOf = (out: {
  Credentials?: { AccessKeyId?: string | undefined; SecretAccessKey?: string | undefined; SessionToken?: string | undefined } | undefined
}): Credentials => ({
  accessKeyId: out.Credentials?.AccessKeyId as string,
  secretAccessKey: out.Credentials?.SecretAccessKey as string,
  sessionToken: out.Credentials?.SessionToken as string
})

/** The code an authenticator app shows at the server's time, `steps` 30-second steps from now. */
function codeAt(totp: TOTP, steps = 0): string {
  return totp.generate({ timestamp: clock.now().getTime() + steps * 30_000 })
}

let erinDevice: { serial: string; totp: TOTP }

beforeAll(async () => {
  server = await startTestServer({ accountId: ACCOUNT, clock })
  dave = await userWithPolicy(server, 'dave', [{ Effect: 'Allow', Action: ['iam:ListUsers', 'sts:GetFederationToken'], Resource: '*' }])
  erin = await userWithPolicy(server, 'erin', [{ Effect: 'Allow', Action: 'iam:ListUsers', Resource: '*' }])
  const created = await server.iam().send(new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: 'erin-phone' }))
  const serial = created.VirtualMFADevice?.SerialNumber as string
  const totp = new TOTP({ secret: Buffer.from(created.VirtualMFADevice?.Base32StringSeed as Uint8Array).toString('ascii'), digits: 6, period: 30, algorithm: 'SHA1' })
  await server.iam().send(new EnableMFADeviceCommand({ UserName: 'erin', SerialNumber: serial, AuthenticationCode1: codeAt(totp, -1), AuthenticationCode2: codeAt(totp) }))
  erinDevice = { serial, totp }
})
afterAll(async () => {
  await server.close()
})

describe('GetSessionToken', () => {
  it('gives a user a session that acts as the user for 12 hours by default', async () => {
    const out = await server.sts(dave.credentials).send(new GetSessionTokenCommand({}))
    expect(out.Credentials?.AccessKeyId).toMatch(/^ASIA/)
    const hours = ((out.Credentials?.Expiration?.getTime() ?? 0) - clock.now().getTime()) / 3600_000
    expect(hours).toBeGreaterThan(11.9)
    expect(hours).toBeLessThanOrEqual(12)
    const identity = await server.sts(credentialsOf(out)).send(new GetCallerIdentityCommand({}))
    expect(identity.Arn).toBe(dave.arn)
  })

  it('gives the root user an hour at most', async () => {
    const out = await server.sts().send(new GetSessionTokenCommand({ DurationSeconds: 7200 }))
    const seconds = ((out.Credentials?.Expiration?.getTime() ?? 0) - clock.now().getTime()) / 1000
    expect(seconds).toBeGreaterThan(3500)
    expect(seconds).toBeLessThanOrEqual(3600)
    expect((await server.sts(credentialsOf(out)).send(new GetCallerIdentityCommand({}))).Arn).toBe(`arn:aws:iam::${ACCOUNT}:root`)
  })

  it('a session without MFA cannot call IAM at all; STS answers only some calls', async () => {
    const session = credentialsOf(await server.sts(dave.credentials).send(new GetSessionTokenCommand({})))
    expect(await failure(server.iam(session).send(new ListUsersCommand({})))).toEqual({
      name: 'InvalidClientTokenId',
      status: 403,
      message: 'The security token included in the request is invalid'
    })
    expect(await failure(server.sts(session).send(new GetSessionTokenCommand({})))).toEqual({
      name: 'AccessDenied',
      status: 403,
      message: 'Cannot call GetSessionToken with session credentials'
    })
  })

  it('with a fresh code from the user’s own device, the session carries MFA and may call IAM', async () => {
    clock.advance(60_000)
    const out = await server.sts(erin.credentials).send(new GetSessionTokenCommand({ SerialNumber: erinDevice.serial, TokenCode: codeAt(erinDevice.totp) }))
    const session = credentialsOf(out)
    await expect(server.iam(session).send(new ListUsersCommand({}))).resolves.toBeDefined()
  })

  it('a code is accepted once: the same code again is refused', async () => {
    clock.advance(60_000)
    const code = codeAt(erinDevice.totp)
    await server.sts(erin.credentials).send(new GetSessionTokenCommand({ SerialNumber: erinDevice.serial, TokenCode: code }))
    expect(await failure(server.sts(erin.credentials).send(new GetSessionTokenCommand({ SerialNumber: erinDevice.serial, TokenCode: code })))).toMatchObject({
      name: 'AccessDenied',
      status: 403,
      message: expect.stringMatching(/^MultiFactorAuthentication failed with invalid MFA one time pass code\./)
    })
  })

  it('a wrong code is refused; so is someone else’s device, and a serial number without a code', async () => {
    clock.advance(60_000)
    const wrong = String((Number(codeAt(erinDevice.totp)) + 1) % 1_000_000).padStart(6, '0')
    expect(await failure(server.sts(erin.credentials).send(new GetSessionTokenCommand({ SerialNumber: erinDevice.serial, TokenCode: wrong })))).toEqual({
      name: 'AccessDenied',
      status: 403,
      message: 'MultiFactorAuthentication failed with invalid MFA one time pass code. '
    })
    const notHers = await failure(server.sts(dave.credentials).send(new GetSessionTokenCommand({ SerialNumber: erinDevice.serial, TokenCode: codeAt(erinDevice.totp) })))
    expect(notHers).toEqual({
      name: 'AccessDenied',
      status: 403,
      message: 'MultiFactorAuthentication failed, unable to validate MFA code.  Please verify your MFA serial number is valid and associated with this user.'
    })
    const half = await failure(server.sts(erin.credentials).send(new GetSessionTokenCommand({ SerialNumber: erinDevice.serial })))
    expect(half.message).toBe('MultiFactorAuthentication failed, must provide both MFA serial number and one time pass code.')
  })
})

describe('GetFederationToken', () => {
  let sts: STSClient
  beforeAll(() => {
    sts = server.sts(dave.credentials)
  })

  it('makes a federated user, named as AWS names them', async () => {
    const out = await sts.send(
      new GetFederationTokenCommand({
        Name: 'Bob-Federated',
        Policy: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] })
      })
    )
    expect(out.FederatedUser).toEqual({ FederatedUserId: `${ACCOUNT}:Bob-Federated`, Arn: `arn:aws:sts::${ACCOUNT}:federated-user/Bob-Federated` })
    expect(out.PackedPolicySize).toBeGreaterThan(0)
    const identity = await server.sts(credentialsOf(out)).send(new GetCallerIdentityCommand({}))
    expect(identity).toMatchObject({ Arn: `arn:aws:sts::${ACCOUNT}:federated-user/Bob-Federated`, UserId: `${ACCOUNT}:Bob-Federated`, Account: ACCOUNT })
  })

  it('federated users never reach IAM and cannot get more sessions', async () => {
    const session = credentialsOf(
      await sts.send(
        new GetFederationTokenCommand({ Name: 'fed-two', Policy: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] }) })
      )
    )
    expect((await failure(server.iam(session).send(new ListUsersCommand({})))).name).toBe('InvalidClientTokenId')
    expect(await failure(server.sts(session).send(new GetFederationTokenCommand({ Name: 'again' })))).toEqual({
      name: 'AccessDenied',
      status: 403,
      message: 'Cannot call GetFederationToken with session credentials'
    })
  })

  it('needs sts:GetFederationToken', async () => {
    const denied = await failure(server.sts(erin.credentials).send(new GetFederationTokenCommand({ Name: 'fed-three' })))
    expect(denied).toMatchObject({ name: 'AccessDenied', status: 403 })
    expect(denied.message).toContain(`is not authorized to perform: sts:GetFederationToken on resource: arn:aws:sts::${ACCOUNT}:federated-user/fed-three`)
  })

  it('lasts 12 hours by default and an hour for the root user', async () => {
    const user = await sts.send(new GetFederationTokenCommand({ Name: 'fed-four' }))
    expect(((user.Credentials?.Expiration?.getTime() ?? 0) - clock.now().getTime()) / 3600_000).toBeGreaterThan(11.9)
    const root = await server.sts().send(new GetFederationTokenCommand({ Name: 'fed-five', DurationSeconds: 129600 }))
    expect(((root.Credentials?.Expiration?.getTime() ?? 0) - clock.now().getTime()) / 1000).toBeLessThanOrEqual(3600)
  })
})
