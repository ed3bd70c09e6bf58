// Rules the OIDC and SAML provider families share: quotas, IAM's messages for providers that do
// not exist, internal identifiers, and authorizing an action on a provider named by its ARN
// (IAM prints the ARN in AccessDenied messages for these).

import { iamErrors } from '../../core/aws-error.js'
import { randomString } from '../../core/random.js'
import type { Tag, TaggableResource } from '../../store/ports/records.js'
import type { Call } from '../call.js'
import { providerNameFromArn } from '../federation/provider-arns.js'

export const OIDC_PROVIDERS_PER_ACCOUNT = 100
export const SAML_PROVIDERS_PER_ACCOUNT = 100
export const CLIENT_IDS_PER_OIDC_PROVIDER = 100
export const THUMBPRINTS_PER_OIDC_PROVIDER = 5

export const noSuchOidcProvider = (arn: string) => iamErrors.noSuchEntity(`OpenIDConnect Provider not found for arn ${arn}`)
/** DeleteOpenIDConnectProvider words it differently from the other actions. */
export const noSuchOidcProviderToDelete = (arn: string) => iamErrors.noSuchEntity(`OpenId connect Provider ${arn} cannot be found.`)
export const noSuchSamlProvider = (arn: string) => iamErrors.noSuchEntity(`Manifest not found for arn ${arn}`)

/** An identifier for the provider's rows (tags); IAM exposes none for providers. */
export function providerId(call: Call, prefix: 'OIDC' | 'SAML'): string {
  return prefix + randomString(call.ctx.random, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', 17)
}

/** InvalidInput for an ARN that is not a provider ARN of this kind. */
export function checkProviderArn(arn: string, type: 'oidc-provider' | 'saml-provider'): void {
  if (!providerNameFromArn(arn, type)) throw iamErrors.invalidInput(`ARN ${arn} is not valid.`)
}

/** Authorizes `action` on the provider's ARN, with its tags as aws:ResourceTag when it exists. */
export async function authorizeOnProvider(
  call: Call,
  action: string,
  arn: string,
  provider: { readonly id: string } | undefined,
  type: TaggableResource,
  context?: Record<string, string | string[]>
): Promise<Tag[]> {
  const tags = provider ? await call.read.tags.list(type, provider.id) : []
  await call.authorize({ action, resource: arn, resourceTags: tags, context })
  return tags
}
