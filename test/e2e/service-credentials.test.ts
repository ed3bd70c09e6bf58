// Service-specific credentials through the AWS SDK: the generated user name and password
// (returned on create and reset only, sealed at rest), supported services, the per-service
// quota, status changes, and enforcement with the service-name condition key.

import {
  CreateServiceSpecificCredentialCommand,
  CreateUserCommand,
  DeleteServiceSpecificCredentialCommand,
  DeleteUserCommand,
  ListServiceSpecificCredentialsCommand,
  ResetServiceSpecificCredentialCommand,
  UpdateServiceSpecificCredentialCommand,
  UpdateUserCommand,
  type IAMClient
} from '@aws-sdk/client-iam'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { implicitDenial, userWithPolicy } from './support/credentials-callers.js'
import { startTestServer, type TestServer } from './support/server.js'

let server: TestServer
let root: IAMClient
const ACCOUNT = '123456789012'
const CODECOMMIT = 'codecommit.amazonaws.com'
const KEYSPACES = 'cassandra.amazonaws.com'

beforeAll(async () => {
  server = await startTestServer({ accountId: ACCOUNT })
  root = server.iam()
})
afterAll(async () => {
  await server.close()
})

describe('service-specific credentials', () => {
  it('creates a credential with a generated user name and password, shown on create and reset only', async () => {
    await root.send(new CreateUserCommand({ UserName: 'coder' }))
    const created = (await root.send(new CreateServiceSpecificCredentialCommand({ UserName: 'coder', ServiceName: CODECOMMIT }))).ServiceSpecificCredential
    expect(created).toMatchObject({ UserName: 'coder', ServiceName: CODECOMMIT, ServiceUserName: `coder-at-${ACCOUNT}`, Status: 'Active' })
    expect(created?.ServiceSpecificCredentialId).toMatch(/^ACCA[A-Z2-7]{17}$/)
    expect(created?.ServicePassword).toMatch(/^[A-Za-z0-9+/]{44}$/)
    expect(created?.CreateDate).toBeInstanceOf(Date)
    const id = created?.ServiceSpecificCredentialId as string

    const stored = await server.running.ctx.store.read.serviceCredentials.forUser((await server.running.ctx.store.read.users.byName(ACCOUNT, 'coder'))?.id as string)
    expect(stored[0]?.passwordCipher).not.toContain(created?.ServicePassword as string)
    expect(server.running.ctx.secrets.open(stored[0]?.passwordCipher as string)).toBe(created?.ServicePassword)

    const listed = (await root.send(new ListServiceSpecificCredentialsCommand({ UserName: 'coder' }))).ServiceSpecificCredentials
    expect(listed).toEqual([
      { UserName: 'coder', Status: 'Active', ServiceUserName: `coder-at-${ACCOUNT}`, CreateDate: created?.CreateDate, ServiceSpecificCredentialId: id, ServiceName: CODECOMMIT }
    ])

    const reset = (await root.send(new ResetServiceSpecificCredentialCommand({ UserName: 'coder', ServiceSpecificCredentialId: id }))).ServiceSpecificCredential
    expect(reset).toMatchObject({ ServiceSpecificCredentialId: id, ServiceUserName: `coder-at-${ACCOUNT}`, Status: 'Active' })
    expect(reset?.ServicePassword).toMatch(/^[A-Za-z0-9+/]{44}$/)
    expect(reset?.ServicePassword).not.toBe(created?.ServicePassword)

    await root.send(new UpdateServiceSpecificCredentialCommand({ UserName: 'coder', ServiceSpecificCredentialId: id, Status: 'Inactive' }))
    expect((await root.send(new ListServiceSpecificCredentialsCommand({ UserName: 'coder' }))).ServiceSpecificCredentials?.[0]?.Status).toBe('Inactive')

    // The service user name is fixed at creation.
    await root.send(new UpdateUserCommand({ UserName: 'coder', NewUserName: 'coder2' }))
    expect((await root.send(new ListServiceSpecificCredentialsCommand({ UserName: 'coder2' }))).ServiceSpecificCredentials?.[0]).toMatchObject({
      UserName: 'coder2',
      ServiceUserName: `coder-at-${ACCOUNT}`
    })

    await expect(root.send(new DeleteUserCommand({ UserName: 'coder2' }))).rejects.toMatchObject({
      name: 'DeleteConflictException',
      message: 'Cannot delete entity, must remove referenced objects first.'
    })
    await root.send(new DeleteServiceSpecificCredentialCommand({ UserName: 'coder2', ServiceSpecificCredentialId: id }))
    expect((await root.send(new ListServiceSpecificCredentialsCommand({ UserName: 'coder2' }))).ServiceSpecificCredentials).toEqual([])
    await root.send(new DeleteUserCommand({ UserName: 'coder2' }))
  })

  it('allows two per user per service, filters by service, and refuses unsupported services', async () => {
    await root.send(new CreateUserCommand({ UserName: 'multi' }))
    const create = (ServiceName: string) => root.send(new CreateServiceSpecificCredentialCommand({ UserName: 'multi', ServiceName }))
    await create(CODECOMMIT)
    await create(CODECOMMIT)
    await expect(create(CODECOMMIT)).rejects.toMatchObject({
      name: 'LimitExceededException',
      message: 'Cannot exceed quota for ServiceSpecificCredentialsPerUserPerService: 2',
      $metadata: { httpStatusCode: 409 }
    })
    await create(KEYSPACES)
    const keyspaces = await root.send(new ListServiceSpecificCredentialsCommand({ UserName: 'multi', ServiceName: KEYSPACES }))
    expect(keyspaces.ServiceSpecificCredentials?.map((c) => c.ServiceName)).toEqual([KEYSPACES])
    expect((await root.send(new ListServiceSpecificCredentialsCommand({ UserName: 'multi' }))).ServiceSpecificCredentials).toHaveLength(3)
    const notSupported = {
      name: 'ServiceNotSupportedException',
      message: 'No such service s3.amazonaws.com is supported for Service Specific Credentials',
      $metadata: { httpStatusCode: 404 }
    }
    await expect(create('s3.amazonaws.com')).rejects.toMatchObject(notSupported)
    await expect(root.send(new ListServiceSpecificCredentialsCommand({ UserName: 'multi', ServiceName: 's3.amazonaws.com' }))).rejects.toMatchObject(notSupported)
  })

  it("reports unknown credentials, other users' credentials and unknown users", async () => {
    await root.send(new CreateUserCommand({ UserName: 'ssc-a' }))
    await root.send(new CreateUserCommand({ UserName: 'ssc-b' }))
    const bId = (await root.send(new CreateServiceSpecificCredentialCommand({ UserName: 'ssc-b', ServiceName: CODECOMMIT }))).ServiceSpecificCredential
      ?.ServiceSpecificCredentialId as string
    const missing = 'ACCAAAAAAAAAAAAAAAAAA'
    const noCredential = (id: string) => ({ name: 'NoSuchEntityException', message: `No such credential ${id} exists`, $metadata: { httpStatusCode: 404 } })
    await expect(root.send(new ResetServiceSpecificCredentialCommand({ UserName: 'ssc-a', ServiceSpecificCredentialId: missing }))).rejects.toMatchObject(noCredential(missing))
    await expect(root.send(new UpdateServiceSpecificCredentialCommand({ UserName: 'ssc-a', ServiceSpecificCredentialId: bId, Status: 'Inactive' }))).rejects.toMatchObject(
      noCredential(bId)
    )
    await expect(root.send(new DeleteServiceSpecificCredentialCommand({ UserName: 'ssc-a', ServiceSpecificCredentialId: bId }))).rejects.toMatchObject(noCredential(bId))
    await expect(root.send(new CreateServiceSpecificCredentialCommand({ UserName: 'nobody', ServiceName: CODECOMMIT }))).rejects.toMatchObject({
      name: 'NoSuchEntityException',
      message: 'The user with name nobody cannot be found.'
    })
    await expect(root.send(new ListServiceSpecificCredentialsCommand({}))).rejects.toMatchObject({
      name: 'ValidationError',
      message: 'Must specify userName when calling with non-User credentials'
    })
  })

  it('lets a user manage its own, and denies by the iam:ServiceSpecificCredentialServiceName condition', async () => {
    const user = await userWithPolicy(server, 'ssc-self', [
      {
        Effect: 'Allow',
        Action: ['iam:CreateServiceSpecificCredential', 'iam:ResetServiceSpecificCredential'],
        Resource: `arn:aws:iam::${ACCOUNT}:user/ssc-self`,
        Condition: { StringEquals: { 'iam:ServiceSpecificCredentialServiceName': CODECOMMIT } }
      },
      { Effect: 'Allow', Action: 'iam:ListServiceSpecificCredentials', Resource: `arn:aws:iam::${ACCOUNT}:user/ssc-self` }
    ])
    const own = (await user.iam.send(new CreateServiceSpecificCredentialCommand({ UserName: 'ssc-self', ServiceName: CODECOMMIT }))).ServiceSpecificCredential
    expect((await user.iam.send(new ListServiceSpecificCredentialsCommand({}))).ServiceSpecificCredentials?.map((c) => c.ServiceSpecificCredentialId)).toEqual([
      own?.ServiceSpecificCredentialId
    ])
    await user.iam.send(new ResetServiceSpecificCredentialCommand({ ServiceSpecificCredentialId: own?.ServiceSpecificCredentialId }))
    await expect(user.iam.send(new CreateServiceSpecificCredentialCommand({ UserName: 'ssc-self', ServiceName: KEYSPACES }))).rejects.toMatchObject({
      name: 'AccessDenied',
      message: implicitDenial(user.arn, 'iam:CreateServiceSpecificCredential', 'user ssc-self'),
      $metadata: { httpStatusCode: 403 }
    })
    await expect(user.iam.send(new DeleteServiceSpecificCredentialCommand({ ServiceSpecificCredentialId: own?.ServiceSpecificCredentialId }))).rejects.toMatchObject({
      name: 'AccessDenied',
      message: implicitDenial(user.arn, 'iam:DeleteServiceSpecificCredential', 'user ssc-self')
    })
    await expect(user.iam.send(new ListServiceSpecificCredentialsCommand({ UserName: 'ssc-a' }))).rejects.toMatchObject({
      name: 'AccessDenied',
      message: implicitDenial(user.arn, 'iam:ListServiceSpecificCredentials', 'user ssc-a')
    })
  })
})
