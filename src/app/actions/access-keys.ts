// Access keys: CreateAccessKey, ListAccessKeys, UpdateAccessKey, DeleteAccessKey,
// GetAccessKeyLastUsed. A key belongs to an IAM user or to the root user (no UserName, called as
// root). The secret is sealed at rest and returned once. Status changes and deletions take
// effect on the next request (the key directory's cache follows the authorization generation).

import type { CreateAccessKeyRequest, DeleteAccessKeyRequest, GetAccessKeyLastUsedRequest, ListAccessKeysRequest, UpdateAccessKeyRequest } from '@aws-sdk/client-iam'
import { iamErrors } from '../../core/aws-error.js'
import { rootArn } from '../../core/arn.js'
import { newId, newSecretAccessKey } from '../../core/ids.js'
import type { Repositories } from '../../store/ports/repositories.js'
import type { AccessKeyRecord } from '../../store/ports/records.js'
import type { ActionTable, Call } from '../call.js'
import { credentialOwner, currentOwner, ownerId, ownerName, settableStatus, type CredentialOwner } from '../shared/credentials-target.js'
import { pageFields, pageOf, pageRequest } from '../shared/paging.js'

export const ACCESS_KEYS_PER_USER = 2

const noSuchKey = (id: string) => iamErrors.noSuchEntity(`The Access Key with id ${id} cannot be found.`)

function keyMetadata(owner: CredentialOwner, key: AccessKeyRecord): Record<string, unknown> {
  return { ...ownerName(owner), AccessKeyId: key.id, Status: key.status, CreateDate: key.createdAt }
}

async function createAccessKey(call: Call, raw: unknown) {
  const input = raw as CreateAccessKeyRequest
  const owner = await credentialOwner(call, input.UserName, 'iam:CreateAccessKey', { rootAllowed: true })
  const secret = newSecretAccessKey(call.ctx.random)
  const key: AccessKeyRecord = {
    id: newId('accessKey', call.ctx.random),
    accountId: call.accountId,
    userId: ownerId(owner),
    secretCipher: call.ctx.secrets.seal(secret),
    status: 'Active',
    createdAt: call.now,
    lastUsedAt: undefined,
    lastUsedService: undefined,
    lastUsedRegion: undefined
  }
  const current = await call.write(async (tx) => {
    const now = await currentOwner(tx, call.accountId, owner)
    if ((await tx.accessKeys.forUser(call.accountId, ownerId(now))).length >= ACCESS_KEYS_PER_USER) {
      throw iamErrors.limitExceeded(`Cannot exceed quota for AccessKeysPerUser: ${ACCESS_KEYS_PER_USER}`)
    }
    await tx.accessKeys.insert(key)
    return now
  })
  return { AccessKey: { ...keyMetadata(current, key), SecretAccessKey: secret } }
}

async function listAccessKeys(call: Call, raw: unknown) {
  const input = raw as ListAccessKeysRequest
  const owner = await credentialOwner(call, input.UserName, 'iam:ListAccessKeys', { rootAllowed: true })
  const keys = await call.read.accessKeys.forUser(call.accountId, ownerId(owner))
  const page = pageOf(keys, pageRequest(input))
  return { AccessKeyMetadata: page.items.map((k) => keyMetadata(owner, k)), ...pageFields(page) }
}

/** The key, if it is this owner's (IAM looks keys up under the user the request names). */
async function ownersKey(repos: Repositories, call: Call, owner: CredentialOwner, id: string): Promise<AccessKeyRecord> {
  const key = await repos.accessKeys.byId(id)
  if (!key || key.accountId !== call.accountId || key.userId !== ownerId(owner)) throw noSuchKey(id)
  return key
}

async function updateAccessKey(call: Call, raw: unknown) {
  const input = raw as UpdateAccessKeyRequest
  const id = input.AccessKeyId as string
  const owner = await credentialOwner(call, input.UserName, 'iam:UpdateAccessKey', { rootAllowed: true })
  const status = settableStatus(input.Status)
  await call.write(
    async (tx) => {
      const now = await currentOwner(tx, call.accountId, owner)
      await ownersKey(tx, call, now, id)
      await tx.accessKeys.update(id, { status })
    },
    { affectsAuthorization: true }
  )
  return undefined
}

async function deleteAccessKey(call: Call, raw: unknown) {
  const input = raw as DeleteAccessKeyRequest
  const id = input.AccessKeyId as string
  const owner = await credentialOwner(call, input.UserName, 'iam:DeleteAccessKey', { rootAllowed: true })
  await call.write(
    async (tx) => {
      const now = await currentOwner(tx, call.accountId, owner)
      await ownersKey(tx, call, now, id)
      await tx.accessKeys.delete(id)
    },
    { affectsAuthorization: true }
  )
  return undefined
}

/**
 * Any key of the account, by ID alone. A key that does not exist (or is another account's) is
 * answered with IAM's peculiar AccessDenied, whoever asks: no colon after "perform", no reason.
 */
async function getAccessKeyLastUsed(call: Call, raw: unknown) {
  const input = raw as GetAccessKeyLastUsedRequest
  const id = input.AccessKeyId as string
  const key = await call.read.accessKeys.byId(id)
  const user = key && key.accountId === call.accountId && key.userId !== undefined ? await call.read.users.byId(call.accountId, key.userId) : undefined
  if (!key || key.accountId !== call.accountId || (key.userId !== undefined && !user)) {
    throw iamErrors.accessDenied(`User: ${call.caller.arn} is not authorized to perform iam:GetAccessKeyLastUsed on resource: access key ${id}`)
  }
  await call.authorize({
    action: 'iam:GetAccessKeyLastUsed',
    resource: user ? user.arn : rootArn(call.accountId),
    displayResource: `access key ${id}`,
    resourceTags: user ? await call.read.tags.list('user', user.id) : []
  })
  const lastUsed = key.lastUsedAt
    ? { LastUsedDate: key.lastUsedAt, ServiceName: key.lastUsedService ?? 'N/A', Region: key.lastUsedRegion ?? 'N/A' }
    : { ServiceName: 'N/A', Region: 'N/A' }
  return { ...(user ? { UserName: user.name } : {}), AccessKeyLastUsed: lastUsed }
}

export const accessKeysActions: ActionTable = {
  CreateAccessKey: createAccessKey,
  ListAccessKeys: listAccessKeys,
  UpdateAccessKey: updateAccessKey,
  DeleteAccessKey: deleteAccessKey,
  GetAccessKeyLastUsed: getAccessKeyLastUsed
}
