// The shapes roles and instance profiles take in responses. IAM returns a different subset of a
// role's fields depending on the operation (docs/iam-behaviour.md §10.2, §11); GetRole's full
// shape is `roleOutput` in outputs.ts.

import type { InstanceProfileRecord, RoleRecord, Tag } from '../../store/ports/records.js'
import { encodeDocument, permissionsBoundary } from './outputs.js'

/** The fields every role shape has. */
function roleBase(r: RoleRecord): Record<string, unknown> {
  return {
    Path: r.path,
    RoleName: r.name,
    RoleId: r.id,
    Arn: r.arn,
    CreateDate: r.createdAt,
    AssumeRolePolicyDocument: encodeDocument(r.assumeRolePolicy)
  }
}

/**
 * CreateRole, CreateServiceLinkedRole and UpdateRoleDescription: no MaxSessionDuration and no
 * RoleLastUsed; Description, PermissionsBoundary and Tags only when there are some.
 */
export function createdRoleOutput(r: RoleRecord, tags: readonly Tag[] = []): Record<string, unknown> {
  return {
    ...roleBase(r),
    ...(r.description !== undefined ? { Description: r.description } : {}),
    ...(r.permissionsBoundary ? { PermissionsBoundary: permissionsBoundary(r.permissionsBoundary) } : {}),
    ...(tags.length ? { Tags: tags } : {})
  }
}

/** ListRoles: Description and MaxSessionDuration, never Tags, PermissionsBoundary or RoleLastUsed. */
export function listedRoleOutput(r: RoleRecord): Record<string, unknown> {
  return {
    ...roleBase(r),
    ...(r.description !== undefined ? { Description: r.description } : {}),
    MaxSessionDuration: r.maxSessionDuration
  }
}

/** A role inside an instance profile: the base fields only. */
export function profileRoleOutput(r: RoleRecord): Record<string, unknown> {
  return roleBase(r)
}

/**
 * An instance profile with its roles. `tags` undefined leaves Tags out (CreateInstanceProfile
 * without tags, the list operations); GetInstanceProfile always passes them, even none.
 */
export function instanceProfileOutput(p: InstanceProfileRecord, roles: readonly RoleRecord[], tags?: readonly Tag[]): Record<string, unknown> {
  return {
    Path: p.path,
    InstanceProfileName: p.name,
    InstanceProfileId: p.id,
    Arn: p.arn,
    CreateDate: p.createdAt,
    Roles: roles.map(profileRoleOutput),
    ...(tags !== undefined ? { Tags: tags } : {})
  }
}

/**
 * Role tags in the order IAM lists them: shorter keys first, then by key (observed: keys added
 * as abc, b, z, a are listed a, b, z, abc; docs/iam-behaviour.md §3.1).
 */
export function sortRoleTags(tags: readonly Tag[]): Tag[] {
  return [...tags].sort((a, b) => a.Key.length - b.Key.length || (a.Key < b.Key ? -1 : a.Key > b.Key ? 1 : 0))
}
