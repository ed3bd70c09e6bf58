// Roles and service-linked roles through the AWS SDK against a started server: the calls a user
// makes, the response shapes each operation has, the errors AWS gives, and enforcement as a
// non-root user.

import {
  AddRoleToInstanceProfileCommand,
  CreateInstanceProfileCommand,
  CreateRoleCommand,
  CreateServiceLinkedRoleCommand,
  CreateUserCommand,
  DeleteRoleCommand,
  DeleteRolePermissionsBoundaryCommand,
  DeleteServiceLinkedRoleCommand,
  GetRoleCommand,
  GetServiceLinkedRoleDeletionStatusCommand,
  ListRolesCommand,
  ListRoleTagsCommand,
  PutRolePermissionsBoundaryCommand,
  RemoveRoleFromInstanceProfileCommand,
  TagRoleCommand,
  UntagRoleCommand,
  UpdateAssumeRolePolicyCommand,
  UpdateRoleCommand,
  UpdateRoleDescriptionCommand
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

const trust = (principal: Record<string, string>, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: principal, Action: 'sts:AssumeRole', ...extra }] })
const EC2_TRUST = trust({ Service: 'ec2.amazonaws.com' })

async function createRole(name: string, more: Partial<ConstructorParameters<typeof CreateRoleCommand>[0]> = {}) {
  return server.iam().send(new CreateRoleCommand({ RoleName: name, AssumeRolePolicyDocument: EC2_TRUST, ...more }))
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

async function roleId(name: string): Promise<string> {
  const role = await server.running.ctx.store.read.roles.byName(ACCOUNT, name)
  if (!role) throw new Error(`no role ${name}`)
  return role.id
}

describe('roles', () => {
  it('creates a role trusted by another account and returns its trust policy URL-encoded', async () => {
    const iam = server.iam()
    const document = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::444455556666:root' }, Action: 'sts:AssumeRole' }]
    })
    const created = await iam.send(new CreateRoleCommand({ RoleName: 'CrossAccountReader', AssumeRolePolicyDocument: document }))
    expect(created.Role).toMatchObject({ RoleName: 'CrossAccountReader', Path: '/', Arn: `arn:aws:iam::${ACCOUNT}:role/CrossAccountReader` })
    expect(created.Role?.RoleId).toMatch(/^AROA[A-Z2-7]{17}$/)
    // CreateRole's shape: no MaxSessionDuration, no RoleLastUsed, nothing not supplied.
    expect(Object.keys(created.Role ?? {}).sort()).toEqual(['Arn', 'AssumeRolePolicyDocument', 'CreateDate', 'Path', 'RoleId', 'RoleName'])

    const got = (await iam.send(new GetRoleCommand({ RoleName: 'CrossAccountReader' }))).Role
    const encoded = got?.AssumeRolePolicyDocument ?? ''
    expect(encoded).toMatch(/^%7B%22Version%22%3A%222012-10-17%22/)
    expect(encoded).not.toContain('{')
    expect(JSON.parse(decodeURIComponent(encoded))).toEqual({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::444455556666:root' }, Action: 'sts:AssumeRole' }]
    })
    // GetRole's shape: MaxSessionDuration (default 3600) and an empty RoleLastUsed.
    expect(got).toMatchObject({ RoleId: created.Role?.RoleId, MaxSessionDuration: 3600, RoleLastUsed: {} })
    expect(got?.Tags).toBeUndefined()
    expect(got?.Description).toBeUndefined()
  })

  it('keeps the stored document byte for byte: whitespace and key order survive', async () => {
    const document = '{\n  "Statement": [ {"Action": "sts:AssumeRole", "Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}} ],\n  "Version": "2012-10-17"\n}'
    await createRole('PrettyTrust', { AssumeRolePolicyDocument: document })
    const got = await server.iam().send(new GetRoleCommand({ RoleName: 'PrettyTrust' }))
    expect(decodeURIComponent(got.Role?.AssumeRolePolicyDocument ?? '')).toBe(document)
    expect(got.Role?.AssumeRolePolicyDocument).toContain('%0A%20%20%22Statement%22')
  })

  it('returns each operation its own role shape', async () => {
    const iam = server.iam()
    const boundary = 'arn:aws:iam::aws:policy/ReadOnlyAccess'
    const created = await createRole('Shaped', {
      Path: '/shapes/',
      Description: 'a role with everything',
      MaxSessionDuration: 7200,
      PermissionsBoundary: boundary,
      Tags: [{ Key: 'team', Value: 'blue' }]
    })
    expect(created.Role).toMatchObject({
      Path: '/shapes/',
      Arn: `arn:aws:iam::${ACCOUNT}:role/shapes/Shaped`,
      Description: 'a role with everything',
      PermissionsBoundary: { PermissionsBoundaryType: 'Policy', PermissionsBoundaryArn: boundary },
      Tags: [{ Key: 'team', Value: 'blue' }]
    })
    expect(created.Role?.MaxSessionDuration).toBeUndefined()
    expect(created.Role?.RoleLastUsed).toBeUndefined()

    const got = (await iam.send(new GetRoleCommand({ RoleName: 'shaped' }))).Role
    expect(got).toMatchObject({
      RoleName: 'Shaped',
      Description: 'a role with everything',
      MaxSessionDuration: 7200,
      PermissionsBoundary: { PermissionsBoundaryType: 'Policy', PermissionsBoundaryArn: boundary },
      Tags: [{ Key: 'team', Value: 'blue' }],
      RoleLastUsed: {}
    })

    const listed = (await iam.send(new ListRolesCommand({ PathPrefix: '/shapes/' }))).Roles ?? []
    expect(listed).toHaveLength(1)
    expect(listed[0]).toMatchObject({ RoleName: 'Shaped', Description: 'a role with everything', MaxSessionDuration: 7200 })
    expect(listed[0]?.Tags).toBeUndefined()
    expect(listed[0]?.PermissionsBoundary).toBeUndefined()
    expect(listed[0]?.RoleLastUsed).toBeUndefined()

    const described = (await iam.send(new UpdateRoleDescriptionCommand({ RoleName: 'Shaped', Description: 'changed' }))).Role
    expect(described).toMatchObject({ RoleName: 'Shaped', Description: 'changed' })
    expect(described?.MaxSessionDuration).toBeUndefined()
    expect(described?.RoleLastUsed).toBeUndefined()
  })

  it('refuses a second role whose name differs only in case, and creates nothing on a bad request', async () => {
    await createRole('Duplicate')
    await expectError(createRole('DUPLICATE'), 'EntityAlreadyExistsException', 'Role with name DUPLICATE already exists.', 409)
    await expectError(
      createRole('BadTags', { Tags: [{ Key: 'aws:x', Value: 'y' }] }),
      'InvalidInputException',
      "User-defined tag keys can't start with 'aws:'. This prefix is reserved for AWS tags.",
      400
    )
    await expectError(server.iam().send(new GetRoleCommand({ RoleName: 'BadTags' })), 'NoSuchEntityException', 'The role with name BadTags cannot be found.', 404)
  })

  it('validates the trust policy: JSON, STS actions only, no Resource, and its size', async () => {
    await expectError(createRole('T1', { AssumeRolePolicyDocument: '{"Version":' }), 'MalformedPolicyDocumentException', 'This policy contains invalid Json', 400)
    await expectError(
      createRole('T2', {
        AssumeRolePolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 's3:GetObject' }] })
      }),
      'MalformedPolicyDocumentException',
      'AssumeRole policy may only specify STS AssumeRole actions.',
      400
    )
    await expectError(
      createRole('T3', { AssumeRolePolicyDocument: trust({ Service: 'ec2.amazonaws.com' }, { Resource: '*' }) }),
      'MalformedPolicyDocumentException',
      'Has prohibited field Resource',
      400
    )
    const huge = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { AWS: Array.from({ length: 80 }, (_, i) => `arn:aws:iam::${String(100000000000 + i)}:root`) }, Action: 'sts:AssumeRole' }]
    })
    await expectError(createRole('T4', { AssumeRolePolicyDocument: huge }), 'LimitExceededException', 'Cannot exceed quota for ACLSizePerRole: 2048', 409)
    await expectError(
      server.iam().send(new UpdateAssumeRolePolicyCommand({ RoleName: 'CrossAccountReader', PolicyDocument: huge })),
      'LimitExceededException',
      'Cannot exceed quota for ACLSizePerRole: 2048',
      409
    )
  })

  it('validates MaxSessionDuration, the path and the permissions boundary', async () => {
    await expect(createRole('Short', { MaxSessionDuration: 60 })).rejects.toMatchObject({ name: 'ValidationError', $metadata: { httpStatusCode: 400 } })
    await expect(createRole('Long', { MaxSessionDuration: 43201 })).rejects.toMatchObject({ name: 'ValidationError', $metadata: { httpStatusCode: 400 } })
    await expectError(
      createRole('Sneaky', { Path: '/aws-service-role/ecs.amazonaws.com/' }),
      'InvalidInputException',
      "Path prefix '/aws-service-role/' can only be used for AWS Service linked Roles",
      400
    )
    await expectError(
      createRole('BadBoundary', { PermissionsBoundary: 'arn:aws:iam::123456789012:group/not-a-policy' }),
      'InvalidInputException',
      'ARN arn:aws:iam::123456789012:group/not-a-policy is not valid.',
      400
    )
    await expectError(
      createRole('MissingBoundary', { PermissionsBoundary: `arn:aws:iam::${ACCOUNT}:policy/nope` }),
      'NoSuchEntityException',
      `Scope ARN: arn:aws:iam::${ACCOUNT}:policy/nope does not exist or is not attachable.`,
      404
    )
    await expectError(
      createRole('ServiceBoundary', { PermissionsBoundary: 'arn:aws:iam::aws:policy/aws-service-role/AmazonECSServiceRolePolicy' }),
      'PolicyNotAttachableException',
      'Cannot attach a Service Role Policy to a Customer Role.',
      400
    )
  })

  it('answers NoSuchEntity for every operation on a missing role', async () => {
    const iam = server.iam()
    const message = 'The role with name ghost cannot be found.'
    const calls = [
      iam.send(new GetRoleCommand({ RoleName: 'ghost' })),
      iam.send(new UpdateRoleCommand({ RoleName: 'ghost', Description: 'x' })),
      iam.send(new UpdateRoleDescriptionCommand({ RoleName: 'ghost', Description: 'x' })),
      iam.send(new UpdateAssumeRolePolicyCommand({ RoleName: 'ghost', PolicyDocument: EC2_TRUST })),
      iam.send(new DeleteRoleCommand({ RoleName: 'ghost' })),
      iam.send(new TagRoleCommand({ RoleName: 'ghost', Tags: [{ Key: 'a', Value: 'b' }] })),
      iam.send(new UntagRoleCommand({ RoleName: 'ghost', TagKeys: ['a'] })),
      iam.send(new ListRoleTagsCommand({ RoleName: 'ghost' })),
      iam.send(new PutRolePermissionsBoundaryCommand({ RoleName: 'ghost', PermissionsBoundary: 'arn:aws:iam::aws:policy/ReadOnlyAccess' })),
      iam.send(new DeleteRolePermissionsBoundaryCommand({ RoleName: 'ghost' }))
    ]
    for (const call of calls) await expectError(call, 'NoSuchEntityException', message, 404)
  })

  it('updates the description, the session duration and the trust policy', async () => {
    const iam = server.iam()
    await createRole('Updatable', { Description: 'initial' })
    await iam.send(new UpdateRoleCommand({ RoleName: 'Updatable', MaxSessionDuration: 7200 }))
    expect((await iam.send(new GetRoleCommand({ RoleName: 'Updatable' }))).Role).toMatchObject({ Description: 'initial', MaxSessionDuration: 7200 })
    await iam.send(new UpdateRoleCommand({ RoleName: 'Updatable', Description: 'second' }))
    expect((await iam.send(new GetRoleCommand({ RoleName: 'Updatable' }))).Role).toMatchObject({ Description: 'second', MaxSessionDuration: 7200 })
    await expect(iam.send(new UpdateRoleCommand({ RoleName: 'Updatable', MaxSessionDuration: 50000 }))).rejects.toMatchObject({ name: 'ValidationError' })

    const lambdaTrust = trust({ Service: 'lambda.amazonaws.com' })
    await iam.send(new UpdateAssumeRolePolicyCommand({ RoleName: 'Updatable', PolicyDocument: lambdaTrust }))
    const got = await iam.send(new GetRoleCommand({ RoleName: 'Updatable' }))
    expect(decodeURIComponent(got.Role?.AssumeRolePolicyDocument ?? '')).toBe(lambdaTrust)
    await expectError(
      iam.send(new UpdateAssumeRolePolicyCommand({ RoleName: 'Updatable', PolicyDocument: '{"Version":"2012-10-17","Statement":[]' })),
      'MalformedPolicyDocumentException',
      'This policy contains invalid Json',
      400
    )
  })

  it('lists roles by path prefix in name order, page by page', async () => {
    const iam = server.iam()
    for (const name of ['pc', 'Pa', 'pb', 'pd', 'pe']) await createRole(name, { Path: '/paged/' })
    await createRole('outside', { Path: '/pagedx/' })
    const names: string[] = []
    let marker: string | undefined
    let pages = 0
    do {
      const page = await iam.send(new ListRolesCommand({ PathPrefix: '/paged/', MaxItems: 2, Marker: marker }))
      names.push(...(page.Roles ?? []).map((r) => r.RoleName ?? ''))
      expect(page.IsTruncated).toBe(page.Marker !== undefined)
      marker = page.Marker
      pages++
    } while (marker)
    expect(names).toEqual(['Pa', 'pb', 'pc', 'pd', 'pe'])
    expect(pages).toBe(3)
    const all = await iam.send(new ListRolesCommand({}))
    expect(all.IsTruncated).toBe(false)
    expect(all.Roles?.map((r) => r.RoleName)).toContain('outside')
  })

  it('tags roles with case-insensitive keys and lists them shortest key first', async () => {
    const iam = server.iam()
    await createRole('Tagged', { Tags: [{ Key: 'Team', Value: 'a' }] })
    await iam.send(new TagRoleCommand({ RoleName: 'Tagged', Tags: [{ Key: 'team', Value: 'b' }] }))
    expect((await iam.send(new ListRoleTagsCommand({ RoleName: 'Tagged' }))).Tags).toEqual([{ Key: 'team', Value: 'b' }])
    await iam.send(new UntagRoleCommand({ RoleName: 'Tagged', TagKeys: ['TEAM'] }))
    const empty = await iam.send(new ListRoleTagsCommand({ RoleName: 'Tagged' }))
    expect(empty).toMatchObject({ Tags: [], IsTruncated: false })

    await iam.send(
      new TagRoleCommand({
        RoleName: 'Tagged',
        Tags: ['abc', 'b', 'z', 'a'].map((Key) => ({ Key, Value: Key }))
      })
    )
    expect((await iam.send(new ListRoleTagsCommand({ RoleName: 'Tagged' }))).Tags?.map((t) => t.Key)).toEqual(['a', 'b', 'z', 'abc'])
    expect((await iam.send(new GetRoleCommand({ RoleName: 'Tagged' }))).Role?.Tags?.map((t) => t.Key)).toEqual(['a', 'b', 'z', 'abc'])
    const first = await iam.send(new ListRoleTagsCommand({ RoleName: 'Tagged', MaxItems: 3 }))
    expect(first).toMatchObject({ IsTruncated: true })
    const rest = await iam.send(new ListRoleTagsCommand({ RoleName: 'Tagged', MaxItems: 3, Marker: first.Marker }))
    expect([...(first.Tags ?? []), ...(rest.Tags ?? [])].map((t) => t.Key)).toEqual(['a', 'b', 'z', 'abc'])
    expect(rest.IsTruncated).toBe(false)
  })

  it('refuses duplicate, reserved and too many tags', async () => {
    const iam = server.iam()
    await createRole('TagLimits')
    await expectError(
      iam.send(
        new TagRoleCommand({
          RoleName: 'TagLimits',
          Tags: [
            { Key: 'k', Value: '1' },
            { Key: 'K', Value: '2' }
          ]
        })
      ),
      'InvalidInputException',
      'Duplicate tag keys found. Please note that Tag keys are case insensitive.',
      400
    )
    await iam.send(new TagRoleCommand({ RoleName: 'TagLimits', Tags: Array.from({ length: 40 }, (_, i) => ({ Key: `k${i}`, Value: 'v' })) }))
    await expectError(
      iam.send(new TagRoleCommand({ RoleName: 'TagLimits', Tags: Array.from({ length: 11 }, (_, i) => ({ Key: `n${i}`, Value: 'v' })) })),
      'LimitExceededException',
      'The number of tags has reached the maximum limit.',
      409
    )
    // Replacing existing keys does not count twice.
    await iam.send(new TagRoleCommand({ RoleName: 'TagLimits', Tags: Array.from({ length: 10 }, (_, i) => ({ Key: `K${i}`, Value: 'w' })) }))
    expect((await iam.send(new ListRoleTagsCommand({ RoleName: 'TagLimits' }))).Tags).toHaveLength(40)
  })

  it('puts, replaces and deletes the permissions boundary', async () => {
    const iam = server.iam()
    await createRole('Bounded')
    await iam.send(new PutRolePermissionsBoundaryCommand({ RoleName: 'Bounded', PermissionsBoundary: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }))
    await iam.send(new PutRolePermissionsBoundaryCommand({ RoleName: 'Bounded', PermissionsBoundary: 'arn:aws:iam::aws:policy/PowerUserAccess' }))
    expect((await iam.send(new GetRoleCommand({ RoleName: 'Bounded' }))).Role?.PermissionsBoundary).toEqual({
      PermissionsBoundaryType: 'Policy',
      PermissionsBoundaryArn: 'arn:aws:iam::aws:policy/PowerUserAccess'
    })
    await expectError(
      iam.send(new PutRolePermissionsBoundaryCommand({ RoleName: 'Bounded', PermissionsBoundary: `arn:aws:iam::${ACCOUNT}:policy/missing` })),
      'NoSuchEntityException',
      `Scope ARN: arn:aws:iam::${ACCOUNT}:policy/missing does not exist or is not attachable.`,
      404
    )
    await iam.send(new DeleteRolePermissionsBoundaryCommand({ RoleName: 'Bounded' }))
    expect((await iam.send(new GetRoleCommand({ RoleName: 'Bounded' }))).Role?.PermissionsBoundary).toBeUndefined()
    // Deleting a boundary that is not there is fine.
    await iam.send(new DeleteRolePermissionsBoundaryCommand({ RoleName: 'Bounded' }))
  })

  it('refuses to delete a role with policies or in an instance profile, then deletes it', async () => {
    const iam = server.iam()
    await createRole('Busy', { Tags: [{ Key: 'gone', Value: 'soon' }] })
    const id = await roleId('Busy')
    const store = server.running.ctx.store
    const entity = { entityType: 'role', entityId: id } as const
    await store.transaction(async (tx) => {
      await tx.attachments.attach(ACCOUNT, entity, 'arn:aws:iam::aws:policy/ReadOnlyAccess')
      await tx.inlinePolicies.put(ACCOUNT, entity, 'inline', '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}')
    })
    await expectError(iam.send(new DeleteRoleCommand({ RoleName: 'Busy' })), 'DeleteConflictException', 'Cannot delete entity, must detach all policies first.', 409)
    await store.transaction((tx) => tx.attachments.detach(entity, 'arn:aws:iam::aws:policy/ReadOnlyAccess'))
    await expectError(iam.send(new DeleteRoleCommand({ RoleName: 'Busy' })), 'DeleteConflictException', 'Cannot delete entity, must delete policies first.', 409)
    await store.transaction((tx) => tx.inlinePolicies.delete(entity, 'inline'))
    await iam.send(new CreateInstanceProfileCommand({ InstanceProfileName: 'BusyProfile' }))
    await iam.send(new AddRoleToInstanceProfileCommand({ InstanceProfileName: 'BusyProfile', RoleName: 'Busy' }))
    await expectError(iam.send(new DeleteRoleCommand({ RoleName: 'Busy' })), 'DeleteConflictException', 'Cannot delete entity, must remove roles from instance profile first.', 409)
    await iam.send(new RemoveRoleFromInstanceProfileCommand({ InstanceProfileName: 'BusyProfile', RoleName: 'Busy' }))
    // A permissions boundary does not stand in the way.
    await iam.send(new PutRolePermissionsBoundaryCommand({ RoleName: 'Busy', PermissionsBoundary: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }))
    await iam.send(new DeleteRoleCommand({ RoleName: 'busy' }))
    await expectError(iam.send(new GetRoleCommand({ RoleName: 'Busy' })), 'NoSuchEntityException', 'The role with name Busy cannot be found.', 404)
    expect(await store.read.tags.list('role', id)).toEqual([])
    // The name is free again.
    await createRole('Busy')
  })
})

describe('service-linked roles', () => {
  it('creates the service role with its fixed name, path, trust policy and managed policy', async () => {
    const iam = server.iam()
    const created = await iam.send(new CreateServiceLinkedRoleCommand({ AWSServiceName: 'ecs.amazonaws.com', Description: 'for ECS' }))
    expect(created.Role).toMatchObject({
      RoleName: 'AWSServiceRoleForECS',
      Path: '/aws-service-role/ecs.amazonaws.com/',
      Arn: `arn:aws:iam::${ACCOUNT}:role/aws-service-role/ecs.amazonaws.com/AWSServiceRoleForECS`,
      Description: 'for ECS'
    })
    expect(created.Role?.RoleId).toMatch(/^AROA[A-Z2-7]{17}$/)
    expect(created.Role?.MaxSessionDuration).toBeUndefined()
    expect(JSON.parse(decodeURIComponent(created.Role?.AssumeRolePolicyDocument ?? ''))).toEqual({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { Service: 'ecs.amazonaws.com' }, Action: 'sts:AssumeRole' }]
    })
    expect(await server.running.ctx.store.read.attachments.forEntity({ entityType: 'role', entityId: await roleId('AWSServiceRoleForECS') })).toEqual([
      'arn:aws:iam::aws:policy/aws-service-role/AmazonECSServiceRolePolicy'
    ])
    expect((await iam.send(new GetRoleCommand({ RoleName: 'AWSServiceRoleForECS' }))).Role).toMatchObject({ MaxSessionDuration: 3600, Description: 'for ECS' })

    await expectError(
      iam.send(new CreateServiceLinkedRoleCommand({ AWSServiceName: 'ecs.amazonaws.com' })),
      'InvalidInputException',
      'Service role name AWSServiceRoleForECS has been taken in this account, please try a different suffix.',
      400
    )
  })

  it('appends a custom suffix where the service allows one', async () => {
    const iam = server.iam()
    const created = await iam.send(new CreateServiceLinkedRoleCommand({ AWSServiceName: 'autoscaling.amazonaws.com', CustomSuffix: 'fleet' }))
    expect(created.Role?.RoleName).toBe('AWSServiceRoleForAutoScaling_fleet')
    expect(created.Role?.Path).toBe('/aws-service-role/autoscaling.amazonaws.com/')
    await expectError(
      iam.send(new CreateServiceLinkedRoleCommand({ AWSServiceName: 'elasticbeanstalk.amazonaws.com', CustomSuffix: 'x' })),
      'InvalidInputException',
      'Custom suffix is not allowed for elasticbeanstalk.amazonaws.com',
      400
    )
    await expectError(
      iam.send(new CreateServiceLinkedRoleCommand({ AWSServiceName: 'not-a-service' })),
      'InvalidInputException',
      'Service not-a-service is not a valid service principal or does not support service-linked roles.',
      400
    )
  })

  it('protects service-linked roles from the plain role APIs, but lets their description and tags change', async () => {
    const iam = server.iam()
    await iam.send(new CreateServiceLinkedRoleCommand({ AWSServiceName: 'elasticbeanstalk.amazonaws.com' }))
    const name = 'AWSServiceRoleForElasticBeanstalk'
    const protectedMessage = `Cannot perform the operation on the protected role '${name}' - this role is only modifiable by AWS`
    await expectError(iam.send(new UpdateAssumeRolePolicyCommand({ RoleName: name, PolicyDocument: EC2_TRUST })), 'UnmodifiableEntityException', protectedMessage, 400)
    await expectError(iam.send(new DeleteRoleCommand({ RoleName: name })), 'UnmodifiableEntityException', protectedMessage, 400)
    await expectError(iam.send(new UpdateRoleCommand({ RoleName: name, MaxSessionDuration: 7200 })), 'UnmodifiableEntityException', protectedMessage, 400)
    await expectError(
      iam.send(new PutRolePermissionsBoundaryCommand({ RoleName: name, PermissionsBoundary: 'arn:aws:iam::aws:policy/ReadOnlyAccess' })),
      'UnmodifiableEntityException',
      protectedMessage,
      400
    )
    await expectError(iam.send(new DeleteRolePermissionsBoundaryCommand({ RoleName: name })), 'UnmodifiableEntityException', protectedMessage, 400)
    await iam.send(new CreateInstanceProfileCommand({ InstanceProfileName: 'ForServiceRole' }))
    await expectError(
      iam.send(new AddRoleToInstanceProfileCommand({ InstanceProfileName: 'ForServiceRole', RoleName: name })),
      'UnmodifiableEntityException',
      protectedMessage,
      400
    )

    await iam.send(new UpdateRoleCommand({ RoleName: name, Description: 'via UpdateRole' }))
    expect((await iam.send(new UpdateRoleDescriptionCommand({ RoleName: name, Description: 'edited' }))).Role?.Description).toBe('edited')
    await iam.send(new TagRoleCommand({ RoleName: name, Tags: [{ Key: 'owner', Value: 'platform' }] }))
    expect((await iam.send(new GetRoleCommand({ RoleName: name }))).Role).toMatchObject({ Description: 'edited', Tags: [{ Key: 'owner', Value: 'platform' }] })
  })

  it('deletes a service-linked role through a deletion task', async () => {
    const iam = server.iam()
    await iam.send(new CreateServiceLinkedRoleCommand({ AWSServiceName: 'rds.amazonaws.com' }))
    const id = await roleId('AWSServiceRoleForRDS')
    const deleted = await iam.send(new DeleteServiceLinkedRoleCommand({ RoleName: 'AWSServiceRoleForRDS' }))
    expect(deleted.DeletionTaskId).toMatch(
      /^task\/aws-service-role\/rds\.amazonaws\.com\/AWSServiceRoleForRDS\/[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/
    )
    await expectError(iam.send(new GetRoleCommand({ RoleName: 'AWSServiceRoleForRDS' })), 'NoSuchEntityException', 'The role with name AWSServiceRoleForRDS cannot be found.', 404)
    expect(await server.running.ctx.store.read.attachments.forEntity({ entityType: 'role', entityId: id })).toEqual([])
    const status = await iam.send(new GetServiceLinkedRoleDeletionStatusCommand({ DeletionTaskId: deleted.DeletionTaskId }))
    expect(status.Status).toBe('SUCCEEDED')
    expect(status.Reason).toBeUndefined()

    const unknown = 'task/aws-service-role/rds.amazonaws.com/AWSServiceRoleForRDS/00000000-0000-4000-8000-000000000000'
    await expectError(
      iam.send(new GetServiceLinkedRoleDeletionStatusCommand({ DeletionTaskId: unknown })),
      'NoSuchEntityException',
      `The deletion task with id ${unknown} cannot be found.`,
      404
    )
    await expectError(iam.send(new GetServiceLinkedRoleDeletionStatusCommand({ DeletionTaskId: 'garbage' })), 'InvalidInputException', 'DeletionTaskId garbage is not valid.', 400)
    await expectError(
      iam.send(new DeleteServiceLinkedRoleCommand({ RoleName: 'AWSServiceRoleForRDS' })),
      'NoSuchEntityException',
      'The role with name AWSServiceRoleForRDS cannot be found.',
      404
    )
    await createRole('Ordinary')
    await expectError(iam.send(new DeleteServiceLinkedRoleCommand({ RoleName: 'Ordinary' })), 'InvalidInputException', 'Role Ordinary is not a service-linked role.', 400)
    // The service can create its role again.
    await iam.send(new CreateServiceLinkedRoleCommand({ AWSServiceName: 'rds.amazonaws.com' }))
  })
})

describe('role enforcement', () => {
  const denied = (user: string, action: string, resource: string) =>
    `User: arn:aws:iam::${ACCOUNT}:user/${user} is not authorized to perform: ${action} on resource: ${resource} because no identity-based policy allows the ${action} action`

  it('authorizes each action on its role, naming the role as IAM does', async () => {
    const creds = await userWith('role-operator', [
      { Effect: 'Allow', Action: ['iam:CreateRole', 'iam:GetRole', 'iam:TagRole'], Resource: `arn:aws:iam::${ACCOUNT}:role/app-*` },
      { Effect: 'Allow', Action: 'iam:ListRoles', Resource: '*' }
    ])
    const iam = server.iam(creds)
    await iam.send(new CreateRoleCommand({ RoleName: 'app-one', AssumeRolePolicyDocument: EC2_TRUST }))
    expect((await iam.send(new GetRoleCommand({ RoleName: 'app-one' }))).Role?.RoleName).toBe('app-one')
    expect((await iam.send(new ListRolesCommand({}))).Roles?.map((r) => r.RoleName)).toContain('app-one')
    // Allowed to look, so a missing role is NoSuchEntity.
    await expectError(iam.send(new GetRoleCommand({ RoleName: 'app-missing' })), 'NoSuchEntityException', 'The role with name app-missing cannot be found.', 404)

    await expectError(
      iam.send(new CreateRoleCommand({ RoleName: 'other', AssumeRolePolicyDocument: EC2_TRUST })),
      'AccessDenied',
      denied('role-operator', 'iam:CreateRole', `arn:aws:iam::${ACCOUNT}:role/other`),
      403
    )
    await expectError(
      iam.send(new CreateRoleCommand({ RoleName: 'app-pathed', Path: '/team/', AssumeRolePolicyDocument: EC2_TRUST })),
      'AccessDenied',
      denied('role-operator', 'iam:CreateRole', `arn:aws:iam::${ACCOUNT}:role/team/app-pathed`),
      403
    )
    await expectError(iam.send(new DeleteRoleCommand({ RoleName: 'app-one' })), 'AccessDenied', denied('role-operator', 'iam:DeleteRole', 'role app-one'), 403)
    await expectError(
      iam.send(new UpdateRoleCommand({ RoleName: 'app-one', MaxSessionDuration: 7200 })),
      'AccessDenied',
      denied('role-operator', 'iam:UpdateRole', 'role app-one'),
      403
    )
    await expectError(
      iam.send(new UpdateAssumeRolePolicyCommand({ RoleName: 'app-one', PolicyDocument: EC2_TRUST })),
      'AccessDenied',
      denied('role-operator', 'iam:UpdateAssumeRolePolicy', 'role app-one'),
      403
    )
    await expectError(iam.send(new ListRoleTagsCommand({ RoleName: 'app-one' })), 'AccessDenied', denied('role-operator', 'iam:ListRoleTags', 'role app-one'), 403)
    // Authorization comes before existence: no permission, no NoSuchEntity.
    await expectError(iam.send(new GetRoleCommand({ RoleName: 'nobody' })), 'AccessDenied', denied('role-operator', 'iam:GetRole', 'role nobody'), 403)
    await expectError(
      iam.send(new CreateServiceLinkedRoleCommand({ AWSServiceName: 'elasticloadbalancing.amazonaws.com' })),
      'AccessDenied',
      denied(
        'role-operator',
        'iam:CreateServiceLinkedRole',
        `arn:aws:iam::${ACCOUNT}:role/aws-service-role/elasticloadbalancing.amazonaws.com/AWSServiceRoleForElasticLoadBalancing`
      ),
      403
    )
    const lister = server.iam(await userWith('no-lister', [{ Effect: 'Allow', Action: 'iam:GetRole', Resource: '*' }]))
    await expectError(lister.send(new ListRolesCommand({ PathPrefix: '/team/' })), 'AccessDenied', denied('no-lister', 'iam:ListRoles', `arn:aws:iam::${ACCOUNT}:role/team/`), 403)
  })

  it('checks request tags, resource tags and the boundary condition key', async () => {
    const boundary = 'arn:aws:iam::aws:policy/ReadOnlyAccess'
    const creds = await userWith('role-abac', [
      { Effect: 'Allow', Action: 'iam:CreateRole', Resource: '*', Condition: { StringEquals: { 'iam:PermissionsBoundary': boundary } } },
      { Effect: 'Allow', Action: 'iam:TagRole', Resource: '*', Condition: { StringEquals: { 'aws:RequestTag/team': 'blue' } } },
      { Effect: 'Allow', Action: 'iam:UpdateRoleDescription', Resource: '*', Condition: { StringEquals: { 'aws:ResourceTag/team': 'blue' } } }
    ])
    const iam = server.iam(creds)
    await expectError(
      iam.send(new CreateRoleCommand({ RoleName: 'abac-free', AssumeRolePolicyDocument: EC2_TRUST })),
      'AccessDenied',
      denied('role-abac', 'iam:CreateRole', `arn:aws:iam::${ACCOUNT}:role/abac-free`),
      403
    )
    await iam.send(new CreateRoleCommand({ RoleName: 'abac-bounded', AssumeRolePolicyDocument: EC2_TRUST, PermissionsBoundary: boundary }))

    await expectError(
      iam.send(new UpdateRoleDescriptionCommand({ RoleName: 'abac-bounded', Description: 'x' })),
      'AccessDenied',
      denied('role-abac', 'iam:UpdateRoleDescription', 'role abac-bounded'),
      403
    )
    await expectError(
      iam.send(new TagRoleCommand({ RoleName: 'abac-bounded', Tags: [{ Key: 'team', Value: 'red' }] })),
      'AccessDenied',
      denied('role-abac', 'iam:TagRole', 'role abac-bounded'),
      403
    )
    await iam.send(new TagRoleCommand({ RoleName: 'abac-bounded', Tags: [{ Key: 'team', Value: 'blue' }] }))
    // The new tag decides the next request at once.
    expect((await iam.send(new UpdateRoleDescriptionCommand({ RoleName: 'abac-bounded', Description: 'x' }))).Role?.Description).toBe('x')
  })
})
