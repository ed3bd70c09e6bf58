// Verifying a web identity token (an OIDC ID token, a JWT) for AssumeRoleWithWebIdentity, as
// IAM does: the account's OIDC provider for the token's issuer, an audience among the
// provider's client IDs, a signature by one of the issuer's published keys (asymmetric
// algorithms only), and a token that has not expired. Returns the verified claims and the
// condition keys the role's trust policy sees, or STS's error. docs/iam-behaviour.md §23.2
// lists the messages and which of them are AWS's own words.

import { decodeJwt, decodeProtectedHeader, type JWTPayload } from 'jose'
import type { OidcProvidersRepo } from '../../../store/ports/repositories.js'
import { expiredToken, invalidToken, type FederationFailure } from '../federation-failure.js'
import { HTTPS, oidcProviderArn } from '../provider-arns.js'
import { ALLOWED_ALGORITHMS, type OidcKeySource } from './issuer-keys.js'

export interface WebIdentityDeps {
  /** The account's OIDC providers (the store's repository will do). */
  readonly oidcProviders: Pick<OidcProvidersRepo, 'byArn'>
  /** Issuer keys, cached: one OidcKeyCache shared by all requests. */
  readonly keys: OidcKeySource
}

export interface WebIdentityInput {
  /** The account of the role being assumed: its providers are the ones that count. */
  readonly accountId: string
  readonly token: string
  readonly now: Date
}

export interface VerifiedWebIdentity {
  readonly ok: true
  readonly provider: { readonly arn: string; readonly url: string }
  /** The verified payload's claims. */
  readonly claims: JWTPayload
  readonly subject: string
  /** The token's audience that is one of the provider's client IDs (AssumeRoleWithWebIdentity's Audience). */
  readonly audience: string
  /** The iss claim as the token carries it (https://...). */
  readonly issuer: string
  /** Keys for the trust policy: `<url>:sub`, `<url>:aud`, ... and aws:FederatedProvider. */
  readonly conditionKeys: Record<string, string | string[]>
}

export type WebIdentityResult = VerifiedWebIdentity | FederationFailure

/** A token whose nbf is this far in the future still passes: issuers' clocks run a little ahead. */
export const NOT_BEFORE_LEEWAY_SECONDS = 60

const COULD_NOT_RETRIEVE_KEY = "Couldn't retrieve verification key from your identity provider,  please reference AssumeRoleWithWebIdentity documentation for requirements"
const messages = {
  notAJwt: 'The ID Token provided is not a valid JWT. (You may see this error if you sent an Access Token)',
  unsupportedAlgorithm: (alg: string) => `Unsupported signing algorithm: ${alg}`,
  missingClaim: (claim: string) => `Missing a required claim: ${claim}`,
  noProvider: (iss: string) => `No OpenIDConnect provider found in your account for ${iss}`,
  wrongAudience: 'Incorrect token audience',
  thumbprint: "OpenIDConnect provider's HTTPS certificate doesn't match configured thumbprint",
  badSignature: 'The web identity token that was passed could not be validated by AWS. Get a new identity token from the identity provider and then retry the request.',
  expired: (now: number, exp: number) => `Token expired: current date/time ${now} must be before the expiration date/time${exp}`,
  notYetValid: 'Token is not yet valid (nbf is in the future)'
}

export async function verifyWebIdentityToken(deps: WebIdentityDeps, input: WebIdentityInput): Promise<WebIdentityResult> {
  const unverified = decode(input.token)
  if (!unverified) return invalidToken(messages.notAJwt)
  const alg = unverified.header.alg
  if (typeof alg !== 'string' || !(ALLOWED_ALGORITHMS as readonly string[]).includes(alg)) return invalidToken(messages.unsupportedAlgorithm(String(alg ?? 'none')))

  const iss = unverified.claims.iss
  if (typeof iss !== 'string' || iss === '') return invalidToken(messages.missingClaim('iss'))
  const provider = iss.startsWith(HTTPS) ? await findProvider(deps, input.accountId, iss.slice(HTTPS.length)) : undefined
  if (!provider) return invalidToken(messages.noProvider(iss))

  // The audience is checked before any key is fetched: a token for another client costs no request.
  const claimedAudience = audiences(unverified.claims.aud)
  if (claimedAudience.length === 0) return invalidToken(messages.missingClaim('aud'))
  if (!claimedAudience.some((a) => provider.clientIds.includes(a))) return invalidToken(messages.wrongAudience)

  const signature = await deps.keys.verifySignature(`${HTTPS}${provider.url}`, { thumbprints: provider.thumbprints }, input.token, input.now)
  if (!signature.ok) {
    if (signature.reason === 'untrusted-certificate') return invalidToken(messages.thumbprint)
    if (signature.reason === 'bad-signature') return invalidToken(messages.badSignature)
    return invalidToken(COULD_NOT_RETRIEVE_KEY)
  }
  // From here on only the verified payload counts.
  const claims = verifiedClaims(signature.payload)
  if (!claims || claims.iss !== iss) return invalidToken(messages.badSignature)

  const nowSeconds = Math.floor(input.now.getTime() / 1000)
  if (typeof claims.exp !== 'number') return invalidToken(messages.missingClaim('exp'))
  if (nowSeconds >= claims.exp) return expiredToken(messages.expired(nowSeconds, Math.floor(claims.exp)))
  if (typeof claims.nbf === 'number' && claims.nbf > nowSeconds + NOT_BEFORE_LEEWAY_SECONDS) return invalidToken(messages.notYetValid)
  if (typeof claims.sub !== 'string' || claims.sub === '') return invalidToken(messages.missingClaim('sub'))

  const tokenAudiences = audiences(claims.aud)
  const matched = tokenAudiences.filter((a) => provider.clientIds.includes(a))
  const audience = matched[0]
  if (audience === undefined) return invalidToken(messages.wrongAudience)
  return {
    ok: true,
    provider: { arn: provider.arn, url: provider.url },
    claims,
    subject: claims.sub,
    audience,
    issuer: iss,
    conditionKeys: conditionKeys(provider.url, provider.arn, claims, matched, tokenAudiences)
  }
}

function decode(token: string): { header: Record<string, unknown>; claims: JWTPayload } | undefined {
  if (token.split('.').length !== 3) return undefined
  try {
    return { header: decodeProtectedHeader(token) as Record<string, unknown>, claims: decodeJwt(token) }
  } catch {
    return undefined
  }
}

function verifiedClaims(payload: Uint8Array): JWTPayload | undefined {
  try {
    const value: unknown = JSON.parse(new TextDecoder().decode(payload))
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as JWTPayload) : undefined
  } catch {
    return undefined
  }
}

/**
 * The provider for the issuer URL. IAM names providers by the URL exactly; an issuer that ends
 * in "/" (Auth0's do) also finds a provider registered without it, and the other way round.
 */
async function findProvider(deps: WebIdentityDeps, accountId: string, url: string) {
  const exact = await deps.oidcProviders.byArn(accountId, oidcProviderArn(accountId, url))
  if (exact) return exact
  const other = url.endsWith('/') ? url.replace(/\/+$/, '') : `${url}/`
  return other === '' ? undefined : deps.oidcProviders.byArn(accountId, oidcProviderArn(accountId, other))
}

function audiences(aud: unknown): string[] {
  if (typeof aud === 'string') return aud === '' ? [] : [aud]
  if (Array.isArray(aud)) return aud.filter((a): a is string => typeof a === 'string' && a !== '')
  return []
}

/**
 * What a role trust policy can test (IAM User Guide, "Available keys for AWS OIDC federation"):
 * `<provider>:sub`, `<provider>:aud` (the audience that is a client ID), `<provider>:azp` and
 * `<provider>:amr` when the token carries them, `<provider>:oaud` for its other audiences, and
 * aws:FederatedProvider (the provider's ARN).
 */
function conditionKeys(url: string, arn: string, claims: JWTPayload, matched: readonly string[], all: readonly string[]): Record<string, string | string[]> {
  const keys: Record<string, string | string[]> = {
    [`${url}:sub`]: claims.sub as string,
    [`${url}:aud`]: matched.length === 1 ? (matched[0] as string) : [...matched],
    'aws:FederatedProvider': arn
  }
  const others = all.filter((a) => !matched.includes(a))
  if (others.length) keys[`${url}:oaud`] = others.length === 1 ? (others[0] as string) : others
  if (typeof claims.azp === 'string') keys[`${url}:azp`] = claims.azp
  const amr = claims.amr
  if (typeof amr === 'string') keys[`${url}:amr`] = amr
  else if (Array.isArray(amr)) keys[`${url}:amr`] = amr.filter((v): v is string => typeof v === 'string')
  return keys
}
