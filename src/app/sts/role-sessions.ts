// What every way of assuming a role shares (AssumeRole, AssumeRoleWithWebIdentity,
// AssumeRoleWithSAML): finding the role an ARN names, its trust policy compiled once, the
// duration rules, the session's identity, and "last used".

import { AwsError } from '../../core/aws-error.js'
import { parseArn, splitIamResource } from '../../core/arn.js'
import { parsePolicy, type NamedPolicy, type Policy } from '../../policy/index.js'
import type { RoleRecord } from '../../store/ports/records.js'
import type { AppContext } from '../context.js'
import { stsValidationError } from './session-rules.js'

export interface RoleArnParts {
  readonly account: string
  readonly path: string
  readonly name: string
}

export function roleArnParts(arn: string): RoleArnParts {
  const parsed = parseArn(arn)
  const resource = parsed && parsed.service === 'iam' ? splitIamResource(parsed.resource) : undefined
  if (!parsed || !resource || resource.type !== 'role' || !/^\d{12}$/.test(parsed.account) || resource.name === '') {
    throw stsValidationError(`${arn} is invalid`)
  }
  return { account: parsed.account, path: resource.path, name: resource.name }
}

/**
 * The role an ARN names (the path must match too), or undefined. Cached per account until a write
 * changes the account's principals (every role write declares affectsAuthorization).
 */
export async function findRole(ctx: AppContext, parts: RoleArnParts): Promise<RoleRecord | undefined> {
  const role = await ctx.authCache.identity(parts.account, `role/${parts.name.toLowerCase()}`, () => ctx.store.read.roles.byName(parts.account, parts.name))
  return role && role.path === parts.path && role.name === parts.name ? role : undefined
}

const TRUST_CACHE_LIMIT = 1000
const trustCache = new Map<string, Policy | null>()

/** The role's trust policy, parsed once per document text. A document that no longer parses trusts nobody. */
export function trustPolicy(role: RoleRecord): NamedPolicy | null {
  let policy = trustCache.get(role.assumeRolePolicy)
  if (policy === undefined) {
    const parsed = parsePolicy(role.assumeRolePolicy, { kind: 'trust' })
    policy = parsed.ok ? parsed.policy : null
    if (trustCache.size >= TRUST_CACHE_LIMIT) trustCache.delete(trustCache.keys().next().value as string)
    trustCache.set(role.assumeRolePolicy, policy)
  }
  return policy && { name: 'trust policy', policy }
}

/** DurationSeconds against the role's maximum (and one hour when chaining). */
export function roleSessionSeconds(requested: number | undefined, role: RoleRecord, limit: { readonly chained: boolean }): number {
  const seconds = requested ?? 3600
  if (limit.chained && seconds > 3600) throw stsValidationError('The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.')
  if (seconds > role.maxSessionDuration) throw stsValidationError('The requested DurationSeconds exceeds the MaxSessionDuration set for this role.')
  return seconds
}

export function assumedRoleUser(role: RoleRecord, sessionName: string) {
  return { AssumedRoleId: `${role.id}:${sessionName}`, Arn: `arn:aws:sts::${role.accountId}:assumed-role/${role.name}/${sessionName}` }
}

/** The denial AWS gives whether the role is missing or the caller may not assume it. */
export function notAuthorizedToAssume(callerArn: string, action: string, roleArn: string): AwsError {
  return new AwsError('AccessDenied', `User: ${callerArn} is not authorized to perform: ${action} on resource: ${roleArn}`, 403)
}

const LAST_USED_INTERVAL_MS = 60_000
const lastRecorded = new Map<string, number>()

/**
 * RoleLastUsed: written when a session of the role makes a request (as AWS reports it), at most
 * once a minute per role, off the request's path.
 */
export function recordRoleUse(ctx: AppContext, accountId: string, roleId: string, at: Date, region: string): void {
  const last = lastRecorded.get(roleId)
  if (last !== undefined && at.getTime() - last < LAST_USED_INTERVAL_MS) return
  if (lastRecorded.size > 100_000) lastRecorded.clear()
  lastRecorded.set(roleId, at.getTime())
  ctx.store
    .transaction((tx) => tx.roles.update(accountId, roleId, { lastUsedAt: at, lastUsedRegion: region }))
    .catch((e: unknown) => console.error('recording role use failed:', e))
}
