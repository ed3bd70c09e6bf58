// Managed policies by ARN: customer managed ones in the caller's account (the store) and AWS
// managed ones (the catalog), with IAM's messages when they are not there, how much each is
// used, and the `Policy` structure IAM answers with.

import { iamErrors } from '../../core/aws-error.js'
import { parseArn, splitIamResource } from '../../core/arn.js'
import type { Repositories } from '../../store/ports/repositories.js'
import type { PolicyRecord, Tag } from '../../store/ports/records.js'
import type { AwsManagedPolicies, AwsManagedPolicy } from '../policies/aws-managed.js'

export type ManagedPolicyRef = { readonly kind: 'aws'; readonly policy: AwsManagedPolicy } | { readonly kind: 'customer'; readonly policy: PolicyRecord }

export const AWS_MANAGED_ARN_PREFIX = 'arn:aws:iam::aws:policy/'

export const noSuchPolicy = (arn: string) => iamErrors.noSuchEntity(`Policy ${arn} does not exist or is not attachable.`)
export const noSuchPolicyVersion = (arn: string, versionId: string) => iamErrors.noSuchEntity(`Policy ${arn} version ${versionId} does not exist or is not attachable.`)
/** Detaching a policy that is not attached, tagging a policy that is not there. */
export const policyNotFound = (arn: string) => iamErrors.noSuchEntity(`Policy ${arn} was not found.`)

/** How IAM names a managed policy in AccessDenied messages: `policy arn:aws:iam::...`. */
export function policyDisplay(arn: string): string {
  return `policy ${arn}`
}

const POLICY_ARN = /^arn:aws:iam::(aws|\d{12}):policy\/./

/**
 * A PolicyArn that is not a policy ARN at all: IAM answers `ARN <arn> is not valid.`, as
 * ValidationError on the Attach and Detach actions (2026 captures), InvalidInput elsewhere.
 */
export function checkPolicyArn(arn: string, code: 'InvalidInput' | 'ValidationError' = 'InvalidInput'): void {
  if (POLICY_ARN.test(arn)) return
  const message = `ARN ${arn} is not valid.`
  throw code === 'ValidationError' ? iamErrors.validationError(message) : iamErrors.invalidInput(message)
}

/** The account a policy ARN names ("aws" for AWS managed ones), or undefined for a non-ARN. */
export function policyArnAccount(arn: string): string | undefined {
  return parseArn(arn)?.account
}

/**
 * A write to a policy that is not the caller's own (AWS managed, or another account's): IAM
 * answers AccessDenied with its own wording per operation.
 */
export function checkOwnPolicy(accountId: string, arn: string, message: string): void {
  if (policyArnAccount(arn) !== accountId) throw iamErrors.accessDenied(message)
}

/** The policy an ARN names, if it exists and the caller's account can see it. */
export async function findManagedPolicy(repos: Repositories, awsManaged: AwsManagedPolicies, accountId: string, arn: string): Promise<ManagedPolicyRef | undefined> {
  const aws = awsManaged.byArn(arn)
  if (aws) return { kind: 'aws', policy: aws }
  if (policyArnAccount(arn) !== accountId) return undefined
  const customer = await repos.policies.byArn(arn)
  return customer && customer.accountId === accountId ? { kind: 'customer', policy: customer } : undefined
}

export async function requireManagedPolicy(repos: Repositories, awsManaged: AwsManagedPolicies, accountId: string, arn: string): Promise<ManagedPolicyRef> {
  const found = await findManagedPolicy(repos, awsManaged, accountId, arn)
  if (!found) throw noSuchPolicy(arn)
  return found
}

/** The name and path an IAM policy ARN carries (`policy/path/name`). */
export function policyNameAndPath(arn: string): { readonly name: string; readonly path: string } {
  const resource = parseArn(arn)?.resource
  const split = resource === undefined ? undefined : splitIamResource(resource)
  return split ? { name: split.name, path: split.path } : { name: arn, path: '/' }
}

/** AWS managed policies under /aws-service-role/ are for service-linked roles only. */
export function isServiceRolePolicy(arn: string): boolean {
  return arn.startsWith(`${AWS_MANAGED_ARN_PREFIX}aws-service-role/`)
}

export interface PolicyUsage {
  /** Users, groups and roles it is attached to as a permissions policy. */
  readonly attachments: number
  /** Users and roles using it as their permissions boundary. */
  readonly boundaries: number
}

export async function policyUsage(repos: Repositories, accountId: string, arn: string): Promise<PolicyUsage> {
  const [attachments, users, roles] = await Promise.all([
    repos.attachments.countForPolicy(accountId, arn),
    repos.users.countWithBoundary(accountId, arn),
    repos.roles.countWithBoundary(accountId, arn)
  ])
  return { attachments, boundaries: users + roles }
}

/** Usage of every policy used anywhere in the account, by ARN. */
export async function accountPolicyUsage(repos: Repositories, accountId: string): Promise<(arn: string) => PolicyUsage> {
  const [attachments, users, roles] = await Promise.all([
    repos.attachments.countsByPolicy(accountId),
    repos.users.countsByBoundary(accountId),
    repos.roles.countsByBoundary(accountId)
  ])
  return (arn) => ({ attachments: attachments.get(arn) ?? 0, boundaries: (users.get(arn) ?? 0) + (roles.get(arn) ?? 0) })
}

export interface PolicyOutputOptions {
  /** GetPolicy includes the description; CreatePolicy and ListPolicies do not. */
  readonly description?: boolean
  /** Included when given (GetPolicy always gives them, CreatePolicy only when tagged). */
  readonly tags?: readonly Tag[] | undefined
}

/** The API's `Policy` structure. */
export function managedPolicyOutput(ref: ManagedPolicyRef, usage: PolicyUsage, options: PolicyOutputOptions = {}): Record<string, unknown> {
  const p = ref.policy
  const createdAt: Date | undefined = p.createdAt
  const updatedAt = ref.kind === 'aws' ? (ref.policy.updatedAt ?? ref.policy.createdAt) : ref.policy.updatedAt
  const description = ref.kind === 'customer' ? ref.policy.description : undefined
  return {
    PolicyName: p.name,
    PolicyId: p.id,
    Arn: p.arn,
    Path: p.path,
    DefaultVersionId: p.defaultVersion,
    AttachmentCount: usage.attachments,
    PermissionsBoundaryUsageCount: usage.boundaries,
    IsAttachable: true,
    ...(options.description && description !== undefined ? { Description: description } : {}),
    ...(createdAt ? { CreateDate: createdAt } : {}),
    ...(updatedAt ? { UpdateDate: updatedAt } : {}),
    ...(options.tags !== undefined ? { Tags: options.tags } : {})
  }
}
