// Records rendered as the API's output structures (field names as in the IAM API model).

import type { GroupRecord, RoleRecord, Tag, UserRecord } from '../../store/ports/records.js'

/** AWS sends "Policy" on the wire, although the model's enum says PermissionsBoundaryPolicy. */
export function permissionsBoundary(arn: string | undefined): Record<string, string> | undefined {
  return arn === undefined ? undefined : { PermissionsBoundaryType: 'Policy', PermissionsBoundaryArn: arn }
}

export function userOutput(u: UserRecord, tags?: readonly Tag[]): Record<string, unknown> {
  return {
    Path: u.path,
    UserName: u.name,
    UserId: u.id,
    Arn: u.arn,
    CreateDate: u.createdAt,
    ...(u.passwordLastUsed ? { PasswordLastUsed: u.passwordLastUsed } : {}),
    ...(u.permissionsBoundary ? { PermissionsBoundary: permissionsBoundary(u.permissionsBoundary) } : {}),
    ...(tags && tags.length ? { Tags: tags } : {})
  }
}

export function groupOutput(g: GroupRecord): Record<string, unknown> {
  return { Path: g.path, GroupName: g.name, GroupId: g.id, Arn: g.arn, CreateDate: g.createdAt }
}

/** Policy documents come back URL-encoded in IAM's responses (RFC 3986). */
export function encodeDocument(document: string): string {
  return encodeURIComponent(document).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
}

export function roleOutput(r: RoleRecord, tags?: readonly Tag[]): Record<string, unknown> {
  return {
    Path: r.path,
    RoleName: r.name,
    RoleId: r.id,
    Arn: r.arn,
    CreateDate: r.createdAt,
    AssumeRolePolicyDocument: encodeDocument(r.assumeRolePolicy),
    ...(r.description !== undefined ? { Description: r.description } : {}),
    MaxSessionDuration: r.maxSessionDuration,
    ...(r.permissionsBoundary ? { PermissionsBoundary: permissionsBoundary(r.permissionsBoundary) } : {}),
    ...(tags && tags.length ? { Tags: tags } : {}),
    RoleLastUsed: r.lastUsedAt ? { LastUsedDate: r.lastUsedAt, ...(r.lastUsedRegion ? { Region: r.lastUsedRegion } : {}) } : {}
  }
}
