// Fixtures the policy tests share: IAM users with access keys to call as, and roles and groups
// made through the API when this server implements it, else straight through the store (other
// families are implemented separately; the policy actions only need the entities to exist).

import { AddUserToGroupCommand, CreateGroupCommand, CreateRoleCommand, CreateUserCommand } from '@aws-sdk/client-iam'
import { iamArn } from '../../../src/core/arn.js'
import { newId, newSecretAccessKey } from '../../../src/core/ids.js'
import type { Credentials, TestServer } from './server.js'

export const ACCOUNT = '123456789012'

export const TRUST_EC2 = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }]
})

/** Whether an SDK call failed because this server does not implement the action yet. */
function notImplemented(e: unknown): boolean {
  return e instanceof Error && e.name === 'NotImplemented'
}

/** An access key for an existing IAM user, made in the store (whatever CreateAccessKey's state). */
export async function accessKeyFor(server: TestServer, userName: string): Promise<Credentials> {
  const ctx = server.running.ctx
  const user = await ctx.store.read.users.byName(ACCOUNT, userName)
  if (!user) throw new Error(`no user ${userName}`)
  const accessKeyId = newId('accessKey', ctx.random)
  const secretAccessKey = newSecretAccessKey(ctx.random)
  await ctx.store.transaction((tx) =>
    tx.accessKeys.insert({
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
  )
  return { accessKeyId, secretAccessKey }
}

/** A new IAM user (through the API) and credentials to call as it. */
export async function userWithKey(server: TestServer, userName: string): Promise<Credentials> {
  await server.iam().send(new CreateUserCommand({ UserName: userName }))
  return accessKeyFor(server, userName)
}

export async function createRole(server: TestServer, roleName: string, path = '/'): Promise<void> {
  try {
    await server.iam().send(new CreateRoleCommand({ RoleName: roleName, Path: path, AssumeRolePolicyDocument: TRUST_EC2 }))
    return
  } catch (e) {
    if (!notImplemented(e)) throw e
  }
  const ctx = server.running.ctx
  await ctx.store.transaction((tx) =>
    tx.roles.insert({
      id: newId('role', ctx.random),
      accountId: ACCOUNT,
      name: roleName,
      path,
      arn: iamArn(ACCOUNT, 'role', path, roleName),
      createdAt: new Date(),
      assumeRolePolicy: TRUST_EC2,
      description: undefined,
      maxSessionDuration: 3600,
      permissionsBoundary: undefined,
      lastUsedAt: undefined,
      lastUsedRegion: undefined,
      serviceLinked: undefined
    })
  )
}

/** A service-linked role, made in the store (as AWS services make them). */
export async function createServiceLinkedRole(server: TestServer, roleName: string, service: string): Promise<void> {
  const ctx = server.running.ctx
  const path = `/aws-service-role/${service}/`
  const trust = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: service }, Action: 'sts:AssumeRole' }] })
  await ctx.store.transaction((tx) =>
    tx.roles.insert({
      id: newId('role', ctx.random),
      accountId: ACCOUNT,
      name: roleName,
      path,
      arn: iamArn(ACCOUNT, 'role', path, roleName),
      createdAt: new Date(),
      assumeRolePolicy: trust,
      description: undefined,
      maxSessionDuration: 3600,
      permissionsBoundary: undefined,
      lastUsedAt: undefined,
      lastUsedRegion: undefined,
      serviceLinked: service
    })
  )
}

export async function createGroup(server: TestServer, groupName: string, path = '/'): Promise<void> {
  try {
    await server.iam().send(new CreateGroupCommand({ GroupName: groupName, Path: path }))
    return
  } catch (e) {
    if (!notImplemented(e)) throw e
  }
  const ctx = server.running.ctx
  await ctx.store.transaction((tx) =>
    tx.groups.insert({ id: newId('group', ctx.random), accountId: ACCOUNT, name: groupName, path, arn: iamArn(ACCOUNT, 'group', path, groupName), createdAt: new Date() })
  )
}

export async function addUserToGroup(server: TestServer, userName: string, groupName: string): Promise<void> {
  try {
    await server.iam().send(new AddUserToGroupCommand({ UserName: userName, GroupName: groupName }))
    return
  } catch (e) {
    if (!notImplemented(e)) throw e
  }
  const ctx = server.running.ctx
  const user = await ctx.store.read.users.byName(ACCOUNT, userName)
  const group = await ctx.store.read.groups.byName(ACCOUNT, groupName)
  if (!user || !group) throw new Error(`no user ${userName} or group ${groupName}`)
  await ctx.store.transaction((tx) => tx.groupMembers.add(ACCOUNT, group.id, user.id))
  ctx.authCache.invalidate(ACCOUNT)
}

/** A policy document allowing (or denying) actions on resources. */
export function policyDocument(effect: 'Allow' | 'Deny', action: string | string[], resource: string | string[] = '*'): string {
  return JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: effect, Action: action, Resource: resource }] })
}
