// Console sign-in beyond the password: the MFA step (users and the root user; replayed codes
// refused; the session then carries aws:MultiFactorAuthPresent), the forced new password (reset
// required, expired, the policy's rules and reuse prevention), the back-off and lockout per user
// and per address, the sign-in events, and the idle and absolute expiry of sessions, with the
// server's clock moved by hand (OffsetClock: requests signed "now" keep working until it moves).

import {
  CreateLoginProfileCommand,
  CreateRoleCommand,
  CreateUserCommand,
  CreateVirtualMFADeviceCommand,
  EnableMFADeviceCommand,
  PutUserPolicyCommand,
  UpdateAccountPasswordPolicyCommand,
  type VirtualMFADevice
} from '@aws-sdk/client-iam'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { OffsetClock } from '../../src/core/clock.js'
import { ConsoleClient } from './support/console-client.js'
import { codeAt, consecutiveCodes, seedOf } from './support/mfa-codes.js'
import { startTestServer, type TestServer } from './support/server.js'

const ACCOUNT = '123456789012'
const PASSWORD = 'Correct-horse-1'
const FAILED = { code: 'SignInFailed', message: 'Your authentication information is incorrect. Please try again.' }

const servers: TestServer[] = []
afterEach(async () => {
  vi.restoreAllMocks()
  for (const s of servers.splice(0)) await s.close()
})

async function newServer(): Promise<{ server: TestServer; clock: OffsetClock }> {
  const clock = new OffsetClock()
  const server = await startTestServer({ accountId: ACCOUNT, clock })
  servers.push(server)
  return { server, clock }
}

async function consoleUser(server: TestServer, name: string, options: { statements?: Record<string, unknown>[]; resetRequired?: boolean } = {}): Promise<void> {
  const root = server.iam()
  await root.send(new CreateUserCommand({ UserName: name }))
  await root.send(new CreateLoginProfileCommand({ UserName: name, Password: PASSWORD, PasswordResetRequired: options.resetRequired }))
  if (options.statements)
    await root.send(new PutUserPolicyCommand({ UserName: name, PolicyName: 'p', PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: options.statements }) }))
}

/** A virtual device enabled for the user (or the root user, naming its account ID); its seed. */
async function mfaDevice(server: TestServer, userName?: string): Promise<string> {
  const device = (await server.iam().send(new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: `${userName ?? 'root'}-phone` }))).VirtualMFADevice as VirtualMFADevice
  const seed = seedOf(device.Base32StringSeed)
  await server.iam().send(new EnableMFADeviceCommand({ UserName: userName ?? ACCOUNT, SerialNumber: device.SerialNumber, ...consecutiveCodes(seed) }))
  return seed
}

/** The code after the ones EnableMFADevice used (those are spent). */
const nextCode = (seed: string) => codeAt(seed, Date.now() + 30_000)

describe('MFA step', () => {
  it('asks a user with a device for a code, refuses a wrong or replayed one, and marks the session as MFA-authenticated', async () => {
    const { server } = await newServer()
    const mfaOnly = [{ Effect: 'Allow', Action: 'iam:ListUsers', Resource: '*', Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } }]
    await consoleUser(server, 'mia', { statements: mfaOnly })
    const seed = await mfaDevice(server, 'mia')
    const client = new ConsoleClient(server.url)
    const first = await client.signIn(ACCOUNT, 'mia', PASSWORD)
    expect(first.body).toEqual({ next: 'mfa', challenge: expect.any(String) })
    expect(first.setCookies).toEqual([])
    const code = nextCode(seed)
    const wrong = code === '000000' ? '111111' : '000000'
    expect(await client.post('/sign-in/mfa', { challenge: first.body.challenge, code: wrong })).toMatchObject({ status: 401, body: { error: FAILED } })
    expect(await client.post('/sign-in/mfa', { challenge: first.body.challenge, code })).toMatchObject({ status: 200, body: { next: 'done' } })
    const session = await client.session()
    expect(session.body).toMatchObject({ signedIn: true, mfaAuthenticated: true, principal: { kind: 'user', userName: 'mia' } })
    expect((await client.call('ListUsers')).status).toBe(200)
    // The challenge is spent, and the code cannot be used again in another sign-in.
    expect(await client.post('/sign-in/mfa', { challenge: first.body.challenge, code })).toMatchObject({ status: 401, body: { error: FAILED } })
    const again = new ConsoleClient(server.url)
    const second = await again.signIn(ACCOUNT, 'mia', PASSWORD)
    expect(await again.post('/sign-in/mfa', { challenge: second.body.challenge, code })).toMatchObject({ status: 401, body: { error: FAILED } })
  })

  it('gives a session without MFA aws:MultiFactorAuthPresent false and aws:TokenIssueTime', async () => {
    const { server } = await newServer()
    await consoleUser(server, 'noah', {
      statements: [
        { Effect: 'Allow', Action: 'iam:ListUsers', Resource: '*', Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } },
        {
          Effect: 'Allow',
          Action: 'iam:GetUser',
          Resource: '*',
          Condition: { DateGreaterThan: { 'aws:TokenIssueTime': '2000-01-01T00:00:00Z' }, Bool: { 'aws:MultiFactorAuthPresent': 'false' } }
        }
      ]
    })
    const client = new ConsoleClient(server.url)
    expect((await client.signIn(ACCOUNT, 'noah', PASSWORD)).body).toEqual({ next: 'done' })
    expect((await client.call('ListUsers')).status).toBe(403)
    expect((await client.call('GetUser')).status).toBe(200)
  })

  it('asks the root user for a code from its own device', async () => {
    const { server } = await newServer()
    const seed = await mfaDevice(server)
    const client = new ConsoleClient(server.url)
    const first = await client.signIn(ACCOUNT, undefined, server.root.password)
    expect(first.body.next).toBe('mfa')
    expect(await client.post('/sign-in/mfa', { challenge: first.body.challenge, code: nextCode(seed) })).toMatchObject({ status: 200, body: { next: 'done' } })
    expect((await client.session()).body).toMatchObject({ principal: { kind: 'root' }, mfaAuthenticated: true })
  })
})

describe('new password at sign-in', () => {
  it('asks for one when the login profile requires it, under the policy and reuse prevention', async () => {
    const { server } = await newServer()
    await server.iam().send(new UpdateAccountPasswordPolicyCommand({ MinimumPasswordLength: 12, AllowUsersToChangePassword: true, PasswordReusePrevention: 3 }))
    await consoleUser(server, 'rita', { resetRequired: true })
    const client = new ConsoleClient(server.url)
    const first = await client.signIn(ACCOUNT, 'rita', PASSWORD)
    expect(first.body).toEqual({
      next: 'new-password',
      challenge: expect.any(String),
      reason: 'reset-required',
      passwordPolicy: expect.objectContaining({ MinimumPasswordLength: 12 })
    })
    const violation = { status: 400, body: { error: { code: 'PasswordPolicyViolation', message: 'Password does not conform to the account password policy.' } } }
    expect(await client.post('/sign-in/new-password', { challenge: first.body.challenge, newPassword: 'short' })).toMatchObject(violation)
    expect(await client.post('/sign-in/new-password', { challenge: first.body.challenge, newPassword: PASSWORD })).toMatchObject(violation)
    expect(await client.post('/sign-in/new-password', { challenge: first.body.challenge, newPassword: 'A-much-better-one-2' })).toMatchObject({
      status: 200,
      body: { next: 'done' }
    })
    expect((await client.session()).body).toMatchObject({ signedIn: true, principal: { userName: 'rita' } })
    expect((await new ConsoleClient(server.url).signIn(ACCOUNT, 'rita', 'A-much-better-one-2')).body).toEqual({ next: 'done' })
    expect((await new ConsoleClient(server.url).signIn(ACCOUNT, 'rita', PASSWORD)).body).toEqual({ error: FAILED })
  })

  it('asks for one when the password is older than MaxPasswordAge, and refuses it with HardExpiry', async () => {
    const { server, clock } = await newServer()
    await server.iam().send(new UpdateAccountPasswordPolicyCommand({ MinimumPasswordLength: 8, AllowUsersToChangePassword: true, MaxPasswordAge: 1 }))
    await consoleUser(server, 'sam')
    await consoleUser(server, 'tom')
    clock.advance(2 * 86_400_000)
    const client = new ConsoleClient(server.url)
    expect((await client.signIn(ACCOUNT, 'sam', PASSWORD)).body).toMatchObject({ next: 'new-password', reason: 'expired' })
    const ctx = server.running.ctx
    const policy = (await ctx.store.read.accounts.get(ACCOUNT))?.passwordPolicy
    await ctx.store.transaction((tx) => tx.accounts.update(ACCOUNT, { passwordPolicy: policy && { ...policy, HardExpiry: true } }))
    expect(await new ConsoleClient(server.url).signIn(ACCOUNT, 'tom', PASSWORD)).toMatchObject({ status: 403, body: { error: { code: 'PasswordExpired' } } })
  })
})

describe('throttling', () => {
  it('slows a user down after 5 failures, locks it after 10, the same for a user that does not exist, and per address', async () => {
    const { server, clock } = await newServer()
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined)
    await consoleUser(server, 'lou')
    const client = new ConsoleClient(server.url)
    await client.session()
    const attempt = (userName: string, password = 'wrong-password-9') => client.post('/sign-in', { account: ACCOUNT, userName, password })
    for (const name of ['lou', 'ghost']) {
      for (let i = 0; i < 5; i++) expect((await attempt(name)).body).toEqual({ error: FAILED })
      const throttled = await attempt(name, PASSWORD)
      expect(throttled.status).toBe(429)
      expect(throttled.body).toEqual({ error: { code: 'SignInThrottled', message: FAILED.message, retryAfterSeconds: 2 } })
      expect(throttled.headers.get('retry-after')).toBe('2')
    }
    for (let failures = 5; failures < 10; failures++) {
      clock.advance(2_000 * 2 ** (failures - 5))
      expect((await attempt('lou')).status).toBe(401)
    }
    expect(await attempt('lou', PASSWORD)).toMatchObject({ status: 429, body: { error: { retryAfterSeconds: 900 } } })
    clock.advance(15 * 60_000)
    expect((await attempt('lou', PASSWORD)).body).toEqual({ next: 'done' })
    await client.session()

    // 15 failures from this address so far; 5 more across other names, then the address waits.
    for (const name of ['a1', 'a2', 'a3', 'a4', 'a5']) expect((await attempt(name)).status).toBe(401)
    expect(await attempt('a6')).toMatchObject({ status: 429, body: { error: { code: 'SignInThrottled', retryAfterSeconds: 1 } } })

    const events = log.mock.calls.map(([line]) => JSON.parse(String(line)) as Record<string, unknown>)
    expect(events.filter((e) => e.outcome === 'success')).toHaveLength(1)
    expect(events.filter((e) => e.outcome === 'throttled').length).toBeGreaterThanOrEqual(4)
    expect(events[0]).toMatchObject({ type: 'console-sign-in', outcome: 'failure', stage: 'password', account: ACCOUNT, userName: 'lou', sourceIp: '127.0.0.1', mfaUsed: false })
    const text = log.mock.calls.join('\n')
    expect(text).not.toContain(PASSWORD)
    expect(text).not.toContain('wrong-password-9')
    expect(text).not.toContain(client.cookies.get('portcullis-console') ?? 'no cookie')
  })
})

describe('session expiry', () => {
  it('ends a session idle for an hour, and any session 12 hours after sign-in', async () => {
    const { server, clock } = await newServer()
    await consoleUser(server, 'ivy')
    const client = new ConsoleClient(server.url)
    await client.signIn(ACCOUNT, 'ivy', PASSWORD)
    clock.advance(59 * 60_000)
    expect((await client.session()).body.signedIn).toBe(true)
    clock.advance(59 * 60_000)
    expect((await client.session()).body.signedIn).toBe(true)
    clock.advance(61 * 60_000)
    expect(await client.call('GetUser')).toMatchObject({ status: 401, body: { error: { code: 'NotSignedIn' } } })
    expect((await client.session()).body.signedIn).toBe(false)

    const busy = new ConsoleClient(server.url)
    expect((await busy.signIn(ACCOUNT, 'ivy', PASSWORD)).body).toEqual({ next: 'done' })
    for (let i = 0; i < 14; i++) {
      clock.advance(50 * 60_000)
      expect((await busy.session()).body.signedIn).toBe(true)
    }
    clock.advance(25 * 60_000)
    expect((await busy.session()).body.signedIn).toBe(false)
  })

  it('switches back to the signed-in user when the role session expires after an hour', async () => {
    const { server, clock } = await newServer()
    const trust = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: 'sts:AssumeRole' }] }
    await server.iam().send(new CreateRoleCommand({ RoleName: 'ops', AssumeRolePolicyDocument: JSON.stringify(trust) }))
    await consoleUser(server, 'una', { statements: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' }] })
    const client = new ConsoleClient(server.url)
    await client.signIn(ACCOUNT, 'una', PASSWORD)
    expect((await client.post('/switch-role', { account: ACCOUNT, roleName: 'ops' })).status).toBe(200)
    clock.advance(50 * 60_000)
    expect((await client.session()).body.principal.kind).toBe('role-session')
    clock.advance(11 * 60_000)
    const session = await client.session()
    expect(session.body.principal).toEqual({ kind: 'user', arn: `arn:aws:iam::${ACCOUNT}:user/una`, userName: 'una' })
    expect(session.body.switchedFrom).toBeUndefined()
  })
})
