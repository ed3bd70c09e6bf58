// Roles: CreateRole, GetRole, ListRoles, UpdateRole, UpdateRoleDescription,
// UpdateAssumeRolePolicy, DeleteRole, the role's tags and its permissions boundary.
// Service-linked roles (service-linked-roles.ts) are protected: only their description changes.

import type {
  CreateRoleRequest,
  DeleteRolePermissionsBoundaryRequest,
  DeleteRoleRequest,
  GetRoleRequest,
  ListRolesRequest,
  ListRoleTagsRequest,
  PutRolePermissionsBoundaryRequest,
  TagRoleRequest,
  UntagRoleRequest,
  UpdateAssumeRolePolicyRequest,
  UpdateRoleDescriptionRequest,
  UpdateRoleRequest
} from '@aws-sdk/client-iam'
import { iamErrors } from '../../core/aws-error.js'
import { iamArn } from '../../core/arn.js'
import { newId } from '../../core/ids.js'
import type { Repositories } from '../../store/ports/repositories.js'
import type { RoleRecord } from '../../store/ports/records.js'
import type { ActionTable, Call } from '../call.js'
import { noSuchRole, requireRole } from '../shared/lookups.js'
import { roleOutput } from '../shared/outputs.js'
import { listing, pageFields, pageOf, pageRequest } from '../shared/paging.js'
import { pathOrRoot } from '../shared/paths.js'
import { createdRoleOutput, listedRoleOutput, sortRoleTags } from '../shared/roles-outputs.js'
import {
  authorizeOnRole,
  checkRoleModifiable,
  checkRolePath,
  checkTrustPolicy,
  DEFAULT_MAX_SESSION_DURATION,
  insertRole,
  requireRoleBoundary,
  roleAlreadyExists,
  unmodifiableRole
} from '../shared/roles-rules.js'
import { checkNewTags, checkTagCount, mergeTags, requestTagContext, tagKeysContext, tagsOf } from '../shared/tags.js'

async function createRole(call: Call, raw: unknown) {
  const input = raw as CreateRoleRequest
  const name = input.RoleName as string
  const document = input.AssumeRolePolicyDocument as string
  const path = pathOrRoot(input.Path)
  const tags = tagsOf(input.Tags)
  const boundary = input.PermissionsBoundary
  const arn = iamArn(call.accountId, 'role', path, name)
  await call.authorize({
    action: 'iam:CreateRole',
    resource: arn,
    context: { ...requestTagContext(tags), ...(boundary ? { 'iam:PermissionsBoundary': boundary } : {}) }
  })
  checkNewTags(tags, 'role')
  checkRolePath(path)
  checkTrustPolicy(document)
  if (boundary) await requireRoleBoundary(call, boundary)
  const role: RoleRecord = {
    id: newId('role', call.ctx.random),
    accountId: call.accountId,
    name,
    path,
    arn,
    createdAt: call.now,
    assumeRolePolicy: document,
    description: input.Description,
    maxSessionDuration: input.MaxSessionDuration ?? DEFAULT_MAX_SESSION_DURATION,
    permissionsBoundary: boundary,
    lastUsedAt: undefined,
    lastUsedRegion: undefined,
    serviceLinked: undefined
  }
  await call.write(async (tx) => {
    await insertRole(tx, role, () => roleAlreadyExists(name))
    if (tags.length) await tx.tags.put(call.accountId, 'role', role.id, tags)
  })
  return { Role: createdRoleOutput(role, tags) }
}

async function getRole(call: Call, raw: unknown) {
  const name = (raw as GetRoleRequest).RoleName as string
  const role = await call.read.roles.byName(call.accountId, name)
  await authorizeOnRole(call, 'iam:GetRole', name, role)
  if (!role) throw noSuchRole(name)
  return { Role: roleOutput(role, sortRoleTags(await call.read.tags.list('role', role.id))) }
}

async function listRoles(call: Call, raw: unknown) {
  const input = raw as ListRolesRequest
  await call.authorize({ action: 'iam:ListRoles', resource: iamArn(call.accountId, 'role', input.PathPrefix ?? '/', '') })
  const page = await listing(() => call.read.roles.list(call.accountId, { pathPrefix: input.PathPrefix }, pageRequest(input)))
  return { Roles: page.items.map(listedRoleOutput), ...pageFields(page) }
}

/**
 * UpdateRole: Description and MaxSessionDuration, each only when given. A service-linked role's
 * description may change (IAM user guide, "Update a service-linked role"), nothing else of it.
 */
async function updateRole(call: Call, raw: unknown) {
  const input = raw as UpdateRoleRequest
  const name = input.RoleName as string
  const role = await call.read.roles.byName(call.accountId, name)
  await authorizeOnRole(call, 'iam:UpdateRole', name, role)
  await call.write(
    async (tx) => {
      const current = await requireRole(tx, call.accountId, name)
      if (current.serviceLinked !== undefined && input.MaxSessionDuration !== undefined) throw unmodifiableRole(current.name)
      await tx.roles.update(call.accountId, current.id, {
        ...(input.Description !== undefined ? { description: input.Description } : {}),
        ...(input.MaxSessionDuration !== undefined ? { maxSessionDuration: input.MaxSessionDuration } : {})
      })
      // The maximum session duration decides AssumeRole: cached roles must be read again.
    },
    { affectsAuthorization: true }
  )
  return undefined
}

async function updateRoleDescription(call: Call, raw: unknown) {
  const input = raw as UpdateRoleDescriptionRequest
  const name = input.RoleName as string
  const description = input.Description as string
  const role = await call.read.roles.byName(call.accountId, name)
  await authorizeOnRole(call, 'iam:UpdateRoleDescription', name, role)
  const updated = await call.write(async (tx) => {
    const current = await requireRole(tx, call.accountId, name)
    await tx.roles.update(call.accountId, current.id, { description })
    return { role: { ...current, description }, tags: await tx.tags.list('role', current.id) }
  })
  return { Role: createdRoleOutput(updated.role, sortRoleTags(updated.tags)) }
}

async function updateAssumeRolePolicy(call: Call, raw: unknown) {
  const input = raw as UpdateAssumeRolePolicyRequest
  const name = input.RoleName as string
  const document = input.PolicyDocument as string
  const role = await call.read.roles.byName(call.accountId, name)
  await authorizeOnRole(call, 'iam:UpdateAssumeRolePolicy', name, role)
  checkTrustPolicy(document)
  await call.write(
    async (tx) => {
      const current = await requireRole(tx, call.accountId, name)
      checkRoleModifiable(current)
      await tx.roles.update(call.accountId, current.id, { assumeRolePolicy: document })
    },
    { affectsAuthorization: true }
  )
  return undefined
}

async function deleteRole(call: Call, raw: unknown) {
  const name = (raw as DeleteRoleRequest).RoleName as string
  const role = await call.read.roles.byName(call.accountId, name)
  await authorizeOnRole(call, 'iam:DeleteRole', name, role)
  await call.write(
    async (tx) => {
      const current = await requireRole(tx, call.accountId, name)
      checkRoleModifiable(current)
      await checkRoleDeletable(tx, current)
      await tx.tags.removeAll('role', current.id)
      await tx.roles.delete(call.accountId, current.id)
    },
    { affectsAuthorization: true }
  )
  return undefined
}

/** IAM refuses to delete a role that still has policies or is in an instance profile (checked in this order). */
async function checkRoleDeletable(tx: Repositories, role: RoleRecord): Promise<void> {
  const entity = { entityType: 'role', entityId: role.id } as const
  const conflict = (what: string) => iamErrors.deleteConflict(`Cannot delete entity, must ${what} first.`)
  if ((await tx.attachments.countForEntity(entity)) > 0) throw conflict('detach all policies')
  if ((await tx.inlinePolicies.names(entity, { limit: 1 })).items.length) throw conflict('delete policies')
  if ((await tx.instanceProfiles.countForRole(role.id)) > 0) throw conflict('remove roles from instance profile')
}

async function tagRole(call: Call, raw: unknown) {
  const input = raw as TagRoleRequest
  const name = input.RoleName as string
  const tags = tagsOf(input.Tags)
  const role = await call.read.roles.byName(call.accountId, name)
  await authorizeOnRole(call, 'iam:TagRole', name, role, requestTagContext(tags))
  checkNewTags(tags, 'role')
  await call.write(
    async (tx) => {
      const current = await requireRole(tx, call.accountId, name)
      checkTagCount(mergeTags(await tx.tags.list('role', current.id), tags, 'role').length)
      await tx.tags.put(call.accountId, 'role', current.id, tags)
    },
    { affectsAuthorization: true }
  )
  return undefined
}

async function untagRole(call: Call, raw: unknown) {
  const input = raw as UntagRoleRequest
  const name = input.RoleName as string
  const keys = input.TagKeys ?? []
  const role = await call.read.roles.byName(call.accountId, name)
  await authorizeOnRole(call, 'iam:UntagRole', name, role, tagKeysContext(keys))
  await call.write(
    async (tx) => {
      const current = await requireRole(tx, call.accountId, name)
      await tx.tags.remove('role', current.id, keys)
    },
    { affectsAuthorization: true }
  )
  return undefined
}

async function listRoleTags(call: Call, raw: unknown) {
  const input = raw as ListRoleTagsRequest
  const name = input.RoleName as string
  const role = await call.read.roles.byName(call.accountId, name)
  await authorizeOnRole(call, 'iam:ListRoleTags', name, role)
  if (!role) throw noSuchRole(name)
  const page = pageOf(sortRoleTags(await call.read.tags.list('role', role.id)), pageRequest(input))
  return { Tags: page.items, ...pageFields(page) }
}

async function putRolePermissionsBoundary(call: Call, raw: unknown) {
  const input = raw as PutRolePermissionsBoundaryRequest
  const name = input.RoleName as string
  const boundary = input.PermissionsBoundary as string
  const role = await call.read.roles.byName(call.accountId, name)
  await authorizeOnRole(call, 'iam:PutRolePermissionsBoundary', name, role, { 'iam:PermissionsBoundary': boundary })
  await requireRoleBoundary(call, boundary)
  await call.write(
    async (tx) => {
      const current = await requireRole(tx, call.accountId, name)
      checkRoleModifiable(current)
      await tx.roles.update(call.accountId, current.id, { permissionsBoundary: boundary })
    },
    { affectsAuthorization: true }
  )
  return undefined
}

async function deleteRolePermissionsBoundary(call: Call, raw: unknown) {
  const name = (raw as DeleteRolePermissionsBoundaryRequest).RoleName as string
  const role = await call.read.roles.byName(call.accountId, name)
  await authorizeOnRole(call, 'iam:DeleteRolePermissionsBoundary', name, role)
  await call.write(
    async (tx) => {
      const current = await requireRole(tx, call.accountId, name)
      checkRoleModifiable(current)
      await tx.roles.update(call.accountId, current.id, { permissionsBoundary: undefined })
    },
    { affectsAuthorization: true }
  )
  return undefined
}

export const rolesActions: ActionTable = {
  CreateRole: createRole,
  GetRole: getRole,
  ListRoles: listRoles,
  UpdateRole: updateRole,
  UpdateRoleDescription: updateRoleDescription,
  UpdateAssumeRolePolicy: updateAssumeRolePolicy,
  DeleteRole: deleteRole,
  TagRole: tagRole,
  UntagRole: untagRole,
  ListRoleTags: listRoleTags,
  PutRolePermissionsBoundary: putRolePermissionsBoundary,
  DeleteRolePermissionsBoundary: deleteRolePermissionsBoundary
}
