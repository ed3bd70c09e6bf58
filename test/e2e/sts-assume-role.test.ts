// STS AssumeRole through the AWS SDK against a started server: who may assume a role (trust and
// identity policies, same account and across accounts), what the session may then do, and the
// rules sessions live by: durations, chaining, session policies, session tags, source identity,
// expiry, revocation, and tokens that are not what they claim.

import {
  CreateAccessKeyCommand,
  CreateRoleCommand,
  CreateUserCommand,
  DeleteRoleCommand,
  GetRoleCommand,
  DeleteRolePolicyCommand,
  type IAMClient,
  ListRolesCommand,
  ListUsersCommand,
  PutRolePolicyCommand,
  TagRoleCommand,
  UpdateAssumeRolePolicyCommand,
  UpdateRoleCommand
} from '@aws-sdk/client-iam'
import { AssumeRoleCommand, type AssumeRoleCommandInput, DecodeAuthorizationMessageCommand, GetAccessKeyInfoCommand, GetCallerIdentityCommand } from '@aws-sdk/client-sts'
import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createAccount } from '../../src/app/accounts.js'
import { OffsetClock } from '../../src/core/clock.js'
import { userWithPolicy, type TestUser } from './support/credentials-callers.js'
import { failure } from './support/failure.js'
import { startTestServer, type Credentials, type TestServer } from './support/server.js'

const ACCOUNT = '123456789012'
const OTHER = '210987654321'
const clock = new OffsetClock()
let server: TestServer
let otherIam: IAMClient
let otherRootCredentials: Credentials
let alice: TestUser // no policies of her own
let bob: TestUser // may assume any role
let carol: TestUser // in the other account, may assume any role

const trust = (principal: Record<string, unknown>, extra: Record<string, unknown> = {}, actions: string | string[] = 'sts:AssumeRole') =>
  JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: principal, Action: actions, ...extra }] })
const allow = (action: string | string[], resource = '*', extra: Record<string, unknown> = {}) =>
  JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: action, Resource: resource, ...extra }] })

async function role(iam: IAMClient, name: string, trustPolicy: string, permissions?: string, maxSessionDuration?: number): Promise<string> {
  const created = await iam.send(
    new CreateRoleCommand({ RoleName: name, AssumeRolePolicyDocument: trustPolicy, ...(maxSessionDuration ? { MaxSessionDuration: maxSessionDuration } : {}) })
  )
  if (permissions) await iam.send(new PutRolePolicyCommand({ RoleName: name, PolicyName: 'permissions', PolicyDocument: permissions }))
  return created.Role?.Arn as string
}

async function assume(credentials: Credentials, input: Partial<AssumeRoleCommandInput> & { RoleArn: string }): Promise<Credentials> {
  const out = await server.sts(credentials).send(new AssumeRoleCommand({ RoleSessionName: 'TemporarySession', ...input }))
  const c = out.Credentials
  return { accessKeyId: c?.AccessKeyId as string, secretAccessKey: c?.SecretAccessKey as string, sessionToken: c?.SessionToken as string }
}

beforeAll(async () => {
  server = await startTestServer({ accountId: ACCOUNT, clock })
  alice = await userWithPolicy(server, 'alice', [])
  bob = await userWithPolicy(server, 'bob', [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' }])
  const otherRoot = await createAccount(server.running.ctx, OTHER)
  otherRootCredentials = otherRoot
  otherIam = server.iam(otherRoot)
  const carolCreated = await otherIam.send(new CreateUserCommand({ UserName: 'carol' }))
  const ctx = server.running.ctx
  await ctx.store.transaction((tx) => tx.inlinePolicies.put(OTHER, { entityType: 'user', entityId: carolCreated.User?.UserId as string }, 'assume', allow('sts:AssumeRole')))
  ctx.authCache.invalidate(OTHER)
  const key = await otherIam.send(new CreateAccessKeyCommand({ UserName: 'carol' }))
  const credentials = { accessKeyId: key.AccessKey?.AccessKeyId as string, secretAccessKey: key.AccessKey?.SecretAccessKey as string }
  carol = { name: 'carol', arn: carolCreated.User?.Arn as string, credentials, iam: server.iam(credentials) }
})
afterAll(async () => {
  await server.close()
})

describe('who may assume a role', () => {
  it('a trust policy that names the user lets her in without any policy of her own, and says who she now is', async () => {
    const arn = await role(server.iam(), 'named-alice', trust({ AWS: alice.arn }), allow('iam:ListUsers'))
    const before = Date.now()
    const out = await server.sts(alice.credentials).send(new AssumeRoleCommand({ RoleArn: arn, RoleSessionName: 'TemporarySession' }))
    const roleId = (await server.running.ctx.store.read.roles.byName(ACCOUNT, 'named-alice'))?.id
    expect(out.AssumedRoleUser).toEqual({ AssumedRoleId: `${roleId}:TemporarySession`, Arn: `arn:aws:sts::${ACCOUNT}:assumed-role/named-alice/TemporarySession` })
    expect(out.Credentials?.AccessKeyId).toMatch(/^ASIA[A-Z2-7]{16}$/)
    expect(out.Credentials?.SecretAccessKey).toHaveLength(40)
    expect(out.Credentials?.SessionToken?.length).toBeGreaterThan(100)
    const expires = out.Credentials?.Expiration?.getTime() ?? 0
    expect(expires).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000 + 3600_000)
    expect(expires).toBeLessThanOrEqual(Date.now() + 3600_000 + clockOffset())
    expect(out.PackedPolicySize).toBeUndefined()

    const session = {
      accessKeyId: out.Credentials?.AccessKeyId as string,
      secretAccessKey: out.Credentials?.SecretAccessKey as string,
      sessionToken: out.Credentials?.SessionToken as string
    }
    const identity = await server.sts(session).send(new GetCallerIdentityCommand({}))
    expect(identity).toMatchObject({ Account: ACCOUNT, Arn: `arn:aws:sts::${ACCOUNT}:assumed-role/named-alice/TemporarySession`, UserId: `${roleId}:TemporarySession` })
    // Inside the role's policy: allowed. Outside: denied, naming the session.
    await expect(server.iam(session).send(new ListUsersCommand({}))).resolves.toBeDefined()
    const denied = await failure(server.iam(session).send(new ListRolesCommand({})))
    expect(denied).toMatchObject({ name: 'AccessDenied', status: 403 })
    expect(denied.message).toBe(
      `User: arn:aws:sts::${ACCOUNT}:assumed-role/named-alice/TemporarySession is not authorized to perform: iam:ListRoles on resource: arn:aws:iam::${ACCOUNT}:role/ because no identity-based policy allows the iam:ListRoles action`
    )
  })

  it('a trust policy that names the account delegates to the caller’s identity policies', async () => {
    const arn = await role(server.iam(), 'named-account', trust({ AWS: `arn:aws:iam::${ACCOUNT}:root` }))
    const denied = await failure(assume(alice.credentials, { RoleArn: arn }))
    expect(denied).toMatchObject({ name: 'AccessDenied', status: 403 })
    expect(denied.message).toMatch(
      new RegExp(`^User: ${escape(alice.arn)} is not authorized to perform: sts:AssumeRole on resource: ${escape(arn)}\\. Encoded authorization failure message: \\S+$`)
    )
    await expect(assume(bob.credentials, { RoleArn: arn })).resolves.toMatchObject({ accessKeyId: expect.stringMatching(/^ASIA/) })
  })

  it('the reason for a refusal is encoded: only the account’s administrators may decode it', async () => {
    const arn = `arn:aws:iam::${ACCOUNT}:role/named-account`
    const denied = await failure(assume(alice.credentials, { RoleArn: arn }))
    const encoded = denied.message.split('Encoded authorization failure message: ')[1] as string
    const decoded = JSON.parse((await server.sts().send(new DecodeAuthorizationMessageCommand({ EncodedMessage: encoded }))).DecodedMessage as string)
    expect(decoded).toMatchObject({
      allowed: false,
      explicitDeny: false,
      context: { principal: { arn: alice.arn }, action: 'AssumeRole', resource: arn },
      reason: 'because no identity-based policy allows the sts:AssumeRole action'
    })
    expect(decoded.context.conditions.items).toContainEqual({ key: 'sts:RoleSessionName', values: { items: [{ value: 'TemporarySession' }] } })
    // Alice may not decode it; the other account cannot read it at all; garbage is refused.
    expect((await failure(server.sts(alice.credentials).send(new DecodeAuthorizationMessageCommand({ EncodedMessage: encoded })))).message).toBe(
      `User: ${alice.arn} is not authorized to perform: sts:DecodeAuthorizationMessage because no identity-based policy allows the sts:DecodeAuthorizationMessage action`
    )
    const otherRoot = await failure(server.sts(otherRootCredentials).send(new DecodeAuthorizationMessageCommand({ EncodedMessage: encoded })))
    expect(otherRoot).toMatchObject({ name: 'InvalidAuthorizationMessageException', status: 400 })
    expect((await failure(server.sts().send(new DecodeAuthorizationMessageCommand({ EncodedMessage: 'bm90IGEgbWVzc2FnZQ==' })))).name).toBe('InvalidAuthorizationMessageException')
  })

  it('across accounts both the trust policy and the caller’s identity policy must allow', async () => {
    const arn = await role(otherIam, 'cross', trust({ AWS: `arn:aws:iam::${ACCOUNT}:root` }), allow('iam:ListUsers'))
    await expect(failure(assume(alice.credentials, { RoleArn: arn }))).resolves.toMatchObject({ name: 'AccessDenied' })
    const session = await assume(bob.credentials, { RoleArn: arn })
    const identity = await server.sts(session).send(new GetCallerIdentityCommand({}))
    expect(identity.Arn).toBe(`arn:aws:sts::${OTHER}:assumed-role/cross/TemporarySession`)
    expect(identity.Account).toBe(OTHER)
    // The session acts in the role's account.
    const users = await server.iam(session).send(new ListUsersCommand({}))
    expect(users.Users?.map((u) => u.UserName)).toEqual(['carol'])
    // A trust policy naming another account keeps carol (allowed by her own policy) out.
    const mine = await role(server.iam(), 'not-for-carol', trust({ AWS: `arn:aws:iam::${ACCOUNT}:root` }))
    await expect(failure(assume(carol.credentials, { RoleArn: mine }))).resolves.toMatchObject({ name: 'AccessDenied' })
  })

  it('a missing role and a refusal look the same', async () => {
    const missing = `arn:aws:iam::${ACCOUNT}:role/no-such-role`
    const refusedElsewhere = await failure(assume(carol.credentials, { RoleArn: `arn:aws:iam::${ACCOUNT}:role/not-for-carol` }))
    const missingElsewhere = await failure(assume(carol.credentials, { RoleArn: `arn:aws:iam::${ACCOUNT}:role/no-such-role` }))
    // Across accounts: AWS's message exactly, nothing encoded.
    expect(refusedElsewhere).toEqual({
      name: 'AccessDenied',
      status: 403,
      message: `User: ${carol.arn} is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::${ACCOUNT}:role/not-for-carol`
    })
    expect(missingElsewhere).toEqual({
      name: 'AccessDenied',
      status: 403,
      message: `User: ${carol.arn} is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::${ACCOUNT}:role/no-such-role`
    })
    // In the caller's own account the reason is there, encoded.
    const denied = await failure(assume(bob.credentials, { RoleArn: missing }))
    const encoded = denied.message.split('Encoded authorization failure message: ')[1] as string
    const decoded = JSON.parse((await server.sts().send(new DecodeAuthorizationMessageCommand({ EncodedMessage: encoded }))).DecodedMessage as string)
    expect(decoded.reason).toBe('because no role has this ARN')
  })

  it('the root user cannot assume roles', async () => {
    const arn = await role(server.iam(), 'for-root', trust({ AWS: `arn:aws:iam::${ACCOUNT}:root` }))
    expect(await failure(assume(server.root, { RoleArn: arn }))).toEqual({ name: 'AccessDenied', status: 403, message: 'Roles may not be assumed by root accounts.' })
  })

  it('sts:ExternalId in the trust policy must match', async () => {
    const arn = await role(server.iam(), 'external', trust({ AWS: bob.arn }, { Condition: { StringEquals: { 'sts:ExternalId': 'Unique-Id-1' } } }))
    await expect(failure(assume(bob.credentials, { RoleArn: arn }))).resolves.toMatchObject({ name: 'AccessDenied' })
    await expect(failure(assume(bob.credentials, { RoleArn: arn, ExternalId: 'wrong-id' }))).resolves.toMatchObject({ name: 'AccessDenied' })
    await expect(assume(bob.credentials, { RoleArn: arn, ExternalId: 'Unique-Id-1' })).resolves.toBeDefined()
  })

  it('sts:RoleSessionName in the trust policy can require the session name', async () => {
    const arn = await role(server.iam(), 'session-name', trust({ AWS: bob.arn }, { Condition: { StringEquals: { 'sts:RoleSessionName': '${aws:username}' } } }))
    await expect(failure(assume(bob.credentials, { RoleArn: arn, RoleSessionName: 'someone-else' }))).resolves.toMatchObject({ name: 'AccessDenied' })
    await expect(assume(bob.credentials, { RoleArn: arn, RoleSessionName: 'bob' })).resolves.toBeDefined()
  })

  it('a malformed role ARN is a validation error', async () => {
    const bad = await failure(assume(bob.credentials, { RoleArn: 'arn:aws:iam::123456789012:user/not-a-role' }))
    expect(bad).toEqual({ name: 'ValidationError', status: 400, message: 'arn:aws:iam::123456789012:user/not-a-role is invalid' })
  })
})

describe('session duration', () => {
  it('defaults to an hour, may go up to the role’s maximum and no further', async () => {
    const arn = await role(server.iam(), 'two-hours', trust({ AWS: bob.arn }), undefined, 7200)
    const out = await server.sts(bob.credentials).send(new AssumeRoleCommand({ RoleArn: arn, RoleSessionName: 'ses', DurationSeconds: 7200 }))
    expect((out.Credentials?.Expiration?.getTime() ?? 0) - Date.now() - clockOffset()).toBeGreaterThan(7100_000)
    expect(await failure(assume(bob.credentials, { RoleArn: arn, DurationSeconds: 7201 }))).toEqual({
      name: 'ValidationError',
      status: 400,
      message: 'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.'
    })
    // A new maximum counts at once (roles are cached between AssumeRole calls).
    await server.iam().send(new UpdateRoleCommand({ RoleName: 'two-hours', MaxSessionDuration: 10_800 }))
    expect((await assume(bob.credentials, { RoleArn: arn, DurationSeconds: 7201 })).accessKeyId).toMatch(/^ASIA/)
  })

  it('the role’s tags are aws:ResourceTag for the caller’s policies', async () => {
    const byTag = await userWithPolicy(server, 'by-tag', [
      { Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*', Condition: { StringEquals: { 'aws:ResourceTag/team': 'blue' } } }
    ])
    const blue = await role(server.iam(), 'team-blue', trust({ AWS: `arn:aws:iam::${ACCOUNT}:root` }))
    const red = await role(server.iam(), 'team-red', trust({ AWS: `arn:aws:iam::${ACCOUNT}:root` }))
    await server.iam().send(new TagRoleCommand({ RoleName: 'team-blue', Tags: [{ Key: 'team', Value: 'blue' }] }))
    expect((await assume(byTag.credentials, { RoleArn: blue })).accessKeyId).toMatch(/^ASIA/)
    expect((await failure(assume(byTag.credentials, { RoleArn: red }))).name).toBe('AccessDenied')
    // Retagging counts at once.
    await server.iam().send(new TagRoleCommand({ RoleName: 'team-blue', Tags: [{ Key: 'team', Value: 'red' }] }))
    expect((await failure(assume(byTag.credentials, { RoleArn: blue }))).name).toBe('AccessDenied')
  })

  it('a changed trust policy counts at once', async () => {
    const arn = await role(server.iam(), 'trust-changes', trust({ AWS: bob.arn }))
    expect((await assume(bob.credentials, { RoleArn: arn })).accessKeyId).toMatch(/^ASIA/)
    await server.iam().send(new UpdateAssumeRolePolicyCommand({ RoleName: 'trust-changes', PolicyDocument: trust({ AWS: alice.arn }) }))
    expect((await failure(assume(bob.credentials, { RoleArn: arn }))).name).toBe('AccessDenied')
  })

  it('a role session assuming another role (chaining) gets one hour at most', async () => {
    const second = await role(server.iam(), 'chain-second', trust({ AWS: `arn:aws:iam::${ACCOUNT}:root` }), allow('iam:ListUsers'), 43200)
    const first = await role(server.iam(), 'chain-first', trust({ AWS: bob.arn }), allow('sts:AssumeRole'), 43200)
    const session = await assume(bob.credentials, { RoleArn: first, DurationSeconds: 43200 })
    expect(await failure(assume(session, { RoleArn: second, DurationSeconds: 3601 }))).toEqual({
      name: 'ValidationError',
      status: 400,
      message: 'The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.'
    })
    const chained = await assume(session, { RoleArn: second })
    expect((await server.sts(chained).send(new GetCallerIdentityCommand({}))).Arn).toBe(`arn:aws:sts::${ACCOUNT}:assumed-role/chain-second/TemporarySession`)
  })
})

describe('session policies', () => {
  it('a session can do only what both the role and the session policies allow', async () => {
    const arn = await role(server.iam(), 'scoped', trust({ AWS: bob.arn }), allow(['iam:ListUsers', 'iam:ListRoles']))
    const out = await server.sts(bob.credentials).send(new AssumeRoleCommand({ RoleArn: arn, RoleSessionName: 'ses', Policy: allow('iam:ListUsers') }))
    expect(out.PackedPolicySize).toBeGreaterThan(0)
    expect(out.PackedPolicySize).toBeLessThanOrEqual(100)
    const session = {
      accessKeyId: out.Credentials?.AccessKeyId as string,
      secretAccessKey: out.Credentials?.SecretAccessKey as string,
      sessionToken: out.Credentials?.SessionToken as string
    }
    await expect(server.iam(session).send(new ListUsersCommand({}))).resolves.toBeDefined()
    const denied = await failure(server.iam(session).send(new ListRolesCommand({})))
    expect(denied.name).toBe('AccessDenied')
    expect(denied.message).toContain('session policy')
    // A session policy cannot add what the role lacks.
    const wide = await assume(bob.credentials, { RoleArn: arn, Policy: allow('iam:*') })
    await expect(failure(server.iam(wide).send(new DeleteRoleCommand({ RoleName: 'scoped' })))).resolves.toMatchObject({ name: 'AccessDenied' })
  })

  it('managed policy ARNs work as session policies', async () => {
    const arn = await role(server.iam(), 'scoped-arns', trust({ AWS: bob.arn }), allow(['iam:ListUsers', 'iam:ListRoles']))
    const session = await assume(bob.credentials, { RoleArn: arn, PolicyArns: [{ arn: 'arn:aws:iam::aws:policy/IAMReadOnlyAccess' }] })
    await expect(server.iam(session).send(new ListRolesCommand({}))).resolves.toBeDefined()
  })

  it('a malformed session policy is refused with IAM’s message', async () => {
    const arn = await role(server.iam(), 'scoped-bad', trust({ AWS: bob.arn }))
    const bad = await failure(assume(bob.credentials, { RoleArn: arn, Policy: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow"}]}' }))
    expect(bad).toMatchObject({ name: 'MalformedPolicyDocumentException', status: 400 })
  })

  it('session policies and tags too large to pack are refused', async () => {
    const arn = await role(server.iam(), 'packed', trust({ AWS: bob.arn }, {}, ['sts:AssumeRole', 'sts:TagSession']))
    const noisy = Array.from({ length: 50 }, (_, i) => ({ Key: `k${i}-${'x'.repeat(100)}`, Value: randomBytes(190).toString('base64').slice(0, 250) }))
    const bad = await failure(assume(bob.credentials, { RoleArn: arn, Tags: noisy }))
    expect(bad.name).toBe('PackedPolicyTooLargeException')
    expect(bad.message).toMatch(/^Packed policy consumes \d+% of allotted space, please use smaller policy\.$/)
  })
})

describe('session tags and source identity', () => {
  it('tags need sts:TagSession, become aws:PrincipalTag, and transitive ones pass down a chain', async () => {
    const blueOnly = allow(['iam:ListUsers', 'sts:AssumeRole', 'sts:TagSession'], '*', { Condition: { StringEquals: { 'aws:PrincipalTag/team': 'blue' } } })
    const untagged = await role(server.iam(), 'tags-refused', trust({ AWS: bob.arn }))
    const refused = await failure(assume(bob.credentials, { RoleArn: untagged, Tags: [{ Key: 'team', Value: 'blue' }] }))
    expect(refused.name).toBe('AccessDenied')
    expect(refused.message.startsWith(`User: ${bob.arn} is not authorized to perform: sts:TagSession on resource: ${untagged}. Encoded authorization failure message: `)).toBe(true)
    const tagged = await role(server.iam(), 'tags-allowed', trust({ AWS: bob.arn }, {}, ['sts:AssumeRole', 'sts:TagSession']), blueOnly)
    const next = await role(server.iam(), 'tags-next', trust({ AWS: `arn:aws:iam::${ACCOUNT}:root` }, {}, ['sts:AssumeRole', 'sts:TagSession']), blueOnly)
    const red = await assume(bob.credentials, { RoleArn: tagged, Tags: [{ Key: 'team', Value: 'red' }] })
    await expect(failure(server.iam(red).send(new ListUsersCommand({})))).resolves.toMatchObject({ name: 'AccessDenied' })
    const blue = await assume(bob.credentials, { RoleArn: tagged, Tags: [{ Key: 'team', Value: 'blue' }], TransitiveTagKeys: ['team'] })
    await expect(server.iam(blue).send(new ListUsersCommand({}))).resolves.toBeDefined()
    // Chained: the transitive tag comes along and cannot be overridden.
    const chained = await assume(blue, { RoleArn: next })
    await expect(server.iam(chained).send(new ListUsersCommand({}))).resolves.toBeDefined()
    expect(await failure(assume(blue, { RoleArn: next, Tags: [{ Key: 'TEAM', Value: 'red' }] }))).toEqual({
      name: 'InvalidParameterValue',
      status: 400,
      message: "One of the specified transitive tag keys can't be set because it conflicts with a transitive tag key from the calling session."
    })
  })

  it('duplicate tag keys (case-insensitively) and transitive keys that are not tags are refused', async () => {
    const arn = await role(server.iam(), 'tags-rules', trust({ AWS: bob.arn }, {}, ['sts:AssumeRole', 'sts:TagSession']))
    expect(
      await failure(
        assume(bob.credentials, {
          RoleArn: arn,
          Tags: [
            { Key: 'a', Value: '1' },
            { Key: 'A', Value: '2' }
          ]
        })
      )
    ).toEqual({
      name: 'InvalidParameterValue',
      status: 400,
      message: 'Duplicate tag keys found. Please note that Tag keys are case insensitive.'
    })
    expect(await failure(assume(bob.credentials, { RoleArn: arn, Tags: [{ Key: 'a', Value: '1' }], TransitiveTagKeys: ['b'] }))).toEqual({
      name: 'InvalidParameterValue',
      status: 400,
      message: 'The specified transitive tag key must be included in the requested tags.'
    })
  })

  it('a source identity needs sts:SetSourceIdentity and stays for the whole chain', async () => {
    const refused = await role(server.iam(), 'source-refused', trust({ AWS: bob.arn }))
    await expect(failure(assume(bob.credentials, { RoleArn: refused, SourceIdentity: 'bob@example.com' }))).resolves.toMatchObject({ name: 'AccessDenied' })
    const first = await role(server.iam(), 'source-first', trust({ AWS: bob.arn }, {}, ['sts:AssumeRole', 'sts:SetSourceIdentity']), allow('sts:AssumeRole'))
    const second = await role(
      server.iam(),
      'source-second',
      trust({ AWS: `arn:aws:iam::${ACCOUNT}:root` }, { Condition: { StringEquals: { 'aws:SourceIdentity': 'bob@example.com' } } }),
      allow('iam:ListUsers')
    )
    const out = await server.sts(bob.credentials).send(new AssumeRoleCommand({ RoleArn: first, RoleSessionName: 'ses', SourceIdentity: 'bob@example.com' }))
    expect(out.SourceIdentity).toBe('bob@example.com')
    const session = {
      accessKeyId: out.Credentials?.AccessKeyId as string,
      secretAccessKey: out.Credentials?.SecretAccessKey as string,
      sessionToken: out.Credentials?.SessionToken as string
    }
    const chained = await server.sts(session).send(new AssumeRoleCommand({ RoleArn: second, RoleSessionName: 'ses2' }))
    expect(chained.SourceIdentity).toBe('bob@example.com')
    expect(await failure(assume(session, { RoleArn: second, SourceIdentity: 'mallory' }))).toEqual({
      name: 'ValidationError',
      status: 400,
      message: 'The source identity is already set for this assume role session'
    })
  })
})

describe('the life of temporary credentials', () => {
  it('expire: past their expiration every call gets ExpiredToken', async () => {
    const arn = await role(server.iam(), 'short', trust({ AWS: bob.arn }), allow('iam:ListUsers'))
    const session = await assume(bob.credentials, { RoleArn: arn, DurationSeconds: 900 })
    await expect(server.iam(session).send(new ListUsersCommand({}))).resolves.toBeDefined()
    clock.advance(901_000)
    try {
      for (const call of [server.iam(session).send(new ListUsersCommand({})), server.sts(session).send(new GetCallerIdentityCommand({}))]) {
        expect(await failure(call)).toEqual({ name: 'ExpiredToken', status: 403, message: 'The security token included in the request is expired' })
      }
    } finally {
      clock.advance(-901_000)
    }
  })

  it('stop working when their role is deleted, even if a role of that name is made again', async () => {
    const arn = await role(server.iam(), 'doomed', trust({ AWS: bob.arn }), allow('iam:ListUsers'))
    const session = await assume(bob.credentials, { RoleArn: arn })
    await server.iam().send(new DeleteRolePolicyCommand({ RoleName: 'doomed', PolicyName: 'permissions' }))
    await server.iam().send(new DeleteRoleCommand({ RoleName: 'doomed' }))
    await role(server.iam(), 'doomed', trust({ AWS: bob.arn }), allow('iam:ListUsers'))
    expect(await failure(server.iam(session).send(new ListUsersCommand({})))).toMatchObject({ name: 'InvalidClientTokenId', status: 403 })
  })

  it('can be revoked by denying sessions issued before a time (aws:TokenIssueTime)', async () => {
    const arn = await role(server.iam(), 'revocable', trust({ AWS: bob.arn }), allow('iam:ListUsers'))
    const old = await assume(bob.credentials, { RoleArn: arn })
    clock.advance(2000)
    const cutoff = new Date(Date.now() + clockOffset() - 1000).toISOString().replace(/\.\d+Z$/, 'Z')
    await server.iam().send(
      new PutRolePolicyCommand({
        RoleName: 'revocable',
        PolicyName: 'AWSRevokeOlderSessions',
        PolicyDocument: JSON.stringify({
          Version: '2012-10-17',
          Statement: [{ Effect: 'Deny', Action: '*', Resource: '*', Condition: { DateLessThan: { 'aws:TokenIssueTime': cutoff } } }]
        })
      })
    )
    const fresh = await assume(bob.credentials, { RoleArn: arn })
    clock.advance(-2000)
    expect((await failure(server.iam(old).send(new ListUsersCommand({})))).message).toContain('explicit deny')
    clock.advance(2000)
    await expect(server.iam(fresh).send(new ListUsersCommand({}))).resolves.toBeDefined()
    clock.advance(-2000)
  })

  it('a role is "last used" when its session makes a request, not when it is assumed', async () => {
    const arn = await role(server.iam(), 'used', trust({ AWS: bob.arn }), allow('iam:ListUsers'))
    const session = await assume(bob.credentials, { RoleArn: arn })
    expect((await server.iam().send(new GetRoleCommand({ RoleName: 'used' }))).Role?.RoleLastUsed).toEqual({})
    await server.iam(session).send(new ListUsersCommand({}))
    await new Promise((resolve) => setTimeout(resolve, 50))
    const lastUsed = (await server.iam().send(new GetRoleCommand({ RoleName: 'used' }))).Role?.RoleLastUsed
    expect(lastUsed?.Region).toBe('us-east-1')
    expect(Math.abs((lastUsed?.LastUsedDate?.getTime() ?? 0) - clock.now().getTime())).toBeLessThan(5000)
  })

  it('GetAccessKeyInfo names the account of a temporary key and of a long-term one', async () => {
    const arn = await role(otherIam, 'key-info', trust({ AWS: `arn:aws:iam::${ACCOUNT}:root` }))
    const session = await assume(bob.credentials, { RoleArn: arn })
    const sts = server.sts()
    expect((await sts.send(new GetAccessKeyInfoCommand({ AccessKeyId: session.accessKeyId }))).Account).toBe(OTHER)
    expect((await sts.send(new GetAccessKeyInfoCommand({ AccessKeyId: carol.credentials.accessKeyId }))).Account).toBe(OTHER)
    expect((await sts.send(new GetAccessKeyInfoCommand({ AccessKeyId: bob.credentials.accessKeyId }))).Account).toBe(ACCOUNT)
    // It needs sts:GetAccessKeyInfo, an action AWS names without a resource.
    expect(await failure(server.sts(alice.credentials).send(new GetAccessKeyInfoCommand({ AccessKeyId: session.accessKeyId })))).toEqual({
      name: 'AccessDenied',
      status: 403,
      message: `User: ${alice.arn} is not authorized to perform: sts:GetAccessKeyInfo because no identity-based policy allows the sts:GetAccessKeyInfo action`
    })
  })
})

describe('tokens that are not what they claim', () => {
  let arn: string
  let session: Credentials
  beforeAll(async () => {
    arn = await role(server.iam(), 'tokens', trust({ AWS: bob.arn }), allow('iam:ListUsers'))
    session = await assume(bob.credentials, { RoleArn: arn })
  })
  const invalid = { name: 'InvalidClientTokenId', status: 403, message: 'The security token included in the request is invalid' }

  it('a tampered, truncated or missing token is invalid', async () => {
    const token = session.sessionToken as string
    const flipped = Buffer.from(token, 'base64')
    flipped[40] = (flipped[40] as number) ^ 1
    for (const sessionToken of [flipped.toString('base64'), token.slice(0, token.length - 8), token.slice(0, 20), 'not-a-token']) {
      expect(await failure(server.iam({ ...session, sessionToken }).send(new ListUsersCommand({})))).toEqual(invalid)
    }
    const withoutToken = { accessKeyId: session.accessKeyId, secretAccessKey: session.secretAccessKey }
    expect((await failure(server.iam(withoutToken).send(new ListUsersCommand({})))).name).toBe('InvalidClientTokenId')
  })

  it('a token belongs to its own key: another session’s key with it is invalid', async () => {
    const other = await assume(bob.credentials, { RoleArn: arn })
    expect(await failure(server.iam({ ...other, sessionToken: session.sessionToken as string }).send(new ListUsersCommand({})))).toEqual(invalid)
    // A long-term key with a token is not temporary credentials either.
    expect(await failure(server.iam({ ...bob.credentials, sessionToken: session.sessionToken as string }).send(new ListUsersCommand({})))).toEqual(invalid)
  })

  it('the wrong secret fails the signature', async () => {
    const wrong = { ...session, secretAccessKey: 'x'.repeat(40) }
    expect((await failure(server.iam(wrong).send(new ListUsersCommand({})))).name).toBe('SignatureDoesNotMatch')
  })

  it('a token sealed by another deployment (another master key) is invalid here', async () => {
    const elsewhere = await startTestServer({ accountId: ACCOUNT })
    try {
      const created = await elsewhere.iam().send(new CreateRoleCommand({ RoleName: 'tokens', AssumeRolePolicyDocument: trust({ AWS: `arn:aws:iam::${ACCOUNT}:root` }) }))
      const out = await elsewhere
        .sts(elsewhere.root)
        .send(new AssumeRoleCommand({ RoleArn: created.Role?.Arn as string, RoleSessionName: 'xx' }))
        .catch(() => undefined)
      // The root user may not assume roles; a user of that deployment may.
      expect(out).toBeUndefined()
      const u = await userWithPolicy(elsewhere, 'bob', [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' }])
      const foreign = await elsewhere.sts(u.credentials).send(new AssumeRoleCommand({ RoleArn: created.Role?.Arn as string, RoleSessionName: 'xx' }))
      const creds = {
        accessKeyId: foreign.Credentials?.AccessKeyId as string,
        secretAccessKey: foreign.Credentials?.SecretAccessKey as string,
        sessionToken: foreign.Credentials?.SessionToken as string
      }
      expect(await failure(server.iam(creds).send(new ListUsersCommand({})))).toEqual(invalid)
    } finally {
      await elsewhere.close()
    }
  })
})

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

function clockOffset(): number {
  return clock.now().getTime() - Date.now()
}
