// Instance profiles through the AWS SDK against a started server: lifecycle, the one role a
// profile holds, tags (case-sensitive keys), the errors AWS gives, and enforcement as a non-root
// user.

import {
  AddRoleToInstanceProfileCommand,
  CreateInstanceProfileCommand,
  CreateRoleCommand,
  CreateUserCommand,
  DeleteInstanceProfileCommand,
  GetInstanceProfileCommand,
  ListInstanceProfilesCommand,
  ListInstanceProfilesForRoleCommand,
  ListInstanceProfileTagsCommand,
  RemoveRoleFromInstanceProfileCommand,
  TagInstanceProfileCommand,
  UntagInstanceProfileCommand
} from '@aws-sdk/client-iam'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer, type Credentials, type TestServer } from './support/server.js'

const ACCOUNT = '123456789012'
let server: TestServer

beforeAll(async () => {
  server = await startTestServer({ accountId: ACCOUNT })
})
afterAll(async () => {
  await server.close()
})

const EC2_TRUST = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }] })

async function createRole(name: string) {
  return server.iam().send(new CreateRoleCommand({ RoleName: name, AssumeRolePolicyDocument: EC2_TRUST, MaxSessionDuration: 7200, Tags: [{ Key: 'k', Value: 'v' }] }))
}

async function createProfile(name: string, more: Partial<ConstructorParameters<typeof CreateInstanceProfileCommand>[0]> = {}) {
  return server.iam().send(new CreateInstanceProfileCommand({ InstanceProfileName: name, ...more }))
}

async function expectError(call: Promise<unknown>, name: string, message: string, status: number): Promise<void> {
  await expect(call).rejects.toMatchObject({ name, message, $metadata: { httpStatusCode: status } })
}

/** An IAM user whose only permissions are `statements`, with an access key (put into the store directly). */
async function userWith(name: string, statements: readonly Record<string, unknown>[]): Promise<Credentials> {
  await server.iam().send(new CreateUserCommand({ UserName: name }))
  const ctx = server.running.ctx
  const user = await ctx.store.read.users.byName(ACCOUNT, name)
  if (!user) throw new Error('user not created')
  const accessKeyId = `AKIA${name
    .toUpperCase()
    .replace(/[^A-Z]/g, 'X')
    .padEnd(16, 'Q')
    .slice(0, 16)}`
  const secretAccessKey = `secret/${name}`.padEnd(40, 'x')
  await ctx.store.transaction(async (tx) => {
    await tx.inlinePolicies.put(ACCOUNT, { entityType: 'user', entityId: user.id }, 'grant', JSON.stringify({ Version: '2012-10-17', Statement: statements }))
    await tx.accessKeys.insert({
      id: accessKeyId,
      accountId: ACCOUNT,
      userId: user.id,
      secretCipher: ctx.secrets.seal(secretAccessKey),
      status: 'Active',
      createdAt: new Date(),
      lastUsedAt: undefined,
      lastUsedService: undefined,
      lastUsedRegion: undefined
    })
  })
  ctx.authCache.invalidate(ACCOUNT)
  return { accessKeyId, secretAccessKey }
}

describe('instance profiles', () => {
  it('creates, reads, lists and deletes a profile', async () => {
    const iam = server.iam()
    const created = await createProfile('web', { Path: '/fleet/' })
    expect(created.InstanceProfile).toMatchObject({
      InstanceProfileName: 'web',
      Path: '/fleet/',
      Arn: `arn:aws:iam::${ACCOUNT}:instance-profile/fleet/web`,
      Roles: []
    })
    expect(created.InstanceProfile?.InstanceProfileId).toMatch(/^AIPA[A-Z2-7]{17}$/)
    expect(created.InstanceProfile?.Tags).toBeUndefined()
    // GetInstanceProfile always carries Tags, even none.
    const got = await iam.send(new GetInstanceProfileCommand({ InstanceProfileName: 'WEB' }))
    expect(got.InstanceProfile).toMatchObject({ InstanceProfileName: 'web', Roles: [], Tags: [] })
    await createProfile('other', { Path: '/elsewhere/' })
    const listed = await iam.send(new ListInstanceProfilesCommand({ PathPrefix: '/fleet/' }))
    expect(listed).toMatchObject({ IsTruncated: false })
    expect(listed.InstanceProfiles?.map((p) => p.InstanceProfileName)).toEqual(['web'])
    expect(listed.InstanceProfiles?.[0]?.Tags).toBeUndefined()
    await iam.send(new DeleteInstanceProfileCommand({ InstanceProfileName: 'web' }))
    await expectError(iam.send(new GetInstanceProfileCommand({ InstanceProfileName: 'web' })), 'NoSuchEntityException', 'Instance Profile web cannot be found.', 404)
    await expectError(iam.send(new DeleteInstanceProfileCommand({ InstanceProfileName: 'web' })), 'NoSuchEntityException', 'Instance Profile web cannot be found.', 404)
  })

  it('refuses a duplicate name (case-insensitively) and a malformed path', async () => {
    await createProfile('Dup')
    await expectError(createProfile('dup'), 'EntityAlreadyExistsException', 'Instance Profile dup already exists.', 409)
    await expect(createProfile('badpath', { Path: 'no-slashes' })).rejects.toMatchObject({
      name: 'ValidationError',
      message: 'The specified value for path is invalid. It must begin and end with / and contain only alphanumeric characters and/or / characters.',
      $metadata: { httpStatusCode: 400 }
    })
    await expectError(
      server.iam().send(new GetInstanceProfileCommand({ InstanceProfileName: 'badpath' })),
      'NoSuchEntityException',
      'Instance Profile badpath cannot be found.',
      404
    )
  })

  it('holds one role, shown without its session duration, tags or last use', async () => {
    const iam = server.iam()
    const role = (await createRole('web-role')).Role
    await createRole('second-role')
    await createProfile('holder')
    await iam.send(new AddRoleToInstanceProfileCommand({ InstanceProfileName: 'holder', RoleName: 'web-role' }))
    const got = (await iam.send(new GetInstanceProfileCommand({ InstanceProfileName: 'holder' }))).InstanceProfile
    expect(got?.Roles).toHaveLength(1)
    const shown = got?.Roles?.[0]
    expect(shown).toMatchObject({ RoleName: 'web-role', RoleId: role?.RoleId, Arn: role?.Arn, Path: '/' })
    expect(Object.keys(shown ?? {}).sort()).toEqual(['Arn', 'AssumeRolePolicyDocument', 'CreateDate', 'Path', 'RoleId', 'RoleName'])
    expect(JSON.parse(decodeURIComponent(shown?.AssumeRolePolicyDocument ?? ''))).toEqual(JSON.parse(EC2_TRUST))

    await expectError(
      iam.send(new AddRoleToInstanceProfileCommand({ InstanceProfileName: 'holder', RoleName: 'second-role' })),
      'LimitExceededException',
      'Cannot exceed quota for InstanceSessionsPerInstanceProfile: 1',
      409
    )
    await expectError(
      iam.send(new DeleteInstanceProfileCommand({ InstanceProfileName: 'holder' })),
      'DeleteConflictException',
      'Cannot delete entity, must remove roles from instance profile first.',
      409
    )
    const listed = await iam.send(new ListInstanceProfilesCommand({}))
    expect(listed.InstanceProfiles?.find((p) => p.InstanceProfileName === 'holder')?.Roles?.map((r) => r.RoleName)).toEqual(['web-role'])

    await iam.send(new RemoveRoleFromInstanceProfileCommand({ InstanceProfileName: 'holder', RoleName: 'web-role' }))
    expect((await iam.send(new GetInstanceProfileCommand({ InstanceProfileName: 'holder' }))).InstanceProfile?.Roles).toEqual([])
    await expectError(
      iam.send(new RemoveRoleFromInstanceProfileCommand({ InstanceProfileName: 'holder', RoleName: 'web-role' })),
      'NoSuchEntityException',
      'Role web-role in Instance Profile holder cannot be found.',
      404
    )
    await iam.send(new DeleteInstanceProfileCommand({ InstanceProfileName: 'holder' }))
  })

  it('names the missing profile or role when adding or removing', async () => {
    const iam = server.iam()
    await createRole('lonely-role')
    await createProfile('lonely')
    await expectError(
      iam.send(new AddRoleToInstanceProfileCommand({ InstanceProfileName: 'nope', RoleName: 'lonely-role' })),
      'NoSuchEntityException',
      'Instance Profile nope cannot be found.',
      404
    )
    await expectError(
      iam.send(new AddRoleToInstanceProfileCommand({ InstanceProfileName: 'lonely', RoleName: 'nope' })),
      'NoSuchEntityException',
      'The role with name nope cannot be found.',
      404
    )
    await expectError(
      iam.send(new RemoveRoleFromInstanceProfileCommand({ InstanceProfileName: 'nope', RoleName: 'lonely-role' })),
      'NoSuchEntityException',
      'Instance Profile nope cannot be found.',
      404
    )
    await expectError(
      iam.send(new RemoveRoleFromInstanceProfileCommand({ InstanceProfileName: 'lonely', RoleName: 'nope' })),
      'NoSuchEntityException',
      'The role with name nope cannot be found.',
      404
    )
    await expectError(iam.send(new ListInstanceProfilesForRoleCommand({ RoleName: 'nope' })), 'NoSuchEntityException', 'The role with name nope cannot be found.', 404)
  })

  it('lists the profiles of a role and all profiles page by page', async () => {
    const iam = server.iam()
    await createRole('shared-role')
    for (const name of ['ip-c', 'IP-a', 'ip-b']) {
      await createProfile(name, { Path: '/paged/' })
      await iam.send(new AddRoleToInstanceProfileCommand({ InstanceProfileName: name, RoleName: 'shared-role' }))
    }
    await createProfile('ip-d', { Path: '/paged/' })

    const first = await iam.send(new ListInstanceProfilesForRoleCommand({ RoleName: 'shared-role', MaxItems: 2 }))
    expect(first.IsTruncated).toBe(true)
    const second = await iam.send(new ListInstanceProfilesForRoleCommand({ RoleName: 'shared-role', MaxItems: 2, Marker: first.Marker }))
    expect(second.IsTruncated).toBe(false)
    expect([...(first.InstanceProfiles ?? []), ...(second.InstanceProfiles ?? [])].map((p) => p.InstanceProfileName)).toEqual(['IP-a', 'ip-b', 'ip-c'])
    expect(first.InstanceProfiles?.[0]?.Roles?.map((r) => r.RoleName)).toEqual(['shared-role'])

    const names: string[] = []
    let marker: string | undefined
    do {
      const page = await iam.send(new ListInstanceProfilesCommand({ PathPrefix: '/paged/', MaxItems: 3, Marker: marker }))
      names.push(...(page.InstanceProfiles ?? []).map((p) => p.InstanceProfileName ?? ''))
      marker = page.Marker
    } while (marker)
    expect(names).toEqual(['IP-a', 'ip-b', 'ip-c', 'ip-d'])

    await createRole('unused-role')
    expect(await iam.send(new ListInstanceProfilesForRoleCommand({ RoleName: 'unused-role' }))).toMatchObject({ InstanceProfiles: [], IsTruncated: false })
  })

  it('tags profiles with case-sensitive keys', async () => {
    const iam = server.iam()
    const created = await createProfile('tagged', { Tags: [{ Key: 'Env', Value: 'prod' }] })
    expect(created.InstanceProfile?.Tags).toEqual([{ Key: 'Env', Value: 'prod' }])
    await iam.send(
      new TagInstanceProfileCommand({
        InstanceProfileName: 'tagged',
        Tags: [
          { Key: 'env', Value: 'dev' },
          { Key: 'Env', Value: 'staging' }
        ]
      })
    )
    expect((await iam.send(new ListInstanceProfileTagsCommand({ InstanceProfileName: 'tagged' }))).Tags).toEqual([
      { Key: 'Env', Value: 'staging' },
      { Key: 'env', Value: 'dev' }
    ])
    expect((await iam.send(new GetInstanceProfileCommand({ InstanceProfileName: 'tagged' }))).InstanceProfile?.Tags).toHaveLength(2)
    const page = await iam.send(new ListInstanceProfileTagsCommand({ InstanceProfileName: 'tagged', MaxItems: 1 }))
    expect(page).toMatchObject({ Tags: [{ Key: 'Env', Value: 'staging' }], IsTruncated: true })
    const rest = await iam.send(new ListInstanceProfileTagsCommand({ InstanceProfileName: 'tagged', MaxItems: 1, Marker: page.Marker }))
    expect(rest).toMatchObject({ Tags: [{ Key: 'env', Value: 'dev' }], IsTruncated: false })

    await iam.send(new UntagInstanceProfileCommand({ InstanceProfileName: 'tagged', TagKeys: ['ENV', 'env'] }))
    expect((await iam.send(new ListInstanceProfileTagsCommand({ InstanceProfileName: 'tagged' }))).Tags).toEqual([{ Key: 'Env', Value: 'staging' }])

    await expectError(
      iam.send(
        new TagInstanceProfileCommand({
          InstanceProfileName: 'tagged',
          Tags: [
            { Key: 'a', Value: '1' },
            { Key: 'a', Value: '2' }
          ]
        })
      ),
      'InvalidInputException',
      'Duplicate tag keys found.',
      400
    )
    await iam.send(new TagInstanceProfileCommand({ InstanceProfileName: 'tagged', Tags: Array.from({ length: 49 }, (_, i) => ({ Key: `k${i}`, Value: 'v' })) }))
    await expectError(
      iam.send(new TagInstanceProfileCommand({ InstanceProfileName: 'tagged', Tags: [{ Key: 'one-more', Value: 'v' }] })),
      'LimitExceededException',
      'The number of tags has reached the maximum limit.',
      409
    )
    for (const call of [
      iam.send(new TagInstanceProfileCommand({ InstanceProfileName: 'ghost', Tags: [{ Key: 'a', Value: 'b' }] })),
      iam.send(new UntagInstanceProfileCommand({ InstanceProfileName: 'ghost', TagKeys: ['a'] })),
      iam.send(new ListInstanceProfileTagsCommand({ InstanceProfileName: 'ghost' }))
    ]) {
      await expectError(call, 'NoSuchEntityException', 'Instance Profile ghost cannot be found.', 404)
    }
    // Deleting the profile takes its tags along.
    const id = (await server.running.ctx.store.read.instanceProfiles.byName(ACCOUNT, 'tagged'))?.id ?? ''
    await iam.send(new DeleteInstanceProfileCommand({ InstanceProfileName: 'tagged' }))
    expect(await server.running.ctx.store.read.tags.list('instance-profile', id)).toEqual([])
  })
})

describe('instance profile enforcement', () => {
  const denied = (user: string, action: string, resource: string) =>
    `User: arn:aws:iam::${ACCOUNT}:user/${user} is not authorized to perform: ${action} on resource: ${resource} because no identity-based policy allows the ${action} action`

  it('authorizes each action on its profile, naming it as IAM does', async () => {
    await createRole('guarded-role')
    await createProfile('guarded', { Tags: [{ Key: 'team', Value: 'blue' }] })
    const creds = await userWith('profile-reader', [
      { Effect: 'Allow', Action: ['iam:GetInstanceProfile', 'iam:ListInstanceProfiles'], Resource: '*' },
      { Effect: 'Allow', Action: 'iam:AddRoleToInstanceProfile', Resource: '*', Condition: { StringEquals: { 'aws:ResourceTag/team': 'red' } } }
    ])
    const iam = server.iam(creds)
    expect((await iam.send(new GetInstanceProfileCommand({ InstanceProfileName: 'guarded' }))).InstanceProfile?.InstanceProfileName).toBe('guarded')
    expect((await iam.send(new ListInstanceProfilesCommand({}))).InstanceProfiles?.map((p) => p.InstanceProfileName)).toContain('guarded')

    await expectError(
      iam.send(new AddRoleToInstanceProfileCommand({ InstanceProfileName: 'guarded', RoleName: 'guarded-role' })),
      'AccessDenied',
      denied('profile-reader', 'iam:AddRoleToInstanceProfile', 'instance profile guarded'),
      403
    )
    await expectError(
      iam.send(new RemoveRoleFromInstanceProfileCommand({ InstanceProfileName: 'guarded', RoleName: 'guarded-role' })),
      'AccessDenied',
      denied('profile-reader', 'iam:RemoveRoleFromInstanceProfile', 'instance profile guarded'),
      403
    )
    await expectError(
      iam.send(new DeleteInstanceProfileCommand({ InstanceProfileName: 'guarded' })),
      'AccessDenied',
      denied('profile-reader', 'iam:DeleteInstanceProfile', 'instance profile guarded'),
      403
    )
    await expectError(
      iam.send(new CreateInstanceProfileCommand({ InstanceProfileName: 'mine', Path: '/team/' })),
      'AccessDenied',
      denied('profile-reader', 'iam:CreateInstanceProfile', `arn:aws:iam::${ACCOUNT}:instance-profile/team/mine`),
      403
    )
    await expectError(
      iam.send(new TagInstanceProfileCommand({ InstanceProfileName: 'guarded', Tags: [{ Key: 'a', Value: 'b' }] })),
      'AccessDenied',
      denied('profile-reader', 'iam:TagInstanceProfile', `arn:aws:iam::${ACCOUNT}:instance-profile/guarded`),
      403
    )
    await expectError(
      iam.send(new ListInstanceProfilesForRoleCommand({ RoleName: 'guarded-role' })),
      'AccessDenied',
      denied('profile-reader', 'iam:ListInstanceProfilesForRole', 'role guarded-role'),
      403
    )

    // Retagging the profile to red lets the conditional statement allow AddRoleToInstanceProfile.
    await server.iam().send(new TagInstanceProfileCommand({ InstanceProfileName: 'guarded', Tags: [{ Key: 'team', Value: 'red' }] }))
    await iam.send(new AddRoleToInstanceProfileCommand({ InstanceProfileName: 'guarded', RoleName: 'guarded-role' }))

    const other = server.iam(await userWith('profile-nobody', [{ Effect: 'Allow', Action: 'iam:GetRole', Resource: '*' }]))
    await expectError(
      other.send(new ListInstanceProfilesCommand({})),
      'AccessDenied',
      denied('profile-nobody', 'iam:ListInstanceProfiles', `arn:aws:iam::${ACCOUNT}:instance-profile/`),
      403
    )
    await expectError(
      other.send(new GetInstanceProfileCommand({ InstanceProfileName: 'missing' })),
      'AccessDenied',
      denied('profile-nobody', 'iam:GetInstanceProfile', 'instance profile missing'),
      403
    )
  })
})
