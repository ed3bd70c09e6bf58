// The users, groups and roles that policies attach to, handled alike by the attachment and
// inline policy actions: finding one by name, authorizing an action on it (IAM names it
// `user bob`, `group g`, `role r` in AccessDenied messages), and the protection of
// service-linked roles.

import { iamErrors } from '../../core/aws-error.js'
import { parseArn, splitIamResource } from '../../core/arn.js'
import type { RawContext } from '../../policy/index.js'
import type { EntityRef, Repositories } from '../../store/ports/repositories.js'
import type { AttachableEntity, NamedEntityRecord } from '../../store/ports/records.js'
import type { Call } from '../call.js'
import { arnFor, noSuchGroup, noSuchRole, noSuchUser } from './lookups.js'

/** A user, group or role: what the policy actions need of each. */
export type PolicyEntityRecord = NamedEntityRecord & { readonly permissionsBoundary?: string | undefined; readonly serviceLinked?: string | undefined }

/** `User`, `Group`, `Role`: as in action names (AttachUserPolicy) and quota names (PoliciesPerUser). */
export const ENTITY_LABEL: Readonly<Record<AttachableEntity, 'User' | 'Group' | 'Role'>> = { user: 'User', group: 'Group', role: 'Role' }

/** The request member that names the entity. */
export const ENTITY_NAME_MEMBER: Readonly<Record<AttachableEntity, 'UserName' | 'GroupName' | 'RoleName'>> = { user: 'UserName', group: 'GroupName', role: 'RoleName' }

export function entityRef(type: AttachableEntity, entity: { readonly id: string }): EntityRef {
  return { entityType: type, entityId: entity.id }
}

export async function findEntity(repos: Repositories, accountId: string, type: AttachableEntity, name: string): Promise<PolicyEntityRecord | undefined> {
  if (type === 'user') return repos.users.byName(accountId, name)
  if (type === 'group') return repos.groups.byName(accountId, name)
  return repos.roles.byName(accountId, name)
}

export async function entityById(repos: Repositories, accountId: string, type: AttachableEntity, id: string): Promise<PolicyEntityRecord | undefined> {
  if (type === 'user') return repos.users.byId(accountId, id)
  if (type === 'group') return repos.groups.byId(accountId, id)
  return repos.roles.byId(accountId, id)
}

export function noSuchEntityOf(type: AttachableEntity, name: string) {
  return type === 'user' ? noSuchUser(name) : type === 'group' ? noSuchGroup(name) : noSuchRole(name)
}

export async function requireEntity(repos: Repositories, accountId: string, type: AttachableEntity, name: string): Promise<PolicyEntityRecord> {
  const entity = await findEntity(repos, accountId, type, name)
  if (!entity) throw noSuchEntityOf(type, name)
  return entity
}

/** Service-linked roles are changed only by AWS. */
export function checkModifiable(type: AttachableEntity, entity: PolicyEntityRecord): void {
  if (type === 'role' && entity.serviceLinked !== undefined) {
    throw iamErrors.unmodifiableEntity(`Cannot perform the operation on the protected role '${entity.name}' - this role is only modifiable by AWS`)
  }
}

export interface EntityAuthorization {
  /** Adds iam:PermissionsBoundary (the entity's current boundary) where the action supports it. */
  readonly boundaryKey?: boolean
  readonly context?: RawContext
}

/**
 * Authorizes `action` on the named entity before anything else happens: against its ARN, or
 * the root-path ARN when it does not exist (so callers without permission learn nothing), with
 * its tags. Returns the entity as read (undefined when it does not exist).
 */
export async function authorizeOnEntity(
  call: Call,
  type: AttachableEntity,
  name: string,
  action: string,
  options: EntityAuthorization = {}
): Promise<PolicyEntityRecord | undefined> {
  const entity = await findEntity(call.read, call.accountId, type, name)
  const tags = entity && type !== 'group' ? await call.read.tags.list(type, entity.id) : []
  const boundary = options.boundaryKey && entity?.permissionsBoundary ? { 'iam:PermissionsBoundary': entity.permissionsBoundary } : {}
  await call.authorize({
    action,
    resource: arnFor(call.accountId, type, entity, name),
    displayResource: `${type} ${name}`,
    resourceTags: tags,
    context: { ...(options.context ?? {}), ...boundary }
  })
  return entity
}

/** The user, group or role an ARN names, or undefined when it names none. */
export function entityOfArn(arn: string): { account: string; type: AttachableEntity; path: string; name: string } | undefined {
  const parsed = parseArn(arn)
  if (!parsed || parsed.partition !== 'aws' || parsed.service !== 'iam' || parsed.region !== '') return undefined
  const resource = splitIamResource(parsed.resource)
  if (!resource || !['user', 'group', 'role'].includes(resource.type) || resource.name === '') return undefined
  return { account: parsed.account, type: resource.type as AttachableEntity, path: resource.path, name: resource.name }
}
