// Managed policy attachments through the AWS SDK against a started server: attaching customer
// and AWS managed policies to users, groups and roles, what IAM refuses, the listings, which
// policies grant access to a service, and enforcement (attached policies, groups, permissions
// boundaries and explicit denies decide what an IAM user may do).

import { readFileSync } from 'node:fs'
import {
  AttachGroupPolicyCommand,
  AttachRolePolicyCommand,
  AttachUserPolicyCommand,
  CreatePolicyCommand,
  CreateUserCommand,
  DetachGroupPolicyCommand,
  DetachRolePolicyCommand,
  DetachUserPolicyCommand,
  GetPolicyCommand,
  GetUserCommand,
  ListAttachedGroupPoliciesCommand,
  ListAttachedRolePoliciesCommand,
  ListAttachedUserPoliciesCommand,
  ListEntitiesForPolicyCommand,
  ListPoliciesGrantingServiceAccessCommand,
  ListUsersCommand,
  PutGroupPolicyCommand,
  PutRolePolicyCommand,
  PutUserPermissionsBoundaryCommand,
  PutUserPolicyCommand
} from '@aws-sdk/client-iam'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer, type TestServer } from './support/server.js'
import { ACCOUNT, addUserToGroup, createGroup, createRole, createServiceLinkedRole, policyDocument, userWithKey } from './support/policy-fixtures.js'

const S3_READ_ONLY = readFileSync(new URL('../../examples/s3-read-only.json', import.meta.url), 'utf8')
const ADMIN = 'arn:aws:iam::aws:policy/AdministratorAccess'
const READ_ONLY = 'arn:aws:iam::aws:policy/ReadOnlyAccess'
const policyArn = (name: string, path = '/') => `arn:aws:iam::${ACCOUNT}:policy${path}${name}`
const userArn = (name: string) => `arn:aws:iam::${ACCOUNT}:user/${name}`

let server: TestServer

beforeAll(async () => {
  server = await startTestServer()
})
afterAll(async () => {
  await server.close()
})

describe('the guide: a customer managed policy on a role and a user, AdministratorAccess on a group', () => {
  it('attaches, lists and detaches', async () => {
    const iam = server.iam()
    const created = await iam.send(new CreatePolicyCommand({ PolicyName: 'S3ReadOnly', PolicyDocument: S3_READ_ONLY }))
    const arn = created.Policy?.Arn as string
    expect(arn).toBe(policyArn('S3ReadOnly'))

    await createRole(server, 'app-server')
    await iam.send(new AttachRolePolicyCommand({ RoleName: 'app-server', PolicyArn: arn }))
    await iam.send(new CreateUserCommand({ UserName: 'analyst' }))
    await iam.send(new AttachUserPolicyCommand({ UserName: 'analyst', PolicyArn: arn }))
    await createGroup(server, 'admins')
    await iam.send(new AttachGroupPolicyCommand({ GroupName: 'admins', PolicyArn: ADMIN }))

    expect((await iam.send(new ListAttachedRolePoliciesCommand({ RoleName: 'app-server' }))).AttachedPolicies).toEqual([{ PolicyName: 'S3ReadOnly', PolicyArn: arn }])
    expect((await iam.send(new ListAttachedUserPoliciesCommand({ UserName: 'analyst' }))).AttachedPolicies).toEqual([{ PolicyName: 'S3ReadOnly', PolicyArn: arn }])
    expect((await iam.send(new ListAttachedGroupPoliciesCommand({ GroupName: 'admins' }))).AttachedPolicies).toEqual([{ PolicyName: 'AdministratorAccess', PolicyArn: ADMIN }])
    expect((await iam.send(new GetPolicyCommand({ PolicyArn: arn }))).Policy?.AttachmentCount).toBe(2)
    expect((await iam.send(new GetPolicyCommand({ PolicyArn: ADMIN }))).Policy?.AttachmentCount).toBe(1)

    const entities = await iam.send(new ListEntitiesForPolicyCommand({ PolicyArn: arn }))
    expect(entities.PolicyUsers?.map((u) => u.UserName)).toEqual(['analyst'])
    expect(entities.PolicyRoles?.map((r) => r.RoleName)).toEqual(['app-server'])
    expect(entities.PolicyRoles?.[0]?.RoleId).toMatch(/^AROA/)
    expect(entities.PolicyGroups).toEqual([])
    expect((await iam.send(new ListEntitiesForPolicyCommand({ PolicyArn: ADMIN }))).PolicyGroups?.map((g) => g.GroupName)).toEqual(['admins'])

    // Attaching again changes nothing.
    await iam.send(new AttachUserPolicyCommand({ UserName: 'analyst', PolicyArn: arn }))
    expect((await iam.send(new GetPolicyCommand({ PolicyArn: arn }))).Policy?.AttachmentCount).toBe(2)

    await iam.send(new DetachRolePolicyCommand({ RoleName: 'app-server', PolicyArn: arn }))
    await iam.send(new DetachUserPolicyCommand({ UserName: 'analyst', PolicyArn: arn }))
    await iam.send(new DetachGroupPolicyCommand({ GroupName: 'admins', PolicyArn: ADMIN }))
    expect((await iam.send(new ListAttachedUserPoliciesCommand({ UserName: 'analyst' }))).AttachedPolicies).toEqual([])
    expect((await iam.send(new GetPolicyCommand({ PolicyArn: arn }))).Policy?.AttachmentCount).toBe(0)
  })

  it('gives a group member what the group is given', async () => {
    const iam = server.iam()
    await createGroup(server, 'operators')
    const credentials = await userWithKey(server, 'operator')
    const operator = server.iam(credentials)
    await expect(operator.send(new ListUsersCommand({}))).rejects.toMatchObject({ name: 'AccessDenied' })
    await addUserToGroup(server, 'operator', 'operators')
    await iam.send(new AttachGroupPolicyCommand({ GroupName: 'operators', PolicyArn: ADMIN }))
    expect((await operator.send(new ListUsersCommand({}))).Users?.some((u) => u.UserName === 'operator')).toBe(true)
    await iam.send(new DetachGroupPolicyCommand({ GroupName: 'operators', PolicyArn: ADMIN }))
    await expect(operator.send(new ListUsersCommand({}))).rejects.toMatchObject({ name: 'AccessDenied' })
  })
})

describe('what IAM refuses', () => {
  it('names missing entities and policies', async () => {
    const iam = server.iam()
    await iam.send(new CreateUserCommand({ UserName: 'refused' }))
    await expect(iam.send(new AttachUserPolicyCommand({ UserName: 'nobody', PolicyArn: ADMIN }))).rejects.toMatchObject({
      name: 'NoSuchEntityException',
      message: 'The user with name nobody cannot be found.',
      $metadata: { httpStatusCode: 404 }
    })
    await expect(iam.send(new AttachRolePolicyCommand({ RoleName: 'no-role', PolicyArn: ADMIN }))).rejects.toMatchObject({
      name: 'NoSuchEntityException',
      message: 'The role with name no-role cannot be found.'
    })
    await expect(iam.send(new AttachGroupPolicyCommand({ GroupName: 'no-group', PolicyArn: ADMIN }))).rejects.toMatchObject({
      name: 'NoSuchEntityException',
      message: 'The group with name no-group cannot be found.'
    })
    const missing = policyArn('not-created')
    await expect(iam.send(new AttachUserPolicyCommand({ UserName: 'refused', PolicyArn: missing }))).rejects.toMatchObject({
      name: 'NoSuchEntityException',
      message: `Policy ${missing} does not exist or is not attachable.`
    })
    await expect(iam.send(new AttachUserPolicyCommand({ UserName: 'refused', PolicyArn: 'arn:aws:iam::aws:policy/NoSuchAwsPolicy' }))).rejects.toMatchObject({
      name: 'NoSuchEntityException',
      message: 'Policy arn:aws:iam::aws:policy/NoSuchAwsPolicy does not exist or is not attachable.'
    })
    await expect(iam.send(new AttachUserPolicyCommand({ UserName: 'refused', PolicyArn: 'not-an-arn-but-long-enough' }))).rejects.toMatchObject({
      name: 'ValidationError',
      message: 'ARN not-an-arn-but-long-enough is not valid.',
      $metadata: { httpStatusCode: 400 }
    })
    await expect(iam.send(new DetachUserPolicyCommand({ UserName: 'refused', PolicyArn: ADMIN }))).rejects.toMatchObject({
      name: 'NoSuchEntityException',
      message: `Policy ${ADMIN} was not found.`,
      $metadata: { httpStatusCode: 404 }
    })
  })

  it('keeps service-role policies for service-linked roles', async () => {
    const iam = server.iam()
    await createRole(server, 'customer-role')
    await iam.send(new CreateUserCommand({ UserName: 'not-a-service' }))
    const serviceRolePolicy = 'arn:aws:iam::aws:policy/aws-service-role/AmazonECSServiceRolePolicy'
    await expect(iam.send(new AttachRolePolicyCommand({ RoleName: 'customer-role', PolicyArn: serviceRolePolicy }))).rejects.toMatchObject({
      name: 'PolicyNotAttachableException',
      message: 'Cannot attach a Service Role Policy to a Customer Role.',
      $metadata: { httpStatusCode: 400 }
    })
    await expect(iam.send(new AttachUserPolicyCommand({ UserName: 'not-a-service', PolicyArn: serviceRolePolicy }))).rejects.toMatchObject({
      name: 'PolicyNotAttachableException'
    })
  })

  it('leaves service-linked roles to AWS', async () => {
    const iam = server.iam()
    await createServiceLinkedRole(server, 'AWSServiceRoleForECS', 'ecs.amazonaws.com')
    const protectedRole = {
      name: 'UnmodifiableEntityException',
      message: "Cannot perform the operation on the protected role 'AWSServiceRoleForECS' - this role is only modifiable by AWS",
      $metadata: { httpStatusCode: 400 }
    }
    await expect(iam.send(new AttachRolePolicyCommand({ RoleName: 'AWSServiceRoleForECS', PolicyArn: ADMIN }))).rejects.toMatchObject(protectedRole)
    await expect(iam.send(new DetachRolePolicyCommand({ RoleName: 'AWSServiceRoleForECS', PolicyArn: ADMIN }))).rejects.toMatchObject(protectedRole)
    await expect(iam.send(new PutRolePolicyCommand({ RoleName: 'AWSServiceRoleForECS', PolicyName: 'p', PolicyDocument: policyDocument('Allow', 's3:*') }))).rejects.toMatchObject(
      protectedRole
    )
  })

  it('attaches at most 10 managed policies to a user', async () => {
    const iam = server.iam()
    await iam.send(new CreateUserCommand({ UserName: 'collector' }))
    const catalog = server.running.ctx.awsManaged.all.filter((p) => p.path === '/').slice(0, 11)
    for (const p of catalog.slice(0, 10)) await iam.send(new AttachUserPolicyCommand({ UserName: 'collector', PolicyArn: p.arn }))
    await expect(iam.send(new AttachUserPolicyCommand({ UserName: 'collector', PolicyArn: catalog[10]?.arn }))).rejects.toMatchObject({
      name: 'LimitExceededException',
      message: 'Cannot exceed quota for PoliciesPerUser: 10',
      $metadata: { httpStatusCode: 409 }
    })
    // Re-attaching one already there is not a new attachment.
    await iam.send(new AttachUserPolicyCommand({ UserName: 'collector', PolicyArn: catalog[0]?.arn }))

    const all = (await iam.send(new ListAttachedUserPoliciesCommand({ UserName: 'collector' }))).AttachedPolicies ?? []
    expect(all.map((p) => p.PolicyArn)).toEqual(catalog.slice(0, 10).map((p) => p.arn))
    const first = await iam.send(new ListAttachedUserPoliciesCommand({ UserName: 'collector', MaxItems: 4 }))
    expect(first.IsTruncated).toBe(true)
    const rest = await iam.send(new ListAttachedUserPoliciesCommand({ UserName: 'collector', Marker: first.Marker }))
    expect([...(first.AttachedPolicies ?? []), ...(rest.AttachedPolicies ?? [])]).toEqual(all)
    expect(rest.IsTruncated).toBe(false)
  })
})

describe('listings', () => {
  it('filters attached policies by the policy path', async () => {
    const iam = server.iam()
    await iam.send(new CreateUserCommand({ UserName: 'pathed' }))
    await iam.send(new CreatePolicyCommand({ PolicyName: 'team-policy', Path: '/team/', PolicyDocument: S3_READ_ONLY }))
    await iam.send(new AttachUserPolicyCommand({ UserName: 'pathed', PolicyArn: policyArn('team-policy', '/team/') }))
    await iam.send(new AttachUserPolicyCommand({ UserName: 'pathed', PolicyArn: 'arn:aws:iam::aws:policy/job-function/ViewOnlyAccess' }))
    await iam.send(new AttachUserPolicyCommand({ UserName: 'pathed', PolicyArn: READ_ONLY }))
    const under = async (prefix: string) =>
      (await iam.send(new ListAttachedUserPoliciesCommand({ UserName: 'pathed', PathPrefix: prefix }))).AttachedPolicies?.map((p) => p.PolicyName)
    expect(await under('/team/')).toEqual(['team-policy'])
    expect(await under('/job-function/')).toEqual(['ViewOnlyAccess'])
    expect(await under('/')).toEqual(['team-policy', 'ViewOnlyAccess', 'ReadOnlyAccess'])
    await expect(iam.send(new ListAttachedUserPoliciesCommand({ UserName: 'no-such-user' }))).rejects.toMatchObject({ name: 'NoSuchEntityException' })
  })

  it('lists the entities using a policy, as a permissions policy or as a boundary', async () => {
    const iam = server.iam()
    const arn = policyArn('shared', '/shared/')
    await iam.send(new CreatePolicyCommand({ PolicyName: 'shared', Path: '/shared/', PolicyDocument: S3_READ_ONLY }))
    for (const n of ['u-b', 'u-a']) {
      await iam.send(new CreateUserCommand({ UserName: n, Path: '/people/' }))
      await iam.send(new AttachUserPolicyCommand({ UserName: n, PolicyArn: arn }))
    }
    await iam.send(new CreateUserCommand({ UserName: 'u-bounded' }))
    await iam.send(new PutUserPermissionsBoundaryCommand({ UserName: 'u-bounded', PermissionsBoundary: arn }))
    await createGroup(server, 'g-shared')
    await iam.send(new AttachGroupPolicyCommand({ GroupName: 'g-shared', PolicyArn: arn }))
    await createRole(server, 'r-shared', '/svc/')
    await iam.send(new AttachRolePolicyCommand({ RoleName: 'r-shared', PolicyArn: arn }))

    const list = (input: Omit<ConstructorParameters<typeof ListEntitiesForPolicyCommand>[0], 'PolicyArn'>) =>
      iam.send(new ListEntitiesForPolicyCommand({ PolicyArn: arn, ...input }))
    const names = (r: Awaited<ReturnType<typeof list>>) => ({
      groups: r.PolicyGroups?.map((g) => g.GroupName),
      users: r.PolicyUsers?.map((u) => u.UserName),
      roles: r.PolicyRoles?.map((x) => x.RoleName)
    })
    expect(names(await list({}))).toEqual({ groups: ['g-shared'], users: ['u-a', 'u-b', 'u-bounded'], roles: ['r-shared'] })
    expect(names(await list({ PolicyUsageFilter: 'PermissionsPolicy' }))).toEqual({ groups: ['g-shared'], users: ['u-a', 'u-b'], roles: ['r-shared'] })
    expect(names(await list({ PolicyUsageFilter: 'PermissionsBoundary' }))).toEqual({ groups: [], users: ['u-bounded'], roles: [] })
    expect(names(await list({ EntityFilter: 'User' }))).toEqual({ groups: [], users: ['u-a', 'u-b', 'u-bounded'], roles: [] })
    expect(names(await list({ EntityFilter: 'Role' }))).toEqual({ groups: [], users: [], roles: ['r-shared'] })
    expect(names(await list({ EntityFilter: 'LocalManagedPolicy' }))).toEqual({ groups: [], users: [], roles: [] })
    expect(names(await list({ PathPrefix: '/people/' }))).toEqual({ groups: [], users: ['u-a', 'u-b'], roles: [] })

    const first = await list({ MaxItems: 2 })
    expect(first.IsTruncated).toBe(true)
    expect(names(first)).toEqual({ groups: ['g-shared'], users: ['u-a'], roles: [] })
    const second = await list({ MaxItems: 2, Marker: first.Marker })
    expect(names(second)).toEqual({ groups: [], users: ['u-b', 'u-bounded'], roles: [] })
    const third = await list({ MaxItems: 2, Marker: second.Marker })
    expect(names(third)).toEqual({ groups: [], users: [], roles: ['r-shared'] })
    expect(third.IsTruncated).toBe(false)

    const missing = policyArn('gone')
    await expect(iam.send(new ListEntitiesForPolicyCommand({ PolicyArn: missing }))).rejects.toMatchObject({
      name: 'NoSuchEntityException',
      message: `Policy ${missing} does not exist or is not attachable.`
    })
  })
})

describe('ListPoliciesGrantingServiceAccess', () => {
  it('names the policies, attached, inline and through groups, that grant each service', async () => {
    const iam = server.iam()
    await iam.send(new CreateUserCommand({ UserName: 'auditee' }))
    await iam.send(new CreatePolicyCommand({ PolicyName: 'AuditS3', PolicyDocument: S3_READ_ONLY }))
    await iam.send(new AttachUserPolicyCommand({ UserName: 'auditee', PolicyArn: policyArn('AuditS3') }))
    await iam.send(new PutUserPolicyCommand({ UserName: 'auditee', PolicyName: 'self-service', PolicyDocument: policyDocument('Allow', 'iam:Get*', userArn('auditee')) }))
    await iam.send(new PutUserPolicyCommand({ UserName: 'auditee', PolicyName: 'deny-ec2', PolicyDocument: policyDocument('Deny', 'ec2:*') }))
    await createGroup(server, 'auditors')
    await addUserToGroup(server, 'auditee', 'auditors')
    await iam.send(
      new PutGroupPolicyCommand({
        GroupName: 'auditors',
        PolicyName: 'all-but-iam',
        PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' }] })
      })
    )
    await iam.send(new AttachGroupPolicyCommand({ GroupName: 'auditors', PolicyArn: 'arn:aws:iam::aws:policy/IAMReadOnlyAccess' }))

    const result = await iam.send(new ListPoliciesGrantingServiceAccessCommand({ Arn: userArn('auditee'), ServiceNamespaces: ['s3', 'iam', 'ec2', 'nosuchservice'] }))
    expect(result.IsTruncated).toBe(false)
    const byService = Object.fromEntries((result.PoliciesGrantingServiceAccess ?? []).map((e) => [e.ServiceNamespace, e.Policies]))
    expect(Object.keys(byService)).toEqual(['s3', 'iam', 'ec2', 'nosuchservice'])
    expect(byService.s3).toEqual([
      { PolicyName: 'AuditS3', PolicyType: 'MANAGED', PolicyArn: policyArn('AuditS3') },
      { PolicyName: 'all-but-iam', PolicyType: 'INLINE', EntityType: 'GROUP', EntityName: 'auditors' }
    ])
    expect(byService.iam).toEqual([
      { PolicyName: 'self-service', PolicyType: 'INLINE', EntityType: 'USER', EntityName: 'auditee' },
      { PolicyName: 'IAMReadOnlyAccess', PolicyType: 'MANAGED', PolicyArn: 'arn:aws:iam::aws:policy/IAMReadOnlyAccess' }
    ])
    // A Deny grants nothing; NotAction: iam:* grants everything else.
    expect(byService.ec2).toEqual([{ PolicyName: 'all-but-iam', PolicyType: 'INLINE', EntityType: 'GROUP', EntityName: 'auditors' }])
    expect(byService.nosuchservice).toEqual([{ PolicyName: 'all-but-iam', PolicyType: 'INLINE', EntityType: 'GROUP', EntityName: 'auditors' }])

    // For the group itself, only its own policies.
    const group = await iam.send(new ListPoliciesGrantingServiceAccessCommand({ Arn: `arn:aws:iam::${ACCOUNT}:group/auditors`, ServiceNamespaces: ['s3'] }))
    expect(group.PoliciesGrantingServiceAccess?.[0]?.Policies?.map((p) => p.PolicyName)).toEqual(['all-but-iam'])
  })

  it('refuses ARNs that are not users, groups or roles, and entities that are not there', async () => {
    const iam = server.iam()
    await expect(iam.send(new ListPoliciesGrantingServiceAccessCommand({ Arn: policyArn('AuditS3'), ServiceNamespaces: ['s3'] }))).rejects.toMatchObject({
      name: 'InvalidInputException',
      message: `ARN ${policyArn('AuditS3')} is not valid.`
    })
    await expect(iam.send(new ListPoliciesGrantingServiceAccessCommand({ Arn: userArn('ghost'), ServiceNamespaces: ['s3'] }))).rejects.toMatchObject({
      name: 'NoSuchEntityException',
      message: 'The user with name ghost cannot be found.'
    })
  })
})

describe('enforcement', () => {
  it('lets a permissions boundary limit AdministratorAccess', async () => {
    const iam = server.iam()
    const credentials = await userWithKey(server, 'bounded-admin')
    await iam.send(new AttachUserPolicyCommand({ UserName: 'bounded-admin', PolicyArn: ADMIN }))
    const admin = server.iam(credentials)
    await admin.send(new ListUsersCommand({}))

    await iam.send(new CreatePolicyCommand({ PolicyName: 'only-get-user', PolicyDocument: policyDocument('Allow', 'iam:GetUser') }))
    await iam.send(new PutUserPermissionsBoundaryCommand({ UserName: 'bounded-admin', PermissionsBoundary: policyArn('only-get-user') }))
    expect((await admin.send(new GetUserCommand({ UserName: 'bounded-admin' }))).User?.UserName).toBe('bounded-admin')
    await expect(admin.send(new ListUsersCommand({}))).rejects.toMatchObject({
      name: 'AccessDenied',
      message: `User: ${userArn('bounded-admin')} is not authorized to perform: iam:ListUsers on resource: arn:aws:iam::${ACCOUNT}:user/ because no permissions boundary allows the iam:ListUsers action`,
      $metadata: { httpStatusCode: 403 }
    })
  })

  it('lets an explicit Deny win over AdministratorAccess', async () => {
    const iam = server.iam()
    const credentials = await userWithKey(server, 'denied-admin')
    await iam.send(new AttachUserPolicyCommand({ UserName: 'denied-admin', PolicyArn: ADMIN }))
    await iam.send(new CreatePolicyCommand({ PolicyName: 'no-listing', PolicyDocument: policyDocument('Deny', 'iam:List*') }))
    await iam.send(new AttachUserPolicyCommand({ UserName: 'denied-admin', PolicyArn: policyArn('no-listing') }))
    const admin = server.iam(credentials)
    await admin.send(new GetUserCommand({ UserName: 'denied-admin' }))
    await expect(admin.send(new ListUsersCommand({}))).rejects.toMatchObject({
      name: 'AccessDenied',
      message: `User: ${userArn('denied-admin')} is not authorized to perform: iam:ListUsers on resource: arn:aws:iam::${ACCOUNT}:user/ with an explicit deny in an identity-based policy`
    })
    await iam.send(new DetachUserPolicyCommand({ UserName: 'denied-admin', PolicyArn: policyArn('no-listing') }))
    await admin.send(new ListUsersCommand({}))
  })

  it('authorizes attachments on the entity, with iam:PolicyARN', async () => {
    const iam = server.iam()
    const credentials = await userWithKey(server, 'delegate')
    await iam.send(new CreateUserCommand({ UserName: 'managed-by-delegate' }))
    const grant = JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Action: ['iam:AttachUserPolicy', 'iam:DetachUserPolicy'],
          Resource: userArn('managed-by-delegate'),
          Condition: { ArnEquals: { 'iam:PolicyARN': READ_ONLY } }
        }
      ]
    })
    await iam.send(new PutUserPolicyCommand({ UserName: 'delegate', PolicyName: 'attach-read-only', PolicyDocument: grant }))
    const delegate = server.iam(credentials)
    await delegate.send(new AttachUserPolicyCommand({ UserName: 'managed-by-delegate', PolicyArn: READ_ONLY }))
    await expect(delegate.send(new AttachUserPolicyCommand({ UserName: 'managed-by-delegate', PolicyArn: ADMIN }))).rejects.toMatchObject({
      name: 'AccessDenied',
      message: `User: ${userArn('delegate')} is not authorized to perform: iam:AttachUserPolicy on resource: user managed-by-delegate because no identity-based policy allows the iam:AttachUserPolicy action`,
      $metadata: { httpStatusCode: 403 }
    })
    await expect(delegate.send(new AttachUserPolicyCommand({ UserName: 'delegate', PolicyArn: READ_ONLY }))).rejects.toMatchObject({ name: 'AccessDenied' })
    await expect(delegate.send(new ListAttachedUserPoliciesCommand({ UserName: 'managed-by-delegate' }))).rejects.toMatchObject({
      name: 'AccessDenied',
      message: `User: ${userArn('delegate')} is not authorized to perform: iam:ListAttachedUserPolicies on resource: user managed-by-delegate because no identity-based policy allows the iam:ListAttachedUserPolicies action`
    })
    await delegate.send(new DetachUserPolicyCommand({ UserName: 'managed-by-delegate', PolicyArn: READ_ONLY }))
    await expect(delegate.send(new AttachGroupPolicyCommand({ GroupName: 'admins', PolicyArn: READ_ONLY }))).rejects.toMatchObject({
      name: 'AccessDenied',
      message: `User: ${userArn('delegate')} is not authorized to perform: iam:AttachGroupPolicy on resource: group admins because no identity-based policy allows the iam:AttachGroupPolicy action`
    })
    await expect(delegate.send(new AttachRolePolicyCommand({ RoleName: 'app-server', PolicyArn: READ_ONLY }))).rejects.toMatchObject({
      name: 'AccessDenied',
      message: `User: ${userArn('delegate')} is not authorized to perform: iam:AttachRolePolicy on resource: role app-server because no identity-based policy allows the iam:AttachRolePolicy action`
    })
  })
})
