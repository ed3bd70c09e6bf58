// Instance profiles: CreateInstanceProfile, GetInstanceProfile, ListInstanceProfiles,
// DeleteInstanceProfile, AddRoleToInstanceProfile / RemoveRoleFromInstanceProfile (one role at
// most), ListInstanceProfilesForRole, and the profile's tags (keys case-sensitive, unlike roles').

import type {
  AddRoleToInstanceProfileRequest,
  CreateInstanceProfileRequest,
  DeleteInstanceProfileRequest,
  GetInstanceProfileRequest,
  ListInstanceProfilesForRoleRequest,
  ListInstanceProfilesRequest,
  ListInstanceProfileTagsRequest,
  RemoveRoleFromInstanceProfileRequest,
  TagInstanceProfileRequest,
  UntagInstanceProfileRequest
} from '@aws-sdk/client-iam'
import { iamErrors } from '../../core/aws-error.js'
import { iamArn } from '../../core/arn.js'
import { newId } from '../../core/ids.js'
import { UniqueViolation, type Repositories } from '../../store/ports/repositories.js'
import type { InstanceProfileRecord, RoleRecord } from '../../store/ports/records.js'
import type { ActionTable, Call } from '../call.js'
import { noSuchRole, requireRole } from '../shared/lookups.js'
import { listing, pageFields, pageRequest } from '../shared/paging.js'
import { checkPath, pathOrRoot } from '../shared/paths.js'
import { instanceProfileOutput } from '../shared/roles-outputs.js'
import {
  authorizeOnInstanceProfile,
  authorizeOnRole,
  checkRoleModifiable,
  INSTANCE_PROFILES_PER_ACCOUNT,
  noSuchInstanceProfile,
  requireInstanceProfile,
  ROLES_PER_INSTANCE_PROFILE
} from '../shared/roles-rules.js'
import { checkNewTags, checkTagCount, mergeTags, requestTagContext, tagKeysContext, tagsOf } from '../shared/tags.js'

const alreadyExists = (name: string) => iamErrors.entityAlreadyExists(`Instance Profile ${name} already exists.`)

/** The roles in a profile (at most one), for its output. */
async function rolesOf(repos: Repositories, profile: InstanceProfileRecord): Promise<RoleRecord[]> {
  const roles: RoleRecord[] = []
  for (const id of await repos.instanceProfiles.roleIds(profile.id)) {
    const role = await repos.roles.byId(profile.accountId, id)
    if (role) roles.push(role)
  }
  return roles
}

async function createInstanceProfile(call: Call, raw: unknown) {
  const input = raw as CreateInstanceProfileRequest
  const name = input.InstanceProfileName as string
  const path = pathOrRoot(input.Path)
  const tags = tagsOf(input.Tags)
  const arn = iamArn(call.accountId, 'instance-profile', path, name)
  await call.authorize({ action: 'iam:CreateInstanceProfile', resource: arn, context: requestTagContext(tags) })
  checkNewTags(tags, 'instance-profile')
  checkPath(path)
  const profile: InstanceProfileRecord = { id: newId('instanceProfile', call.ctx.random), accountId: call.accountId, name, path, arn, createdAt: call.now }
  await call.write(async (tx) => {
    if (await tx.instanceProfiles.byName(call.accountId, name)) throw alreadyExists(name)
    if ((await tx.instanceProfiles.countUpTo(call.accountId, INSTANCE_PROFILES_PER_ACCOUNT)) >= INSTANCE_PROFILES_PER_ACCOUNT) {
      throw iamErrors.limitExceeded(`Cannot exceed quota for InstanceProfilesPerAccount: ${INSTANCE_PROFILES_PER_ACCOUNT}`)
    }
    try {
      await tx.instanceProfiles.insert(profile)
    } catch (e) {
      if (e instanceof UniqueViolation) throw alreadyExists(name)
      throw e
    }
    if (tags.length) await tx.tags.put(call.accountId, 'instance-profile', profile.id, tags)
  })
  return { InstanceProfile: instanceProfileOutput(profile, [], tags.length ? tags : undefined) }
}

async function getInstanceProfile(call: Call, raw: unknown) {
  const name = (raw as GetInstanceProfileRequest).InstanceProfileName as string
  const profile = await call.read.instanceProfiles.byName(call.accountId, name)
  await authorizeOnInstanceProfile(call, 'iam:GetInstanceProfile', name, profile)
  if (!profile) throw noSuchInstanceProfile(name)
  return { InstanceProfile: instanceProfileOutput(profile, await rolesOf(call.read, profile), await call.read.tags.list('instance-profile', profile.id)) }
}

async function listInstanceProfiles(call: Call, raw: unknown) {
  const input = raw as ListInstanceProfilesRequest
  await call.authorize({ action: 'iam:ListInstanceProfiles', resource: iamArn(call.accountId, 'instance-profile', input.PathPrefix ?? '/', '') })
  const page = await listing(() => call.read.instanceProfiles.list(call.accountId, { pathPrefix: input.PathPrefix }, pageRequest(input)))
  const profiles = []
  for (const p of page.items) profiles.push(instanceProfileOutput(p, await rolesOf(call.read, p)))
  return { InstanceProfiles: profiles, ...pageFields(page) }
}

async function deleteInstanceProfile(call: Call, raw: unknown) {
  const name = (raw as DeleteInstanceProfileRequest).InstanceProfileName as string
  const profile = await call.read.instanceProfiles.byName(call.accountId, name)
  await authorizeOnInstanceProfile(call, 'iam:DeleteInstanceProfile', name, profile)
  await call.write(
    async (tx) => {
      const current = await requireInstanceProfile(tx, call.accountId, name)
      if ((await tx.instanceProfiles.roleIds(current.id)).length) throw iamErrors.deleteConflict('Cannot delete entity, must remove roles from instance profile first.')
      await tx.tags.removeAll('instance-profile', current.id)
      await tx.instanceProfiles.delete(call.accountId, current.id)
    },
    { affectsAuthorization: true }
  )
  return undefined
}

async function addRoleToInstanceProfile(call: Call, raw: unknown) {
  const input = raw as AddRoleToInstanceProfileRequest
  const name = input.InstanceProfileName as string
  const roleName = input.RoleName as string
  const profile = await call.read.instanceProfiles.byName(call.accountId, name)
  await authorizeOnInstanceProfile(call, 'iam:AddRoleToInstanceProfile', name, profile)
  await call.write(async (tx) => {
    const current = await requireInstanceProfile(tx, call.accountId, name)
    const role = await requireRole(tx, call.accountId, roleName)
    checkRoleModifiable(role)
    if ((await tx.instanceProfiles.roleIds(current.id)).length >= ROLES_PER_INSTANCE_PROFILE) {
      throw iamErrors.limitExceeded(`Cannot exceed quota for InstanceSessionsPerInstanceProfile: ${ROLES_PER_INSTANCE_PROFILE}`)
    }
    await tx.instanceProfiles.addRole(call.accountId, current.id, role.id)
  })
  return undefined
}

async function removeRoleFromInstanceProfile(call: Call, raw: unknown) {
  const input = raw as RemoveRoleFromInstanceProfileRequest
  const name = input.InstanceProfileName as string
  const roleName = input.RoleName as string
  const profile = await call.read.instanceProfiles.byName(call.accountId, name)
  await authorizeOnInstanceProfile(call, 'iam:RemoveRoleFromInstanceProfile', name, profile)
  await call.write(async (tx) => {
    const current = await requireInstanceProfile(tx, call.accountId, name)
    const role = await requireRole(tx, call.accountId, roleName)
    if (!(await tx.instanceProfiles.roleIds(current.id)).includes(role.id)) {
      throw iamErrors.noSuchEntity(`Role ${roleName} in Instance Profile ${name} cannot be found.`)
    }
    await tx.instanceProfiles.removeRole(call.accountId, current.id, role.id)
  })
  return undefined
}

async function listInstanceProfilesForRole(call: Call, raw: unknown) {
  const input = raw as ListInstanceProfilesForRoleRequest
  const roleName = input.RoleName as string
  const role = await call.read.roles.byName(call.accountId, roleName)
  await authorizeOnRole(call, 'iam:ListInstanceProfilesForRole', roleName, role)
  if (!role) throw noSuchRole(roleName)
  const page = await listing(() => call.read.instanceProfiles.forRole(call.accountId, role.id, pageRequest(input)))
  const profiles = []
  for (const p of page.items) profiles.push(instanceProfileOutput(p, await rolesOf(call.read, p)))
  return { InstanceProfiles: profiles, ...pageFields(page) }
}

async function tagInstanceProfile(call: Call, raw: unknown) {
  const input = raw as TagInstanceProfileRequest
  const name = input.InstanceProfileName as string
  const tags = tagsOf(input.Tags)
  const profile = await call.read.instanceProfiles.byName(call.accountId, name)
  await authorizeOnInstanceProfile(call, 'iam:TagInstanceProfile', name, profile, { context: requestTagContext(tags), byArn: true })
  checkNewTags(tags, 'instance-profile')
  await call.write(async (tx) => {
    const current = await requireInstanceProfile(tx, call.accountId, name)
    checkTagCount(mergeTags(await tx.tags.list('instance-profile', current.id), tags, 'instance-profile').length)
    await tx.tags.put(call.accountId, 'instance-profile', current.id, tags)
  })
  return undefined
}

async function untagInstanceProfile(call: Call, raw: unknown) {
  const input = raw as UntagInstanceProfileRequest
  const name = input.InstanceProfileName as string
  const keys = input.TagKeys ?? []
  const profile = await call.read.instanceProfiles.byName(call.accountId, name)
  await authorizeOnInstanceProfile(call, 'iam:UntagInstanceProfile', name, profile, { context: tagKeysContext(keys), byArn: true })
  await call.write(async (tx) => {
    const current = await requireInstanceProfile(tx, call.accountId, name)
    await tx.tags.remove('instance-profile', current.id, keys)
  })
  return undefined
}

async function listInstanceProfileTags(call: Call, raw: unknown) {
  const input = raw as ListInstanceProfileTagsRequest
  const name = input.InstanceProfileName as string
  const profile = await call.read.instanceProfiles.byName(call.accountId, name)
  await authorizeOnInstanceProfile(call, 'iam:ListInstanceProfileTags', name, profile, { byArn: true })
  if (!profile) throw noSuchInstanceProfile(name)
  const page = await listing(() => call.read.tags.page('instance-profile', profile.id, pageRequest(input)))
  return { Tags: page.items, ...pageFields(page) }
}

export const instanceProfilesActions: ActionTable = {
  CreateInstanceProfile: createInstanceProfile,
  GetInstanceProfile: getInstanceProfile,
  ListInstanceProfiles: listInstanceProfiles,
  DeleteInstanceProfile: deleteInstanceProfile,
  AddRoleToInstanceProfile: addRoleToInstanceProfile,
  RemoveRoleFromInstanceProfile: removeRoleFromInstanceProfile,
  ListInstanceProfilesForRole: listInstanceProfilesForRole,
  TagInstanceProfile: tagInstanceProfile,
  UntagInstanceProfile: untagInstanceProfile,
  ListInstanceProfileTags: listInstanceProfileTags
}
