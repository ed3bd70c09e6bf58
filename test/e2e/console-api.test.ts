// The console's HTTP API against a started server (docs/console-api.md): the session endpoint and
// its cookies, sign-in for IAM users and the root user with one answer for every failure, CSRF,
// sign-out, the JSON bridge to IAM and STS actions (validation and AccessDenied as over the Query
// protocol), switching roles and back, and a deleted user's session ending.

import {
  CreateAccountAliasCommand,
  CreateLoginProfileCommand,
  CreateRoleCommand,
  CreateUserCommand,
  DeleteLoginProfileCommand,
  DeleteUserCommand,
  DeleteUserPolicyCommand,
  PutRolePolicyCommand,
  PutUserPolicyCommand
} from '@aws-sdk/client-iam'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ConsoleClient } from './support/console-client.js'
import { startTestServer, type TestServer } from './support/server.js'

const ACCOUNT = '123456789012'
const PASSWORD = 'Correct-horse-1'
const SIGN_IN_FAILED = { error: { code: 'SignInFailed', message: 'Your authentication information is incorrect. Please try again.' } }

let server: TestServer

beforeAll(async () => {
  server = await startTestServer({ accountId: ACCOUNT })
})
afterAll(async () => {
  await server.close()
})

async function consoleUser(name: string, statements: readonly Record<string, unknown>[] = []): Promise<void> {
  const root = server.iam()
  await root.send(new CreateUserCommand({ UserName: name }))
  await root.send(new CreateLoginProfileCommand({ UserName: name, Password: PASSWORD }))
  if (statements.length)
    await root.send(new PutUserPolicyCommand({ UserName: name, PolicyName: 'p', PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: statements }) }))
}

async function signedIn(name: string): Promise<ConsoleClient> {
  const client = new ConsoleClient(server.url)
  expect((await client.signIn(ACCOUNT, name, PASSWORD)).body).toEqual({ next: 'done' })
  return client
}

describe('session and sign-in', () => {
  it('answers a signed-out browser with a CSRF token bound to a pre-session cookie', async () => {
    const client = new ConsoleClient(server.url)
    const answer = await client.session()
    expect(answer.status).toBe(200)
    expect(answer.body).toEqual({ signedIn: false, csrfToken: expect.any(String) })
    expect(answer.setCookies).toEqual([expect.stringMatching(/^portcullis-console-pre=[^;]+; Path=\/console; HttpOnly; SameSite=Strict; Max-Age=1800$/)])
    expect(answer.headers.get('cache-control')).toBe('no-store')
  })

  it('signs an IAM user in with a session cookie, and describes the session', async () => {
    await consoleUser('alice')
    const client = new ConsoleClient(server.url)
    await client.session()
    const preToken = client.csrfToken
    const answer = await client.post('/sign-in', { account: ACCOUNT, userName: 'alice', password: PASSWORD })
    expect(answer.status).toBe(200)
    expect(answer.body).toEqual({ next: 'done' })
    const sessionCookie = answer.setCookies.find((c) => c.startsWith('portcullis-console='))
    expect(sessionCookie).toMatch(/^portcullis-console=[A-Za-z0-9_-]{43}; Path=\/console; HttpOnly; SameSite=Strict; Max-Age=43200$/)
    expect(answer.setCookies.some((c) => c.startsWith('portcullis-console-pre=;') && c.includes('Max-Age=0'))).toBe(true)
    const session = await client.session()
    expect(session.body).toEqual({
      signedIn: true,
      csrfToken: expect.any(String),
      accountId: ACCOUNT,
      principal: { kind: 'user', arn: `arn:aws:iam::${ACCOUNT}:user/alice`, userName: 'alice' },
      mfaAuthenticated: false,
      issuedAt: expect.any(String),
      expiresAt: expect.any(String)
    })
    expect(Date.parse(session.body.expiresAt) - Date.parse(session.body.issuedAt)).toBe(12 * 3600_000)
    expect(client.csrfToken).not.toBe(preToken)
  })

  it('accepts an account alias, and signs the root user in with its password', async () => {
    await server.iam().send(new CreateAccountAliasCommand({ AccountAlias: 'acme-prod' }))
    await consoleUser('bob')
    expect((await new ConsoleClient(server.url).signIn('acme-prod', 'bob', PASSWORD)).body).toEqual({ next: 'done' })
    const root = new ConsoleClient(server.url)
    expect((await root.signIn(ACCOUNT, undefined, server.root.password)).body).toEqual({ next: 'done' })
    const session = await root.session()
    expect(session.body).toMatchObject({ signedIn: true, accountAlias: 'acme-prod', principal: { kind: 'root', arn: `arn:aws:iam::${ACCOUNT}:root` } })
  })

  it('gives one answer for an unknown account, an unknown user, a user without a password and a wrong password', async () => {
    await server.iam().send(new CreateUserCommand({ UserName: 'no-console' }))
    const attempts = [
      { account: '999999999999', userName: 'alice', password: PASSWORD },
      { account: 'no-such-alias', userName: 'alice', password: PASSWORD },
      { account: ACCOUNT, userName: 'nobody', password: PASSWORD },
      { account: ACCOUNT, userName: 'no-console', password: PASSWORD },
      { account: ACCOUNT, userName: 'alice', password: 'wrong-password-1' }
    ]
    for (const body of attempts) {
      const client = new ConsoleClient(server.url)
      await client.session()
      const answer = await client.post('/sign-in', body)
      expect(answer.status).toBe(401)
      expect(answer.body).toEqual(SIGN_IN_FAILED)
      expect(answer.setCookies).toEqual([])
    }
    const root = new ConsoleClient(server.url)
    expect((await root.signIn(ACCOUNT, undefined, 'not-the-root-password')).body).toEqual(SIGN_IN_FAILED)
  })

  it('answers unreadable requests with JSON errors', async () => {
    const client = new ConsoleClient(server.url)
    await client.session()
    expect(await client.post('/sign-in', '{not json')).toMatchObject({ status: 400, body: { error: { code: 'MalformedInput' } } })
    expect(await client.post('/sign-in', { account: ACCOUNT })).toMatchObject({
      status: 400,
      body: { error: { code: 'ValidationError', message: 'userName is required (a non-empty string).' } }
    })
    expect(await client.post('/call', { service: 'iam', action: 'ListUsers' })).toMatchObject({ status: 401, body: { error: { code: 'NotSignedIn' } } })
    expect(await client.request('GET', '/dashboard')).toMatchObject({ status: 401, body: { error: { code: 'NotSignedIn' } } })
  })

  it('sets Secure cookies when the request came over HTTPS', async () => {
    const client = new ConsoleClient(server.url, { 'x-forwarded-proto': 'https' })
    const answer = await client.session()
    expect(answer.setCookies[0]).toMatch(/; Secure$/)
  })

  it('ends the session on the server at sign-out: the old cookie no longer works', async () => {
    await consoleUser('carol', [{ Effect: 'Allow', Action: 'iam:GetUser', Resource: '*' }])
    const client = await signedIn('carol')
    const stolen = new Map(client.cookies)
    const out = await client.post('/sign-out')
    expect(out.body).toEqual({ signedOut: true })
    expect(out.setCookies).toEqual([expect.stringMatching(/^portcullis-console=; .*Max-Age=0/)])
    const replay = new ConsoleClient(server.url)
    for (const [k, v] of stolen) replay.cookies.set(k, v)
    replay.csrfToken = client.csrfToken
    expect(await replay.call('GetUser')).toMatchObject({ status: 401, body: { error: { code: 'NotSignedIn' } } })
    expect((await client.session()).body.signedIn).toBe(false)
  })

  it("ends a deleted user's session", async () => {
    await consoleUser('dave', [{ Effect: 'Allow', Action: 'iam:GetUser', Resource: '*' }])
    const client = await signedIn('dave')
    expect((await client.call('GetUser')).status).toBe(200)
    await server.iam().send(new DeleteLoginProfileCommand({ UserName: 'dave' }))
    await server.iam().send(new DeleteUserPolicyCommand({ UserName: 'dave', PolicyName: 'p' }))
    await server.iam().send(new DeleteUserCommand({ UserName: 'dave' }))
    expect(await client.call('GetUser')).toMatchObject({ status: 401, body: { error: { code: 'NotSignedIn' } } })
  })
})

describe('CSRF', () => {
  it('refuses a POST without the token, with a wrong one, or from another origin', async () => {
    await consoleUser('erin', [{ Effect: 'Allow', Action: 'iam:GetUser', Resource: '*' }])
    const client = await signedIn('erin')
    const refused = { status: 403, body: { error: { code: 'InvalidCsrfToken' } } }
    expect(await client.post('/call', { service: 'iam', action: 'GetUser' }, { 'x-csrf-token': '' })).toMatchObject(refused)
    expect(await client.post('/call', { service: 'iam', action: 'GetUser' }, { 'x-csrf-token': 'forged' })).toMatchObject(refused)
    expect(await client.post('/call', { service: 'iam', action: 'GetUser' }, { origin: 'https://evil.example' })).toMatchObject(refused)
    expect(await client.post('/call', { service: 'iam', action: 'GetUser' }, { 'sec-fetch-site': 'cross-site' })).toMatchObject(refused)
    const sameOrigin = await client.post('/call', { service: 'iam', action: 'GetUser' }, { origin: server.url })
    expect(sameOrigin.status).toBe(200)
  })

  it('refuses a sign-in without the pre-session token', async () => {
    const client = new ConsoleClient(server.url)
    await client.session()
    client.csrfToken = 'x'
    expect(await client.post('/sign-in', { account: ACCOUNT, userName: 'alice', password: PASSWORD })).toMatchObject({ status: 403, body: { error: { code: 'InvalidCsrfToken' } } })
  })
})

describe('POST /console/api/call', () => {
  it('runs an action as the signed-in user and answers its output as the SDK shapes it', async () => {
    await consoleUser('frank', [{ Effect: 'Allow', Action: ['iam:CreateUser', 'iam:GetUser', 'iam:TagUser'], Resource: '*' }])
    const client = await signedIn('frank')
    const created = await client.call('CreateUser', { UserName: 'made-by-frank', Tags: [{ Key: 'team', Value: 'blue' }] })
    expect(created.status).toBe(200)
    expect(created.body.output.User).toMatchObject({
      UserName: 'made-by-frank',
      Path: '/',
      Arn: `arn:aws:iam::${ACCOUNT}:user/made-by-frank`,
      Tags: [{ Key: 'team', Value: 'blue' }]
    })
    expect(created.body.output.User.CreateDate).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{3})?Z$/)
    const identity = await client.call('GetCallerIdentity', {}, 'sts')
    expect(identity.body.output).toEqual({ UserId: expect.any(String), Account: ACCOUNT, Arn: `arn:aws:iam::${ACCOUNT}:user/frank` })
  })

  it('validates the input by the model with the Query protocol’s messages', async () => {
    const client = await signedIn('frank')
    const long = 'x'.repeat(65)
    const sdk = (await server
      .iam()
      .send(new CreateUserCommand({ UserName: long }))
      .then(
        () => undefined,
        (e: Error) => e
      )) as Error
    const answer = await client.call('CreateUser', { UserName: long })
    expect(answer.status).toBe(400)
    expect(answer.body).toEqual({ error: { code: 'ValidationError', message: sdk.message } })
    expect(await client.call('CreateUser', {})).toMatchObject({
      status: 400,
      body: { error: { code: 'ValidationError', message: expect.stringContaining("'userName' failed to satisfy constraint: Member must not be null") } }
    })
    expect(await client.call('CreateUser', { UserName: 7 })).toMatchObject({
      status: 400,
      body: { error: { code: 'MalformedInput', message: "Value at 'userName' must be a string." } }
    })
    expect(await client.call('NoSuchAction')).toMatchObject({
      status: 400,
      body: { error: { code: 'InvalidAction', message: 'Could not find operation NoSuchAction for version 2010-05-08' } }
    })
    expect(await client.post('/call', { action: 'GetUser' })).toMatchObject({ status: 400, body: { error: { code: 'ValidationError' } } })
  })

  it('does not let a client-sent X-Forwarded-Proto satisfy aws:SecureTransport', async () => {
    await consoleUser('tls-only', [
      { Effect: 'Allow', Action: 'iam:ListUsers', Resource: '*' },
      { Effect: 'Deny', Action: '*', Resource: '*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }
    ])
    const client = new ConsoleClient(server.url, { 'x-forwarded-proto': 'https' })
    expect((await client.signIn(ACCOUNT, 'tls-only', PASSWORD)).body).toEqual({ next: 'done' })
    const answer = await client.call('ListUsers')
    expect(answer.status).toBe(403)
    expect(answer.body.error.message).toContain('with an explicit deny in an identity-based policy')
  })

  it('answers AccessDenied with AWS’s status and message for what the user may not do', async () => {
    await consoleUser('grace')
    const client = await signedIn('grace')
    const answer = await client.call('ListUsers')
    expect(answer.status).toBe(403)
    expect(answer.body.error.code).toBe('AccessDenied')
    expect(answer.body.error.message).toMatch(new RegExp(`^User: arn:aws:iam::${ACCOUNT}:user/grace is not authorized to perform: iam:ListUsers on resource: `))
    expect(await client.call('GetUser', { UserName: 'nobody-here' })).toMatchObject({ status: 403 })
  })

  it('answers an unknown console route with a JSON 404', async () => {
    const client = await signedIn('grace')
    expect(await client.post('/no-such-thing')).toMatchObject({ status: 404, body: { error: { code: 'NotFound' } } })
  })
})

describe('switch role', () => {
  it('acts as the role session, then switches back', async () => {
    const root = server.iam()
    const trust = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: 'sts:AssumeRole' }] }
    await root.send(new CreateRoleCommand({ RoleName: 'admin', AssumeRolePolicyDocument: JSON.stringify(trust) }))
    await root.send(
      new PutRolePolicyCommand({
        RoleName: 'admin',
        PolicyName: 'list',
        PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'iam:ListRoles', Resource: '*' }] })
      })
    )
    await root.send(
      new CreateRoleCommand({
        RoleName: 'locked',
        AssumeRolePolicyDocument: JSON.stringify({ ...trust, Statement: [{ ...trust.Statement[0], Principal: { AWS: 'arn:aws:iam::999999999999:root' } }] })
      })
    )
    await consoleUser('heidi', [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' }])
    const client = await signedIn('heidi')
    expect((await client.call('ListRoles')).status).toBe(403)

    expect(await client.post('/switch-role', { account: ACCOUNT, roleName: 'locked' })).toMatchObject({ status: 403, body: { error: { code: 'AccessDenied' } } })
    expect(await client.post('/switch-role', { account: ACCOUNT, roleName: 'admin', displayName: 'Admin' })).toMatchObject({ status: 200, body: { next: 'done' } })
    const session = await client.session()
    expect(session.body).toMatchObject({
      principal: { kind: 'role-session', arn: `arn:aws:sts::${ACCOUNT}:assumed-role/admin/heidi`, roleName: 'admin', sessionName: 'heidi', displayName: 'Admin' },
      switchedFrom: { arn: `arn:aws:iam::${ACCOUNT}:user/heidi` }
    })
    expect((await client.call('ListRoles')).status).toBe(200)
    expect((await client.call('GetCallerIdentity', {}, 'sts')).body.output.Arn).toBe(`arn:aws:sts::${ACCOUNT}:assumed-role/admin/heidi`)

    expect(await client.post('/switch-back')).toMatchObject({ status: 200, body: { next: 'done' } })
    const back = await client.session()
    expect(back.body.principal).toEqual({ kind: 'user', arn: `arn:aws:iam::${ACCOUNT}:user/heidi`, userName: 'heidi' })
    expect(back.body.switchedFrom).toBeUndefined()
    expect((await client.call('ListRoles')).status).toBe(403)
  })

  it('refuses the root user, as AssumeRole does', async () => {
    const root = new ConsoleClient(server.url)
    await root.signIn(ACCOUNT, undefined, server.root.password)
    expect(await root.post('/switch-role', { account: ACCOUNT, roleName: 'admin' })).toMatchObject({
      status: 403,
      body: { error: { code: 'AccessDenied', message: 'Roles may not be assumed by root accounts.' } }
    })
  })
})
