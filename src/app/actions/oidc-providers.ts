// OpenID Connect identity providers: CreateOpenIDConnectProvider, GetOpenIDConnectProvider,
// ListOpenIDConnectProviders, DeleteOpenIDConnectProvider, the client ID list
// (AddClientIDToOpenIDConnectProvider / RemoveClientIDFromOpenIDConnectProvider, both
// idempotent), UpdateOpenIDConnectProviderThumbprint, and the provider's tags (keys
// case-sensitive). A provider is named by its issuer URL: its ARN is
// arn:aws:iam::ACCOUNT:oidc-provider/<URL without https://>. docs/iam-behaviour.md §23.1.

import type {
  AddClientIDToOpenIDConnectProviderRequest,
  CreateOpenIDConnectProviderRequest,
  DeleteOpenIDConnectProviderRequest,
  GetOpenIDConnectProviderRequest,
  RemoveClientIDFromOpenIDConnectProviderRequest,
  UpdateOpenIDConnectProviderThumbprintRequest
} from '@aws-sdk/client-iam'
import { iamErrors } from '../../core/aws-error.js'
import { UniqueViolation, type Repositories } from '../../store/ports/repositories.js'
import type { OidcProviderRecord } from '../../store/ports/records.js'
import type { ActionTable, Call } from '../call.js'
import { HTTPS, oidcProviderArn } from '../federation/provider-arns.js'
import {
  CLIENT_IDS_PER_OIDC_PROVIDER,
  noSuchOidcProvider,
  noSuchOidcProviderToDelete,
  OIDC_PROVIDERS_PER_ACCOUNT,
  providerId,
  THUMBPRINTS_PER_OIDC_PROVIDER
} from '../shared/federation-providers.js'
import { authorizeOnProviderArn, providerTagActions, requireProvider as requireKind, type ProviderKind } from '../shared/provider-tags.js'
import { checkNewTags, requestTagContext, tagsOf } from '../shared/tags.js'

const TAGS = 'oidc-provider' as const

const KIND: ProviderKind<OidcProviderRecord> = {
  type: TAGS,
  noun: 'OpenIDConnectProvider',
  arnMember: 'OpenIDConnectProviderArn',
  find: (repos, accountId, arn) => repos.oidcProviders.byArn(accountId, arn),
  notFound: noSuchOidcProvider
}
const requireProvider = (repos: Repositories, accountId: string, arn: string) => requireKind(KIND, repos, accountId, arn)
const authorizeOn = (call: Call, action: string, arn: string, context?: Record<string, string | string[]>) => authorizeOnProviderArn(call, KIND, action, arn, context)

/**
 * The URL without its scheme, or ValidationError: IAM wants https:// and a host, allows a path,
 * and refuses query strings and fragments.
 */
function providerUrl(url: string): string {
  const invalid = () => iamErrors.validationError('Invalid Open ID Connect Provider URL')
  if (!url.startsWith(HTTPS)) throw invalid()
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    throw invalid()
  }
  if (parsed.hostname === '' || parsed.search !== '' || parsed.hash !== '' || url.includes('?') || url.includes('#') || parsed.username || parsed.password) throw invalid()
  return url.slice(HTTPS.length)
}

/** At most five thumbprints of 40 hex characters (the model checks the length). */
function checkThumbprints(thumbprints: readonly string[]): void {
  if (thumbprints.length > THUMBPRINTS_PER_OIDC_PROVIDER) throw iamErrors.invalidInput(`Thumbprint list must contain fewer than ${THUMBPRINTS_PER_OIDC_PROVIDER} entries.`)
  for (const t of thumbprints) if (!/^[0-9a-fA-F]{40}$/.test(t)) throw iamErrors.invalidInput(`Thumbprint ${t} is not a valid hex-encoded SHA-1 thumbprint.`)
}

function checkClientIdCount(count: number): void {
  if (count > CLIENT_IDS_PER_OIDC_PROVIDER) throw iamErrors.limitExceeded(`Cannot exceed quota for ClientIdsPerOpenIdConnectProvider: ${CLIENT_IDS_PER_OIDC_PROVIDER}`)
}

const distinct = (values: readonly string[]) => [...new Set(values)]

async function createOpenIDConnectProvider(call: Call, raw: unknown) {
  const input = raw as CreateOpenIDConnectProviderRequest
  const url = input.Url as string
  const tags = tagsOf(input.Tags)
  const arn = oidcProviderArn(call.accountId, url.startsWith(HTTPS) ? url.slice(HTTPS.length) : url)
  await call.authorize({ action: 'iam:CreateOpenIDConnectProvider', resource: arn, context: requestTagContext(tags) })
  const stripped = providerUrl(url)
  // ThumbprintList is optional in IAM today (trusted CAs are checked first); an older model marks it required.
  const thumbprints = input.ThumbprintList ?? []
  checkThumbprints(thumbprints)
  const clientIds = distinct(input.ClientIDList ?? [])
  checkClientIdCount(clientIds.length)
  checkNewTags(tags, TAGS)
  const provider: OidcProviderRecord = { id: providerId(call, 'OIDC'), accountId: call.accountId, url: stripped, arn, clientIds, thumbprints, createdAt: call.now }
  const taken = () => iamErrors.entityAlreadyExists(`Provider with url ${url} already exists.`)
  await call.write(async (tx) => {
    if (await tx.oidcProviders.byArn(call.accountId, arn)) throw taken()
    if ((await tx.oidcProviders.countUpTo(call.accountId, OIDC_PROVIDERS_PER_ACCOUNT)) >= OIDC_PROVIDERS_PER_ACCOUNT) {
      throw iamErrors.limitExceeded(`Cannot exceed quota for OpenIdConnectProvidersPerAccount: ${OIDC_PROVIDERS_PER_ACCOUNT}`)
    }
    try {
      await tx.oidcProviders.insert(provider)
    } catch (e) {
      if (e instanceof UniqueViolation) throw taken()
      throw e
    }
    if (tags.length) await tx.tags.put(call.accountId, TAGS, provider.id, tags)
  })
  return { OpenIDConnectProviderArn: arn, ...(tags.length ? { Tags: tags } : {}) }
}

async function getOpenIDConnectProvider(call: Call, raw: unknown) {
  const arn = (raw as GetOpenIDConnectProviderRequest).OpenIDConnectProviderArn as string
  const { provider, tags } = await authorizeOn(call, 'iam:GetOpenIDConnectProvider', arn)
  if (!provider) throw noSuchOidcProvider(arn)
  return { Url: provider.url, ClientIDList: [...provider.clientIds], ThumbprintList: [...provider.thumbprints], CreateDate: provider.createdAt, Tags: tags }
}

async function listOpenIDConnectProviders(call: Call) {
  await call.authorize({ action: 'iam:ListOpenIDConnectProviders', resource: '*' })
  const providers = await call.read.oidcProviders.list(call.accountId)
  return { OpenIDConnectProviderList: providers.map((p) => ({ Arn: p.arn })) }
}

async function deleteOpenIDConnectProvider(call: Call, raw: unknown) {
  const arn = (raw as DeleteOpenIDConnectProviderRequest).OpenIDConnectProviderArn as string
  await authorizeOn(call, 'iam:DeleteOpenIDConnectProvider', arn)
  await call.write(async (tx) => {
    const current = await tx.oidcProviders.byArn(call.accountId, arn)
    if (!current) throw noSuchOidcProviderToDelete(arn)
    await tx.tags.removeAll(TAGS, current.id)
    await tx.oidcProviders.delete(call.accountId, current.id)
  })
  return undefined
}

async function addClientIDToOpenIDConnectProvider(call: Call, raw: unknown) {
  const input = raw as AddClientIDToOpenIDConnectProviderRequest
  const arn = input.OpenIDConnectProviderArn as string
  const clientId = input.ClientID as string
  await authorizeOn(call, 'iam:AddClientIDToOpenIDConnectProvider', arn)
  await call.write(async (tx) => {
    const current = await requireProvider(tx, call.accountId, arn)
    if (current.clientIds.includes(clientId)) return
    checkClientIdCount(current.clientIds.length + 1)
    await tx.oidcProviders.update(call.accountId, current.id, { clientIds: [...current.clientIds, clientId] })
  })
  return undefined
}

async function removeClientIDFromOpenIDConnectProvider(call: Call, raw: unknown) {
  const input = raw as RemoveClientIDFromOpenIDConnectProviderRequest
  const arn = input.OpenIDConnectProviderArn as string
  const clientId = input.ClientID as string
  await authorizeOn(call, 'iam:RemoveClientIDFromOpenIDConnectProvider', arn)
  await call.write(async (tx) => {
    const current = await requireProvider(tx, call.accountId, arn)
    if (!current.clientIds.includes(clientId)) return
    await tx.oidcProviders.update(call.accountId, current.id, { clientIds: current.clientIds.filter((c) => c !== clientId) })
  })
  return undefined
}

async function updateOpenIDConnectProviderThumbprint(call: Call, raw: unknown) {
  const input = raw as UpdateOpenIDConnectProviderThumbprintRequest
  const arn = input.OpenIDConnectProviderArn as string
  const thumbprints = input.ThumbprintList ?? []
  await authorizeOn(call, 'iam:UpdateOpenIDConnectProviderThumbprint', arn)
  checkThumbprints(thumbprints)
  await call.write(async (tx) => {
    const current = await requireProvider(tx, call.accountId, arn)
    await tx.oidcProviders.update(call.accountId, current.id, { thumbprints: [...thumbprints] })
  })
  return undefined
}

export const oidcProvidersActions: ActionTable = {
  ...providerTagActions(KIND),
  CreateOpenIDConnectProvider: createOpenIDConnectProvider,
  GetOpenIDConnectProvider: getOpenIDConnectProvider,
  ListOpenIDConnectProviders: listOpenIDConnectProviders,
  DeleteOpenIDConnectProvider: deleteOpenIDConnectProvider,
  AddClientIDToOpenIDConnectProvider: addClientIDToOpenIDConnectProvider,
  RemoveClientIDFromOpenIDConnectProvider: removeClientIDFromOpenIDConnectProvider,
  UpdateOpenIDConnectProviderThumbprint: updateOpenIDConnectProviderThumbprint
}
