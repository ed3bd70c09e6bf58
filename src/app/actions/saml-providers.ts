// SAML 2.0 identity providers: CreateSAMLProvider, GetSAMLProvider, UpdateSAMLProvider,
// ListSAMLProviders, DeleteSAMLProvider, and the provider's tags (keys case-sensitive). The
// metadata document must be SAML 2.0 IdP metadata with an entity ID and a signing certificate
// (federation/saml-metadata.ts); its validUntil becomes the provider's ValidUntil.
// docs/iam-behaviour.md §23.1.
//
// Not implemented: the newer AssertionEncryptionMode / AddPrivateKey / RemovePrivateKey members
// (encrypted assertions) and GetSAMLProvider's SAMLProviderUUID and PrivateKeyList: the API model
// this server speaks (botocore of awscli 2.9.19) has none of them, so they are ignored on input
// and cannot be serialized on output.

import type { CreateSAMLProviderRequest, DeleteSAMLProviderRequest, GetSAMLProviderRequest, UpdateSAMLProviderRequest } from '@aws-sdk/client-iam'
import { iamErrors } from '../../core/aws-error.js'
import { UniqueViolation, type Repositories } from '../../store/ports/repositories.js'
import type { SamlProviderRecord } from '../../store/ports/records.js'
import type { ActionTable, Call } from '../call.js'
import { samlProviderArn } from '../federation/provider-arns.js'
import { parseSamlMetadata, type SamlMetadata } from '../federation/saml-metadata.js'
import { noSuchSamlProvider, providerId, SAML_PROVIDERS_PER_ACCOUNT } from '../shared/federation-providers.js'
import { authorizeOnProviderArn, providerTagActions, requireProvider as requireKind, type ProviderKind } from '../shared/provider-tags.js'
import { checkNewTags, requestTagContext, tagsOf } from '../shared/tags.js'

const TAGS = 'saml-provider' as const

const KIND: ProviderKind<SamlProviderRecord> = {
  type: TAGS,
  noun: 'SAMLProvider',
  arnMember: 'SAMLProviderArn',
  find: (repos, accountId, arn) => repos.samlProviders.byArn(accountId, arn),
  notFound: noSuchSamlProvider
}
const requireProvider = (repos: Repositories, accountId: string, arn: string) => requireKind(KIND, repos, accountId, arn)
const authorizeOn = (call: Call, action: string, arn: string, context?: Record<string, string | string[]>) => authorizeOnProviderArn(call, KIND, action, arn, context)
/** Without a validUntil in the metadata, IAM's ValidUntil lies a hundred years ahead. */
const DEFAULT_VALIDITY_YEARS = 100

function metadataOrThrow(document: string): SamlMetadata {
  const metadata = parseSamlMetadata(document)
  if (!metadata) throw iamErrors.invalidInput('Could not parse metadata')
  return metadata
}

function validUntil(metadata: SamlMetadata, now: Date): Date {
  if (metadata.validUntil) return metadata.validUntil
  const until = new Date(now)
  until.setUTCFullYear(until.getUTCFullYear() + DEFAULT_VALIDITY_YEARS)
  return until
}

async function createSAMLProvider(call: Call, raw: unknown) {
  const input = raw as CreateSAMLProviderRequest
  const name = input.Name as string
  const tags = tagsOf(input.Tags)
  const arn = samlProviderArn(call.accountId, name)
  await call.authorize({ action: 'iam:CreateSAMLProvider', resource: arn, context: requestTagContext(tags) })
  const metadata = metadataOrThrow(input.SAMLMetadataDocument as string)
  checkNewTags(tags, TAGS)
  const provider: SamlProviderRecord = {
    id: providerId(call, 'SAML'),
    accountId: call.accountId,
    name,
    arn,
    metadataDocument: input.SAMLMetadataDocument as string,
    validUntil: validUntil(metadata, call.now),
    createdAt: call.now
  }
  const taken = () => iamErrors.entityAlreadyExists(`Provider with name ${name} already exists.`)
  await call.write(async (tx) => {
    if (await tx.samlProviders.byName(call.accountId, name)) throw taken()
    if ((await tx.samlProviders.countUpTo(call.accountId, SAML_PROVIDERS_PER_ACCOUNT)) >= SAML_PROVIDERS_PER_ACCOUNT) {
      throw iamErrors.limitExceeded(`Cannot exceed quota for SAMLProvidersPerAccount: ${SAML_PROVIDERS_PER_ACCOUNT}`)
    }
    try {
      await tx.samlProviders.insert(provider)
    } catch (e) {
      if (e instanceof UniqueViolation) throw taken()
      throw e
    }
    if (tags.length) await tx.tags.put(call.accountId, TAGS, provider.id, tags)
  })
  return { SAMLProviderArn: arn, ...(tags.length ? { Tags: tags } : {}) }
}

async function getSAMLProvider(call: Call, raw: unknown) {
  const arn = (raw as GetSAMLProviderRequest).SAMLProviderArn as string
  const { provider, tags } = await authorizeOn(call, 'iam:GetSAMLProvider', arn)
  if (!provider) throw noSuchSamlProvider(arn)
  return { SAMLMetadataDocument: provider.metadataDocument, CreateDate: provider.createdAt, ValidUntil: provider.validUntil, Tags: tags }
}

async function updateSAMLProvider(call: Call, raw: unknown) {
  const input = raw as UpdateSAMLProviderRequest
  const arn = input.SAMLProviderArn as string
  const document = input.SAMLMetadataDocument as string
  await authorizeOn(call, 'iam:UpdateSAMLProvider', arn)
  const metadata = metadataOrThrow(document)
  await call.write(async (tx) => {
    const current = await requireProvider(tx, call.accountId, arn)
    await tx.samlProviders.update(call.accountId, current.id, { metadataDocument: document, validUntil: validUntil(metadata, call.now) })
  })
  return { SAMLProviderArn: arn }
}

async function listSAMLProviders(call: Call) {
  await call.authorize({ action: 'iam:ListSAMLProviders', resource: '*' })
  const providers = await call.read.samlProviders.list(call.accountId)
  return { SAMLProviderList: providers.map((p) => ({ Arn: p.arn, ValidUntil: p.validUntil, CreateDate: p.createdAt })) }
}

async function deleteSAMLProvider(call: Call, raw: unknown) {
  const arn = (raw as DeleteSAMLProviderRequest).SAMLProviderArn as string
  await authorizeOn(call, 'iam:DeleteSAMLProvider', arn)
  await call.write(async (tx) => {
    const current = await requireProvider(tx, call.accountId, arn)
    await tx.tags.removeAll(TAGS, current.id)
    await tx.samlProviders.delete(call.accountId, current.id)
  })
  return undefined
}

export const samlProvidersActions: ActionTable = {
  ...providerTagActions(KIND),
  CreateSAMLProvider: createSAMLProvider,
  GetSAMLProvider: getSAMLProvider,
  UpdateSAMLProvider: updateSAMLProvider,
  ListSAMLProviders: listSAMLProviders,
  DeleteSAMLProvider: deleteSAMLProvider
}
