// The signing keys of OIDC issuers: discovered through <issuer>/.well-known/openid-configuration
// and its jwks_uri, cached per issuer and trust setting for a while, and fetched again when a
// token names a key the cached set does not have (the issuer rotated its keys) — at most once per
// cool-down, so tokens with made-up key IDs cannot make us hammer the issuer.

import { compactVerify, createLocalJWKSet, errors, type JSONWebKeySet } from 'jose'
import { IssuerFetchError, type IssuerFetchFailure, type IssuerHttpsClient, type IssuerTrust } from './issuer-https-client.js'

/** Asymmetric JWS algorithms only: a symmetric one would let a public key act as an HMAC secret. */
export const ALLOWED_ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512'] as const

export type SignatureCheck = { readonly ok: true; readonly payload: Uint8Array } | { readonly ok: false; readonly reason: IssuerFetchFailure | 'no-key' | 'bad-signature' }

export interface OidcKeySource {
  /** Checks the token's signature with the issuer's published keys; the payload is the verified one. */
  verifySignature(issuerUrl: string, trust: IssuerTrust, token: string, now: Date): Promise<SignatureCheck>
}

export interface OidcKeyCacheOptions {
  readonly ttlMs?: number
  readonly refetchCooldownMs?: number
  readonly maxIssuers?: number
}

interface CachedKeys {
  readonly keys: JSONWebKeySet
  readonly fetchedAt: number
}

export class OidcKeyCache implements OidcKeySource {
  private readonly cache = new Map<string, CachedKeys>()
  private readonly ttlMs: number
  private readonly cooldownMs: number
  private readonly maxIssuers: number

  constructor(
    private readonly http: IssuerHttpsClient,
    options: OidcKeyCacheOptions = {}
  ) {
    this.ttlMs = options.ttlMs ?? 60 * 60 * 1000
    this.cooldownMs = options.refetchCooldownMs ?? 60 * 1000
    this.maxIssuers = options.maxIssuers ?? 1000
  }

  async verifySignature(issuerUrl: string, trust: IssuerTrust, token: string, now: Date): Promise<SignatureCheck> {
    // Keys fetched under one trust setting are not reused under another (another account's
    // provider, or a changed ThumbprintList).
    const cacheKey = `${issuerUrl}\n${trust.thumbprints
      .map((t) => t.toLowerCase())
      .sort()
      .join(',')}`
    let cached = this.cache.get(cacheKey)
    if (!cached || now.getTime() - cached.fetchedAt >= this.ttlMs) {
      const fetched = await this.fetch(cacheKey, issuerUrl, trust, now)
      if (!fetched.ok) return fetched
      cached = fetched.keys
    }
    const first = await verifyWith(cached.keys, token)
    if (first.ok || first.reason !== 'no-key' || now.getTime() - cached.fetchedAt < this.cooldownMs) return first
    const refetched = await this.fetch(cacheKey, issuerUrl, trust, now)
    if (!refetched.ok) return refetched
    return verifyWith(refetched.keys.keys, token)
  }

  /** Drops every cached key set (tests; an operator's reload). */
  clear(): void {
    this.cache.clear()
  }

  private async fetch(cacheKey: string, issuerUrl: string, trust: IssuerTrust, now: Date): Promise<{ ok: true; keys: CachedKeys } | { ok: false; reason: IssuerFetchFailure }> {
    try {
      const discovery = await this.http.getJson(`${issuerUrl.replace(/\/+$/, '')}/.well-known/openid-configuration`, trust)
      const jwksUri = (discovery as { jwks_uri?: unknown } | null)?.jwks_uri
      if (typeof jwksUri !== 'string' || !jwksUri.startsWith('https://')) return { ok: false, reason: 'bad-response' }
      const jwks = await this.http.getJson(jwksUri, trust)
      if (!isKeySet(jwks)) return { ok: false, reason: 'bad-response' }
      const entry = { keys: jwks, fetchedAt: now.getTime() }
      if (this.cache.size >= this.maxIssuers && !this.cache.has(cacheKey)) this.cache.delete(this.cache.keys().next().value as string)
      this.cache.set(cacheKey, entry)
      return { ok: true, keys: entry }
    } catch (e) {
      return { ok: false, reason: e instanceof IssuerFetchError ? e.reason : 'unreachable' }
    }
  }
}

function isKeySet(value: unknown): value is JSONWebKeySet {
  return typeof value === 'object' && value !== null && Array.isArray((value as { keys?: unknown }).keys)
}

async function verifyWith(keys: JSONWebKeySet, token: string): Promise<SignatureCheck> {
  try {
    const { payload } = await compactVerify(token, createLocalJWKSet(keys), { algorithms: [...ALLOWED_ALGORITHMS] })
    return { ok: true, payload }
  } catch (e) {
    if (e instanceof errors.JWKSNoMatchingKey) return { ok: false, reason: 'no-key' }
    return { ok: false, reason: 'bad-signature' }
  }
}
