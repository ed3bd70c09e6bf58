// In-memory provider lookups for the verifiers' tests (the store's repositories have the same shape).

import type { OidcProviderRecord, SamlProviderRecord } from '../../../store/ports/records.js'
import { oidcProviderArn, samlProviderArn } from '../provider-arns.js'

export function oidcProviders(records: readonly OidcProviderRecord[]) {
  return { byArn: (accountId: string, arn: string) => Promise.resolve(records.find((r) => r.accountId === accountId && r.arn === arn)) }
}

export function samlProviders(records: readonly SamlProviderRecord[]) {
  return { byArn: (accountId: string, arn: string) => Promise.resolve(records.find((r) => r.accountId === accountId && r.arn === arn)) }
}

export function oidcProvider(accountId: string, url: string, fields: Partial<OidcProviderRecord> = {}): OidcProviderRecord {
  return { id: `OIDC${url}`, accountId, url, arn: oidcProviderArn(accountId, url), clientIds: [], thumbprints: [], createdAt: new Date('2026-01-01T00:00:00Z'), ...fields }
}

export function samlProvider(accountId: string, name: string, metadataDocument: string): SamlProviderRecord {
  return {
    id: `SAML${name}`,
    accountId,
    name,
    arn: samlProviderArn(accountId, name),
    metadataDocument,
    validUntil: new Date('2126-01-01T00:00:00Z'),
    createdAt: new Date('2026-01-01T00:00:00Z')
  }
}
