// The account password policy through the AWS SDK: defaults, replacement on update, the
// optional fields, IAM's two different NoSuchEntity messages, and enforcement.

import { DeleteAccountPasswordPolicyCommand, GetAccountPasswordPolicyCommand, UpdateAccountPasswordPolicyCommand, type IAMClient } from '@aws-sdk/client-iam'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
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

describe('account password policy', () => {
  it('has none until set, and says so in two different ways', async () => {
    await expect(root.send(new GetAccountPasswordPolicyCommand({}))).rejects.toMatchObject({
      name: 'NoSuchEntityException',
      message: `The Password Policy with domain name ${ACCOUNT} cannot be found.`,
      $metadata: { httpStatusCode: 404 }
    })
    await expect(root.send(new DeleteAccountPasswordPolicyCommand({}))).rejects.toMatchObject({
      name: 'NoSuchEntityException',
      message: 'The account policy with name PasswordPolicy cannot be found.',
      $metadata: { httpStatusCode: 404 }
    })
  })

  it('sets the defaults for everything an update omits', async () => {
    await root.send(new UpdateAccountPasswordPolicyCommand({}))
    const { PasswordPolicy } = await root.send(new GetAccountPasswordPolicyCommand({}))
    expect(PasswordPolicy).toEqual({
      AllowUsersToChangePassword: false,
      ExpirePasswords: false,
      MinimumPasswordLength: 6,
      RequireLowercaseCharacters: false,
      RequireNumbers: false,
      RequireSymbols: false,
      RequireUppercaseCharacters: false
    })
  })

  it('returns the optional fields only when set, derives ExpirePasswords, and replaces the whole policy on update', async () => {
    await root.send(
      new UpdateAccountPasswordPolicyCommand({
        MinimumPasswordLength: 14,
        RequireSymbols: true,
        RequireNumbers: true,
        RequireUppercaseCharacters: true,
        RequireLowercaseCharacters: true,
        AllowUsersToChangePassword: true,
        MaxPasswordAge: 90,
        PasswordReusePrevention: 24,
        HardExpiry: false
      })
    )
    expect((await root.send(new GetAccountPasswordPolicyCommand({}))).PasswordPolicy).toEqual({
      MinimumPasswordLength: 14,
      RequireSymbols: true,
      RequireNumbers: true,
      RequireUppercaseCharacters: true,
      RequireLowercaseCharacters: true,
      AllowUsersToChangePassword: true,
      ExpirePasswords: true,
      MaxPasswordAge: 90,
      PasswordReusePrevention: 24,
      HardExpiry: false
    })
    await root.send(new UpdateAccountPasswordPolicyCommand({ RequireNumbers: true }))
    expect((await root.send(new GetAccountPasswordPolicyCommand({}))).PasswordPolicy).toEqual({
      MinimumPasswordLength: 6,
      RequireSymbols: false,
      RequireNumbers: true,
      RequireUppercaseCharacters: false,
      RequireLowercaseCharacters: false,
      AllowUsersToChangePassword: false,
      ExpirePasswords: false
    })
  })

  it('validates the ranges by the API model, all at once', async () => {
    const error = await root
      .send(new UpdateAccountPasswordPolicyCommand({ MinimumPasswordLength: 129, PasswordReusePrevention: 25, MaxPasswordAge: 1096 }))
      .catch((e: unknown) => e)
    expect(error).toMatchObject({ name: 'ValidationError', $metadata: { httpStatusCode: 400 } })
    expect((error as Error).message).toMatch(/^3 validation errors detected: /)
    expect((error as Error).message).toContain("at 'minimumPasswordLength' failed to satisfy constraint: Member must have value less than or equal to 128")
  })

  it('deletes the policy', async () => {
    await root.send(new UpdateAccountPasswordPolicyCommand({ MinimumPasswordLength: 10 }))
    await root.send(new DeleteAccountPasswordPolicyCommand({}))
    await expect(root.send(new GetAccountPasswordPolicyCommand({}))).rejects.toMatchObject({ name: 'NoSuchEntityException' })
  })

  it('needs iam:*AccountPasswordPolicy, on resource *', async () => {
    const reader = await userWithPolicy(server, 'pp-reader', [{ Effect: 'Allow', Action: 'iam:GetAccountPasswordPolicy', Resource: '*' }])
    await root.send(new UpdateAccountPasswordPolicyCommand({ MinimumPasswordLength: 8 }))
    expect((await reader.iam.send(new GetAccountPasswordPolicyCommand({}))).PasswordPolicy?.MinimumPasswordLength).toBe(8)
    await expect(reader.iam.send(new UpdateAccountPasswordPolicyCommand({ MinimumPasswordLength: 6 }))).rejects.toMatchObject({
      name: 'AccessDenied',
      message: implicitDenial(reader.arn, 'iam:UpdateAccountPasswordPolicy', '*'),
      $metadata: { httpStatusCode: 403 }
    })
    await expect(reader.iam.send(new DeleteAccountPasswordPolicyCommand({}))).rejects.toMatchObject({
      name: 'AccessDenied',
      message: implicitDenial(reader.arn, 'iam:DeleteAccountPasswordPolicy', '*')
    })
    expect((await root.send(new GetAccountPasswordPolicyCommand({}))).PasswordPolicy?.MinimumPasswordLength).toBe(8)
  })
})
