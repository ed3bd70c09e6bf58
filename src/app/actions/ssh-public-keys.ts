// SSH public keys (for CodeCommit): UploadSSHPublicKey, GetSSHPublicKey, ListSSHPublicKeys,
// UpdateSSHPublicKey, DeleteSSHPublicKey. RSA keys of at least 2048 bits, in ssh-rsa or PEM form;
// five per user; the same key once per user.

import type { DeleteSSHPublicKeyRequest, GetSSHPublicKeyRequest, ListSSHPublicKeysRequest, UpdateSSHPublicKeyRequest, UploadSSHPublicKeyRequest } from '@aws-sdk/client-iam'
import { AwsError, iamErrors } from '../../core/aws-error.js'
import type { Repositories } from '../../store/ports/repositories.js'
import type { SshPublicKeyRecord, UserRecord } from '../../store/ports/records.js'
import type { ActionTable, Call } from '../call.js'
import { encodeSshPublicKey, parseSshPublicKey } from '../shared/credentials-ssh.js'
import { credentialOwner, currentOwner, newSshPublicKeyId, settableStatus } from '../shared/credentials-target.js'
import { pageFields, pageOf, pageRequest } from '../shared/paging.js'

export const SSH_PUBLIC_KEYS_PER_USER = 5

const noSuchKey = (id: string) => iamErrors.noSuchEntity(`The Public Key with id ${id} cannot be found.`)
/** Wording inferred. */
const duplicateKey = () => new AwsError('DuplicateSSHPublicKey', 'The public key is already associated with the specified user.', 400)

async function sshOwner(call: Call, userName: string | undefined, action: string): Promise<UserRecord | undefined> {
  const owner = await credentialOwner(call, userName, action, { rootAllowed: true })
  return owner.kind === 'user' ? owner.user : undefined
}

async function usersKey(repos: Repositories, user: UserRecord, id: string): Promise<SshPublicKeyRecord> {
  const key = await repos.sshPublicKeys.byId(user.id, id)
  if (!key) throw noSuchKey(id)
  return key
}

function keyOutput(user: UserRecord, k: SshPublicKeyRecord, body: string): Record<string, unknown> {
  return { UserName: user.name, SSHPublicKeyId: k.id, Fingerprint: k.fingerprint, SSHPublicKeyBody: body, Status: k.status, UploadDate: k.uploadedAt }
}

async function uploadSSHPublicKey(call: Call, raw: unknown) {
  const input = raw as UploadSSHPublicKeyRequest
  const user = (await sshOwner(call, input.UserName, 'iam:UploadSSHPublicKey')) as UserRecord
  const body = (input.SSHPublicKeyBody as string).trim()
  const parsed = parseSshPublicKey(body)
  const key: SshPublicKeyRecord = {
    id: newSshPublicKeyId(call.ctx.random),
    accountId: call.accountId,
    userId: user.id,
    body,
    fingerprint: parsed.fingerprint,
    status: 'Active',
    uploadedAt: call.now
  }
  await call.write(async (tx) => {
    await currentOwner(tx, call.accountId, { kind: 'user', user })
    const existing = await tx.sshPublicKeys.forUser(user.id)
    if (existing.some((k) => k.fingerprint === parsed.fingerprint)) throw duplicateKey()
    if (existing.length >= SSH_PUBLIC_KEYS_PER_USER) throw iamErrors.limitExceeded(`Cannot exceed quota for PublicKeysPerUser: ${SSH_PUBLIC_KEYS_PER_USER}`)
    await tx.sshPublicKeys.insert(key)
  })
  return { SSHPublicKey: keyOutput(user, key, body) }
}

async function getSSHPublicKey(call: Call, raw: unknown) {
  const input = raw as GetSSHPublicKeyRequest
  const user = (await sshOwner(call, input.UserName, 'iam:GetSSHPublicKey')) as UserRecord
  const key = await usersKey(call.read, user, input.SSHPublicKeyId as string)
  return { SSHPublicKey: keyOutput(user, key, encodeSshPublicKey(key.body, input.Encoding === 'PEM' ? 'PEM' : 'SSH')) }
}

async function listSSHPublicKeys(call: Call, raw: unknown) {
  const input = raw as ListSSHPublicKeysRequest
  const user = await sshOwner(call, input.UserName, 'iam:ListSSHPublicKeys')
  // The root user has no SSH keys (UploadSSHPublicKey needs a user name).
  const keys = user ? await call.read.sshPublicKeys.forUser(user.id) : []
  const page = pageOf(keys, pageRequest(input))
  return {
    SSHPublicKeys: page.items.map((k) => ({ UserName: (user as UserRecord).name, SSHPublicKeyId: k.id, Status: k.status, UploadDate: k.uploadedAt })),
    ...pageFields(page)
  }
}

async function updateSSHPublicKey(call: Call, raw: unknown) {
  const input = raw as UpdateSSHPublicKeyRequest
  const id = input.SSHPublicKeyId as string
  const user = (await sshOwner(call, input.UserName, 'iam:UpdateSSHPublicKey')) as UserRecord
  const status = settableStatus(input.Status)
  await call.write(async (tx) => {
    await currentOwner(tx, call.accountId, { kind: 'user', user })
    await usersKey(tx, user, id)
    await tx.sshPublicKeys.update(id, { status })
  })
  return undefined
}

async function deleteSSHPublicKey(call: Call, raw: unknown) {
  const input = raw as DeleteSSHPublicKeyRequest
  const id = input.SSHPublicKeyId as string
  const user = (await sshOwner(call, input.UserName, 'iam:DeleteSSHPublicKey')) as UserRecord
  await call.write(async (tx) => {
    await currentOwner(tx, call.accountId, { kind: 'user', user })
    await usersKey(tx, user, id)
    await tx.sshPublicKeys.delete(id)
  })
  return undefined
}

export const sshPublicKeysActions: ActionTable = {
  UploadSSHPublicKey: uploadSSHPublicKey,
  GetSSHPublicKey: getSSHPublicKey,
  ListSSHPublicKeys: listSSHPublicKeys,
  UpdateSSHPublicKey: updateSSHPublicKey,
  DeleteSSHPublicKey: deleteSSHPublicKey
}
