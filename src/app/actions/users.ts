// Users: CreateUser, GetUser, ListUsers, UpdateUser, DeleteUser, the user's tags and its
// permissions boundary.

import type {
  CreateUserRequest,
  DeleteUserPermissionsBoundaryRequest,
  DeleteUserRequest,
  GetUserRequest,
  ListUsersRequest,
  ListUserTagsRequest,
  PutUserPermissionsBoundaryRequest,
  TagUserRequest,
  UntagUserRequest,
  UpdateUserRequest
} from '@aws-sdk/client-iam'
import { iamErrors } from '../../core/aws-error.js'
import { iamArn, rootArn } from '../../core/arn.js'
import { newId } from '../../core/ids.js'
import { UniqueViolation, type Repositories } from '../../store/ports/repositories.js'
import type { UserRecord } from '../../store/ports/records.js'
import type { ActionTable, Call } from '../call.js'
import { arnFor, noSuchUser, requireUser } from '../shared/lookups.js'
import { userOutput } from '../shared/outputs.js'
import { listing, pageFields, pageRequest } from '../shared/paging.js'
import { checkPath, pathOrRoot } from '../shared/paths.js'
import { checkNewTags, checkTagCount, mergeTags, requestTagContext, tagKeysContext, tagsOf } from '../shared/tags.js'
import { requireBoundaryPolicy } from '../shared/boundaries.js'

export const USERS_PER_ACCOUNT = 5000

async function createUser(call: Call, raw: unknown) {
  const input = raw as CreateUserRequest
  const name = input.UserName as string
  const path = pathOrRoot(input.Path)
  checkPath(path)
  const tags = tagsOf(input.Tags)
  const arn = iamArn(call.accountId, 'user', path, name)
  await call.authorize({
    action: 'iam:CreateUser',
    resource: arn,
    context: { ...requestTagContext(tags), ...(input.PermissionsBoundary ? { 'iam:PermissionsBoundary': input.PermissionsBoundary } : {}) }
  })
  checkNewTags(tags)
  if (input.PermissionsBoundary) await requireBoundaryPolicy(call, input.PermissionsBoundary)
  const user: UserRecord = {
    id: newId('user', call.ctx.random),
    accountId: call.accountId,
    name,
    path,
    arn,
    createdAt: call.now,
    permissionsBoundary: input.PermissionsBoundary,
    passwordLastUsed: undefined
  }
  await call.write(async (tx) => {
    if (await tx.users.byName(call.accountId, name)) throw iamErrors.entityAlreadyExists(`User with name ${name} already exists.`)
    if ((await tx.users.countUpTo(call.accountId, USERS_PER_ACCOUNT)) >= USERS_PER_ACCOUNT)
      throw iamErrors.limitExceeded(`Cannot exceed quota for UsersPerAccount: ${USERS_PER_ACCOUNT}`)
    try {
      await tx.users.insert(user)
    } catch (e) {
      if (e instanceof UniqueViolation) throw iamErrors.entityAlreadyExists(`User with name ${name} already exists.`)
      throw e
    }
    if (tags.length) await tx.tags.put(call.accountId, 'user', user.id, tags)
  })
  return { User: userOutput(user, tags) }
}

async function getUser(call: Call, raw: unknown) {
  const input = raw as GetUserRequest
  if (input.UserName === undefined) return { User: await ownUser(call) }
  const user = await call.read.users.byName(call.accountId, input.UserName)
  const tags = user ? await call.read.tags.list('user', user.id) : []
  await call.authorize({ action: 'iam:GetUser', resource: arnFor(call.accountId, 'user', user, input.UserName), displayResource: `user ${input.UserName}`, resourceTags: tags })
  if (!user) throw noSuchUser(input.UserName)
  return { User: userOutput(user, tags) }
}

/** GetUser without a name: the caller itself (the root user answers with the account). */
async function ownUser(call: Call): Promise<Record<string, unknown>> {
  const caller = call.caller
  if (caller.kind === 'root') {
    await call.authorize({ action: 'iam:GetUser', resource: rootArn(call.accountId) })
    const account = await call.read.accounts.get(call.accountId)
    return {
      UserId: call.accountId,
      Arn: rootArn(call.accountId),
      CreateDate: account?.createdAt ?? call.now,
      ...(account?.rootPasswordLastUsed ? { PasswordLastUsed: account.rootPasswordLastUsed } : {})
    }
  }
  if (caller.kind !== 'user' || caller.userName === undefined) {
    throw iamErrors.validationError('Must specify userName when calling with non-User credentials')
  }
  const user = await requireUser(call.read, call.accountId, caller.userName)
  const tags = await call.read.tags.list('user', user.id)
  await call.authorize({ action: 'iam:GetUser', resource: user.arn, resourceTags: tags })
  return userOutput(user, tags)
}

async function listUsers(call: Call, raw: unknown) {
  const input = raw as ListUsersRequest
  await call.authorize({ action: 'iam:ListUsers', resource: iamArn(call.accountId, 'user', input.PathPrefix ?? '/', '') })
  const page = await listing(() => call.read.users.list(call.accountId, { pathPrefix: input.PathPrefix }, pageRequest(input)))
  return { Users: page.items.map((u) => userOutput(u)), ...pageFields(page) }
}

async function updateUser(call: Call, raw: unknown) {
  const input = raw as UpdateUserRequest
  const name = input.UserName as string
  if (input.NewPath !== undefined) checkPath(input.NewPath)
  const user = await call.read.users.byName(call.accountId, name)
  await call.authorize({
    action: 'iam:UpdateUser',
    resource: arnFor(call.accountId, 'user', user, name),
    displayResource: `user ${name}`,
    resourceTags: user ? await call.read.tags.list('user', user.id) : []
  })
  // A rename needs permission on the new name too (as AWS documents for UpdateUser).
  if (input.NewUserName !== undefined || input.NewPath !== undefined) {
    const newName = input.NewUserName ?? name
    await call.authorize({ action: 'iam:UpdateUser', resource: iamArn(call.accountId, 'user', input.NewPath ?? user?.path ?? '/', newName), displayResource: `user ${newName}` })
  }
  await call.write(
    async (tx) => {
      const current = await requireUser(tx, call.accountId, name)
      const newName = input.NewUserName ?? current.name
      const newPath = input.NewPath ?? current.path
      if (newName.toLowerCase() !== current.name.toLowerCase() && (await tx.users.byName(call.accountId, newName))) {
        throw iamErrors.entityAlreadyExists(`User with name ${newName} already exists.`)
      }
      await tx.users.update(call.accountId, current.id, { name: newName, path: newPath, arn: iamArn(call.accountId, 'user', newPath, newName) })
    },
    { affectsAuthorization: true }
  )
  return undefined
}

async function deleteUser(call: Call, raw: unknown) {
  const input = raw as DeleteUserRequest
  const name = input.UserName as string
  const user = await call.read.users.byName(call.accountId, name)
  await call.authorize({
    action: 'iam:DeleteUser',
    resource: arnFor(call.accountId, 'user', user, name),
    displayResource: `user ${name}`,
    resourceTags: user ? await call.read.tags.list('user', user.id) : []
  })
  await call.write(
    async (tx) => {
      const current = await requireUser(tx, call.accountId, name)
      await checkUserDeletable(tx, call.accountId, current)
      await tx.tags.removeAll('user', current.id)
      await tx.users.delete(call.accountId, current.id)
    },
    // affectsAuthorization: the user's sessions (STS, console) must stop working at once.
    { affectsAuthorization: true }
  )
  return undefined
}

/** IAM refuses to delete a user that still has anything attached to it. */
async function checkUserDeletable(tx: Repositories, accountId: string, user: UserRecord): Promise<void> {
  const d = await tx.users.dependents(accountId, user.id)
  const conflict = (what: string) => iamErrors.deleteConflict(`Cannot delete entity, must ${what} first.`)
  // The order IAM's recorded answers show: policies, then keys, then the rest (docs/iam-behaviour.md §6.3).
  if (d.attachedPolicies > 0) throw conflict('detach all policies')
  if (d.inlinePolicies > 0) throw conflict('delete policies')
  if (d.accessKeys > 0) throw conflict('delete access keys')
  if (d.signingCertificates > 0) throw conflict('delete certificates')
  if (d.sshPublicKeys > 0 || d.serviceCredentials > 0) throw conflict('remove referenced objects')
  if (d.loginProfile > 0) throw conflict('delete login profile')
  if (d.mfaDevices > 0) throw conflict('delete MFA device')
  if (d.groups > 0) throw conflict('remove users from group')
}

async function tagUser(call: Call, raw: unknown) {
  const input = raw as TagUserRequest
  const name = input.UserName as string
  const tags = tagsOf(input.Tags)
  const user = await call.read.users.byName(call.accountId, name)
  await call.authorize({
    action: 'iam:TagUser',
    resource: arnFor(call.accountId, 'user', user, name),
    displayResource: `user ${name}`,
    resourceTags: user ? await call.read.tags.list('user', user.id) : [],
    context: requestTagContext(tags)
  })
  checkNewTags(tags)
  await call.write(
    async (tx) => {
      const current = await requireUser(tx, call.accountId, name)
      checkTagCount(mergeTags(await tx.tags.list('user', current.id), tags).length)
      await tx.tags.put(call.accountId, 'user', current.id, tags)
    },
    { affectsAuthorization: true }
  )
  return undefined
}

async function untagUser(call: Call, raw: unknown) {
  const input = raw as UntagUserRequest
  const name = input.UserName as string
  const keys = input.TagKeys ?? []
  const user = await call.read.users.byName(call.accountId, name)
  await call.authorize({
    action: 'iam:UntagUser',
    resource: arnFor(call.accountId, 'user', user, name),
    displayResource: `user ${name}`,
    resourceTags: user ? await call.read.tags.list('user', user.id) : [],
    context: tagKeysContext(keys)
  })
  await call.write(
    async (tx) => {
      const current = await requireUser(tx, call.accountId, name)
      await tx.tags.remove('user', current.id, keys)
    },
    { affectsAuthorization: true }
  )
  return undefined
}

async function listUserTags(call: Call, raw: unknown) {
  const input = raw as ListUserTagsRequest
  const name = input.UserName as string
  const user = await call.read.users.byName(call.accountId, name)
  await call.authorize({
    action: 'iam:ListUserTags',
    resource: arnFor(call.accountId, 'user', user, name),
    displayResource: `user ${name}`,
    resourceTags: user ? await call.read.tags.list('user', user.id) : []
  })
  if (!user) throw noSuchUser(name)
  const page = await listing(() => call.read.tags.page('user', user.id, pageRequest(input)))
  return { Tags: page.items, ...pageFields(page) }
}

async function putUserPermissionsBoundary(call: Call, raw: unknown) {
  const input = raw as PutUserPermissionsBoundaryRequest
  const name = input.UserName as string
  const boundary = input.PermissionsBoundary as string
  const user = await call.read.users.byName(call.accountId, name)
  await call.authorize({
    action: 'iam:PutUserPermissionsBoundary',
    resource: arnFor(call.accountId, 'user', user, name),
    displayResource: `user ${name}`,
    resourceTags: user ? await call.read.tags.list('user', user.id) : [],
    context: { 'iam:PermissionsBoundary': boundary }
  })
  await requireBoundaryPolicy(call, boundary)
  await call.write(
    async (tx) => {
      const current = await requireUser(tx, call.accountId, name)
      await tx.users.update(call.accountId, current.id, { permissionsBoundary: boundary })
    },
    { affectsPolicies: true }
  )
  return undefined
}

async function deleteUserPermissionsBoundary(call: Call, raw: unknown) {
  const input = raw as DeleteUserPermissionsBoundaryRequest
  const name = input.UserName as string
  const user = await call.read.users.byName(call.accountId, name)
  await call.authorize({
    action: 'iam:DeleteUserPermissionsBoundary',
    resource: arnFor(call.accountId, 'user', user, name),
    displayResource: `user ${name}`,
    resourceTags: user ? await call.read.tags.list('user', user.id) : [],
    ...(user?.permissionsBoundary ? { context: { 'iam:PermissionsBoundary': user.permissionsBoundary } } : {})
  })
  await call.write(
    async (tx) => {
      const current = await requireUser(tx, call.accountId, name)
      await tx.users.update(call.accountId, current.id, { permissionsBoundary: undefined })
    },
    { affectsPolicies: true }
  )
  return undefined
}

export const userActions: ActionTable = {
  CreateUser: createUser,
  GetUser: getUser,
  ListUsers: listUsers,
  UpdateUser: updateUser,
  DeleteUser: deleteUser,
  TagUser: tagUser,
  UntagUser: untagUser,
  ListUserTags: listUserTags,
  PutUserPermissionsBoundary: putUserPermissionsBoundary,
  DeleteUserPermissionsBoundary: deleteUserPermissionsBoundary
}
