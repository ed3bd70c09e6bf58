// Access keys through the AWS SDK against a started server: a new key signs requests at once,
// deactivating or deleting it stops it on the next request, last use is recorded, quotas, the
// root user's own keys, and enforcement.

import {
  CreateAccessKeyCommand,
  CreateUserCommand,
  DeleteAccessKeyCommand,
  DeleteUserCommand,
  GetAccessKeyLastUsedCommand,
  GetUserCommand,
  ListAccessKeysCommand,
  UpdateAccessKeyCommand,
  type IAMClient
} from '@aws-sdk/client-iam'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { Call } from '../../src/app/call.js'
import type { Caller } from '../../src/app/caller.js'
import { accessKeysActions } from '../../src/app/actions/access-keys.js'
import { implicitDenial, userWithPolicy } from './support/credentials-callers.js'
import { startTestServer, type TestServer } from './support/server.js'

let server: TestServer
let root: IAMClient
const ACCOUNT = '123456789012'

beforeAll(async () => {
  server = await startTestServer({ accountId: ACCOUNT })
  root = server.iam()
})
afterAll(async () => {
  await server.close()
})

const invalidToken = { name: 'InvalidClientTokenId', message: 'The security token included in the request is invalid.', $metadata: { httpStatusCode: 403 } }

describe('access keys', () => {
  it('creates a key that signs requests at once, records its use, and stops working when deactivated or deleted', async () => {
    const user = await userWithPolicy(server, 'signer', [{ Effect: 'Allow', Action: ['iam:GetUser', 'iam:ListAccessKeys'], Resource: '*' }])
    const created = await root.send(new CreateAccessKeyCommand({ UserName: 'signer' }))
    const key = created.AccessKey
    expect(key).toMatchObject({ UserName: 'signer', Status: 'Active' })
    expect(key?.AccessKeyId).toMatch(/^AKIA[A-Z2-7]{16}$/)
    expect(key?.SecretAccessKey).toMatch(/^[A-Za-z0-9+/]{40}$/)
    expect(key?.CreateDate).toBeInstanceOf(Date)
    const id = key?.AccessKeyId as string

    expect(await root.send(new GetAccessKeyLastUsedCommand({ AccessKeyId: id }))).toMatchObject({
      UserName: 'signer',
      AccessKeyLastUsed: { ServiceName: 'N/A', Region: 'N/A' }
    })
    expect((await root.send(new GetAccessKeyLastUsedCommand({ AccessKeyId: id }))).AccessKeyLastUsed?.LastUsedDate).toBeUndefined()

    const withKey = server.iam({ accessKeyId: id, secretAccessKey: key?.SecretAccessKey as string })
    const before = Date.now()
    expect((await withKey.send(new GetUserCommand({}))).User?.Arn).toBe(user.arn)
    await vi.waitFor(async () => {
      const used = await root.send(new GetAccessKeyLastUsedCommand({ AccessKeyId: id }))
      expect(used.AccessKeyLastUsed).toMatchObject({ ServiceName: 'iam', Region: 'us-east-1' })
      expect(used.AccessKeyLastUsed?.LastUsedDate?.getTime()).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000)
    })

    await root.send(new UpdateAccessKeyCommand({ UserName: 'signer', AccessKeyId: id, Status: 'Inactive' }))
    await expect(withKey.send(new GetUserCommand({}))).rejects.toMatchObject(invalidToken)
    const listed = await root.send(new ListAccessKeysCommand({ UserName: 'signer' }))
    expect(listed.AccessKeyMetadata?.find((k) => k.AccessKeyId === id)).toMatchObject({ UserName: 'signer', Status: 'Inactive' })

    await root.send(new UpdateAccessKeyCommand({ UserName: 'signer', AccessKeyId: id, Status: 'Active' }))
    expect((await withKey.send(new GetUserCommand({}))).User?.UserName).toBe('signer')

    await root.send(new DeleteAccessKeyCommand({ UserName: 'signer', AccessKeyId: id }))
    await expect(withKey.send(new GetUserCommand({}))).rejects.toMatchObject(invalidToken)
    // The user's other key (made by userWithPolicy) still works.
    expect((await user.iam.send(new GetUserCommand({}))).User?.UserName).toBe('signer')
  })

  it('allows two keys per user, lists them in creation order, and pages', async () => {
    await root.send(new CreateUserCommand({ UserName: 'two-keys' }))
    const first = await root.send(new CreateAccessKeyCommand({ UserName: 'two-keys' }))
    const second = await root.send(new CreateAccessKeyCommand({ UserName: 'two-keys' }))
    await expect(root.send(new CreateAccessKeyCommand({ UserName: 'two-keys' }))).rejects.toMatchObject({
      name: 'LimitExceededException',
      message: 'Cannot exceed quota for AccessKeysPerUser: 2',
      $metadata: { httpStatusCode: 409 }
    })
    const all = await root.send(new ListAccessKeysCommand({ UserName: 'two-keys' }))
    expect(all.IsTruncated).toBe(false)
    expect(all.AccessKeyMetadata?.map((k) => k.AccessKeyId)).toEqual([first.AccessKey?.AccessKeyId, second.AccessKey?.AccessKeyId])
    expect(all.AccessKeyMetadata?.[0]).not.toHaveProperty('SecretAccessKey')
    const page1 = await root.send(new ListAccessKeysCommand({ UserName: 'two-keys', MaxItems: 1 }))
    expect(page1).toMatchObject({ IsTruncated: true })
    const page2 = await root.send(new ListAccessKeysCommand({ UserName: 'two-keys', MaxItems: 1, Marker: page1.Marker }))
    expect(page2.IsTruncated).toBe(false)
    expect([...(page1.AccessKeyMetadata ?? []), ...(page2.AccessKeyMetadata ?? [])].map((k) => k.AccessKeyId)).toEqual(all.AccessKeyMetadata?.map((k) => k.AccessKeyId))
    // A user with keys cannot be deleted; without them it can.
    await expect(root.send(new DeleteUserCommand({ UserName: 'two-keys' }))).rejects.toMatchObject({
      name: 'DeleteConflictException',
      message: 'Cannot delete entity, must delete access keys first.',
      $metadata: { httpStatusCode: 409 }
    })
    for (const k of all.AccessKeyMetadata ?? []) await root.send(new DeleteAccessKeyCommand({ UserName: 'two-keys', AccessKeyId: k.AccessKeyId }))
    await root.send(new DeleteUserCommand({ UserName: 'two-keys' }))
  })

  it("answers unknown keys, other users' keys and unknown users as IAM does", async () => {
    await root.send(new CreateUserCommand({ UserName: 'ak-a' }))
    await root.send(new CreateUserCommand({ UserName: 'ak-b' }))
    const bKey = (await root.send(new CreateAccessKeyCommand({ UserName: 'ak-b' }))).AccessKey?.AccessKeyId as string
    const missing = 'AKIAAAAAAAAAAAAAAAAA'
    await expect(root.send(new UpdateAccessKeyCommand({ UserName: 'ak-a', AccessKeyId: missing, Status: 'Inactive' }))).rejects.toMatchObject({
      name: 'NoSuchEntityException',
      message: `The Access Key with id ${missing} cannot be found.`,
      $metadata: { httpStatusCode: 404 }
    })
    // Keys are looked up under the user the request names.
    await expect(root.send(new DeleteAccessKeyCommand({ UserName: 'ak-a', AccessKeyId: bKey }))).rejects.toMatchObject({
      name: 'NoSuchEntityException',
      message: `The Access Key with id ${bKey} cannot be found.`
    })
    await expect(root.send(new UpdateAccessKeyCommand({ AccessKeyId: bKey, Status: 'Inactive' }))).rejects.toMatchObject({ name: 'NoSuchEntityException' })
    await expect(root.send(new ListAccessKeysCommand({ UserName: 'nobody' }))).rejects.toMatchObject({
      name: 'NoSuchEntityException',
      message: 'The user with name nobody cannot be found.',
      $metadata: { httpStatusCode: 404 }
    })
    await expect(root.send(new CreateAccessKeyCommand({ UserName: 'nobody' }))).rejects.toMatchObject({ name: 'NoSuchEntityException' })
    // Unknown key ids get IAM's peculiar AccessDenied, even for the root user.
    await expect(root.send(new GetAccessKeyLastUsedCommand({ AccessKeyId: missing }))).rejects.toMatchObject({
      name: 'AccessDenied',
      message: `User: arn:aws:iam::${ACCOUNT}:root is not authorized to perform iam:GetAccessKeyLastUsed on resource: access key ${missing}`,
      $metadata: { httpStatusCode: 403 }
    })
    // The API version this server speaks knows Active and Inactive only.
    await expect(root.send(new UpdateAccessKeyCommand({ UserName: 'ak-b', AccessKeyId: bKey, Status: 'Expired' }))).rejects.toMatchObject({
      name: 'ValidationError',
      message: "1 validation error detected: Value at 'status' failed to satisfy constraint: Member must satisfy enum value set: [Active, Inactive]",
      $metadata: { httpStatusCode: 400 }
    })
  })

  it("manages the root user's own keys when root omits UserName", async () => {
    const listed = await root.send(new ListAccessKeysCommand({}))
    expect(listed.AccessKeyMetadata?.map((k) => k.AccessKeyId)).toEqual([server.root.accessKeyId])
    expect(listed.AccessKeyMetadata?.[0]).not.toHaveProperty('UserName')
    const second = (await root.send(new CreateAccessKeyCommand({}))).AccessKey
    expect(second?.AccessKeyId).toMatch(/^AKIA/)
    await expect(root.send(new CreateAccessKeyCommand({}))).rejects.toMatchObject({ name: 'LimitExceededException', message: 'Cannot exceed quota for AccessKeysPerUser: 2' })
    const asRoot = server.iam({ accessKeyId: second?.AccessKeyId as string, secretAccessKey: second?.SecretAccessKey as string })
    expect((await asRoot.send(new GetUserCommand({}))).User?.Arn).toBe(`arn:aws:iam::${ACCOUNT}:root`)
    const lastUsed = await root.send(new GetAccessKeyLastUsedCommand({ AccessKeyId: second?.AccessKeyId as string }))
    expect(lastUsed.UserName).toBeUndefined()
    await root.send(new DeleteAccessKeyCommand({ AccessKeyId: second?.AccessKeyId as string }))
    await expect(asRoot.send(new GetUserCommand({}))).rejects.toMatchObject(invalidToken)
  })

  it('lets an IAM user manage its own keys without naming itself', async () => {
    const self = await userWithPolicy(server, 'self-service', [
      {
        Effect: 'Allow',
        Action: ['iam:CreateAccessKey', 'iam:ListAccessKeys', 'iam:UpdateAccessKey', 'iam:DeleteAccessKey'],
        Resource: `arn:aws:iam::${ACCOUNT}:user/self-service`
      }
    ])
    const made = await self.iam.send(new CreateAccessKeyCommand({}))
    expect(made.AccessKey?.UserName).toBe('self-service')
    const mine = await self.iam.send(new ListAccessKeysCommand({}))
    expect(mine.AccessKeyMetadata?.map((k) => k.AccessKeyId)).toEqual([self.credentials.accessKeyId, made.AccessKey?.AccessKeyId])
    await self.iam.send(new DeleteAccessKeyCommand({ AccessKeyId: made.AccessKey?.AccessKeyId }))
    expect((await self.iam.send(new ListAccessKeysCommand({}))).AccessKeyMetadata).toHaveLength(1)
  })

  it('asks callers that are not IAM users to name the user', async () => {
    const ctx = server.running.ctx
    const caller: Caller = {
      accountId: ACCOUNT,
      kind: 'role-session',
      arn: `arn:aws:sts::${ACCOUNT}:assumed-role/r/s`,
      principalId: 'AROAEXAMPLEEXAMPLE123:s',
      roleId: 'AROAEXAMPLEEXAMPLE123',
      roleArn: `arn:aws:iam::${ACCOUNT}:role/r`,
      tags: [],
      request: { sourceIp: '127.0.0.1', userAgent: 'test', secureTransport: false, region: 'us-east-1', time: new Date() }
    }
    for (const action of ['CreateAccessKey', 'ListAccessKeys'] as const) {
      await expect((accessKeysActions[action] as NonNullable<(typeof accessKeysActions)[string]>)(new Call(ctx, caller, 'test'), {})).rejects.toMatchObject({
        code: 'ValidationError',
        message: 'Must specify userName when calling with non-User credentials',
        status: 400
      })
    }
  })

  it('denies what the caller is not allowed, naming the user, before revealing whether it exists', async () => {
    const limited = await userWithPolicy(server, 'ak-limited', [{ Effect: 'Allow', Action: 'iam:ListAccessKeys', Resource: '*' }])
    await root.send(new CreateUserCommand({ UserName: 'ak-victim' }))
    const victimKey = (await root.send(new CreateAccessKeyCommand({ UserName: 'ak-victim' }))).AccessKey?.AccessKeyId as string
    expect((await limited.iam.send(new ListAccessKeysCommand({ UserName: 'ak-victim' }))).AccessKeyMetadata).toHaveLength(1)
    await expect(limited.iam.send(new CreateAccessKeyCommand({ UserName: 'ak-victim' }))).rejects.toMatchObject({
      name: 'AccessDenied',
      message: implicitDenial(limited.arn, 'iam:CreateAccessKey', 'user ak-victim'),
      $metadata: { httpStatusCode: 403 }
    })
    await expect(limited.iam.send(new DeleteAccessKeyCommand({ UserName: 'not-there', AccessKeyId: victimKey }))).rejects.toMatchObject({
      name: 'AccessDenied',
      message: implicitDenial(limited.arn, 'iam:DeleteAccessKey', 'user not-there')
    })
    await expect(limited.iam.send(new UpdateAccessKeyCommand({ AccessKeyId: limited.credentials.accessKeyId, Status: 'Inactive' }))).rejects.toMatchObject({
      name: 'AccessDenied',
      message: implicitDenial(limited.arn, 'iam:UpdateAccessKey', 'user ak-limited')
    })
    await expect(limited.iam.send(new GetAccessKeyLastUsedCommand({ AccessKeyId: victimKey }))).rejects.toMatchObject({
      name: 'AccessDenied',
      message: implicitDenial(limited.arn, 'iam:GetAccessKeyLastUsed', `access key ${victimKey}`)
    })
  })
})
