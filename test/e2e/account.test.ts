// Account-level operations through the AWS SDK against a started server: the account alias
// (unique across the server's accounts), GetAccountSummary's counts and quotas, the STS token
// preference it reports, GetAccountAuthorizationDetails with its filters and paging, and
// enforcement as a non-root user.

import {
  AddUserToGroupCommand,
  CreateAccountAliasCommand,
  CreateGroupCommand,
  CreateUserCommand,
  DeleteAccountAliasCommand,
  GetAccountAuthorizationDetailsCommand,
  type GetAccountAuthorizationDetailsCommandOutput,
  GetAccountSummaryCommand,
  type IAMClient,
  ListAccountAliasesCommand,
  PutUserPermissionsBoundaryCommand,
  SetSecurityTokenServicePreferencesCommand
} from '@aws-sdk/client-iam'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createAccount } from '../../src/app/accounts.js'
import { newId, newSecretAccessKey } from '../../src/core/ids.js'
import type { Repositories } from '../../src/store/ports/repositories.js'
import { startTestServer, type Credentials, type TestServer } from './support/server.js'

const ACCOUNT = '123456789012'
let server: TestServer
let iam: IAMClient

beforeAll(async () => {
  server = await startTestServer({ accountId: ACCOUNT })
  iam = server.iam()
})
afterAll(async () => {
  await server.close()
})

async function failure(work: Promise<unknown>): Promise<{ name: string; message: string; $metadata: { httpStatusCode?: number } }> {
  try {
    await work
  } catch (e) {
    return e as { name: string; message: string; $metadata: { httpStatusCode?: number } }
  }
  throw new Error('expected the call to fail')
}

async function expectError(work: Promise<unknown>, name: string, message: string, status: number): Promise<void> {
  const e = await failure(work)
  expect({ name: e.name, message: e.message, status: e.$metadata.httpStatusCode }).toEqual({ name, message, status })
}

/** A fresh account on the same server, and an SDK client signed with its root key. */
async function newAccount(id: string): Promise<IAMClient> {
  return server.iam(await createAccount(server.running.ctx, id))
}

function write<T>(work: (tx: Repositories) => Promise<T>): Promise<T> {
  return server.running.ctx.store.transaction(work)
}

async function entityId(accountId: string, type: 'user' | 'group', name: string): Promise<string> {
  const entity = await (type === 'user' ? server.running.ctx.store.read.users : server.running.ctx.store.read.groups).byName(accountId, name)
  if (!entity) throw new Error(`no ${type} ${name}`)
  return entity.id
}

const policy = (statement: object) => JSON.stringify({ Version: '2012-10-17', Statement: [statement] })

describe('account alias', () => {
  it('creates, lists, replaces and deletes the alias', async () => {
    expect(await iam.send(new ListAccountAliasesCommand({}))).toMatchObject({ AccountAliases: [], IsTruncated: false })
    await iam.send(new CreateAccountAliasCommand({ AccountAlias: 'example-corp' }))
    expect((await iam.send(new ListAccountAliasesCommand({}))).AccountAliases).toEqual(['example-corp'])
    // The account's own alias again: nothing changes.
    await iam.send(new CreateAccountAliasCommand({ AccountAlias: 'example-corp' }))
    // Another alias replaces it: an account has at most one.
    await iam.send(new CreateAccountAliasCommand({ AccountAlias: 'example-corp-2' }))
    expect((await iam.send(new ListAccountAliasesCommand({}))).AccountAliases).toEqual(['example-corp-2'])
    expect((await server.running.ctx.store.read.accounts.byAlias('example-corp'))?.id).toBeUndefined()

    await expectError(iam.send(new DeleteAccountAliasCommand({ AccountAlias: 'example-corp' })), 'NoSuchEntityException', 'The account alias example-corp cannot be found.', 404)
    await iam.send(new DeleteAccountAliasCommand({ AccountAlias: 'example-corp-2' }))
    expect(await iam.send(new ListAccountAliasesCommand({}))).toMatchObject({ AccountAliases: [], IsTruncated: false })
    await expectError(
      iam.send(new DeleteAccountAliasCommand({ AccountAlias: 'example-corp-2' })),
      'NoSuchEntityException',
      'The account alias example-corp-2 cannot be found.',
      404
    )
  })

  it('keeps an alias unique across all accounts on the server', async () => {
    const other = await newAccount('210987654321')
    await other.send(new CreateAccountAliasCommand({ AccountAlias: 'taken-alias' }))
    await expectError(
      iam.send(new CreateAccountAliasCommand({ AccountAlias: 'taken-alias' })),
      'EntityAlreadyExistsException',
      'The account alias taken-alias already exists.',
      409
    )
    // Nor can another account delete it.
    await expectError(iam.send(new DeleteAccountAliasCommand({ AccountAlias: 'taken-alias' })), 'NoSuchEntityException', 'The account alias taken-alias cannot be found.', 404)
    await other.send(new DeleteAccountAliasCommand({ AccountAlias: 'taken-alias' }))
    await iam.send(new CreateAccountAliasCommand({ AccountAlias: 'taken-alias' }))
    expect((await iam.send(new ListAccountAliasesCommand({}))).AccountAliases).toEqual(['taken-alias'])
    await iam.send(new DeleteAccountAliasCommand({ AccountAlias: 'taken-alias' }))
  })

  it('validates the alias against the API model', async () => {
    for (const alias of ['Upper-Case', '-leading', 'trailing-', 'double--dash', 'under_score']) {
      const e = await failure(iam.send(new CreateAccountAliasCommand({ AccountAlias: alias })))
      expect({ name: e.name, message: e.message, status: e.$metadata.httpStatusCode }).toEqual({
        name: 'ValidationError',
        message: `1 validation error detected: Value at 'accountAlias' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[a-z0-9](([a-z0-9]|-(?!-))*[a-z0-9])?$`,
        status: 400
      })
    }
    const short = await failure(iam.send(new CreateAccountAliasCommand({ AccountAlias: 'ab' })))
    expect({ name: short.name, message: short.message }).toEqual({
      name: 'ValidationError',
      message: "1 validation error detected: Value at 'accountAlias' failed to satisfy constraint: Member must have length greater than or equal to 3"
    })
  })
})

describe('GetAccountSummary', () => {
  it('reports every key, with live counts and the default quotas', async () => {
    const client = await newAccount('333333333333')
    const accountId = '333333333333'
    const before = (await client.send(new GetAccountSummaryCommand({}))).SummaryMap
    expect(before).toEqual({
      AccessKeysPerUserQuota: 2,
      AccountAccessKeysPresent: 1,
      AccountMFAEnabled: 0,
      AccountPasswordPresent: 1,
      AccountSigningCertificatesPresent: 0,
      AssumeRolePolicySizeQuota: 2048,
      AttachedPoliciesPerGroupQuota: 10,
      AttachedPoliciesPerRoleQuota: 10,
      AttachedPoliciesPerUserQuota: 10,
      GlobalEndpointTokenVersion: 1,
      GroupPolicySizeQuota: 5120,
      Groups: 0,
      GroupsPerUserQuota: 10,
      GroupsQuota: 300,
      InstanceProfiles: 0,
      InstanceProfilesQuota: 1000,
      MFADevices: 0,
      MFADevicesInUse: 0,
      Policies: 0,
      PoliciesQuota: 1500,
      PolicySizeQuota: 6144,
      PolicyVersionsInUse: 0,
      PolicyVersionsInUseQuota: 10000,
      Providers: 0,
      RolePolicySizeQuota: 10240,
      Roles: 0,
      RolesQuota: 1000,
      ServerCertificates: 0,
      ServerCertificatesQuota: 20,
      SigningCertificatesPerUserQuota: 2,
      UserPolicySizeQuota: 2048,
      Users: 0,
      UsersQuota: 5000,
      VersionsPerPolicyQuota: 5
    })

    await client.send(new CreateUserCommand({ UserName: 'u1' }))
    await client.send(new CreateUserCommand({ UserName: 'u2' }))
    await client.send(new CreateGroupCommand({ GroupName: 'g1' }))
    const now = new Date()
    const ctx = server.running.ctx
    await write(async (tx) => {
      await tx.roles.insert({
        id: newId('role', ctx.random),
        accountId,
        name: 'r1',
        path: '/',
        arn: `arn:aws:iam::${accountId}:role/r1`,
        createdAt: now,
        assumeRolePolicy: '{}',
        description: undefined,
        maxSessionDuration: 3600,
        permissionsBoundary: undefined,
        lastUsedAt: undefined,
        lastUsedRegion: undefined,
        serviceLinked: undefined
      })
      const policyId = newId('policy', ctx.random)
      await tx.policies.insert({
        id: policyId,
        accountId,
        name: 'p1',
        path: '/',
        arn: `arn:aws:iam::${accountId}:policy/p1`,
        createdAt: now,
        description: undefined,
        updatedAt: now,
        defaultVersion: 'v2',
        nextVersion: 3
      })
      await tx.policies.insertVersion({ policyId, versionId: 'v1', document: '{}', createdAt: now })
      await tx.policies.insertVersion({ policyId, versionId: 'v2', document: '{}', createdAt: now })
      await tx.instanceProfiles.insert({
        id: newId('instanceProfile', ctx.random),
        accountId,
        name: 'ip1',
        path: '/',
        arn: `arn:aws:iam::${accountId}:instance-profile/ip1`,
        createdAt: now
      })
      await tx.serverCertificates.insert({
        id: newId('serverCertificate', ctx.random),
        accountId,
        name: 'cert1',
        path: '/',
        arn: `arn:aws:iam::${accountId}:server-certificate/cert1`,
        createdAt: now,
        body: 'body',
        chain: undefined,
        privateKeyCipher: 'x',
        expiration: now
      })
      await tx.signingCertificates.insert({ id: 'ROOTCERT0000000000000000000A', accountId, userId: undefined, body: 'body', status: 'Active', uploadedAt: now })
      const rootKeys = await tx.accessKeys.forUser(accountId, undefined)
      for (const key of rootKeys) await tx.accessKeys.delete(key.id)
    })
    // The server's own writes stay off other accounts: this one's root key was removed, so look with the store.
    const after = await summaryOf(accountId)
    expect(after).toMatchObject({
      Users: 2,
      Groups: 1,
      Roles: 1,
      Policies: 1,
      PolicyVersionsInUse: 2,
      InstanceProfiles: 1,
      ServerCertificates: 1,
      AccountSigningCertificatesPresent: 1,
      AccountAccessKeysPresent: 0
    })
  })

  it('reflects SetSecurityTokenServicePreferences in GlobalEndpointTokenVersion', async () => {
    const version = async () => (await iam.send(new GetAccountSummaryCommand({}))).SummaryMap?.GlobalEndpointTokenVersion
    expect(await version()).toBe(1)
    await iam.send(new SetSecurityTokenServicePreferencesCommand({ GlobalEndpointTokenVersion: 'v2Token' }))
    expect(await version()).toBe(2)
    expect((await server.running.ctx.store.read.accounts.get(ACCOUNT))?.stsTokenVersion).toBe(2)
    await iam.send(new SetSecurityTokenServicePreferencesCommand({ GlobalEndpointTokenVersion: 'v1Token' }))
    expect(await version()).toBe(1)
    const e = await failure(iam.send(new SetSecurityTokenServicePreferencesCommand({ GlobalEndpointTokenVersion: 'v3Token' as 'v1Token' })))
    expect({ name: e.name, status: e.$metadata.httpStatusCode }).toEqual({ name: 'ValidationError', status: 400 })
    expect(e.message).toContain("at 'globalEndpointTokenVersion'")
  })
})

/** GetAccountSummary of an account whose root key is gone: signed by an IAM user allowed to call it. */
async function summaryOf(accountId: string): Promise<Record<string, number> | undefined> {
  const ctx = server.running.ctx
  const userId = newId('user', ctx.random)
  const accessKeyId = newId('accessKey', ctx.random)
  const secretAccessKey = newSecretAccessKey(ctx.random)
  await write(async (tx) => {
    await tx.users.insert({
      id: userId,
      accountId,
      name: 'summary-reader',
      path: '/',
      arn: `arn:aws:iam::${accountId}:user/summary-reader`,
      createdAt: new Date(),
      permissionsBoundary: undefined,
      passwordLastUsed: undefined
    })
    await tx.inlinePolicies.put(accountId, { entityType: 'user', entityId: userId }, 'summary', policy({ Effect: 'Allow', Action: 'iam:GetAccountSummary', Resource: '*' }))
    await tx.accessKeys.insert({
      id: accessKeyId,
      accountId,
      userId,
      secretCipher: ctx.secrets.seal(secretAccessKey),
      status: 'Active',
      createdAt: new Date(),
      lastUsedAt: undefined,
      lastUsedService: undefined,
      lastUsedRegion: undefined
    })
  })
  ctx.authCache.invalidate(accountId)
  const summary = (await server.iam({ accessKeyId, secretAccessKey }).send(new GetAccountSummaryCommand({}))).SummaryMap
  // The reader itself is one more user.
  return summary && { ...summary, Users: (summary.Users ?? 0) - 1 }
}

describe('GetAccountAuthorizationDetails', () => {
  const accountId = '444444444444'
  let client: IAMClient
  const userInline = policy({ Effect: 'Allow', Action: 's3:ListBucket', Resource: 'arn:aws:s3:::bucket/*' })
  const groupInline = policy({ Effect: 'Allow', Action: 'ec2:Describe*', Resource: '*' })
  const roleInline = policy({ Effect: 'Deny', Action: '*', Resource: '*' })
  const trust = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }] })
  const v1 = policy({ Effect: 'Allow', Action: 'sqs:*', Resource: '*' })
  const v2 = '{\n  "Version": "2012-10-17",\n  "Statement": [{"Effect": "Allow", "Action": "sns:Publish", "Resource": "*"}]\n}'
  const customerArn = `arn:aws:iam::${accountId}:policy/team/gaad-policy`
  const awsArn = 'arn:aws:iam::aws:policy/IAMReadOnlyAccess'
  const boundaryArn = 'arn:aws:iam::aws:policy/ReadOnlyAccess'
  const created = new Date('2026-01-02T03:04:05Z')
  const lastUsed = new Date('2026-02-03T04:05:06Z')
  let ids: { user: string; group: string; role: string; profile: string; policy: string }

  beforeAll(async () => {
    client = await newAccount(accountId)
    const ctx = server.running.ctx
    await client.send(new CreateUserCommand({ UserName: 'gaad-user', Path: '/people/', Tags: [{ Key: 'team', Value: 'blue' }] }))
    await client.send(new CreateUserCommand({ UserName: 'gaad-plain' }))
    await client.send(new PutUserPermissionsBoundaryCommand({ UserName: 'gaad-user', PermissionsBoundary: boundaryArn }))
    await client.send(new CreateGroupCommand({ GroupName: 'gaad-group' }))
    await client.send(new CreateGroupCommand({ GroupName: 'gaad-empty' }))
    await client.send(new AddUserToGroupCommand({ GroupName: 'gaad-group', UserName: 'gaad-user' }))
    await client.send(new AddUserToGroupCommand({ GroupName: 'gaad-empty', UserName: 'gaad-user' }))
    const user = await entityId(accountId, 'user', 'gaad-user')
    const group = await entityId(accountId, 'group', 'gaad-group')
    ids = { user, group, role: newId('role', ctx.random), profile: newId('instanceProfile', ctx.random), policy: newId('policy', ctx.random) }
    await write(async (tx) => {
      await tx.policies.insert({
        id: ids.policy,
        accountId,
        name: 'gaad-policy',
        path: '/team/',
        arn: customerArn,
        createdAt: created,
        description: 'for the tests',
        updatedAt: lastUsed,
        defaultVersion: 'v2',
        nextVersion: 3
      })
      await tx.policies.insertVersion({ policyId: ids.policy, versionId: 'v1', document: v1, createdAt: created })
      await tx.policies.insertVersion({ policyId: ids.policy, versionId: 'v2', document: v2, createdAt: lastUsed })
      await tx.roles.insert({
        id: ids.role,
        accountId,
        name: 'gaad-role',
        path: '/svc/',
        arn: `arn:aws:iam::${accountId}:role/svc/gaad-role`,
        createdAt: created,
        assumeRolePolicy: trust,
        description: 'not shown',
        maxSessionDuration: 7200,
        permissionsBoundary: customerArn,
        lastUsedAt: lastUsed,
        lastUsedRegion: 'eu-west-1',
        serviceLinked: undefined
      })
      await tx.tags.put(accountId, 'role', ids.role, [{ Key: 'env', Value: 'prod' }])
      await tx.instanceProfiles.insert({
        id: ids.profile,
        accountId,
        name: 'gaad-profile',
        path: '/',
        arn: `arn:aws:iam::${accountId}:instance-profile/gaad-profile`,
        createdAt: created
      })
      await tx.instanceProfiles.addRole(accountId, ids.profile, ids.role)
      await tx.inlinePolicies.put(accountId, { entityType: 'user', entityId: user }, 'user-inline', userInline)
      await tx.inlinePolicies.put(accountId, { entityType: 'group', entityId: group }, 'group-inline', groupInline)
      await tx.inlinePolicies.put(accountId, { entityType: 'role', entityId: ids.role }, 'role-inline', roleInline)
      await tx.attachments.attach(accountId, { entityType: 'user', entityId: user }, customerArn)
      await tx.attachments.attach(accountId, { entityType: 'group', entityId: group }, awsArn)
      await tx.attachments.attach(accountId, { entityType: 'role', entityId: ids.role }, awsArn)
      await tx.attachments.attach(accountId, { entityType: 'role', entityId: ids.role }, customerArn)
    })
  })

  it('returns every list with the relationships, documents URL-encoded', async () => {
    const details = await client.send(new GetAccountAuthorizationDetailsCommand({}))
    expect(details.IsTruncated).toBe(false)
    expect(details.Marker).toBeUndefined()
    const encoded = (document: string) => encodeURIComponent(document).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)

    expect(details.UserDetailList?.map((u) => u.UserName)).toEqual(['gaad-plain', 'gaad-user'])
    const plain = details.UserDetailList?.[0]
    // No inline policy: UserPolicyList is left out, the other lists are empty.
    expect(plain).toEqual({
      Path: '/',
      UserName: 'gaad-plain',
      UserId: expect.stringMatching(/^AIDA/) as string,
      Arn: `arn:aws:iam::${accountId}:user/gaad-plain`,
      CreateDate: expect.any(Date) as Date,
      GroupList: [],
      AttachedManagedPolicies: [],
      Tags: []
    })
    expect(details.UserDetailList?.[1]).toEqual({
      Path: '/people/',
      UserName: 'gaad-user',
      UserId: ids.user,
      Arn: `arn:aws:iam::${accountId}:user/people/gaad-user`,
      CreateDate: expect.any(Date) as Date,
      UserPolicyList: [{ PolicyName: 'user-inline', PolicyDocument: encoded(userInline) }],
      GroupList: ['gaad-empty', 'gaad-group'],
      AttachedManagedPolicies: [{ PolicyName: 'gaad-policy', PolicyArn: customerArn }],
      PermissionsBoundary: { PermissionsBoundaryType: 'Policy', PermissionsBoundaryArn: boundaryArn },
      Tags: [{ Key: 'team', Value: 'blue' }]
    })
    expect(decodeURIComponent(details.UserDetailList?.[1]?.UserPolicyList?.[0]?.PolicyDocument ?? '')).toBe(userInline)

    expect(details.GroupDetailList).toEqual([
      {
        Path: '/',
        GroupName: 'gaad-empty',
        GroupId: expect.stringMatching(/^AGPA/) as string,
        Arn: `arn:aws:iam::${accountId}:group/gaad-empty`,
        CreateDate: expect.any(Date) as Date,
        GroupPolicyList: [],
        AttachedManagedPolicies: []
      },
      {
        Path: '/',
        GroupName: 'gaad-group',
        GroupId: ids.group,
        Arn: `arn:aws:iam::${accountId}:group/gaad-group`,
        CreateDate: expect.any(Date) as Date,
        GroupPolicyList: [{ PolicyName: 'group-inline', PolicyDocument: encoded(groupInline) }],
        AttachedManagedPolicies: [{ PolicyName: 'IAMReadOnlyAccess', PolicyArn: awsArn }]
      }
    ])

    const roleArn = `arn:aws:iam::${accountId}:role/svc/gaad-role`
    expect(details.RoleDetailList).toEqual([
      {
        Path: '/svc/',
        RoleName: 'gaad-role',
        RoleId: ids.role,
        Arn: roleArn,
        CreateDate: created,
        AssumeRolePolicyDocument: encoded(trust),
        InstanceProfileList: [
          {
            Path: '/',
            InstanceProfileName: 'gaad-profile',
            InstanceProfileId: ids.profile,
            Arn: `arn:aws:iam::${accountId}:instance-profile/gaad-profile`,
            CreateDate: created,
            Roles: [{ Path: '/svc/', RoleName: 'gaad-role', RoleId: ids.role, Arn: roleArn, CreateDate: created, AssumeRolePolicyDocument: encoded(trust) }]
          }
        ],
        RolePolicyList: [{ PolicyName: 'role-inline', PolicyDocument: encoded(roleInline) }],
        AttachedManagedPolicies: [
          { PolicyName: 'IAMReadOnlyAccess', PolicyArn: awsArn },
          { PolicyName: 'gaad-policy', PolicyArn: customerArn }
        ],
        PermissionsBoundary: { PermissionsBoundaryType: 'Policy', PermissionsBoundaryArn: customerArn },
        Tags: [{ Key: 'env', Value: 'prod' }],
        RoleLastUsed: { LastUsedDate: lastUsed, Region: 'eu-west-1' }
      }
    ])

    // Customer managed policies first, then the AWS managed ones attached in the account (not
    // ReadOnlyAccess: it is only a permissions boundary).
    expect(details.Policies?.map((p) => p.Arn)).toEqual([customerArn, awsArn])
    expect(details.Policies?.[0]).toEqual({
      PolicyName: 'gaad-policy',
      PolicyId: ids.policy,
      Arn: customerArn,
      Path: '/team/',
      DefaultVersionId: 'v2',
      AttachmentCount: 2,
      PermissionsBoundaryUsageCount: 1,
      IsAttachable: true,
      Description: 'for the tests',
      CreateDate: created,
      UpdateDate: lastUsed,
      PolicyVersionList: [
        { Document: encoded(v2), VersionId: 'v2', IsDefaultVersion: true, CreateDate: lastUsed },
        { Document: encoded(v1), VersionId: 'v1', IsDefaultVersion: false, CreateDate: created }
      ]
    })
    const aws = details.Policies?.[1]
    const catalog = server.running.ctx.awsManaged.byArn(awsArn)
    expect(catalog?.versions.length).toBeGreaterThan(1)
    expect(aws).toMatchObject({
      PolicyName: 'IAMReadOnlyAccess',
      PolicyId: catalog?.id,
      Path: '/',
      DefaultVersionId: catalog?.defaultVersion,
      AttachmentCount: 2,
      PermissionsBoundaryUsageCount: 0,
      IsAttachable: true
    })
    expect(aws?.PolicyVersionList?.map((v) => [v.VersionId, v.IsDefaultVersion])).toEqual(catalog?.versions.map((v) => [v.id, v.id === catalog.defaultVersion]))
    const defaultDocument = await server.running.ctx.awsManaged.document(awsArn, catalog?.defaultVersion ?? '')
    expect(aws?.PolicyVersionList?.[0]?.Document).toBe(encoded(defaultDocument ?? ''))
  })

  it('returns only the filtered lists, the others empty', async () => {
    const roles = await client.send(new GetAccountAuthorizationDetailsCommand({ Filter: ['Role'] }))
    expect({ users: roles.UserDetailList, groups: roles.GroupDetailList, policies: roles.Policies }).toEqual({ users: [], groups: [], policies: [] })
    expect(roles.RoleDetailList?.map((r) => r.RoleName)).toEqual(['gaad-role'])

    const local = await client.send(new GetAccountAuthorizationDetailsCommand({ Filter: ['LocalManagedPolicy'] }))
    expect(local.Policies?.map((p) => p.Arn)).toEqual([customerArn])
    const awsOnly = await client.send(new GetAccountAuthorizationDetailsCommand({ Filter: ['AWSManagedPolicy'] }))
    expect(awsOnly.Policies?.map((p) => p.Arn)).toEqual([awsArn])
    const usersAndGroups = await client.send(new GetAccountAuthorizationDetailsCommand({ Filter: ['Group', 'User'] }))
    expect(usersAndGroups.UserDetailList).toHaveLength(2)
    expect(usersAndGroups.GroupDetailList).toHaveLength(2)
    expect(usersAndGroups.RoleDetailList).toEqual([])
    expect(usersAndGroups.Policies).toEqual([])

    const e = await failure(client.send(new GetAccountAuthorizationDetailsCommand({ Filter: ['Bogus' as 'User'] })))
    expect({ name: e.name, status: e.$metadata.httpStatusCode }).toEqual({ name: 'ValidationError', status: 400 })
  })

  it('pages across the lists with MaxItems and Marker', async () => {
    const all = await client.send(new GetAccountAuthorizationDetailsCommand({}))
    for (const maxItems of [1, 2, 3, 5, 6]) {
      const pages: GetAccountAuthorizationDetailsCommandOutput[] = []
      let marker: string | undefined
      do {
        const page = await client.send(new GetAccountAuthorizationDetailsCommand({ MaxItems: maxItems, Marker: marker }))
        const size = (page.UserDetailList?.length ?? 0) + (page.GroupDetailList?.length ?? 0) + (page.RoleDetailList?.length ?? 0) + (page.Policies?.length ?? 0)
        expect(size).toBeLessThanOrEqual(maxItems)
        expect(page.IsTruncated).toBe(page.Marker !== undefined)
        pages.push(page)
        marker = page.Marker
      } while (marker)
      // 2 users + 2 groups + 1 role + 2 policies.
      expect(pages).toHaveLength(Math.ceil(7 / maxItems))
      expect({
        UserDetailList: pages.flatMap((p) => p.UserDetailList ?? []),
        GroupDetailList: pages.flatMap((p) => p.GroupDetailList ?? []),
        RoleDetailList: pages.flatMap((p) => p.RoleDetailList ?? []),
        Policies: pages.flatMap((p) => p.Policies ?? [])
      }).toEqual({ UserDetailList: all.UserDetailList, GroupDetailList: all.GroupDetailList, RoleDetailList: all.RoleDetailList, Policies: all.Policies })
    }
    // A filtered listing pages over the selected lists only.
    const first = await client.send(new GetAccountAuthorizationDetailsCommand({ Filter: ['Group', 'AWSManagedPolicy'], MaxItems: 2 }))
    expect(first.GroupDetailList).toHaveLength(2)
    expect(first.IsTruncated).toBe(true)
    const second = await client.send(new GetAccountAuthorizationDetailsCommand({ Filter: ['Group', 'AWSManagedPolicy'], MaxItems: 2, Marker: first.Marker }))
    expect(second.Policies?.map((p) => p.Arn)).toEqual([awsArn])
    expect(second.IsTruncated).toBe(false)
  })

  it('rejects a marker it did not issue', async () => {
    for (const Marker of ['garbage', 'Unot-base64-json', 'Z']) {
      const e = await failure(client.send(new GetAccountAuthorizationDetailsCommand({ Marker })))
      expect({ message: e.message, status: e.$metadata.httpStatusCode }).toEqual({ message: 'Invalid Marker.', status: 400 })
    }
  })
})

describe('enforcement', () => {
  let limited: IAMClient
  const deny = (action: string) =>
    `User: arn:aws:iam::${ACCOUNT}:user/summary-only is not authorized to perform: ${action} on resource: * because no identity-based policy allows the ${action} action`

  beforeAll(async () => {
    await iam.send(new CreateUserCommand({ UserName: 'summary-only' }))
    const ctx = server.running.ctx
    const userId = await entityId(ACCOUNT, 'user', 'summary-only')
    const credentials: Credentials = { accessKeyId: newId('accessKey', ctx.random), secretAccessKey: newSecretAccessKey(ctx.random) }
    await write(async (tx) => {
      await tx.inlinePolicies.put(
        ACCOUNT,
        { entityType: 'user', entityId: userId },
        'summary',
        policy({ Effect: 'Allow', Action: ['iam:GetAccountSummary', 'iam:ListAccountAliases'], Resource: '*' })
      )
      await tx.accessKeys.insert({
        id: credentials.accessKeyId,
        accountId: ACCOUNT,
        userId,
        secretCipher: ctx.secrets.seal(credentials.secretAccessKey),
        status: 'Active',
        createdAt: new Date(),
        lastUsedAt: undefined,
        lastUsedService: undefined,
        lastUsedRegion: undefined
      })
    })
    ctx.authCache.invalidate(ACCOUNT)
    limited = server.iam(credentials)
  })

  it('allows what the policy allows and denies the rest on resource *', async () => {
    expect((await limited.send(new GetAccountSummaryCommand({}))).SummaryMap?.UsersQuota).toBe(5000)
    expect((await limited.send(new ListAccountAliasesCommand({}))).IsTruncated).toBe(false)
    await expectError(limited.send(new CreateAccountAliasCommand({ AccountAlias: 'not-mine' })), 'AccessDenied', deny('iam:CreateAccountAlias'), 403)
    await expectError(limited.send(new DeleteAccountAliasCommand({ AccountAlias: 'not-mine' })), 'AccessDenied', deny('iam:DeleteAccountAlias'), 403)
    await expectError(limited.send(new GetAccountAuthorizationDetailsCommand({})), 'AccessDenied', deny('iam:GetAccountAuthorizationDetails'), 403)
    await expectError(
      limited.send(new SetSecurityTokenServicePreferencesCommand({ GlobalEndpointTokenVersion: 'v2Token' })),
      'AccessDenied',
      deny('iam:SetSecurityTokenServicePreferences'),
      403
    )
    expect((await iam.send(new ListAccountAliasesCommand({}))).AccountAliases).toEqual([])
  })
})
