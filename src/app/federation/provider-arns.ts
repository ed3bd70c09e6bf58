// The ARNs of IAM's identity providers: an OIDC provider is named by its issuer URL without the
// https:// scheme, a SAML provider by the name it was created with.

import { iamArn } from '../../core/arn.js'

export const HTTPS = 'https://'

export function oidcProviderArn(accountId: string, urlWithoutScheme: string): string {
  return iamArn(accountId, 'oidc-provider', '/', urlWithoutScheme)
}

export function samlProviderArn(accountId: string, name: string): string {
  return iamArn(accountId, 'saml-provider', '/', name)
}

/** The provider name in an IAM provider ARN of this account, or undefined for any other ARN. */
export function providerNameFromArn(arn: string, type: 'oidc-provider' | 'saml-provider'): { accountId: string; name: string } | undefined {
  const match = new RegExp(`^arn:aws:iam::(\\d{12}):${type}/(.+)$`).exec(arn)
  return match ? { accountId: match[1] as string, name: match[2] as string } : undefined
}
