// Users through the AWS SDK against a started server: the calls a user makes, the errors AWS
// gives, and enforcement as a non-root user.

import {
  CreateAccessKeyCommand,
  CreateUserCommand,
  DeleteUserCommand,
  GetUserCommand,
  ListUsersCommand,
  ListUserTagsCommand,
  TagUserCommand,
  UntagUserCommand,
  UpdateUserCommand
} from '@aws-sdk/client-iam'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer, type TestServer } from './support/server.js'

let server: TestServer

beforeAll(async () => {
  server = await startTestServer()
})
afterAll(async () => {
  await server.close()
})

describe('users', () => {
  it('creates, reads, lists, renames and deletes a user', async () => {
    const iam = server.iam()
    const created = await iam.send(new CreateUserCommand({ UserName: 'alice', Path: '/eng/' }))
    expect(created.User).toMatchObject({ UserName: 'alice', Path: '/eng/', Arn: 'arn:aws:iam::123456789012:user/eng/alice' })
    expect(created.User?.UserId).toMatch(/^AIDA[A-Z2-7]{17}$/)
    expect((await iam.send(new GetUserCommand({ UserName: 'ALICE' }))).User?.UserName).toBe('alice')
    await iam.send(new UpdateUserCommand({ UserName: 'alice', NewUserName: 'alice2', NewPath: '/ops/' }))
    const listed = await iam.send(new ListUsersCommand({ PathPrefix: '/ops/' }))
    expect(listed.Users?.map((u) => u.Arn)).toEqual(['arn:aws:iam::123456789012:user/ops/alice2'])
    await iam.send(new DeleteUserCommand({ UserName: 'alice2' }))
    await expect(iam.send(new GetUserCommand({ UserName: 'alice2' }))).rejects.toMatchObject({
      name: 'NoSuchEntityException',
      message: 'The user with name alice2 cannot be found.'
    })
  })

  it('refuses a second user whose name differs only in case', async () => {
    const iam = server.iam()
    await iam.send(new CreateUserCommand({ UserName: 'Bob' }))
    await expect(iam.send(new CreateUserCommand({ UserName: 'bob' }))).rejects.toMatchObject({ name: 'EntityAlreadyExistsException', $metadata: { httpStatusCode: 409 } })
  })

  it('validates names against the API model', async () => {
    await expect(server.iam().send(new CreateUserCommand({ UserName: 'has space' }))).rejects.toMatchObject({
      name: 'ValidationError',
      message: "1 validation error detected: Value at 'userName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]+"
    })
  })

  it('pages with Marker and MaxItems', async () => {
    const iam = server.iam()
    for (const n of ['p1', 'p2', 'p3']) await iam.send(new CreateUserCommand({ UserName: n, Path: '/paged/' }))
    const first = await iam.send(new ListUsersCommand({ PathPrefix: '/paged/', MaxItems: 2 }))
    expect(first.IsTruncated).toBe(true)
    const second = await iam.send(new ListUsersCommand({ PathPrefix: '/paged/', MaxItems: 2, Marker: first.Marker }))
    expect([...(first.Users ?? []), ...(second.Users ?? [])].map((u) => u.UserName)).toEqual(['p1', 'p2', 'p3'])
    expect(second.IsTruncated).toBe(false)
  })

  it('tags and untags', async () => {
    const iam = server.iam()
    await iam.send(new CreateUserCommand({ UserName: 'tagged', Tags: [{ Key: 'team', Value: 'a' }] }))
    await iam.send(
      new TagUserCommand({
        UserName: 'tagged',
        Tags: [
          { Key: 'Team', Value: 'b' },
          { Key: 'env', Value: 'dev' }
        ]
      })
    )
    expect((await iam.send(new ListUserTagsCommand({ UserName: 'tagged' }))).Tags).toEqual([
      { Key: 'Team', Value: 'b' },
      { Key: 'env', Value: 'dev' }
    ])
    await iam.send(new UntagUserCommand({ UserName: 'tagged', TagKeys: ['TEAM'] }))
    expect((await iam.send(new GetUserCommand({ UserName: 'tagged' }))).User?.Tags).toEqual([{ Key: 'env', Value: 'dev' }])
  })

  it('refuses to delete a user that still has an access key', async () => {
    const iam = server.iam()
    await iam.send(new CreateUserCommand({ UserName: 'keyed' }))
    await iam.send(new CreateAccessKeyCommand({ UserName: 'keyed' }))
    await expect(iam.send(new DeleteUserCommand({ UserName: 'keyed' }))).rejects.toMatchObject({ name: 'DeleteConflictException' })
  })
})
