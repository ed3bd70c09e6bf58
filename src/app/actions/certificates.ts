// Certificates. Signing certificates (X.509 for SOAP-era request signing): UploadSigningCertificate,
// ListSigningCertificates, UpdateSigningCertificate, DeleteSigningCertificate; two per user, the
// root user included. Server certificates (TLS, for load balancers and CloudFront):
// UploadServerCertificate, GetServerCertificate, ListServerCertificates, UpdateServerCertificate,
// DeleteServerCertificate and their tags. The private key is sealed at rest and never returned.

import type {
  DeleteServerCertificateRequest,
  DeleteSigningCertificateRequest,
  GetServerCertificateRequest,
  ListServerCertificatesRequest,
  ListServerCertificateTagsRequest,
  ListSigningCertificatesRequest,
  TagServerCertificateRequest,
  UntagServerCertificateRequest,
  UpdateServerCertificateRequest,
  UpdateSigningCertificateRequest,
  UploadServerCertificateRequest,
  UploadSigningCertificateRequest
} from '@aws-sdk/client-iam'
import { AwsError, iamErrors } from '../../core/aws-error.js'
import { iamArn } from '../../core/arn.js'
import { newId } from '../../core/ids.js'
import { UniqueViolation, type Repositories } from '../../store/ports/repositories.js'
import type { ServerCertificateRecord, SigningCertificateRecord, Tag } from '../../store/ports/records.js'
import type { ActionTable, Call } from '../call.js'
import { credentialOwner, currentOwner, newSigningCertificateId, ownerId, ownerName, settableStatus, type CredentialOwner } from '../shared/credentials-target.js'
import { checkServerCertificate, notAfter, parseCertificate, parseSigningCertificate, sameCertificate } from '../shared/credentials-x509.js'
import { listing, pageFields, pageOf, pageRequest } from '../shared/paging.js'
import { checkPath, pathOrRoot } from '../shared/paths.js'
import { checkNewTags, checkTagCount, mergeTags, requestTagContext, tagKeysContext, tagsOf } from '../shared/tags.js'

export const SIGNING_CERTIFICATES_PER_USER = 2
export const SERVER_CERTIFICATES_PER_ACCOUNT = 20

// ---------------------------------------------------------------------------------------------
// Signing certificates

const noSuchSigningCertificate = (id: string) => iamErrors.noSuchEntity(`The Certificate with id ${id} cannot be found.`)

function signingOutput(owner: CredentialOwner, c: SigningCertificateRecord): Record<string, unknown> {
  return { ...ownerName(owner), CertificateId: c.id, CertificateBody: c.body, Status: c.status, UploadDate: c.uploadedAt }
}

async function uploadSigningCertificate(call: Call, raw: unknown) {
  const input = raw as UploadSigningCertificateRequest
  const owner = await credentialOwner(call, input.UserName, 'iam:UploadSigningCertificate', { rootAllowed: true })
  const body = (input.CertificateBody as string).trimEnd()
  const certificate = parseSigningCertificate(input.CertificateBody as string, call.now)
  const record: SigningCertificateRecord = {
    id: newSigningCertificateId(call.ctx.random),
    accountId: call.accountId,
    userId: ownerId(owner),
    body,
    status: 'Active',
    uploadedAt: call.now
  }
  const current = await call.write(async (tx) => {
    const now = await currentOwner(tx, call.accountId, owner)
    const inAccount = await tx.signingCertificates.forAccount(call.accountId)
    if (inAccount.some((c) => sameOrFalse(c.body, certificate))) {
      // Wording inferred.
      throw new AwsError('DuplicateCertificate', 'The same certificate is already associated with a user in this account.', 409)
    }
    if (inAccount.filter((c) => c.userId === record.userId).length >= SIGNING_CERTIFICATES_PER_USER) {
      throw iamErrors.limitExceeded(`Cannot exceed quota for CertificatesPerUser: ${SIGNING_CERTIFICATES_PER_USER}`)
    }
    await tx.signingCertificates.insert(record)
    return now
  })
  return { Certificate: signingOutput(current, record) }
}

function sameOrFalse(body: string, certificate: ReturnType<typeof parseSigningCertificate>): boolean {
  const other = parseCertificate(body)
  return other !== undefined && sameCertificate(other, certificate)
}

async function listSigningCertificates(call: Call, raw: unknown) {
  const input = raw as ListSigningCertificatesRequest
  const owner = await credentialOwner(call, input.UserName, 'iam:ListSigningCertificates', { rootAllowed: true })
  const certificates = (await call.read.signingCertificates.forUser(call.accountId, ownerId(owner))).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  const page = pageOf(certificates, pageRequest(input))
  return { Certificates: page.items.map((c) => signingOutput(owner, c)), ...pageFields(page) }
}

async function ownersSigningCertificate(repos: Repositories, call: Call, owner: CredentialOwner, id: string): Promise<SigningCertificateRecord> {
  const certificate = await repos.signingCertificates.byId(call.accountId, id)
  if (!certificate || certificate.userId !== ownerId(owner)) throw noSuchSigningCertificate(id)
  return certificate
}

async function updateSigningCertificate(call: Call, raw: unknown) {
  const input = raw as UpdateSigningCertificateRequest
  const id = input.CertificateId as string
  const owner = await credentialOwner(call, input.UserName, 'iam:UpdateSigningCertificate', { rootAllowed: true })
  const status = settableStatus(input.Status)
  await call.write(async (tx) => {
    await ownersSigningCertificate(tx, call, await currentOwner(tx, call.accountId, owner), id)
    await tx.signingCertificates.update(id, { status })
  })
  return undefined
}

async function deleteSigningCertificate(call: Call, raw: unknown) {
  const input = raw as DeleteSigningCertificateRequest
  const id = input.CertificateId as string
  const owner = await credentialOwner(call, input.UserName, 'iam:DeleteSigningCertificate', { rootAllowed: true })
  await call.write(async (tx) => {
    await ownersSigningCertificate(tx, call, await currentOwner(tx, call.accountId, owner), id)
    await tx.signingCertificates.delete(id)
  })
  return undefined
}

// ---------------------------------------------------------------------------------------------
// Server certificates

const noSuchServerCertificate = (name: string) => iamErrors.noSuchEntity(`The Server Certificate with name ${name} cannot be found.`)
const serverCertificateExists = (name: string) => iamErrors.entityAlreadyExists(`The Server Certificate with name ${name} already exists.`)

function serverMetadata(c: ServerCertificateRecord): Record<string, unknown> {
  return {
    Path: c.path,
    ServerCertificateName: c.name,
    ServerCertificateId: c.id,
    Arn: c.arn,
    UploadDate: c.createdAt,
    Expiration: c.expiration
  }
}

async function requireServerCertificate(repos: Repositories, accountId: string, name: string): Promise<ServerCertificateRecord> {
  const certificate = await repos.serverCertificates.byName(accountId, name)
  if (!certificate) throw noSuchServerCertificate(name)
  return certificate
}

/** Reads the named certificate and authorizes `action` on it (its root-path ARN when it does not exist). */
async function authorizeOnServerCertificate(call: Call, name: string, action: string, context?: Record<string, string | string[]>) {
  const certificate = await call.read.serverCertificates.byName(call.accountId, name)
  await call.authorize({
    action,
    resource: certificate?.arn ?? iamArn(call.accountId, 'server-certificate', '/', name),
    resourceTags: certificate ? await call.read.tags.list('server-certificate', certificate.id) : [],
    ...(context ? { context } : {})
  })
  return certificate
}

async function uploadServerCertificate(call: Call, raw: unknown) {
  const input = raw as UploadServerCertificateRequest
  const name = input.ServerCertificateName as string
  const path = pathOrRoot(input.Path)
  const tags = tagsOf(input.Tags)
  const arn = iamArn(call.accountId, 'server-certificate', path, name)
  await call.authorize({ action: 'iam:UploadServerCertificate', resource: arn, context: requestTagContext(tags) })
  checkPath(path)
  checkNewTags(tags, 'server-certificate')
  const { certificate } = checkServerCertificate(input.CertificateBody as string, input.PrivateKey as string, input.CertificateChain)
  const record: ServerCertificateRecord = {
    id: newId('serverCertificate', call.ctx.random),
    accountId: call.accountId,
    name,
    path,
    arn,
    createdAt: call.now,
    body: (input.CertificateBody as string).trimEnd(),
    chain: input.CertificateChain?.trimEnd(),
    privateKeyCipher: call.ctx.secrets.seal(input.PrivateKey as string),
    expiration: notAfter(certificate)
  }
  await call.write(async (tx) => {
    if (await tx.serverCertificates.byName(call.accountId, name)) throw serverCertificateExists(name)
    if ((await tx.serverCertificates.countUpTo(call.accountId, SERVER_CERTIFICATES_PER_ACCOUNT)) >= SERVER_CERTIFICATES_PER_ACCOUNT) {
      throw iamErrors.limitExceeded(`Cannot exceed quota for ServerCertificatesPerAccount: ${SERVER_CERTIFICATES_PER_ACCOUNT}`)
    }
    try {
      await tx.serverCertificates.insert(record)
    } catch (e) {
      if (e instanceof UniqueViolation) throw serverCertificateExists(name)
      throw e
    }
    if (tags.length) await tx.tags.put(call.accountId, 'server-certificate', record.id, tags)
  })
  return { ServerCertificateMetadata: serverMetadata(record), ...(tags.length ? { Tags: tags } : {}) }
}

async function getServerCertificate(call: Call, raw: unknown) {
  const input = raw as GetServerCertificateRequest
  const name = input.ServerCertificateName as string
  const certificate = await authorizeOnServerCertificate(call, name, 'iam:GetServerCertificate')
  if (!certificate) throw noSuchServerCertificate(name)
  return {
    ServerCertificate: {
      ServerCertificateMetadata: serverMetadata(certificate),
      CertificateBody: certificate.body,
      ...(certificate.chain !== undefined ? { CertificateChain: certificate.chain } : {}),
      Tags: await call.read.tags.list('server-certificate', certificate.id)
    }
  }
}

async function listServerCertificates(call: Call, raw: unknown) {
  const input = raw as ListServerCertificatesRequest
  await call.authorize({ action: 'iam:ListServerCertificates', resource: '*' })
  const page = await listing(() => call.read.serverCertificates.list(call.accountId, { pathPrefix: input.PathPrefix }, pageRequest(input)))
  return { ServerCertificateMetadataList: page.items.map(serverMetadata), ...pageFields(page) }
}

/** Renames and/or moves. IAM requires permission on the certificate under its old and its new name. */
async function updateServerCertificate(call: Call, raw: unknown) {
  const input = raw as UpdateServerCertificateRequest
  const name = input.ServerCertificateName as string
  const certificate = await authorizeOnServerCertificate(call, name, 'iam:UpdateServerCertificate')
  if (input.NewPath !== undefined) checkPath(input.NewPath)
  if (certificate && (input.NewServerCertificateName !== undefined || input.NewPath !== undefined)) {
    const resource = iamArn(call.accountId, 'server-certificate', input.NewPath ?? certificate.path, input.NewServerCertificateName ?? certificate.name)
    if (resource !== certificate.arn) await call.authorize({ action: 'iam:UpdateServerCertificate', resource })
  }
  await call.write(async (tx) => {
    const current = await requireServerCertificate(tx, call.accountId, name)
    const newName = input.NewServerCertificateName ?? current.name
    const newPath = input.NewPath ?? current.path
    if (newName.toLowerCase() !== current.name.toLowerCase() && (await tx.serverCertificates.byName(call.accountId, newName))) {
      throw serverCertificateExists(newName)
    }
    try {
      await tx.serverCertificates.update(call.accountId, current.id, { name: newName, path: newPath, arn: iamArn(call.accountId, 'server-certificate', newPath, newName) })
    } catch (e) {
      if (e instanceof UniqueViolation) throw serverCertificateExists(newName)
      throw e
    }
  })
  return undefined
}

async function deleteServerCertificate(call: Call, raw: unknown) {
  const input = raw as DeleteServerCertificateRequest
  const name = input.ServerCertificateName as string
  await authorizeOnServerCertificate(call, name, 'iam:DeleteServerCertificate')
  await call.write(async (tx) => {
    const current = await requireServerCertificate(tx, call.accountId, name)
    await tx.tags.removeAll('server-certificate', current.id)
    await tx.serverCertificates.delete(call.accountId, current.id)
  })
  return undefined
}

async function tagServerCertificate(call: Call, raw: unknown) {
  const input = raw as TagServerCertificateRequest
  const name = input.ServerCertificateName as string
  const tags = tagsOf(input.Tags)
  await authorizeOnServerCertificate(call, name, 'iam:TagServerCertificate', requestTagContext(tags))
  checkNewTags(tags, 'server-certificate')
  await call.write(async (tx) => {
    const current = await requireServerCertificate(tx, call.accountId, name)
    checkTagCount(mergeTags(await tx.tags.list('server-certificate', current.id), tags, 'server-certificate').length)
    await tx.tags.put(call.accountId, 'server-certificate', current.id, tags)
  })
  return undefined
}

async function untagServerCertificate(call: Call, raw: unknown) {
  const input = raw as UntagServerCertificateRequest
  const name = input.ServerCertificateName as string
  const keys = input.TagKeys ?? []
  await authorizeOnServerCertificate(call, name, 'iam:UntagServerCertificate', tagKeysContext(keys))
  await call.write(async (tx) => {
    const current = await requireServerCertificate(tx, call.accountId, name)
    await tx.tags.remove('server-certificate', current.id, keys)
  })
  return undefined
}

/** In key order (as IAM lists a server certificate's tags). */
async function listServerCertificateTags(call: Call, raw: unknown) {
  const input = raw as ListServerCertificateTagsRequest
  const name = input.ServerCertificateName as string
  const certificate = await authorizeOnServerCertificate(call, name, 'iam:ListServerCertificateTags')
  if (!certificate) throw noSuchServerCertificate(name)
  const tags: Tag[] = (await call.read.tags.list('server-certificate', certificate.id)).sort((a, b) => (a.Key < b.Key ? -1 : a.Key > b.Key ? 1 : 0))
  const page = pageOf(tags, pageRequest(input))
  return { Tags: page.items, ...pageFields(page) }
}

export const certificatesActions: ActionTable = {
  UploadSigningCertificate: uploadSigningCertificate,
  ListSigningCertificates: listSigningCertificates,
  UpdateSigningCertificate: updateSigningCertificate,
  DeleteSigningCertificate: deleteSigningCertificate,
  UploadServerCertificate: uploadServerCertificate,
  GetServerCertificate: getServerCertificate,
  ListServerCertificates: listServerCertificates,
  UpdateServerCertificate: updateServerCertificate,
  DeleteServerCertificate: deleteServerCertificate,
  TagServerCertificate: tagServerCertificate,
  UntagServerCertificate: untagServerCertificate,
  ListServerCertificateTags: listServerCertificateTags
}
