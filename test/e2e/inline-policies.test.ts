// Inline policies of users, groups and roles through the AWS SDK against a started server:
// put/get/list/delete, URL-encoded documents, the aggregate size quotas, IAM's errors, and
// enforcement: a user whose only permission is an inline policy.

import {
  CreateUserCommand,
  DeleteGroupPolicyCommand,
  DeleteRolePolicyCommand,
  DeleteUserPolicyCommand,
  GetGroupPolicyCommand,
  GetRolePolicyCommand,
  GetUserCommand,
  GetUserPolicyCommand,
  ListGroupPoliciesCommand,
  ListRolePoliciesCommand,
  ListUserPoliciesCommand,
  ListUsersCommand,
  PutGroupPolicyCommand,
  PutRolePolicyCommand,
  PutUserPolicyCommand
} from '@aws-sdk/client-iam'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer, type TestServer } from './support/server.js'
import { ACCOUNT, createGroup, createRole, policyDocument, userWithKey } from './support/policy-fixtures.js'

const userArn = (name: string) => `arn:aws:iam::${ACCOUNT}:user/${name}`

let server: TestServer

beforeAll(async () => {
  server = await startTestServer()
})
afterAll(async () => {
  await server.close()
})

/** A document of exactly `size` characters not counting whitespace. */
function documentOfSize(size: number): string {
  const base = policyDocument('Allow', 's3:GetObject', 'arn:aws:s3:::b/')
  const padding = size - base.length
  if (padding < 0) throw new Error('too small')
  return policyDocument('Allow', 's3:GetObject', `arn:aws:s3:::b/${'x'.repeat(padding)}`)
}

describe('user inline policies', () => {
  it('puts, gets (URL-encoded), lists, replaces and deletes', async () => {
    const iam = server.iam()
    await iam.send(new CreateUserCommand({ UserName: 'inline-user' }))
    const document = '{\n  "Version": "2012-10-17",\n  "Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}]\n}'
    await iam.send(new PutUserPolicyCommand({ UserName: 'inline-user', PolicyName: 'S3All', PolicyDocument: document }))
    await iam.send(new PutUserPolicyCommand({ UserName: 'inline-user', PolicyName: 'another', PolicyDocument: policyDocument('Allow', 'ec2:Describe*') }))

    const got = await iam.send(new GetUserPolicyCommand({ UserName: 'INLINE-USER', PolicyName: 'S3All' }))
    expect(got).toMatchObject({ UserName: 'inline-user', PolicyName: 'S3All' })
    expect(got.PolicyDocument).toBe(
      '%7B%0A%20%20%22Version%22%3A%20%222012-10-17%22%2C%0A%20%20%22Statement%22%3A%20%5B%7B%22Effect%22%3A%20%22Allow%22%2C%20%22Action%22%3A%20%22s3%3A%2A%22%2C%20%22Resource%22%3A%20%22%2A%22%7D%5D%0A%7D'
    )
    expect((await iam.send(new ListUserPoliciesCommand({ UserName: 'inline-user' }))).PolicyNames).toEqual(['S3All', 'another'])

    // Same name in another case: the document is replaced, the name kept.
    await iam.send(new PutUserPolicyCommand({ UserName: 'inline-user', PolicyName: 's3all', PolicyDocument: policyDocument('Allow', 's3:GetObject') }))
    const replaced = await iam.send(new GetUserPolicyCommand({ UserName: 'inline-user', PolicyName: 's3ALL' }))
    expect(replaced.PolicyName).toBe('S3All')
    expect(decodeURIComponent(replaced.PolicyDocument ?? '')).toBe(policyDocument('Allow', 's3:GetObject'))
    expect((await iam.send(new ListUserPoliciesCommand({ UserName: 'inline-user' }))).PolicyNames).toEqual(['S3All', 'another'])

    await iam.send(new DeleteUserPolicyCommand({ UserName: 'inline-user', PolicyName: 'S3All' }))
    await expect(iam.send(new GetUserPolicyCommand({ UserName: 'inline-user', PolicyName: 'S3All' }))).rejects.toMatchObject({
      name: 'NoSuchEntityException',
      message: 'The user policy with name S3All cannot be found.',
      $metadata: { httpStatusCode: 404 }
    })
    await expect(iam.send(new DeleteUserPolicyCommand({ UserName: 'inline-user', PolicyName: 'S3All' }))).rejects.toMatchObject({
      name: 'NoSuchEntityException',
      message: 'The user policy with name S3All cannot be found.'
    })
  })

  it('pages policy names', async () => {
    const iam = server.iam()
    await iam.send(new CreateUserCommand({ UserName: 'many-inline' }))
    for (const n of ['p3', 'p1', 'p2'])
      await iam.send(new PutUserPolicyCommand({ UserName: 'many-inline', PolicyName: n, PolicyDocument: policyDocument('Allow', 's3:GetObject') }))
    const first = await iam.send(new ListUserPoliciesCommand({ UserName: 'many-inline', MaxItems: 2 }))
    expect(first).toMatchObject({ PolicyNames: ['p1', 'p2'], IsTruncated: true })
    const second = await iam.send(new ListUserPoliciesCommand({ UserName: 'many-inline', MaxItems: 2, Marker: first.Marker }))
    expect(second).toMatchObject({ PolicyNames: ['p3'], IsTruncated: false })
    await expect(iam.send(new ListUserPoliciesCommand({ UserName: 'many-inline', Marker: 'not-ours' }))).rejects.toMatchObject({
      name: 'ValidationError',
      message: 'Invalid Marker.'
    })
  })

  it('names missing users and malformed documents', async () => {
    const iam = server.iam()
    await expect(iam.send(new PutUserPolicyCommand({ UserName: 'no-such-user', PolicyName: 'p', PolicyDocument: policyDocument('Allow', 's3:*') }))).rejects.toMatchObject({
      name: 'NoSuchEntityException',
      message: 'The user with name no-such-user cannot be found.'
    })
    await expect(iam.send(new ListUserPoliciesCommand({ UserName: 'no-such-user' }))).rejects.toMatchObject({ name: 'NoSuchEntityException' })
    await iam.send(new CreateUserCommand({ UserName: 'malformed' }))
    await expect(
      iam.send(new PutUserPolicyCommand({ UserName: 'malformed', PolicyName: 'p', PolicyDocument: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*"}]}' }))
    ).rejects.toMatchObject({
      name: 'MalformedPolicyDocumentException',
      message: 'Policy statement must contain resources.',
      $metadata: { httpStatusCode: 400 }
    })
    await expect(iam.send(new PutUserPolicyCommand({ UserName: 'malformed', PolicyName: 'p', PolicyDocument: 'nope' }))).rejects.toMatchObject({
      name: 'MalformedPolicyDocumentException',
      message: 'Syntax errors in policy.'
    })
  })

  it('limits the user’s inline policies to 2,048 characters in all, whitespace not counted', async () => {
    const iam = server.iam()
    await iam.send(new CreateUserCommand({ UserName: 'quota-user' }))
    await iam.send(new PutUserPolicyCommand({ UserName: 'quota-user', PolicyName: 'a', PolicyDocument: documentOfSize(1500) }))
    await expect(iam.send(new PutUserPolicyCommand({ UserName: 'quota-user', PolicyName: 'b', PolicyDocument: documentOfSize(549) }))).rejects.toMatchObject({
      name: 'LimitExceededException',
      message: 'Maximum policy size of 2048 bytes exceeded for user quota-user',
      $metadata: { httpStatusCode: 409 }
    })
    await iam.send(new PutUserPolicyCommand({ UserName: 'quota-user', PolicyName: 'b', PolicyDocument: documentOfSize(548) }))
    // Replacing a policy counts its new size, not the old one beside it.
    await iam.send(new PutUserPolicyCommand({ UserName: 'quota-user', PolicyName: 'a', PolicyDocument: documentOfSize(1500) }))
    const spaced = JSON.stringify(JSON.parse(documentOfSize(500)), null, 10)
    await iam.send(new DeleteUserPolicyCommand({ UserName: 'quota-user', PolicyName: 'b' }))
    expect(spaced.length).toBeGreaterThan(548)
    await iam.send(new PutUserPolicyCommand({ UserName: 'quota-user', PolicyName: 'b', PolicyDocument: spaced }))
  })
})

describe('group and role inline policies', () => {
  it('work like a user’s, with their own messages and quotas', async () => {
    const iam = server.iam()
    await createGroup(server, 'inline-group')
    await createRole(server, 'inline-role')
    await iam.send(new PutGroupPolicyCommand({ GroupName: 'inline-group', PolicyName: 'gp', PolicyDocument: policyDocument('Allow', 's3:*') }))
    await iam.send(new PutRolePolicyCommand({ RoleName: 'inline-role', PolicyName: 'rp', PolicyDocument: policyDocument('Allow', 's3:*') }))
    expect(await iam.send(new GetGroupPolicyCommand({ GroupName: 'inline-group', PolicyName: 'gp' }))).toMatchObject({
      GroupName: 'inline-group',
      PolicyName: 'gp',
      PolicyDocument: encodeURIComponent(policyDocument('Allow', 's3:*')).replace(/\*/g, '%2A')
    })
    expect(await iam.send(new GetRolePolicyCommand({ RoleName: 'inline-role', PolicyName: 'rp' }))).toMatchObject({ RoleName: 'inline-role', PolicyName: 'rp' })
    expect((await iam.send(new ListGroupPoliciesCommand({ GroupName: 'inline-group' }))).PolicyNames).toEqual(['gp'])
    expect((await iam.send(new ListRolePoliciesCommand({ RoleName: 'inline-role' }))).PolicyNames).toEqual(['rp'])

    await expect(iam.send(new GetGroupPolicyCommand({ GroupName: 'inline-group', PolicyName: 'none' }))).rejects.toMatchObject({
      name: 'NoSuchEntityException',
      message: 'The group policy with name none cannot be found.'
    })
    await expect(iam.send(new GetRolePolicyCommand({ RoleName: 'inline-role', PolicyName: 'none' }))).rejects.toMatchObject({
      name: 'NoSuchEntityException',
      message: 'The role policy with name none cannot be found.'
    })
    await expect(iam.send(new PutGroupPolicyCommand({ GroupName: 'no-group', PolicyName: 'p', PolicyDocument: policyDocument('Allow', 's3:*') }))).rejects.toMatchObject({
      name: 'NoSuchEntityException',
      message: 'The group with name no-group cannot be found.'
    })
    await expect(iam.send(new PutRolePolicyCommand({ RoleName: 'no-role', PolicyName: 'p', PolicyDocument: policyDocument('Allow', 's3:*') }))).rejects.toMatchObject({
      name: 'NoSuchEntityException',
      message: 'The role with name no-role cannot be found.'
    })

    // Groups may hold 5,120 characters, roles 10,240.
    // gp is still there: exactly at the quota is allowed.
    await iam.send(new PutGroupPolicyCommand({ GroupName: 'inline-group', PolicyName: 'big', PolicyDocument: documentOfSize(5120 - policyDocument('Allow', 's3:*').length) }))
    await expect(iam.send(new PutGroupPolicyCommand({ GroupName: 'inline-group', PolicyName: 'more', PolicyDocument: documentOfSize(200) }))).rejects.toMatchObject({
      name: 'LimitExceededException',
      message: 'Maximum policy size of 5120 bytes exceeded for group inline-group'
    })
    await iam.send(new PutRolePolicyCommand({ RoleName: 'inline-role', PolicyName: 'big', PolicyDocument: documentOfSize(6000) }))
    await iam.send(new PutRolePolicyCommand({ RoleName: 'inline-role', PolicyName: 'big2', PolicyDocument: documentOfSize(4000) }))
    await expect(iam.send(new PutRolePolicyCommand({ RoleName: 'inline-role', PolicyName: 'big3', PolicyDocument: documentOfSize(300) }))).rejects.toMatchObject({
      name: 'LimitExceededException',
      message: 'Maximum policy size of 10240 bytes exceeded for role inline-role',
      $metadata: { httpStatusCode: 409 }
    })

    await iam.send(new DeleteGroupPolicyCommand({ GroupName: 'inline-group', PolicyName: 'gp' }))
    await iam.send(new DeleteRolePolicyCommand({ RoleName: 'inline-role', PolicyName: 'rp' }))
    expect((await iam.send(new ListGroupPoliciesCommand({ GroupName: 'inline-group' }))).PolicyNames).toEqual(['big'])
    expect((await iam.send(new ListRolePoliciesCommand({ RoleName: 'inline-role' }))).PolicyNames).toEqual(['big', 'big2'])
  })
})

describe('enforcement', () => {
  it('lets a user allowed only iam:Get* on itself read itself and nothing else', async () => {
    const iam = server.iam()
    const credentials = await userWithKey(server, 'self-reader')
    await iam.send(new CreateUserCommand({ UserName: 'someone-else' }))
    await iam.send(new PutUserPolicyCommand({ UserName: 'self-reader', PolicyName: 'read-self', PolicyDocument: policyDocument('Allow', 'iam:Get*', userArn('self-reader')) }))
    const me = server.iam(credentials)
    const caller = userArn('self-reader')

    expect((await me.send(new GetUserCommand({ UserName: 'self-reader' }))).User?.Arn).toBe(caller)
    expect((await me.send(new GetUserCommand({}))).User?.UserName).toBe('self-reader')
    expect((await me.send(new GetUserPolicyCommand({ UserName: 'self-reader', PolicyName: 'read-self' }))).PolicyName).toBe('read-self')

    await expect(me.send(new ListUsersCommand({}))).rejects.toMatchObject({
      name: 'AccessDenied',
      message: `User: ${caller} is not authorized to perform: iam:ListUsers on resource: arn:aws:iam::${ACCOUNT}:user/ because no identity-based policy allows the iam:ListUsers action`,
      $metadata: { httpStatusCode: 403 }
    })
    await expect(me.send(new GetUserCommand({ UserName: 'someone-else' }))).rejects.toMatchObject({
      name: 'AccessDenied',
      message: `User: ${caller} is not authorized to perform: iam:GetUser on resource: user someone-else because no identity-based policy allows the iam:GetUser action`
    })
    await expect(me.send(new ListUserPoliciesCommand({ UserName: 'self-reader' }))).rejects.toMatchObject({
      name: 'AccessDenied',
      message: `User: ${caller} is not authorized to perform: iam:ListUserPolicies on resource: user self-reader because no identity-based policy allows the iam:ListUserPolicies action`
    })
    await expect(me.send(new PutUserPolicyCommand({ UserName: 'self-reader', PolicyName: 'escalate', PolicyDocument: policyDocument('Allow', '*') }))).rejects.toMatchObject({
      name: 'AccessDenied',
      message: `User: ${caller} is not authorized to perform: iam:PutUserPolicy on resource: user self-reader because no identity-based policy allows the iam:PutUserPolicy action`
    })
    // Denied before existence is revealed.
    await expect(me.send(new GetUserPolicyCommand({ UserName: 'nobody-at-all', PolicyName: 'x' }))).rejects.toMatchObject({
      name: 'AccessDenied',
      message: `User: ${caller} is not authorized to perform: iam:GetUserPolicy on resource: user nobody-at-all because no identity-based policy allows the iam:GetUserPolicy action`
    })
    await expect(me.send(new GetGroupPolicyCommand({ GroupName: 'inline-group', PolicyName: 'big' }))).rejects.toMatchObject({
      name: 'AccessDenied',
      message: `User: ${caller} is not authorized to perform: iam:GetGroupPolicy on resource: group inline-group because no identity-based policy allows the iam:GetGroupPolicy action`
    })

    // Taking the policy away takes the permission away at once.
    await iam.send(new DeleteUserPolicyCommand({ UserName: 'self-reader', PolicyName: 'read-self' }))
    await expect(me.send(new GetUserCommand({ UserName: 'self-reader' }))).rejects.toMatchObject({ name: 'AccessDenied' })
  })

  it('lets an explicit Deny in an inline policy win', async () => {
    const iam = server.iam()
    const credentials = await userWithKey(server, 'deny-inline')
    await iam.send(new PutUserPolicyCommand({ UserName: 'deny-inline', PolicyName: 'allow-all', PolicyDocument: policyDocument('Allow', '*') }))
    await iam.send(new PutUserPolicyCommand({ UserName: 'deny-inline', PolicyName: 'deny-list', PolicyDocument: policyDocument('Deny', 'iam:ListUsers') }))
    const me = server.iam(credentials)
    await me.send(new GetUserCommand({ UserName: 'someone-else' }))
    await expect(me.send(new ListUsersCommand({}))).rejects.toMatchObject({
      name: 'AccessDenied',
      message: `User: ${userArn('deny-inline')} is not authorized to perform: iam:ListUsers on resource: arn:aws:iam::${ACCOUNT}:user/ with an explicit deny in an identity-based policy`
    })
  })
})
