// GetAccountAuthorizationDetails: every user, group, role and managed policy of the account with
// their policies and relationships, read straight from the store (docs/iam-behaviour.md §19.2).
//
// The four lists page as one sequence (users, groups, roles, customer managed policies, AWS
// managed policies in use), MaxItems counting entries of any list. A marker names the section to
// resume in (one letter) followed by the section's own keyset marker, so pages stay right while
// others write.

import { iamErrors } from '../../core/aws-error.js'
import type { EntityRef, Repositories } from '../../store/ports/repositories.js'
import type { GroupRecord, InlinePolicyRecord, Page, PageRequest, PolicyRecord, RoleRecord, UserRecord } from '../../store/ports/records.js'
import type { AwsManagedPolicies, AwsManagedPolicy } from '../policies/aws-managed.js'
import { listing } from './paging.js'
import { encodeDocument, permissionsBoundary } from './outputs.js'

export const DETAIL_SECTIONS = ['User', 'Group', 'Role', 'LocalManagedPolicy', 'AWSManagedPolicy'] as const
export type DetailSection = (typeof DETAIL_SECTIONS)[number]

const CODE: Record<DetailSection, string> = { User: 'U', Group: 'G', Role: 'R', LocalManagedPolicy: 'L', AWSManagedPolicy: 'A' }

export interface AuthorizationDetails {
  readonly UserDetailList: Record<string, unknown>[]
  readonly GroupDetailList: Record<string, unknown>[]
  readonly RoleDetailList: Record<string, unknown>[]
  readonly Policies: Record<string, unknown>[]
  readonly IsTruncated: boolean
  readonly Marker?: string
}

interface Source {
  readonly read: Repositories
  readonly awsManaged: AwsManagedPolicies
  readonly accountId: string
}

/** One section: pages of its items, and each item rendered as the API's detail structure. */
interface Section {
  page(request: PageRequest): Promise<Page<unknown>>
  render(item: unknown): Promise<Record<string, unknown>>
  readonly list: Exclude<keyof AuthorizationDetails, 'IsTruncated' | 'Marker'>
}

const invalidMarker = () => iamErrors.validationError('Invalid Marker.')

export async function authorizationDetails(source: Source, filter: ReadonlySet<DetailSection>, request: PageRequest): Promise<AuthorizationDetails> {
  const selected = DETAIL_SECTIONS.filter((s) => filter.has(s))
  const out: AuthorizationDetails = { UserDetailList: [], GroupDetailList: [], RoleDetailList: [], Policies: [], IsTruncated: false }
  let start = 0
  let resume: string | undefined
  if (request.marker !== undefined) {
    start = selected.findIndex((s) => CODE[s] === request.marker?.charAt(0))
    if (start < 0) throw invalidMarker()
    resume = request.marker.length > 1 ? request.marker.slice(1) : undefined
  }
  let remaining = request.limit
  for (let i = start; i < selected.length; i++) {
    const name = selected[i] as DetailSection
    const section = sectionFor(source, name)
    const inner = i === start ? resume : undefined
    if (remaining === 0) {
      // The page is full: truncated only if anything is left.
      const probe = await listing(() => section.page({ marker: inner, limit: 1 }))
      if (probe.items.length) return { ...out, IsTruncated: true, Marker: CODE[name] + (inner ?? '') }
      continue
    }
    const page = await listing(() => section.page({ marker: inner, limit: remaining }))
    for (const item of page.items) out[section.list].push(await section.render(item))
    remaining -= page.items.length
    if (page.marker !== undefined) return { ...out, IsTruncated: true, Marker: CODE[name] + page.marker }
  }
  return out
}

function sectionFor(source: Source, name: DetailSection): Section {
  const { read, accountId } = source
  switch (name) {
    case 'User':
      return { list: 'UserDetailList', page: (r) => read.users.list(accountId, {}, r), render: (u) => userDetail(source, u as UserRecord) }
    case 'Group':
      return { list: 'GroupDetailList', page: (r) => read.groups.list(accountId, {}, r), render: (g) => groupDetail(source, g as GroupRecord) }
    case 'Role':
      return { list: 'RoleDetailList', page: (r) => read.roles.list(accountId, {}, r), render: (r) => roleDetail(source, r as RoleRecord) }
    case 'LocalManagedPolicy':
      return { list: 'Policies', page: (r) => read.policies.list(accountId, {}, r), render: (p) => customerPolicyDetail(source, p as PolicyRecord) }
    case 'AWSManagedPolicy':
      return { list: 'Policies', page: (r) => awsManagedInUse(source, r), render: (p) => awsPolicyDetail(source, p as AwsInUse) }
  }
}

// ---------------------------------------------------------------------------------------------

function policyList(policies: readonly InlinePolicyRecord[]): Record<string, unknown>[] {
  return policies.map((p) => ({ PolicyName: p.name, PolicyDocument: encodeDocument(p.document) }))
}

/** Attached managed policies, named by the last segment of their ARN (names cannot contain "/"). */
async function attached(read: Repositories, entity: EntityRef): Promise<Record<string, unknown>[]> {
  return (await read.attachments.forEntity(entity)).map((arn) => ({ PolicyName: arn.slice(arn.lastIndexOf('/') + 1), PolicyArn: arn }))
}

async function userDetail({ read, accountId }: Source, u: UserRecord): Promise<Record<string, unknown>> {
  const entity = { entityType: 'user', entityId: u.id } as const
  const inline = await read.inlinePolicies.all(entity)
  const groups = await read.groupMembers.groupsOfUser(accountId, u.id, { limit: 1000 })
  return {
    Path: u.path,
    UserName: u.name,
    UserId: u.id,
    Arn: u.arn,
    CreateDate: u.createdAt,
    // Left out (not empty) when the user has no inline policy, as IAM does.
    ...(inline.length ? { UserPolicyList: policyList(inline) } : {}),
    GroupList: groups.items.map((g) => g.name),
    AttachedManagedPolicies: await attached(read, entity),
    ...(u.permissionsBoundary ? { PermissionsBoundary: permissionsBoundary(u.permissionsBoundary) } : {}),
    Tags: await read.tags.list('user', u.id)
  }
}

async function groupDetail({ read }: Source, g: GroupRecord): Promise<Record<string, unknown>> {
  const entity = { entityType: 'group', entityId: g.id } as const
  return {
    Path: g.path,
    GroupName: g.name,
    GroupId: g.id,
    Arn: g.arn,
    CreateDate: g.createdAt,
    GroupPolicyList: policyList(await read.inlinePolicies.all(entity)),
    AttachedManagedPolicies: await attached(read, entity)
  }
}

/** A role inside an instance profile of RoleDetail: the role's identity and trust policy only. */
function profileRole(r: RoleRecord): Record<string, unknown> {
  return { Path: r.path, RoleName: r.name, RoleId: r.id, Arn: r.arn, CreateDate: r.createdAt, AssumeRolePolicyDocument: encodeDocument(r.assumeRolePolicy) }
}

async function roleDetail({ read, accountId }: Source, r: RoleRecord): Promise<Record<string, unknown>> {
  const entity = { entityType: 'role', entityId: r.id } as const
  const profiles = await read.instanceProfiles.forRole(accountId, r.id, { limit: 1000 })
  const instanceProfiles: Record<string, unknown>[] = []
  for (const p of profiles.items) {
    const roles: Record<string, unknown>[] = []
    for (const roleId of await read.instanceProfiles.roleIds(p.id)) {
      const role = roleId === r.id ? r : await read.roles.byId(accountId, roleId)
      if (role) roles.push(profileRole(role))
    }
    instanceProfiles.push({ Path: p.path, InstanceProfileName: p.name, InstanceProfileId: p.id, Arn: p.arn, CreateDate: p.createdAt, Roles: roles })
  }
  return {
    Path: r.path,
    RoleName: r.name,
    RoleId: r.id,
    Arn: r.arn,
    CreateDate: r.createdAt,
    AssumeRolePolicyDocument: encodeDocument(r.assumeRolePolicy),
    InstanceProfileList: instanceProfiles,
    RolePolicyList: policyList(await read.inlinePolicies.all(entity)),
    AttachedManagedPolicies: await attached(read, entity),
    ...(r.permissionsBoundary ? { PermissionsBoundary: permissionsBoundary(r.permissionsBoundary) } : {}),
    Tags: await read.tags.list('role', r.id),
    RoleLastUsed: r.lastUsedAt ? { LastUsedDate: r.lastUsedAt, ...(r.lastUsedRegion ? { Region: r.lastUsedRegion } : {}) } : {}
  }
}

async function boundaryUsage(read: Repositories, accountId: string, arn: string): Promise<number> {
  return (await read.users.countWithBoundary(accountId, arn)) + (await read.roles.countWithBoundary(accountId, arn))
}

async function customerPolicyDetail({ read, accountId }: Source, p: PolicyRecord): Promise<Record<string, unknown>> {
  const versions = await read.policies.versions(p.id)
  return {
    PolicyName: p.name,
    PolicyId: p.id,
    Arn: p.arn,
    Path: p.path,
    DefaultVersionId: p.defaultVersion,
    AttachmentCount: await read.attachments.countForPolicy(accountId, p.arn),
    PermissionsBoundaryUsageCount: await boundaryUsage(read, accountId, p.arn),
    IsAttachable: true,
    ...(p.description !== undefined ? { Description: p.description } : {}),
    CreateDate: p.createdAt,
    UpdateDate: p.updatedAt,
    PolicyVersionList: versions.map((v) => ({
      Document: encodeDocument(v.document),
      VersionId: v.versionId,
      IsDefaultVersion: v.versionId === p.defaultVersion,
      CreateDate: v.createdAt
    }))
  }
}

interface AwsInUse {
  readonly policy: AwsManagedPolicy
  readonly attachments: number
}

/** The AWS managed policies attached somewhere in the account, in name order, keyset-paged. */
async function awsManagedInUse({ read, awsManaged, accountId }: Source, request: PageRequest): Promise<Page<AwsInUse>> {
  const counts = await read.attachments.countsByPolicy(accountId)
  const inUse: AwsInUse[] = []
  for (const [arn, attachments] of counts) {
    const policy = awsManaged.byArn(arn)
    if (policy && attachments > 0) inUse.push({ policy, attachments })
  }
  const key = (p: AwsManagedPolicy): [string, string] => [p.name.toLowerCase(), p.arn]
  const before = (a: [string, string], b: [string, string]) => a[0] < b[0] || (a[0] === b[0] && a[1] < b[1])
  inUse.sort((a, b) => (before(key(a.policy), key(b.policy)) ? -1 : 1))
  let items = inUse
  if (request.marker !== undefined) {
    const after = decodeKey(request.marker)
    items = items.filter((p) => before(after, key(p.policy)))
  }
  const more = items.length > request.limit
  const page = items.slice(0, request.limit)
  const last = page[page.length - 1]
  return { items: page, marker: more && last ? Buffer.from(JSON.stringify(key(last.policy)), 'utf8').toString('base64url') : undefined }
}

function decodeKey(marker: string): [string, string] {
  try {
    const key: unknown = JSON.parse(Buffer.from(marker, 'base64url').toString('utf8'))
    if (Array.isArray(key) && key.length === 2 && key.every((k) => typeof k === 'string')) return key as [string, string]
  } catch {
    // not ours
  }
  throw invalidMarker()
}

async function awsPolicyDetail({ read, awsManaged, accountId }: Source, { policy, attachments }: AwsInUse): Promise<Record<string, unknown>> {
  const versions: Record<string, unknown>[] = []
  for (const v of policy.versions) {
    const document = await awsManaged.document(policy.arn, v.id)
    versions.push({
      ...(document !== undefined ? { Document: encodeDocument(document) } : {}),
      VersionId: v.id,
      IsDefaultVersion: v.id === policy.defaultVersion,
      ...(v.createdAt ? { CreateDate: v.createdAt } : {})
    })
  }
  return {
    PolicyName: policy.name,
    PolicyId: policy.id,
    Arn: policy.arn,
    Path: policy.path,
    DefaultVersionId: policy.defaultVersion,
    AttachmentCount: attachments,
    PermissionsBoundaryUsageCount: await boundaryUsage(read, accountId, policy.arn),
    IsAttachable: true,
    ...(policy.createdAt ? { CreateDate: policy.createdAt } : {}),
    ...(policy.updatedAt ? { UpdateDate: policy.updatedAt } : {}),
    PolicyVersionList: versions
  }
}
