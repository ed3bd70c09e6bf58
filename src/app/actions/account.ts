// Account-level operations: the account alias (CreateAccountAlias, DeleteAccountAlias,
// ListAccountAliases), GetAccountSummary, GetAccountAuthorizationDetails and
// SetSecurityTokenServicePreferences. None has resource-level permissions: each authorizes on "*".

import type {
  CreateAccountAliasRequest,
  DeleteAccountAliasRequest,
  GetAccountAuthorizationDetailsRequest,
  ListAccountAliasesRequest,
  SetSecurityTokenServicePreferencesRequest
} from '@aws-sdk/client-iam'
import { iamErrors } from '../../core/aws-error.js'
import { UniqueViolation } from '../../store/ports/repositories.js'
import type { ActionTable, Call } from '../call.js'
import { authorizationDetails, DETAIL_SECTIONS, type DetailSection } from '../shared/account-authorization-details.js'
import { SUMMARY_QUOTAS } from '../shared/account-quotas.js'
import { pageFields, pageOf, pageRequest } from '../shared/paging.js'

/** An alias is unique across every account on this server, as AWS's are across all of AWS. */
const aliasTaken = (alias: string) => iamErrors.entityAlreadyExists(`The account alias ${alias} already exists.`)

/** An account has at most one alias: creating another replaces it. */
async function createAccountAlias(call: Call, raw: unknown) {
  const alias = (raw as CreateAccountAliasRequest).AccountAlias as string
  await call.authorize({ action: 'iam:CreateAccountAlias', resource: '*' })
  await call.write(async (tx) => {
    const owner = await tx.accounts.byAlias(alias)
    if (owner?.id === call.accountId) return
    if (owner) throw aliasTaken(alias)
    try {
      await tx.accounts.update(call.accountId, { alias })
    } catch (e) {
      if (e instanceof UniqueViolation) throw aliasTaken(alias)
      throw e
    }
  })
  return undefined
}

async function deleteAccountAlias(call: Call, raw: unknown) {
  const alias = (raw as DeleteAccountAliasRequest).AccountAlias as string
  await call.authorize({ action: 'iam:DeleteAccountAlias', resource: '*' })
  await call.write(async (tx) => {
    const account = await tx.accounts.get(call.accountId)
    if (account?.alias !== alias) throw iamErrors.noSuchEntity(`The account alias ${alias} cannot be found.`)
    await tx.accounts.update(call.accountId, { alias: undefined })
  })
  return undefined
}

async function listAccountAliases(call: Call, raw: unknown) {
  const input = raw as ListAccountAliasesRequest
  await call.authorize({ action: 'iam:ListAccountAliases', resource: '*' })
  const account = await call.read.accounts.get(call.accountId)
  const page = pageOf(account?.alias ? [account.alias] : [], pageRequest(input))
  return { AccountAliases: page.items, ...pageFields(page) }
}

/**
 * Entity counts of the account and its quotas. Providers counts SAML and OIDC providers. MFADevices counts every virtual device, MFADevicesInUse the
 * assigned ones, and AccountMFAEnabled says whether the root user has one.
 */
async function getAccountSummary(call: Call) {
  await call.authorize({ action: 'iam:GetAccountSummary', resource: '*' })
  const read = call.read
  const id = call.accountId
  const account = await read.accounts.get(id)
  const flag = (present: boolean) => (present ? 1 : 0)
  const mfa = await read.mfaDevices.summary(id)
  const counts = {
    AccountAccessKeysPresent: flag((await read.accessKeys.forUser(id, undefined)).length > 0),
    AccountMFAEnabled: flag(mfa.rootInUse > 0),
    AccountPasswordPresent: flag(account?.rootPasswordHash !== undefined),
    AccountSigningCertificatesPresent: flag((await read.signingCertificates.forUser(id, undefined)).length > 0),
    GlobalEndpointTokenVersion: account?.stsTokenVersion ?? 1,
    Groups: await read.groups.count(id),
    InstanceProfiles: await read.instanceProfiles.count(id),
    MFADevices: mfa.devices,
    MFADevicesInUse: mfa.inUse,
    Policies: await read.policies.count(id),
    PolicyVersionsInUse: await read.policies.countVersions(id),
    // SAML and OIDC providers both count (one of each adds 2, as recorded against AWS).
    Providers: (await read.samlProviders.list(id)).length + (await read.oidcProviders.list(id)).length,
    Roles: await read.roles.count(id),
    ServerCertificates: await read.serverCertificates.count(id),
    Users: await read.users.count(id)
  }
  const summary: Record<string, number> = { ...counts, ...SUMMARY_QUOTAS }
  const sorted = Object.fromEntries(
    Object.keys(summary)
      .sort()
      .map((k) => [k, summary[k] as number])
  )
  return { SummaryMap: sorted }
}

async function getAccountAuthorizationDetails(call: Call, raw: unknown) {
  const input = raw as GetAccountAuthorizationDetailsRequest
  await call.authorize({ action: 'iam:GetAccountAuthorizationDetails', resource: '*' })
  const requested = (input.Filter ?? []) as DetailSection[]
  const filter = new Set<DetailSection>(requested.length ? requested : DETAIL_SECTIONS)
  return { ...(await authorizationDetails({ read: call.read, awsManaged: call.ctx.awsManaged, accountId: call.accountId }, filter, pageRequest(input))) }
}

/** The format of session tokens from the global STS endpoint: v1 (1) or v2 (2). */
async function setSecurityTokenServicePreferences(call: Call, raw: unknown) {
  const input = raw as SetSecurityTokenServicePreferencesRequest
  await call.authorize({ action: 'iam:SetSecurityTokenServicePreferences', resource: '*' })
  const version = input.GlobalEndpointTokenVersion === 'v2Token' ? 2 : 1
  await call.write((tx) => tx.accounts.update(call.accountId, { stsTokenVersion: version }))
  return undefined
}

export const accountActions: ActionTable = {
  CreateAccountAlias: createAccountAlias,
  DeleteAccountAlias: deleteAccountAlias,
  ListAccountAliases: listAccountAliases,
  GetAccountSummary: getAccountSummary,
  GetAccountAuthorizationDetails: getAccountAuthorizationDetails,
  SetSecurityTokenServicePreferences: setSecurityTokenServicePreferences
}
