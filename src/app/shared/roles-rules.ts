// Rules roles and instance profiles share: quotas, the protection of service-linked roles, trust
// policy checks, role paths and boundaries, and authorizing an action on a named role or
// instance profile the way IAM names them in AccessDenied messages.

import { iamErrors } from '../../core/aws-error.js'
import { checkQuota, parsePolicy, TRUST_POLICY_QUOTA } from '../../policy/index.js'
import { UniqueViolation, type Repositories } from '../../store/ports/repositories.js'
import type { InstanceProfileRecord, RoleRecord } from '../../store/ports/records.js'
import type { Call } from '../call.js'
import { requireBoundaryPolicy } from './boundaries.js'
import { arnFor } from './lookups.js'
import { checkPath } from './paths.js'

export const ROLES_PER_ACCOUNT = 1000
export const INSTANCE_PROFILES_PER_ACCOUNT = 1000
export const ROLES_PER_INSTANCE_PROFILE = 1
export const DEFAULT_MAX_SESSION_DURATION = 3600
/** Service-linked roles live under /aws-service-role/<service principal>/. */
export const SERVICE_ROLE_PATH = '/aws-service-role/'
/** AWS managed policies meant only for service-linked roles. */
const SERVICE_ROLE_POLICY_PREFIX = 'arn:aws:iam::aws:policy/aws-service-role/'

/** Inserts a role, within the account's quota; `taken` is the error for a name in use. */
export async function insertRole(tx: Repositories, role: RoleRecord, taken: () => Error): Promise<void> {
  if (await tx.roles.byName(role.accountId, role.name)) throw taken()
  if ((await tx.roles.countUpTo(role.accountId, ROLES_PER_ACCOUNT)) >= ROLES_PER_ACCOUNT) throw roleLimitExceeded()
  try {
    await tx.roles.insert(role)
  } catch (e) {
    if (e instanceof UniqueViolation) throw taken()
    throw e
  }
}

export const roleLimitExceeded = () => iamErrors.limitExceeded(`Cannot exceed quota for RolesPerAccount: ${ROLES_PER_ACCOUNT}`)
export const roleAlreadyExists = (name: string) => iamErrors.entityAlreadyExists(`Role with name ${name} already exists.`)
export const noSuchInstanceProfile = (name: string) => iamErrors.noSuchEntity(`Instance Profile ${name} cannot be found.`)

/** Service-linked roles are AWS's: the plain APIs may not change or delete them. */
export function unmodifiableRole(name: string) {
  return iamErrors.unmodifiableEntity(`Cannot perform the operation on the protected role '${name}' - this role is only modifiable by AWS`)
}

/**
 * Throws UnmodifiableEntity for a service-linked role. Other families that change roles
 * (PutRolePolicy, DeleteRolePolicy, AttachRolePolicy, DetachRolePolicy) apply the same rule.
 */
export function checkRoleModifiable(role: RoleRecord): void {
  if (role.serviceLinked !== undefined) throw unmodifiableRole(role.name)
}

/** A trust policy as CreateRole and UpdateAssumeRolePolicy check it: size quota first, then the grammar. */
export function checkTrustPolicy(document: string): void {
  const overQuota = checkQuota(document, TRUST_POLICY_QUOTA)
  if (overQuota) throw iamErrors.limitExceeded(overQuota.message)
  const parsed = parsePolicy(document, { kind: 'trust' })
  if (!parsed.ok) throw iamErrors.malformedPolicyDocument(parsed.errors[0]?.message ?? 'This policy contains invalid Json')
}

/** The path of a role created by CreateRole (the service-role prefix is reserved). */
export function checkRolePath(path: string): void {
  checkPath(path)
  if (path.startsWith(SERVICE_ROLE_PATH)) throw iamErrors.invalidInput(`Path prefix '${SERVICE_ROLE_PATH}' can only be used for AWS Service linked Roles`)
}

/** A role's permissions boundary: an existing managed policy, not one reserved for service-linked roles. */
export async function requireRoleBoundary(call: Call, arn: string): Promise<void> {
  await requireBoundaryPolicy(call, arn)
  if (arn.startsWith(SERVICE_ROLE_POLICY_PREFIX)) throw iamErrors.policyNotAttachable('Cannot attach a Service Role Policy to a Customer Role.')
}

/** iam:PermissionsBoundary for actions on an existing role (its current boundary). */
export function boundaryContext(role: RoleRecord | undefined): Record<string, string> {
  return role?.permissionsBoundary ? { 'iam:PermissionsBoundary': role.permissionsBoundary } : {}
}

/**
 * Authorizes an action on the role named `name` (its ARN, or the root-path ARN when it does not
 * exist), shown as `role <name>` in AccessDenied messages, with its tags and boundary as context.
 */
export async function authorizeOnRole(call: Call, action: string, name: string, role: RoleRecord | undefined, context: Record<string, string | string[]> = {}): Promise<void> {
  await call.authorize({
    action,
    resource: arnFor(call.accountId, 'role', role, name),
    displayResource: `role ${name}`,
    resourceTags: role ? await call.read.tags.list('role', role.id) : [],
    context: { ...boundaryContext(role), ...context }
  })
}

/**
 * Authorizes an action on the instance profile named `name`. IAM names the profile
 * `instance profile <name>` in AccessDenied messages, except for its tagging actions, which show
 * the ARN (`byArn`).
 */
export async function authorizeOnInstanceProfile(
  call: Call,
  action: string,
  name: string,
  profile: InstanceProfileRecord | undefined,
  options: { readonly context?: Record<string, string | string[]>; readonly byArn?: boolean } = {}
): Promise<void> {
  const resource = arnFor(call.accountId, 'instance-profile', profile, name)
  await call.authorize({
    action,
    resource,
    displayResource: options.byArn ? resource : `instance profile ${name}`,
    resourceTags: profile ? await call.read.tags.list('instance-profile', profile.id) : [],
    context: options.context
  })
}

export async function requireInstanceProfile(repos: Repositories, accountId: string, name: string): Promise<InstanceProfileRecord> {
  const profile = await repos.instanceProfiles.byName(accountId, name)
  if (!profile) throw noSuchInstanceProfile(name)
  return profile
}
