// Finding the entity an action names, with IAM's NoSuchEntity when it is not there.

import { iamErrors } from '../../core/aws-error.js'
import { iamArn } from '../../core/arn.js'
import type { Repositories } from '../../store/ports/repositories.js'
import type { GroupRecord, RoleRecord, UserRecord } from '../../store/ports/records.js'

export const noSuchUser = (name: string) => iamErrors.noSuchEntity(`The user with name ${name} cannot be found.`)
export const noSuchGroup = (name: string) => iamErrors.noSuchEntity(`The group with name ${name} cannot be found.`)
export const noSuchRole = (name: string) => iamErrors.noSuchEntity(`The role with name ${name} cannot be found.`)

export async function requireUser(repos: Repositories, accountId: string, name: string): Promise<UserRecord> {
  const user = await repos.users.byName(accountId, name)
  if (!user) throw noSuchUser(name)
  return user
}

export async function requireGroup(repos: Repositories, accountId: string, name: string): Promise<GroupRecord> {
  const group = await repos.groups.byName(accountId, name)
  if (!group) throw noSuchGroup(name)
  return group
}

export async function requireRole(repos: Repositories, accountId: string, name: string): Promise<RoleRecord> {
  const role = await repos.roles.byName(accountId, name)
  if (!role) throw noSuchRole(name)
  return role
}

/**
 * The ARN to authorize against: the entity's if it exists, else the one it would have at the
 * root path (so a caller without permission learns nothing about whether it exists).
 */
export function arnFor(accountId: string, type: 'user' | 'group' | 'role' | 'instance-profile', entity: { readonly arn: string } | undefined, name: string): string {
  return entity?.arn ?? iamArn(accountId, type, '/', name)
}
