// Groups through the AWS SDK against a started server: the group lifecycle, membership, the
// errors and quotas AWS has, paging, the IAM guide's walk-through (a member of "devops" gets the
// group's permissions and loses them when removed), and enforcement as a non-root user.

import {
  AddUserToGroupCommand,
  CreateGroupCommand,
  CreateUserCommand,
  DeleteGroupCommand,
  GetGroupCommand,
  type IAMClient,
  ListGroupsCommand,
  ListGroupsForUserCommand,
  ListUsersCommand,
  PutUserPermissionsBoundaryCommand,
  RemoveUserFromGroupCommand,
  UpdateGroupCommand
} from '@aws-sdk/client-iam'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createAccount } from '../../src/app/accounts.js'
import { newId, newSecretAccessKey } from '../../src/core/ids.js'
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

/** Runs `work` and returns the error it throws (failing the test if it does not throw). */
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

async function userId(name: string, accountId = ACCOUNT): Promise<string> {
  const user = await server.running.ctx.store.read.users.byName(accountId, name)
  if (!user) throw new Error(`no user ${name}`)
  return user.id
}

async function groupId(name: string, accountId = ACCOUNT): Promise<string> {
  const group = await server.running.ctx.store.read.groups.byName(accountId, name)
  if (!group) throw new Error(`no group ${name}`)
  return group.id
}

/** An access key for an existing user, put straight into the store (CreateAccessKey belongs to another family). */
async function accessKeyFor(userName: string): Promise<Credentials> {
  const ctx = server.running.ctx
  const accessKeyId = newId('accessKey', ctx.random)
  const secretAccessKey = newSecretAccessKey(ctx.random)
  const id = await userId(userName)
  await ctx.store.transaction((tx) =>
    tx.accessKeys.insert({
      id: accessKeyId,
      accountId: ACCOUNT,
      userId: id,
      secretCipher: ctx.secrets.seal(secretAccessKey),
      status: 'Active',
      createdAt: new Date(),
      lastUsedAt: undefined,
      lastUsedService: undefined,
      lastUsedRegion: undefined
    })
  )
  return { accessKeyId, secretAccessKey }
}

/** An inline policy put straight into the store (PutUserPolicy/PutGroupPolicy belong to another family). */
async function putInlinePolicy(entityType: 'user' | 'group', entityId: string, name: string, statements: object[]): Promise<void> {
  const ctx = server.running.ctx
  await ctx.store.transaction((tx) => tx.inlinePolicies.put(ACCOUNT, { entityType, entityId }, name, JSON.stringify({ Version: '2012-10-17', Statement: statements })))
  ctx.authCache.invalidate(ACCOUNT)
}

async function attachPolicy(entityType: 'user' | 'group', entityId: string, policyArn: string): Promise<void> {
  const ctx = server.running.ctx
  await ctx.store.transaction((tx) => tx.attachments.attach(ACCOUNT, { entityType, entityId }, policyArn))
  ctx.authCache.invalidate(ACCOUNT)
}

describe('group lifecycle', () => {
  it('creates, reads, lists, renames, moves and deletes a group', async () => {
    const created = await iam.send(new CreateGroupCommand({ GroupName: 'Admins', Path: '/eng/' }))
    expect(created.Group).toMatchObject({ GroupName: 'Admins', Path: '/eng/', Arn: `arn:aws:iam::${ACCOUNT}:group/eng/Admins` })
    expect(created.Group?.GroupId).toMatch(/^AGPA[A-Z2-7]{17}$/)
    expect(created.Group?.CreateDate).toBeInstanceOf(Date)

    const got = await iam.send(new GetGroupCommand({ GroupName: 'admins' }))
    expect(got.Group).toEqual(created.Group)
    expect(got.Users).toEqual([])
    expect(got.IsTruncated).toBe(false)

    await iam.send(new UpdateGroupCommand({ GroupName: 'Admins', NewGroupName: 'Operators', NewPath: '/ops/' }))
    const moved = await iam.send(new GetGroupCommand({ GroupName: 'Operators' }))
    expect(moved.Group).toMatchObject({ GroupName: 'Operators', Path: '/ops/', GroupId: created.Group?.GroupId, Arn: `arn:aws:iam::${ACCOUNT}:group/ops/Operators` })
    await expectError(iam.send(new GetGroupCommand({ GroupName: 'Admins' })), 'NoSuchEntityException', 'The group with name Admins cannot be found.', 404)
    expect((await iam.send(new ListGroupsCommand({ PathPrefix: '/ops/' }))).Groups?.map((g) => g.GroupName)).toEqual(['Operators'])
    expect((await iam.send(new ListGroupsCommand({ PathPrefix: '/eng/' }))).Groups).toEqual([])

    await iam.send(new DeleteGroupCommand({ GroupName: 'operators' }))
    await expectError(iam.send(new GetGroupCommand({ GroupName: 'Operators' })), 'NoSuchEntityException', 'The group with name Operators cannot be found.', 404)
    await expectError(iam.send(new DeleteGroupCommand({ GroupName: 'Operators' })), 'NoSuchEntityException', 'The group with name Operators cannot be found.', 404)
  })

  it('lists groups in name order, case-insensitively, with their fields', async () => {
    for (const name of ['b-list', 'A-list', 'c-list']) await iam.send(new CreateGroupCommand({ GroupName: name, Path: '/listing/' }))
    const listed = await iam.send(new ListGroupsCommand({ PathPrefix: '/listing/' }))
    expect(listed.Groups?.map((g) => g.GroupName)).toEqual(['A-list', 'b-list', 'c-list'])
    expect(listed.IsTruncated).toBe(false)
    expect(listed.Marker).toBeUndefined()
    expect(Object.keys(listed.Groups?.[0] ?? {}).sort()).toEqual(['Arn', 'CreateDate', 'GroupId', 'GroupName', 'Path'])
  })

  it('refuses a second group whose name differs only in case', async () => {
    await iam.send(new CreateGroupCommand({ GroupName: 'Dup' }))
    await expectError(iam.send(new CreateGroupCommand({ GroupName: 'DUP' })), 'EntityAlreadyExistsException', 'Group with name DUP already exists.', 409)
  })

  it('refuses to rename a group to a taken name, but allows a change of case', async () => {
    await iam.send(new CreateGroupCommand({ GroupName: 'rename-a' }))
    await iam.send(new CreateGroupCommand({ GroupName: 'rename-b' }))
    await expectError(
      iam.send(new UpdateGroupCommand({ GroupName: 'rename-a', NewGroupName: 'Rename-B' })),
      'EntityAlreadyExistsException',
      'Group with name Rename-B already exists.',
      409
    )
    await iam.send(new UpdateGroupCommand({ GroupName: 'rename-a', NewGroupName: 'Rename-A' }))
    expect((await iam.send(new GetGroupCommand({ GroupName: 'rename-a' }))).Group?.GroupName).toBe('Rename-A')
    await expectError(iam.send(new UpdateGroupCommand({ GroupName: 'missing', NewGroupName: 'x' })), 'NoSuchEntityException', 'The group with name missing cannot be found.', 404)
  })

  it('validates names and paths', async () => {
    await expectError(
      iam.send(new CreateGroupCommand({ GroupName: 'bad name' })),
      'ValidationError',
      "1 validation error detected: Value at 'groupName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]+",
      400
    )
    await expectError(
      iam.send(new CreateGroupCommand({ GroupName: 'badpath', Path: '/no-trailing-slash' })),
      'ValidationError',
      'The specified value for path is invalid. It must begin and end with / and contain only alphanumeric characters and/or / characters.',
      400
    )
    // IAM accepts an empty segment inside a path.
    expect((await iam.send(new CreateGroupCommand({ GroupName: 'double-slash', Path: '/test//double/' }))).Group?.Arn).toBe(
      `arn:aws:iam::${ACCOUNT}:group/test//double/double-slash`
    )
    await iam.send(new UpdateGroupCommand({ GroupName: 'double-slash', NewPath: '/a//b/' }))
    expect((await iam.send(new GetGroupCommand({ GroupName: 'double-slash' }))).Group?.Path).toBe('/a//b/')
  })

  it('refuses to delete a group that has members, attached policies or inline policies', async () => {
    await iam.send(new CreateGroupCommand({ GroupName: 'busy' }))
    await iam.send(new CreateUserCommand({ UserName: 'busy-member' }))
    await iam.send(new AddUserToGroupCommand({ GroupName: 'busy', UserName: 'busy-member' }))
    await expectError(iam.send(new DeleteGroupCommand({ GroupName: 'busy' })), 'DeleteConflictException', 'Cannot delete entity, must remove users from group first.', 409)
    await iam.send(new RemoveUserFromGroupCommand({ GroupName: 'busy', UserName: 'busy-member' }))

    const id = await groupId('busy')
    await attachPolicy('group', id, 'arn:aws:iam::aws:policy/ReadOnlyAccess')
    await expectError(iam.send(new DeleteGroupCommand({ GroupName: 'busy' })), 'DeleteConflictException', 'Cannot delete entity, must detach all policies first.', 409)
    await server.running.ctx.store.transaction((tx) => tx.attachments.detach({ entityType: 'group', entityId: id }, 'arn:aws:iam::aws:policy/ReadOnlyAccess'))

    await putInlinePolicy('group', id, 'inline', [{ Effect: 'Allow', Action: 's3:ListBucket', Resource: '*' }])
    await expectError(iam.send(new DeleteGroupCommand({ GroupName: 'busy' })), 'DeleteConflictException', 'Cannot delete entity, must delete policies first.', 409)
    await server.running.ctx.store.transaction((tx) => tx.inlinePolicies.delete({ entityType: 'group', entityId: id }, 'inline'))

    await iam.send(new DeleteGroupCommand({ GroupName: 'busy' }))
    await expectError(iam.send(new GetGroupCommand({ GroupName: 'busy' })), 'NoSuchEntityException', 'The group with name busy cannot be found.', 404)
  })

  it('enforces the GroupsPerAccount quota', async () => {
    // A separate account, so the 300 groups do not crowd this file's other listings.
    const other = await createAccount(server.running.ctx, '210987654321')
    const now = new Date()
    await server.running.ctx.store.transaction(async (tx) => {
      for (let i = 0; i < 300; i++) {
        const name = `quota-${String(i).padStart(3, '0')}`
        await tx.groups.insert({
          id: newId('group', server.running.ctx.random),
          accountId: other.accountId,
          name,
          path: '/',
          arn: `arn:aws:iam::${other.accountId}:group/${name}`,
          createdAt: now
        })
      }
    })
    const client = server.iam(other)
    await expectError(client.send(new CreateGroupCommand({ GroupName: 'one-too-many' })), 'LimitExceededException', 'Cannot exceed quota for GroupsPerAccount: 300', 409)
    await client.send(new DeleteGroupCommand({ GroupName: 'quota-000' }))
    expect((await client.send(new CreateGroupCommand({ GroupName: 'one-too-many' }))).Group?.GroupName).toBe('one-too-many')
  })
})

describe('membership', () => {
  it('adds idempotently, lists both ways, and removes', async () => {
    await iam.send(new CreateGroupCommand({ GroupName: 'm-devs' }))
    await iam.send(new CreateGroupCommand({ GroupName: 'M-admins' }))
    await iam.send(new CreateGroupCommand({ GroupName: 'm-other' }))
    await iam.send(new CreateUserCommand({ UserName: 'm-zoe', Path: '/people/' }))
    await iam.send(new CreateUserCommand({ UserName: 'm-al' }))
    await iam.send(new AddUserToGroupCommand({ GroupName: 'm-devs', UserName: 'm-zoe' }))
    await iam.send(new AddUserToGroupCommand({ GroupName: 'm-devs', UserName: 'M-ZOE' }))
    await iam.send(new AddUserToGroupCommand({ GroupName: 'm-devs', UserName: 'm-al' }))
    await iam.send(new AddUserToGroupCommand({ GroupName: 'm-admins', UserName: 'm-zoe' }))

    const devs = await iam.send(new GetGroupCommand({ GroupName: 'm-devs' }))
    expect(devs.Users?.map((u) => u.UserName)).toEqual(['m-al', 'm-zoe'])
    expect(devs.Users?.[1]).toMatchObject({ UserName: 'm-zoe', Path: '/people/', Arn: `arn:aws:iam::${ACCOUNT}:user/people/m-zoe` })
    expect((await iam.send(new ListGroupsForUserCommand({ UserName: 'm-zoe' }))).Groups?.map((g) => g.GroupName)).toEqual(['M-admins', 'm-devs'])

    await iam.send(new RemoveUserFromGroupCommand({ GroupName: 'm-devs', UserName: 'm-zoe' }))
    expect((await iam.send(new ListGroupsForUserCommand({ UserName: 'm-zoe' }))).Groups?.map((g) => g.GroupName)).toEqual(['M-admins'])
    expect((await iam.send(new GetGroupCommand({ GroupName: 'm-devs' }))).Users?.map((u) => u.UserName)).toEqual(['m-al'])
    // Removing a user that is not a member succeeds.
    await iam.send(new RemoveUserFromGroupCommand({ GroupName: 'm-other', UserName: 'm-zoe' }))
    await iam.send(new RemoveUserFromGroupCommand({ GroupName: 'm-devs', UserName: 'm-zoe' }))
  })

  it('shows members without tags or permissions boundary in GetGroup', async () => {
    await iam.send(new CreateGroupCommand({ GroupName: 'm-bounded' }))
    await iam.send(new CreateUserCommand({ UserName: 'm-bounded-user', Tags: [{ Key: 'team', Value: 'x' }] }))
    await iam.send(new PutUserPermissionsBoundaryCommand({ UserName: 'm-bounded-user', PermissionsBoundary: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }))
    await iam.send(new AddUserToGroupCommand({ GroupName: 'm-bounded', UserName: 'm-bounded-user' }))
    const user = (await iam.send(new GetGroupCommand({ GroupName: 'm-bounded' }))).Users?.[0]
    expect(Object.keys(user ?? {}).sort()).toEqual(['Arn', 'CreateDate', 'Path', 'UserId', 'UserName'])
  })

  it('names the missing user or group', async () => {
    await iam.send(new CreateGroupCommand({ GroupName: 'm-exists' }))
    await iam.send(new CreateUserCommand({ UserName: 'm-exists-user' }))
    for (const Command of [AddUserToGroupCommand, RemoveUserFromGroupCommand]) {
      await expectError(iam.send(new Command({ GroupName: 'm-exists', UserName: 'nobody' })), 'NoSuchEntityException', 'The user with name nobody cannot be found.', 404)
      await expectError(iam.send(new Command({ GroupName: 'no-group', UserName: 'm-exists-user' })), 'NoSuchEntityException', 'The group with name no-group cannot be found.', 404)
      // Both missing: IAM names the user.
      await expectError(iam.send(new Command({ GroupName: 'no-group', UserName: 'nobody' })), 'NoSuchEntityException', 'The user with name nobody cannot be found.', 404)
    }
    await expectError(iam.send(new ListGroupsForUserCommand({ UserName: 'nobody' })), 'NoSuchEntityException', 'The user with name nobody cannot be found.', 404)
  })

  it('enforces the GroupsPerUser quota of 10', async () => {
    await iam.send(new CreateUserCommand({ UserName: 'joiner' }))
    for (let i = 0; i < 11; i++) await iam.send(new CreateGroupCommand({ GroupName: `join-${i}` }))
    for (let i = 0; i < 10; i++) await iam.send(new AddUserToGroupCommand({ GroupName: `join-${i}`, UserName: 'joiner' }))
    await expectError(iam.send(new AddUserToGroupCommand({ GroupName: 'join-10', UserName: 'joiner' })), 'LimitExceededException', 'Cannot exceed quota for GroupsPerUser: 10', 409)
    // Re-adding to a group the user is already in is not a new membership.
    await iam.send(new AddUserToGroupCommand({ GroupName: 'join-3', UserName: 'joiner' }))
    expect((await iam.send(new ListGroupsForUserCommand({ UserName: 'joiner' }))).Groups).toHaveLength(10)
  })
})

describe('paging', () => {
  it('pages ListGroups, GetGroup and ListGroupsForUser with Marker and MaxItems', async () => {
    await iam.send(new CreateUserCommand({ UserName: 'pager' }))
    for (const n of ['pg1', 'pg2', 'pg3']) {
      await iam.send(new CreateGroupCommand({ GroupName: n, Path: '/paged/' }))
      await iam.send(new AddUserToGroupCommand({ GroupName: n, UserName: 'pager' }))
    }
    const first = await iam.send(new ListGroupsCommand({ PathPrefix: '/paged/', MaxItems: 2 }))
    expect(first.IsTruncated).toBe(true)
    expect(first.Marker).toBeTruthy()
    const second = await iam.send(new ListGroupsCommand({ PathPrefix: '/paged/', MaxItems: 2, Marker: first.Marker }))
    expect(second.IsTruncated).toBe(false)
    expect([...(first.Groups ?? []), ...(second.Groups ?? [])].map((g) => g.GroupName)).toEqual(['pg1', 'pg2', 'pg3'])

    const forUser1 = await iam.send(new ListGroupsForUserCommand({ UserName: 'pager', MaxItems: 1 }))
    const forUser2 = await iam.send(new ListGroupsForUserCommand({ UserName: 'pager', MaxItems: 5, Marker: forUser1.Marker }))
    expect(forUser1.IsTruncated).toBe(true)
    expect(forUser2.IsTruncated).toBe(false)
    expect([...(forUser1.Groups ?? []), ...(forUser2.Groups ?? [])].map((g) => g.GroupName)).toEqual(['pg1', 'pg2', 'pg3'])

    for (const n of ['pm-a', 'pm-b', 'pm-c']) {
      await iam.send(new CreateUserCommand({ UserName: n }))
      await iam.send(new AddUserToGroupCommand({ GroupName: 'pg1', UserName: n }))
    }
    const members: string[] = []
    let marker: string | undefined
    let pages = 0
    do {
      const page = await iam.send(new GetGroupCommand({ GroupName: 'pg1', MaxItems: 2, Marker: marker }))
      expect(page.Group?.GroupName).toBe('pg1')
      members.push(...(page.Users ?? []).map((u) => u.UserName as string))
      marker = page.IsTruncated ? page.Marker : undefined
      pages++
    } while (marker)
    expect(members).toEqual(['pager', 'pm-a', 'pm-b', 'pm-c'])
    expect(pages).toBe(2)
  })

  it('rejects a marker it did not issue', async () => {
    const e = await failure(iam.send(new ListGroupsCommand({ Marker: 'not-a-marker' })))
    expect({ message: e.message, status: e.$metadata.httpStatusCode }).toEqual({ message: 'Invalid Marker.', status: 400 })
  })
})

describe("the IAM guide's walk-through", () => {
  it('a member of devops gets the group policies and loses them when removed', async () => {
    await iam.send(new CreateGroupCommand({ GroupName: 'devops' }))
    await iam.send(new CreateUserCommand({ UserName: 'aws-learner' }))
    const learner = server.iam(await accessKeyFor('aws-learner'))
    const denied = `User: arn:aws:iam::${ACCOUNT}:user/aws-learner is not authorized to perform: iam:ListUsers on resource: arn:aws:iam::${ACCOUNT}:user/ because no identity-based policy allows the iam:ListUsers action`
    await putInlinePolicy('group', await groupId('devops'), 'devops-read', [{ Effect: 'Allow', Action: ['iam:ListUsers', 'iam:GetGroup'], Resource: '*' }])

    await expectError(learner.send(new ListUsersCommand({})), 'AccessDenied', denied, 403)
    await iam.send(new AddUserToGroupCommand({ GroupName: 'devops', UserName: 'aws-learner' }))
    expect((await learner.send(new ListUsersCommand({}))).Users?.map((u) => u.UserName)).toContain('aws-learner')
    expect((await learner.send(new GetGroupCommand({ GroupName: 'devops' }))).Users?.map((u) => u.UserName)).toEqual(['aws-learner'])

    await iam.send(new RemoveUserFromGroupCommand({ GroupName: 'devops', UserName: 'aws-learner' }))
    await expectError(learner.send(new ListUsersCommand({})), 'AccessDenied', denied, 403)
  })

  it("a group's attached managed policy applies to its members", async () => {
    await iam.send(new CreateGroupCommand({ GroupName: 'readers' }))
    await iam.send(new CreateUserCommand({ UserName: 'reader' }))
    const reader = server.iam(await accessKeyFor('reader'))
    await attachPolicy('group', await groupId('readers'), 'arn:aws:iam::aws:policy/IAMReadOnlyAccess')
    await expect(reader.send(new ListGroupsCommand({}))).rejects.toMatchObject({ name: 'AccessDenied' })
    await iam.send(new AddUserToGroupCommand({ GroupName: 'readers', UserName: 'reader' }))
    expect((await reader.send(new ListGroupsForUserCommand({ UserName: 'reader' }))).Groups?.map((g) => g.GroupName)).toEqual(['readers'])
    await iam.send(new RemoveUserFromGroupCommand({ GroupName: 'readers', UserName: 'reader' }))
    await expect(reader.send(new ListGroupsCommand({}))).rejects.toMatchObject({ name: 'AccessDenied' })
  })
})

describe('enforcement', () => {
  let limited: IAMClient
  const deny = (action: string, resource: string) =>
    `User: arn:aws:iam::${ACCOUNT}:user/group-reader is not authorized to perform: ${action} on resource: ${resource} because no identity-based policy allows the ${action} action`

  beforeAll(async () => {
    await iam.send(new CreateUserCommand({ UserName: 'group-reader' }))
    await iam.send(new CreateGroupCommand({ GroupName: 'team-a' }))
    await putInlinePolicy('user', await userId('group-reader'), 'limited', [
      { Effect: 'Allow', Action: ['iam:GetGroup', 'iam:ListGroups'], Resource: '*' },
      { Effect: 'Allow', Action: 'iam:UpdateGroup', Resource: `arn:aws:iam::${ACCOUNT}:group/team-*` }
    ])
    limited = server.iam(await accessKeyFor('group-reader'))
  })

  it('allows what the policy allows', async () => {
    expect((await limited.send(new GetGroupCommand({ GroupName: 'team-a' }))).Group?.GroupName).toBe('team-a')
    expect((await limited.send(new ListGroupsCommand({}))).Groups?.map((g) => g.GroupName)).toContain('team-a')
    await limited.send(new UpdateGroupCommand({ GroupName: 'team-a', NewGroupName: 'team-b' }))
    await limited.send(new UpdateGroupCommand({ GroupName: 'team-b', NewGroupName: 'team-a' }))
  })

  it('denies the rest with AWS messages', async () => {
    await expectError(
      limited.send(new CreateGroupCommand({ GroupName: 'new-group', Path: '/x/' })),
      'AccessDenied',
      deny('iam:CreateGroup', `arn:aws:iam::${ACCOUNT}:group/x/new-group`),
      403
    )
    await expectError(limited.send(new DeleteGroupCommand({ GroupName: 'team-a' })), 'AccessDenied', deny('iam:DeleteGroup', 'group team-a'), 403)
    await expectError(limited.send(new AddUserToGroupCommand({ GroupName: 'team-a', UserName: 'group-reader' })), 'AccessDenied', deny('iam:AddUserToGroup', 'group team-a'), 403)
    await expectError(
      limited.send(new RemoveUserFromGroupCommand({ GroupName: 'team-a', UserName: 'group-reader' })),
      'AccessDenied',
      deny('iam:RemoveUserFromGroup', 'group team-a'),
      403
    )
    await expectError(limited.send(new ListGroupsForUserCommand({ UserName: 'group-reader' })), 'AccessDenied', deny('iam:ListGroupsForUser', 'user group-reader'), 403)
    // Renaming needs the permission on the new name too.
    await expectError(limited.send(new UpdateGroupCommand({ GroupName: 'team-a', NewGroupName: 'elsewhere' })), 'AccessDenied', deny('iam:UpdateGroup', 'group elsewhere'), 403)
    expect((await iam.send(new GetGroupCommand({ GroupName: 'team-a' }))).Group?.GroupName).toBe('team-a')
  })

  it('answers AccessDenied, not NoSuchEntity, for groups it may not see', async () => {
    await expectError(limited.send(new DeleteGroupCommand({ GroupName: 'no-such-group' })), 'AccessDenied', deny('iam:DeleteGroup', 'group no-such-group'), 403)
    // With the permission, the caller learns that the group does not exist.
    await expectError(limited.send(new GetGroupCommand({ GroupName: 'no-such-group' })), 'NoSuchEntityException', 'The group with name no-such-group cannot be found.', 404)
  })
})
