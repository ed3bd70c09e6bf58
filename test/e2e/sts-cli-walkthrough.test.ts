// The guide's STS and MFA walkthroughs with Debian's AWS CLI v2 (/usr/bin/aws) against a started
// server: a role trusted by another account assumed with `aws sts assume-role`, its temporary
// credentials used until they expire; and AWS's documented "manage only your own MFA unless
// signed in with MFA" policy, from setting up a virtual device to an MFA session.

import { readFileSync } from 'node:fs'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { TOTP } from 'otpauth'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createAccount } from '../../src/app/accounts.js'
import { OffsetClock } from '../../src/core/clock.js'
import { awsCli, awsJson } from './support/aws-cli.js'
import { startTestServer, type Credentials, type TestServer } from './support/server.js'

const ACCOUNT = '123456789012'
const TRUSTED = '210987654321'
const clock = new OffsetClock()
let server: TestServer

interface CliCredentials {
  Credentials: { AccessKeyId: string; SecretAccessKey: string; SessionToken: string; Expiration: string }
}

const sessionOf = (out: CliCredentials): Credentials => ({
  accessKeyId: out.Credentials.AccessKeyId,
  secretAccessKey: out.Credentials.SecretAccessKey,
  sessionToken: out.Credentials.SessionToken
})

/** A user with an access key and an inline policy, made by an account's root with the CLI. */
async function cliUser(root: Credentials, name: string, policy: unknown): Promise<Credentials> {
  await awsJson(server.url, root, ['iam', 'create-user', '--user-name', name])
  await awsJson(server.url, root, ['iam', 'put-user-policy', '--user-name', name, '--policy-name', 'p', '--policy-document', JSON.stringify(policy)])
  const key = await awsJson<{ AccessKey: { AccessKeyId: string; SecretAccessKey: string } }>(server.url, root, ['iam', 'create-access-key', '--user-name', name])
  return { accessKeyId: key.AccessKey.AccessKeyId, secretAccessKey: key.AccessKey.SecretAccessKey }
}

beforeAll(async () => {
  server = await startTestServer({ accountId: ACCOUNT, clock })
})
afterAll(async () => {
  await server.close()
})

describe('the guide’s STS walkthrough', () => {
  it('a role trusted by another account, assumed with aws sts assume-role, works until it expires', async () => {
    const root = server.root
    // 1. A role whose trusted entity is another AWS account. 2. A policy attached to it.
    const trust = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${TRUSTED}:root` }, Action: 'sts:AssumeRole' }] }
    await awsJson(server.url, root, ['iam', 'create-role', '--role-name', 'TempAccessRole', '--assume-role-policy-document', JSON.stringify(trust)])
    await awsJson(server.url, root, ['iam', 'attach-role-policy', '--role-name', 'TempAccessRole', '--policy-arn', 'arn:aws:iam::aws:policy/IAMReadOnlyAccess'])

    // Someone in the trusted account, allowed to assume the role.
    const trustedRoot = await createAccount(server.running.ctx, TRUSTED)
    const developer = await cliUser(trustedRoot, 'developer', {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: `arn:aws:iam::${ACCOUNT}:role/TempAccessRole` }]
    })

    // 3. aws sts assume-role.
    const out = await awsJson<CliCredentials & { AssumedRoleUser: { Arn: string } }>(server.url, developer, [
      'sts',
      'assume-role',
      '--role-arn',
      `arn:aws:iam::${ACCOUNT}:role/TempAccessRole`,
      '--role-session-name',
      'TemporarySession',
      '--duration-seconds',
      '900'
    ])
    expect(out.Credentials.AccessKeyId).toMatch(/^ASIA/)
    expect(out.AssumedRoleUser.Arn).toBe(`arn:aws:sts::${ACCOUNT}:assumed-role/TempAccessRole/TemporarySession`)
    const session = sessionOf(out)

    // 4. The credentials work for what the role's policy allows, in the role's account...
    const identity = await awsJson<{ Arn: string; Account: string }>(server.url, session, ['sts', 'get-caller-identity'])
    expect(identity).toMatchObject({ Account: ACCOUNT, Arn: `arn:aws:sts::${ACCOUNT}:assumed-role/TempAccessRole/TemporarySession` })
    const roles = await awsJson<{ Roles: { RoleName: string }[] }>(server.url, session, ['iam', 'list-roles'])
    expect(roles.Roles.map((r) => r.RoleName)).toContain('TempAccessRole')
    // ...and fail for anything outside it.
    const write = await awsCli(server.url, session, ['iam', 'create-user', '--user-name', 'intruder'])
    expect(write.code).not.toBe(0)
    expect(write.stderr).toContain('(AccessDenied) when calling the CreateUser operation')

    // Past their expiry (the server's clock moved on; nobody sleeps), every call fails.
    clock.advance(901_000)
    try {
      const late = await awsCli(server.url, session, ['iam', 'list-roles'])
      expect(late.code).not.toBe(0)
      expect(late.stderr).toContain('An error occurred (ExpiredToken) when calling the ListRoles operation: The security token included in the request is expired')
    } finally {
      clock.advance(-901_000)
    }
  })
})

describe('MFA with AWS’s “manage your own MFA unless signed in with MFA” policy', () => {
  const policyFile = join(process.cwd(), 'test/e2e/fixtures/self-manage-mfa-only.json')

  it('without MFA the user can only set MFA up; an MFA session from get-session-token can do the rest', async () => {
    const documented = JSON.parse(readFileSync(policyFile, 'utf8')) as { Statement: unknown[] }
    // AWS's example policy, plus the everyday permission the user needs MFA for.
    const policy = { ...documented, Statement: [...documented.Statement, { Sid: 'Everyday', Effect: 'Allow', Action: 'iam:ListUsers', Resource: '*' }] }
    const user = await cliUser(server.root, 'mfa-user', policy)

    const before = await awsCli(server.url, user, ['iam', 'list-users'])
    expect(before.code).not.toBe(0)
    expect(before.stderr).toContain('(AccessDenied) when calling the ListUsers operation')
    expect(before.stderr).toContain('with an explicit deny in an identity-based policy')

    // Setting up a virtual MFA device is allowed without MFA.
    const dir = mkdtempSync(join(tmpdir(), 'portcullis-mfa-'))
    const seedFile = join(dir, 'seed.txt')
    const device = await awsJson<{ VirtualMFADevice: { SerialNumber: string } }>(server.url, user, [
      'iam',
      'create-virtual-mfa-device',
      '--virtual-mfa-device-name',
      'mfa-user',
      '--outfile',
      seedFile,
      '--bootstrap-method',
      'Base32StringSeed'
    ])
    const serial = device.VirtualMFADevice.SerialNumber
    expect(serial).toBe(`arn:aws:iam::${ACCOUNT}:mfa/mfa-user`)
    const totp = new TOTP({ secret: readFileSync(seedFile, 'utf8').trim(), digits: 6, period: 30, algorithm: 'SHA1' })
    const now = clock.now().getTime()
    await awsJson(server.url, user, [
      'iam',
      'enable-mfa-device',
      '--user-name',
      'mfa-user',
      '--serial-number',
      serial,
      '--authentication-code1',
      totp.generate({ timestamp: now - 30_000 }),
      '--authentication-code2',
      totp.generate({ timestamp: now })
    ])

    // An MFA session: the deny no longer applies.
    clock.advance(30_000)
    const code = totp.generate({ timestamp: clock.now().getTime() })
    const out = await awsJson<CliCredentials>(server.url, user, ['sts', 'get-session-token', '--serial-number', serial, '--token-code', code])
    const users = await awsJson<{ Users: { UserName: string }[] }>(server.url, sessionOf(out), ['iam', 'list-users'])
    expect(users.Users.map((u) => u.UserName)).toContain('mfa-user')

    // The same code is never accepted twice.
    const replay = await awsCli(server.url, user, ['sts', 'get-session-token', '--serial-number', serial, '--token-code', code])
    expect(replay.code).not.toBe(0)
    expect(replay.stderr).toContain('(AccessDenied) when calling the GetSessionToken operation: MultiFactorAuthentication failed with invalid MFA one time pass code.')
    // A session without MFA is still held to the deny (and cannot reach IAM at all).
    const plain = await awsJson<CliCredentials>(server.url, user, ['sts', 'get-session-token'])
    const denied = await awsCli(server.url, sessionOf(plain), ['iam', 'list-users'])
    expect(denied.stderr).toContain('(InvalidClientTokenId)')
  })
})
