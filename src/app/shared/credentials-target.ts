// Whose credentials an action manages: the user it names, or without a name the caller itself
// (an IAM user its own; the root user the root user's, where the action allows it). Role
// sessions and federated users must name a user. Authorizes against the user's ARN, which IAM's
// AccessDenied message shows as `user <name>`.

import { iamErrors } from '../../core/aws-error.js'
import { rootArn } from '../../core/arn.js'
import { randomString, type Random } from '../../core/random.js'
import type { Repositories } from '../../store/ports/repositories.js'
import type { UserRecord } from '../../store/ports/records.js'
import type { RawContext } from '../../policy/index.js'
import type { Call } from '../call.js'
import { arnFor, noSuchUser } from './lookups.js'

export type CredentialOwner = { readonly kind: 'root' } | { readonly kind: 'user'; readonly user: UserRecord }

export interface TargetOptions {
  /** The root user may manage its own credentials of this kind (access keys, signing certificates, its password). */
  readonly rootAllowed?: boolean
  readonly context?: RawContext
}

export const nonUserCredentials = () => iamErrors.validationError('Must specify userName when calling with non-User credentials')

/** Resolves the owner, authorizes `action` on it, and fails with NoSuchEntity when the named user does not exist. */
export async function credentialOwner(call: Call, userName: string | undefined, action: string, options: TargetOptions = {}): Promise<CredentialOwner> {
  const context = options.context ? { context: options.context } : {}
  if (userName === undefined) {
    const caller = call.caller
    if (caller.kind === 'root' && options.rootAllowed) {
      await call.authorize({ action, resource: rootArn(call.accountId), ...context })
      return { kind: 'root' }
    }
    if (caller.kind !== 'user' || caller.userId === undefined) throw nonUserCredentials()
    const own = await call.read.users.byId(call.accountId, caller.userId)
    if (!own) throw noSuchUser(caller.userName ?? caller.userId)
    await call.authorize({ action, resource: own.arn, displayResource: `user ${own.name}`, resourceTags: await call.read.tags.list('user', own.id), ...context })
    return { kind: 'user', user: own }
  }
  const user = await call.read.users.byName(call.accountId, userName)
  await call.authorize({
    action,
    resource: arnFor(call.accountId, 'user', user, userName),
    displayResource: `user ${userName}`,
    resourceTags: user ? await call.read.tags.list('user', user.id) : [],
    ...context
  })
  if (!user) throw noSuchUser(userName)
  return { kind: 'user', user }
}

/** The owner re-read inside a transaction (the user may have gone since authorization). */
export async function currentOwner(tx: Repositories, accountId: string, owner: CredentialOwner): Promise<CredentialOwner> {
  if (owner.kind === 'root') return owner
  const user = await tx.users.byId(accountId, owner.user.id)
  if (!user) throw noSuchUser(owner.user.name)
  return { kind: 'user', user }
}

/** The owner's user id as the store keys credentials (undefined for the root user). */
export function ownerId(owner: CredentialOwner): string | undefined {
  return owner.kind === 'user' ? owner.user.id : undefined
}

/** `UserName` in outputs: the user's name; the root user's credentials carry none. */
export function ownerName(owner: CredentialOwner): { UserName?: string } {
  return owner.kind === 'user' ? { UserName: owner.user.name } : {}
}

/**
 * Credential status updates take Active or Inactive; the model's enum also has Expired (for
 * service-specific credentials that expire), which no caller can set. (Message inferred.)
 */
export function settableStatus(status: unknown): 'Active' | 'Inactive' {
  if (status === 'Active' || status === 'Inactive') return status
  throw iamErrors.invalidInput(`Invalid status: ${String(status)}. Status must be Active or Inactive.`)
}

const ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'

/** SSH public key IDs are 20 characters (APKA + 16), like access key IDs. */
export function newSshPublicKeyId(random: Random): string {
  return 'APKA' + randomString(random, ID_ALPHABET, 16)
}

/** Signing certificate IDs: 28 upper-case letters and digits, no prefix (AWS's examples). */
export function newSigningCertificateId(random: Random): string {
  return randomString(random, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789', 28)
}
