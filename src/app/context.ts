// Everything an action needs from outside the domain, passed in (never reached for globally):
// storage, time, randomness, secrets, password hashing, and the caches that keep authorization
// off the database.

import type { Clock } from '../core/clock.js'
import type { Random } from '../core/random.js'
import type { Store } from '../store/ports/repositories.js'
import type { AwsManagedPolicies } from './policies/aws-managed.js'
import type { PasswordHasher } from './passwords.js'
import type { AuthorizationCache } from './auth/authorization-cache.js'
import type { SecretBox } from './secrets.js'
import type { SessionTokenCodec } from './sts/session-token.js'
import type { AuthorizationMessageSealer } from './sts/authorization-messages.js'
import type { OidcKeySource } from './federation/oidc/issuer-keys.js'

export interface AppConfig {
  /** 'enforce': every request signed and authorized; 'dev': unknown keys act as an account's root. */
  readonly authMode: 'enforce' | 'dev'
  /** The account unknown keys act as in dev mode. */
  readonly defaultAccountId: string
}

export interface AppContext {
  readonly store: Store
  readonly clock: Clock
  readonly random: Random
  readonly secrets: SecretBox
  /** Seals and opens the session tokens of temporary credentials. */
  readonly sessionTokens: SessionTokenCodec
  /** Seals the reasons of denials that AWS's messages leave out (DecodeAuthorizationMessage opens them). */
  readonly authorizationMessages: AuthorizationMessageSealer
  readonly passwords: PasswordHasher
  readonly awsManaged: AwsManagedPolicies
  readonly authCache: AuthorizationCache
  /** What AssumeRoleWithWebIdentity and AssumeRoleWithSAML need beyond the store. */
  readonly federation: FederationSettings
  readonly config: AppConfig
}

export interface FederationSettings {
  /** OIDC issuers' signing keys, fetched over HTTPS and cached. */
  readonly oidcKeys: OidcKeySource
  /** SAML Audience/Recipient values accepted besides AWS's sign-in endpoints. */
  readonly samlEndpoints: readonly string[]
}
