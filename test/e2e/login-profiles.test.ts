// Console passwords through the AWS SDK: login profiles, the password policy they must meet
// (AWS's default rules without one), reuse prevention, and ChangePassword by the user itself.

import {
  ChangePasswordCommand,
  CreateLoginProfileCommand,
  CreateUserCommand,
  DeleteAccountPasswordPolicyCommand,
  DeleteLoginProfileCommand,
  DeleteUserCommand,
  GetLoginProfileCommand,
  UpdateAccountPasswordPolicyCommand,
  UpdateLoginProfileCommand,
  type IAMClient
} from '@aws-sdk/client-iam'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
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
afterEach(async () => {
  await root.send(new DeleteAccountPasswordPolicyCommand({})).catch(() => undefined)
})

const violation = { name: 'PasswordPolicyViolationException', message: 'Password does not conform to the account password policy.', $metadata: { httpStatusCode: 400 } }
const noProfile = (user: string) => ({ name: 'NoSuchEntityException', message: `Login Profile for User ${user} cannot be found.`, $metadata: { httpStatusCode: 404 } })

async function storedProfile(userName: string) {
  const user = await server.running.ctx.store.read.users.byName(ACCOUNT, userName)
  return server.running.ctx.store.read.loginProfiles.get(user?.id as string)
}

describe('login profiles', () => {
  it('creates, reads, updates and deletes a login profile; the password is stored as an argon2id hash', async () => {
    await root.send(new CreateUserCommand({ UserName: 'console' }))
    const created = await root.send(new CreateLoginProfileCommand({ UserName: 'console', Password: 'Corr3ct-Horse' }))
    expect(created.LoginProfile).toMatchObject({ UserName: 'console', PasswordResetRequired: false })
    expect(created.LoginProfile?.CreateDate).toBeInstanceOf(Date)
    const stored = await storedProfile('console')
    expect(stored?.passwordHash).toMatch(/^\$argon2id\$/)
    expect(await server.running.ctx.passwords.verify(stored?.passwordHash as string, 'Corr3ct-Horse')).toBe(true)

    await expect(root.send(new CreateLoginProfileCommand({ UserName: 'console', Password: 'Corr3ct-Horse2' }))).rejects.toMatchObject({
      name: 'EntityAlreadyExistsException',
      message: 'Login Profile for user console already exists.',
      $metadata: { httpStatusCode: 409 }
    })
    await root.send(new UpdateLoginProfileCommand({ UserName: 'console', PasswordResetRequired: true }))
    expect((await root.send(new GetLoginProfileCommand({ UserName: 'console' }))).LoginProfile).toMatchObject({ UserName: 'console', PasswordResetRequired: true })
    await root.send(new UpdateLoginProfileCommand({ UserName: 'console', Password: 'Battery-Stapl3' }))
    const updated = await storedProfile('console')
    expect(await server.running.ctx.passwords.verify(updated?.passwordHash as string, 'Battery-Stapl3')).toBe(true)
    expect(updated?.passwordResetRequired).toBe(true)

    await expect(root.send(new DeleteUserCommand({ UserName: 'console' }))).rejects.toMatchObject({
      name: 'DeleteConflictException',
      message: 'Cannot delete entity, must delete login profile first.'
    })
    await root.send(new DeleteLoginProfileCommand({ UserName: 'console' }))
    await expect(root.send(new GetLoginProfileCommand({ UserName: 'console' }))).rejects.toMatchObject(noProfile('console'))
    await expect(root.send(new DeleteLoginProfileCommand({ UserName: 'console' }))).rejects.toMatchObject(noProfile('console'))
    await expect(root.send(new UpdateLoginProfileCommand({ UserName: 'console', PasswordResetRequired: false }))).rejects.toMatchObject(noProfile('console'))
    await root.send(new DeleteUserCommand({ UserName: 'console' }))
  })

  it('reports a missing user', async () => {
    for (const command of [new CreateLoginProfileCommand({ UserName: 'nobody', Password: 'Corr3ct-Horse' }), new GetLoginProfileCommand({ UserName: 'nobody' })]) {
      await expect(root.send(command as CreateLoginProfileCommand)).rejects.toMatchObject({
        name: 'NoSuchEntityException',
        message: 'The user with name nobody cannot be found.',
        $metadata: { httpStatusCode: 404 }
      })
    }
  })

  it("applies AWS's default rules without a policy: 8 characters, three character classes, not the user name", async () => {
    await root.send(new CreateUserCommand({ UserName: 'Defaults1' }))
    for (const weak of ['Sh0rt!', 'alllowercase1', 'NoDigitsOrSymbols', 'Defaults1']) {
      await expect(root.send(new CreateLoginProfileCommand({ UserName: 'Defaults1', Password: weak }))).rejects.toMatchObject(violation)
    }
    await root.send(new CreateLoginProfileCommand({ UserName: 'Defaults1', Password: 'lower-and-123' }))
  })

  it("enforces the account's policy instead when there is one", async () => {
    await root.send(new CreateUserCommand({ UserName: 'policed' }))
    await root.send(new UpdateAccountPasswordPolicyCommand({ MinimumPasswordLength: 10, RequireSymbols: true, RequireUppercaseCharacters: true }))
    for (const weak of ['Short-1', 'NOSYMBOLSATALL', 'no-upper-case']) {
      await expect(root.send(new CreateLoginProfileCommand({ UserName: 'policed', Password: weak }))).rejects.toMatchObject(violation)
    }
    await root.send(new CreateLoginProfileCommand({ UserName: 'policed', Password: 'ONLY-UPPER-SYMBOLS' }))
    await expect(root.send(new UpdateLoginProfileCommand({ UserName: 'policed', Password: 'lowercase-only' }))).rejects.toMatchObject(violation)
    // A minimal policy accepts what the default rules would not.
    await root.send(new UpdateAccountPasswordPolicyCommand({}))
    await root.send(new UpdateLoginProfileCommand({ UserName: 'policed', Password: 'abcdef' }))
  })

  it('refuses the last PasswordReusePrevention passwords', async () => {
    await root.send(new CreateUserCommand({ UserName: 'reuser' }))
    await root.send(new UpdateAccountPasswordPolicyCommand({ PasswordReusePrevention: 2 }))
    await root.send(new CreateLoginProfileCommand({ UserName: 'reuser', Password: 'first-pass' }))
    await expect(root.send(new UpdateLoginProfileCommand({ UserName: 'reuser', Password: 'first-pass' }))).rejects.toMatchObject(violation)
    await root.send(new UpdateLoginProfileCommand({ UserName: 'reuser', Password: 'second-pass' }))
    await expect(root.send(new UpdateLoginProfileCommand({ UserName: 'reuser', Password: 'first-pass' }))).rejects.toMatchObject(violation)
    await root.send(new UpdateLoginProfileCommand({ UserName: 'reuser', Password: 'third-pass' }))
    // Two back is remembered, three back is not.
    await expect(root.send(new UpdateLoginProfileCommand({ UserName: 'reuser', Password: 'second-pass' }))).rejects.toMatchObject(violation)
    await root.send(new UpdateLoginProfileCommand({ UserName: 'reuser', Password: 'first-pass' }))
  })

  it('denies login profile actions the caller is not allowed, naming the user', async () => {
    const reader = await userWithPolicy(server, 'lp-reader', [{ Effect: 'Allow', Action: 'iam:GetLoginProfile', Resource: '*' }])
    await root.send(new CreateUserCommand({ UserName: 'lp-target' }))
    await expect(reader.iam.send(new GetLoginProfileCommand({ UserName: 'lp-target' }))).rejects.toMatchObject(noProfile('lp-target'))
    await expect(reader.iam.send(new CreateLoginProfileCommand({ UserName: 'lp-target', Password: 'Corr3ct-Horse' }))).rejects.toMatchObject({
      name: 'AccessDenied',
      message: implicitDenial(reader.arn, 'iam:CreateLoginProfile', 'user lp-target'),
      $metadata: { httpStatusCode: 403 }
    })
    await expect(reader.iam.send(new DeleteLoginProfileCommand({ UserName: 'ghost' }))).rejects.toMatchObject({
      name: 'AccessDenied',
      message: implicitDenial(reader.arn, 'iam:DeleteLoginProfile', 'user ghost')
    })
  })
})

describe('ChangePassword', () => {
  it('is for IAM users only', async () => {
    await expect(root.send(new ChangePasswordCommand({ OldPassword: 'x', NewPassword: 'y' }))).rejects.toMatchObject({
      name: 'InvalidUserTypeException',
      message: 'Only IAM users can change their password via this API.', // wording inferred
      $metadata: { httpStatusCode: 400 }
    })
  })

  it('needs iam:ChangePassword unless the password policy lets users change their own', async () => {
    const user = await userWithPolicy(server, 'changer', [])
    await root.send(new CreateLoginProfileCommand({ UserName: 'changer', Password: 'Old-passw0rd', PasswordResetRequired: true }))
    const change = (OldPassword: string, NewPassword: string) => user.iam.send(new ChangePasswordCommand({ OldPassword, NewPassword }))
    await expect(change('Old-passw0rd', 'New-passw0rd')).rejects.toMatchObject({
      name: 'AccessDenied',
      message: implicitDenial(user.arn, 'iam:ChangePassword', 'user changer'),
      $metadata: { httpStatusCode: 403 }
    })
    await root.send(new UpdateAccountPasswordPolicyCommand({ AllowUsersToChangePassword: true, RequireNumbers: true }))
    await expect(change('Wrong-passw0rd', 'New-passw0rd')).rejects.toMatchObject({ name: 'InvalidInputException', $metadata: { httpStatusCode: 400 } })
    await expect(change('Old-passw0rd', 'no-numbers-here')).rejects.toMatchObject(violation)
    await change('Old-passw0rd', 'New-passw0rd')
    const stored = await storedProfile('changer')
    expect(await server.running.ctx.passwords.verify(stored?.passwordHash as string, 'New-passw0rd')).toBe(true)
    expect((await root.send(new GetLoginProfileCommand({ UserName: 'changer' }))).LoginProfile?.PasswordResetRequired).toBe(false)
    await expect(change('Old-passw0rd', 'Newer-passw0rd')).rejects.toMatchObject({ name: 'InvalidInputException' })
  })

  it('is allowed by an identity policy too, and refused by an explicit deny even when the password policy allows it', async () => {
    const allowed = await userWithPolicy(server, 'cp-allowed', [{ Effect: 'Allow', Action: 'iam:ChangePassword', Resource: `arn:aws:iam::${ACCOUNT}:user/cp-allowed` }])
    await root.send(new CreateLoginProfileCommand({ UserName: 'cp-allowed', Password: 'Old-passw0rd' }))
    await allowed.iam.send(new ChangePasswordCommand({ OldPassword: 'Old-passw0rd', NewPassword: 'New-passw0rd' }))

    const denied = await userWithPolicy(server, 'cp-denied', [{ Effect: 'Deny', Action: 'iam:ChangePassword', Resource: '*' }])
    await root.send(new CreateLoginProfileCommand({ UserName: 'cp-denied', Password: 'Old-passw0rd' }))
    await root.send(new UpdateAccountPasswordPolicyCommand({ AllowUsersToChangePassword: true }))
    await expect(denied.iam.send(new ChangePasswordCommand({ OldPassword: 'Old-passw0rd', NewPassword: 'New-passw0rd' }))).rejects.toMatchObject({
      name: 'AccessDenied',
      message: `User: ${denied.arn} is not authorized to perform: iam:ChangePassword on resource: user cp-denied with an explicit deny in an identity-based policy`
    })
  })

  it('needs a login profile, and applies reuse prevention', async () => {
    const user = await userWithPolicy(server, 'cp-reuse', [])
    await root.send(new UpdateAccountPasswordPolicyCommand({ AllowUsersToChangePassword: true, PasswordReusePrevention: 1 }))
    await expect(user.iam.send(new ChangePasswordCommand({ OldPassword: 'a', NewPassword: 'b' }))).rejects.toMatchObject(noProfile('cp-reuse'))
    await root.send(new CreateLoginProfileCommand({ UserName: 'cp-reuse', Password: 'same-pass' }))
    await expect(user.iam.send(new ChangePasswordCommand({ OldPassword: 'same-pass', NewPassword: 'same-pass' }))).rejects.toMatchObject(violation)
    await user.iam.send(new ChangePasswordCommand({ OldPassword: 'same-pass', NewPassword: 'other-pass' }))
  })
})
