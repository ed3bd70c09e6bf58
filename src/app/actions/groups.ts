// Groups: CreateGroup, GetGroup, ListGroups, UpdateGroup, DeleteGroup, and membership
// (AddUserToGroup, RemoveUserFromGroup, ListGroupsForUser). Groups cannot be tagged and have no
// permissions boundary; their policies apply to their members, so membership changes and deletes
// affect authorization.

import type {
  AddUserToGroupRequest,
  CreateGroupRequest,
  DeleteGroupRequest,
  GetGroupRequest,
  ListGroupsForUserRequest,
  ListGroupsRequest,
  RemoveUserFromGroupRequest,
  UpdateGroupRequest
} from '@aws-sdk/client-iam'
import { iamErrors } from '../../core/aws-error.js'
import { iamArn } from '../../core/arn.js'
import { newId } from '../../core/ids.js'
import { UniqueViolation, type Repositories } from '../../store/ports/repositories.js'
import type { GroupRecord } from '../../store/ports/records.js'
import type { ActionTable, Call } from '../call.js'
import { GROUPS_PER_ACCOUNT, GROUPS_PER_USER } from '../shared/account-quotas.js'
import { arnFor, noSuchGroup, noSuchUser, requireGroup, requireUser } from '../shared/lookups.js'
import { groupOutput, userOutput } from '../shared/outputs.js'
import { listing, pageFields, pageRequest } from '../shared/paging.js'
import { checkPath, pathOrRoot } from '../shared/paths.js'

const groupExists = (name: string) => iamErrors.entityAlreadyExists(`Group with name ${name} already exists.`)

/** Authorizes an action on a group (by its ARN, or the root-path one when it does not exist). */
async function authorizeGroup(call: Call, action: string, name: string, group: GroupRecord | undefined): Promise<void> {
  await call.authorize({ action, resource: arnFor(call.accountId, 'group', group, name), displayResource: `group ${name}` })
}

async function createGroup(call: Call, raw: unknown) {
  const input = raw as CreateGroupRequest
  const name = input.GroupName as string
  const path = pathOrRoot(input.Path)
  checkPath(path)
  const arn = iamArn(call.accountId, 'group', path, name)
  await call.authorize({ action: 'iam:CreateGroup', resource: arn })
  const group: GroupRecord = { id: newId('group', call.ctx.random), accountId: call.accountId, name, path, arn, createdAt: call.now }
  await call.write(async (tx) => {
    if (await tx.groups.byName(call.accountId, name)) throw groupExists(name)
    if ((await tx.groups.countUpTo(call.accountId, GROUPS_PER_ACCOUNT)) >= GROUPS_PER_ACCOUNT)
      throw iamErrors.limitExceeded(`Cannot exceed quota for GroupsPerAccount: ${GROUPS_PER_ACCOUNT}`)
    try {
      await tx.groups.insert(group)
    } catch (e) {
      if (e instanceof UniqueViolation) throw groupExists(name)
      throw e
    }
  })
  return { Group: groupOutput(group) }
}

async function getGroup(call: Call, raw: unknown) {
  const input = raw as GetGroupRequest
  const name = input.GroupName as string
  const group = await call.read.groups.byName(call.accountId, name)
  await authorizeGroup(call, 'iam:GetGroup', name, group)
  if (!group) throw noSuchGroup(name)
  const page = await listing(() => call.read.groupMembers.usersOfGroup(call.accountId, group.id, pageRequest(input)))
  // GetGroup's users are plain User objects: no tags, no permissions boundary.
  return { Group: groupOutput(group), Users: page.items.map((u) => ({ ...userOutput(u), PermissionsBoundary: undefined })), ...pageFields(page) }
}

async function listGroups(call: Call, raw: unknown) {
  const input = raw as ListGroupsRequest
  await call.authorize({ action: 'iam:ListGroups', resource: iamArn(call.accountId, 'group', input.PathPrefix ?? '/', '') })
  const page = await listing(() => call.read.groups.list(call.accountId, { pathPrefix: input.PathPrefix }, pageRequest(input)))
  return { Groups: page.items.map(groupOutput), ...pageFields(page) }
}

/**
 * Renaming or moving a group needs iam:UpdateGroup on the group under its old name and under
 * its new one (as IAM documents for UpdateGroup).
 */
async function updateGroup(call: Call, raw: unknown) {
  const input = raw as UpdateGroupRequest
  const name = input.GroupName as string
  if (input.NewPath !== undefined) checkPath(input.NewPath)
  const group = await call.read.groups.byName(call.accountId, name)
  await authorizeGroup(call, 'iam:UpdateGroup', name, group)
  if (group && (input.NewGroupName !== undefined || input.NewPath !== undefined)) {
    const newName = input.NewGroupName ?? group.name
    const newPath = input.NewPath ?? group.path
    await call.authorize({ action: 'iam:UpdateGroup', resource: iamArn(call.accountId, 'group', newPath, newName), displayResource: `group ${newName}` })
  }
  await call.write(
    async (tx) => {
      const current = await requireGroup(tx, call.accountId, name)
      const newName = input.NewGroupName ?? current.name
      const newPath = input.NewPath ?? current.path
      if (newName.toLowerCase() !== current.name.toLowerCase() && (await tx.groups.byName(call.accountId, newName))) throw groupExists(newName)
      try {
        await tx.groups.update(call.accountId, current.id, { name: newName, path: newPath, arn: iamArn(call.accountId, 'group', newPath, newName) })
      } catch (e) {
        if (e instanceof UniqueViolation) throw groupExists(newName)
        throw e
      }
    },
    { affectsPolicies: true }
  )
  return undefined
}

async function deleteGroup(call: Call, raw: unknown) {
  const input = raw as DeleteGroupRequest
  const name = input.GroupName as string
  const group = await call.read.groups.byName(call.accountId, name)
  await authorizeGroup(call, 'iam:DeleteGroup', name, group)
  await call.write(
    async (tx) => {
      const current = await requireGroup(tx, call.accountId, name)
      await checkGroupDeletable(tx, current)
      await tx.groups.delete(call.accountId, current.id)
    },
    { affectsPolicies: true }
  )
  return undefined
}

/** IAM refuses to delete a group that still has members or policies. */
async function checkGroupDeletable(tx: Repositories, group: GroupRecord): Promise<void> {
  const entity = { entityType: 'group', entityId: group.id } as const
  const conflict = (what: string) => iamErrors.deleteConflict(`Cannot delete entity, must ${what} first.`)
  if ((await tx.groupMembers.countUsersOfGroup(group.id)) > 0) throw conflict('remove users from group')
  if ((await tx.attachments.countForEntity(entity)) > 0) throw conflict('detach all policies')
  if ((await tx.inlinePolicies.names(entity, { limit: 1 })).items.length) throw conflict('delete policies')
}

/** The user is looked up before the group: with both missing, IAM names the user. */
async function requireMember(tx: Repositories, accountId: string, userName: string, groupName: string) {
  const user = await requireUser(tx, accountId, userName)
  const group = await requireGroup(tx, accountId, groupName)
  return { user, group }
}

async function addUserToGroup(call: Call, raw: unknown) {
  const input = raw as AddUserToGroupRequest
  const groupName = input.GroupName as string
  const userName = input.UserName as string
  await authorizeGroup(call, 'iam:AddUserToGroup', groupName, await call.read.groups.byName(call.accountId, groupName))
  await call.write(
    async (tx) => {
      const { user, group } = await requireMember(tx, call.accountId, userName, groupName)
      if (await tx.groupMembers.has(group.id, user.id)) return
      if ((await tx.groupMembers.countGroupsOfUser(user.id)) >= GROUPS_PER_USER) throw iamErrors.limitExceeded(`Cannot exceed quota for GroupsPerUser: ${GROUPS_PER_USER}`)
      await tx.groupMembers.add(call.accountId, group.id, user.id)
    },
    { affectsPolicies: true }
  )
  return undefined
}

/** Removing a user that is not a member succeeds (IAM raises no error). */
async function removeUserFromGroup(call: Call, raw: unknown) {
  const input = raw as RemoveUserFromGroupRequest
  const groupName = input.GroupName as string
  const userName = input.UserName as string
  await authorizeGroup(call, 'iam:RemoveUserFromGroup', groupName, await call.read.groups.byName(call.accountId, groupName))
  await call.write(
    async (tx) => {
      const { user, group } = await requireMember(tx, call.accountId, userName, groupName)
      await tx.groupMembers.remove(group.id, user.id)
    },
    { affectsPolicies: true }
  )
  return undefined
}

async function listGroupsForUser(call: Call, raw: unknown) {
  const input = raw as ListGroupsForUserRequest
  const name = input.UserName as string
  const user = await call.read.users.byName(call.accountId, name)
  await call.authorize({
    action: 'iam:ListGroupsForUser',
    resource: arnFor(call.accountId, 'user', user, name),
    displayResource: `user ${name}`,
    resourceTags: user ? await call.read.tags.list('user', user.id) : []
  })
  if (!user) throw noSuchUser(name)
  const page = await listing(() => call.read.groupMembers.groupsOfUser(call.accountId, user.id, pageRequest(input)))
  return { Groups: page.items.map(groupOutput), ...pageFields(page) }
}

export const groupsActions: ActionTable = {
  CreateGroup: createGroup,
  GetGroup: getGroup,
  ListGroups: listGroups,
  UpdateGroup: updateGroup,
  DeleteGroup: deleteGroup,
  AddUserToGroup: addUserToGroup,
  RemoveUserFromGroup: removeUserFromGroup,
  ListGroupsForUser: listGroupsForUser
}
