// Service-specific credentials (a user name and password for one AWS service: CodeCommit's Git
// over HTTPS, Amazon Keyspaces): CreateServiceSpecificCredential, ListServiceSpecificCredentials,
// UpdateServiceSpecificCredential, ResetServiceSpecificCredential, DeleteServiceSpecificCredential.
// Two per user per service. The password is sealed at rest and returned on create and reset only.

import type {
  CreateServiceSpecificCredentialRequest,
  DeleteServiceSpecificCredentialRequest,
  ListServiceSpecificCredentialsRequest,
  ResetServiceSpecificCredentialRequest,
  UpdateServiceSpecificCredentialRequest
} from '@aws-sdk/client-iam'
import { AwsError, iamErrors } from '../../core/aws-error.js'
import { newId } from '../../core/ids.js'
import type { Repositories } from '../../store/ports/repositories.js'
import type { ServiceCredentialRecord, UserRecord } from '../../store/ports/records.js'
import type { ActionTable, Call } from '../call.js'
import { credentialOwner, currentOwner, settableStatus } from '../shared/credentials-target.js'

/**
 * The services that take service-specific credentials with a user name and password. (Bedrock
 * and CloudWatch Logs API keys need CredentialAgeDays and answer with an alias and secret,
 * which the API version this server speaks does not have.)
 */
export const SUPPORTED_SERVICES: readonly string[] = ['codecommit.amazonaws.com', 'cassandra.amazonaws.com']

export const CREDENTIALS_PER_USER_PER_SERVICE = 2

// Wording of both inferred.
const notSupported = (service: string) => new AwsError('NotSupportedService', `No such service ${service} is supported for Service Specific Credentials`, 404)
const noSuchCredential = (id: string) => iamErrors.noSuchEntity(`No such credential ${id} exists`)

/** 44 characters of base64 (33 random bytes), like the passwords AWS's examples show. */
function newServicePassword(call: Call): string {
  return Buffer.from(call.ctx.random.bytes(33)).toString('base64')
}

function metadata(user: UserRecord, c: ServiceCredentialRecord): Record<string, unknown> {
  return {
    UserName: user.name,
    Status: c.status,
    ServiceUserName: c.serviceUserName,
    CreateDate: c.createdAt,
    ServiceSpecificCredentialId: c.id,
    ServiceName: c.serviceName
  }
}

function withPassword(user: UserRecord, c: ServiceCredentialRecord, password: string): Record<string, unknown> {
  return { ...metadata(user, c), ServicePassword: password }
}

async function credentialUser(call: Call, userName: string | undefined, action: string, serviceName?: string): Promise<UserRecord> {
  const owner = await credentialOwner(call, userName, action, serviceName ? { context: { 'iam:ServiceSpecificCredentialServiceName': serviceName } } : {})
  if (owner.kind !== 'user') throw new Error('service-specific credentials belong to users')
  return owner.user
}

async function usersCredential(repos: Repositories, user: UserRecord, id: string): Promise<ServiceCredentialRecord> {
  const credential = await repos.serviceCredentials.byId(user.id, id)
  if (!credential) throw noSuchCredential(id)
  return credential
}

/** The credential's service, for the iam:ServiceSpecificCredentialServiceName condition key (when it exists). */
async function serviceOf(call: Call, userName: string | undefined, id: string): Promise<string | undefined> {
  const caller = call.caller
  const user =
    userName !== undefined
      ? await call.read.users.byName(call.accountId, userName)
      : caller.kind === 'user' && caller.userId
        ? await call.read.users.byId(call.accountId, caller.userId)
        : undefined
  return user ? (await call.read.serviceCredentials.byId(user.id, id))?.serviceName : undefined
}

async function createServiceSpecificCredential(call: Call, raw: unknown) {
  const input = raw as CreateServiceSpecificCredentialRequest
  const serviceName = input.ServiceName as string
  const user = await credentialUser(call, input.UserName, 'iam:CreateServiceSpecificCredential', serviceName)
  if (!SUPPORTED_SERVICES.includes(serviceName)) throw notSupported(serviceName)
  const password = newServicePassword(call)
  const record: ServiceCredentialRecord = {
    id: newId('serviceSpecificCredential', call.ctx.random),
    accountId: call.accountId,
    userId: user.id,
    serviceName,
    serviceUserName: `${user.name}-at-${call.accountId}`,
    passwordCipher: call.ctx.secrets.seal(password),
    status: 'Active',
    createdAt: call.now
  }
  const current = await call.write(async (tx) => {
    const now = await currentOwner(tx, call.accountId, { kind: 'user', user })
    if (now.kind !== 'user') throw new Error('service-specific credentials belong to users')
    if ((await tx.serviceCredentials.forUser(user.id, serviceName)).length >= CREDENTIALS_PER_USER_PER_SERVICE) {
      throw iamErrors.limitExceeded(`Cannot exceed quota for ServiceSpecificCredentialsPerUserPerService: ${CREDENTIALS_PER_USER_PER_SERVICE}`)
    }
    await tx.serviceCredentials.insert(record)
    return now.user
  })
  return { ServiceSpecificCredential: withPassword(current, record, password) }
}

async function listServiceSpecificCredentials(call: Call, raw: unknown) {
  const input = raw as ListServiceSpecificCredentialsRequest
  const user = await credentialUser(call, input.UserName, 'iam:ListServiceSpecificCredentials')
  if (input.ServiceName !== undefined && !SUPPORTED_SERVICES.includes(input.ServiceName)) throw notSupported(input.ServiceName)
  const credentials = await call.read.serviceCredentials.forUser(user.id, input.ServiceName)
  return { ServiceSpecificCredentials: credentials.map((c) => metadata(user, c)) }
}

async function updateServiceSpecificCredential(call: Call, raw: unknown) {
  const input = raw as UpdateServiceSpecificCredentialRequest
  const id = input.ServiceSpecificCredentialId as string
  const user = await credentialUser(call, input.UserName, 'iam:UpdateServiceSpecificCredential', await serviceOf(call, input.UserName, id))
  const status = settableStatus(input.Status)
  await call.write(async (tx) => {
    await currentOwner(tx, call.accountId, { kind: 'user', user })
    await usersCredential(tx, user, id)
    await tx.serviceCredentials.update(id, { status })
  })
  return undefined
}

async function resetServiceSpecificCredential(call: Call, raw: unknown) {
  const input = raw as ResetServiceSpecificCredentialRequest
  const id = input.ServiceSpecificCredentialId as string
  const user = await credentialUser(call, input.UserName, 'iam:ResetServiceSpecificCredential', await serviceOf(call, input.UserName, id))
  const password = newServicePassword(call)
  const passwordCipher = call.ctx.secrets.seal(password)
  const credential = await call.write(async (tx) => {
    await currentOwner(tx, call.accountId, { kind: 'user', user })
    const current = await usersCredential(tx, user, id)
    await tx.serviceCredentials.update(id, { passwordCipher })
    return { ...current, passwordCipher }
  })
  return { ServiceSpecificCredential: withPassword(user, credential, password) }
}

async function deleteServiceSpecificCredential(call: Call, raw: unknown) {
  const input = raw as DeleteServiceSpecificCredentialRequest
  const id = input.ServiceSpecificCredentialId as string
  const user = await credentialUser(call, input.UserName, 'iam:DeleteServiceSpecificCredential', await serviceOf(call, input.UserName, id))
  await call.write(async (tx) => {
    await currentOwner(tx, call.accountId, { kind: 'user', user })
    await usersCredential(tx, user, id)
    await tx.serviceCredentials.delete(id)
  })
  return undefined
}

export const serviceCredentialsActions: ActionTable = {
  CreateServiceSpecificCredential: createServiceSpecificCredential,
  ListServiceSpecificCredentials: listServiceSpecificCredentials,
  UpdateServiceSpecificCredential: updateServiceSpecificCredential,
  ResetServiceSpecificCredential: resetServiceSpecificCredential,
  DeleteServiceSpecificCredential: deleteServiceSpecificCredential
}
