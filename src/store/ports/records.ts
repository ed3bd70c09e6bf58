// What the store holds, as the application sees it. Records are plain data with Dates; the SQL
// implementation converts to and from rows.

export interface Page<T> {
  readonly items: readonly T[]
  /** Opaque marker for the next page; undefined when this page is the last. */
  readonly marker: string | undefined
}

export interface PageRequest {
  /** The marker from the previous page, if any. */
  readonly marker?: string | undefined
  readonly limit: number
}

export interface AccountRecord {
  readonly id: string
  readonly alias: string | undefined
  readonly createdAt: Date
  readonly rootPasswordHash: string | undefined
  readonly rootPasswordLastUsed: Date | undefined
  readonly passwordPolicy: PasswordPolicy | undefined
  readonly stsTokenVersion: number
  readonly policyGeneration: number
}

export interface PasswordPolicy {
  readonly MinimumPasswordLength: number
  readonly RequireSymbols: boolean
  readonly RequireNumbers: boolean
  readonly RequireUppercaseCharacters: boolean
  readonly RequireLowercaseCharacters: boolean
  readonly AllowUsersToChangePassword: boolean
  readonly MaxPasswordAge?: number
  readonly PasswordReusePrevention?: number
  readonly HardExpiry?: boolean
}

/** Users, groups, roles, instance profiles, policies, server certificates: named, pathed, ARN'd. */
export interface NamedEntityRecord {
  readonly id: string
  readonly accountId: string
  readonly name: string
  readonly path: string
  readonly arn: string
  readonly createdAt: Date
}

export interface UserRecord extends NamedEntityRecord {
  readonly permissionsBoundary: string | undefined
  readonly passwordLastUsed: Date | undefined
}

export type GroupRecord = NamedEntityRecord

export interface RoleRecord extends NamedEntityRecord {
  readonly assumeRolePolicy: string
  readonly description: string | undefined
  readonly maxSessionDuration: number
  readonly permissionsBoundary: string | undefined
  readonly lastUsedAt: Date | undefined
  readonly lastUsedRegion: string | undefined
  readonly serviceLinked: string | undefined
}

/** A DeleteServiceLinkedRole task (deletions finish at once; the record answers status queries). */
export interface DeletionTaskRecord {
  /** task/aws-service-role/<service principal>/<role name>/<uuid> */
  readonly id: string
  readonly accountId: string
  readonly roleName: string
  readonly status: 'SUCCEEDED' | 'IN_PROGRESS' | 'FAILED' | 'NOT_STARTED'
  readonly createdAt: Date
}

export type InstanceProfileRecord = NamedEntityRecord

export interface PolicyRecord extends NamedEntityRecord {
  readonly description: string | undefined
  readonly updatedAt: Date
  readonly defaultVersion: string
  readonly nextVersion: number
}

export interface PolicyVersionRecord {
  readonly policyId: string
  readonly versionId: string
  readonly document: string
  readonly createdAt: Date
}

export type AttachableEntity = 'user' | 'group' | 'role'
export type TaggableResource = 'user' | 'role' | 'policy' | 'instance-profile' | 'server-certificate' | 'mfa' | 'oidc-provider' | 'saml-provider'

export interface Tag {
  readonly Key: string
  readonly Value: string
}

export interface InlinePolicyRecord {
  readonly name: string
  readonly document: string
}

export interface AccessKeyRecord {
  readonly id: string
  readonly accountId: string
  /** undefined for the root user's keys. */
  readonly userId: string | undefined
  readonly secretCipher: string
  readonly status: 'Active' | 'Inactive'
  readonly createdAt: Date
  readonly lastUsedAt: Date | undefined
  readonly lastUsedService: string | undefined
  readonly lastUsedRegion: string | undefined
}

export interface LoginProfileRecord {
  readonly userId: string
  readonly accountId: string
  readonly passwordHash: string
  readonly passwordResetRequired: boolean
  readonly createdAt: Date
  readonly passwordChangedAt: Date
  /** Hashes of the previous passwords, newest first (PasswordReusePrevention); absent when none. */
  readonly passwordHistory?: readonly string[] | undefined
}

export interface SshPublicKeyRecord {
  readonly id: string
  readonly accountId: string
  readonly userId: string
  readonly body: string
  readonly fingerprint: string
  readonly status: 'Active' | 'Inactive'
  readonly uploadedAt: Date
}

export interface SigningCertificateRecord {
  readonly id: string
  readonly accountId: string
  readonly userId: string | undefined
  readonly body: string
  readonly status: 'Active' | 'Inactive'
  readonly uploadedAt: Date
}

export interface ServerCertificateRecord extends NamedEntityRecord {
  readonly body: string
  readonly chain: string | undefined
  readonly privateKeyCipher: string
  readonly expiration: Date
}

/** Whom an MFA device is assigned to: an IAM user, or the account's root user. */
export type MfaOwner = { readonly kind: 'root' } | { readonly kind: 'user'; readonly userId: string }

/** A virtual MFA device: its sealed TOTP seed, its assignment, and what code checks remember. */
export interface MfaDeviceRecord {
  readonly id: string
  readonly accountId: string
  readonly name: string
  readonly path: string
  /** arn:aws:iam::ACCOUNT:mfa/PATH+NAME: the SerialNumber callers name the device by. */
  readonly serialNumber: string
  /** The base32 seed, sealed with the master key (app/secrets). */
  readonly seedCipher: string
  readonly createdAt: Date
  /** undefined while unassigned. */
  readonly owner: MfaOwner | undefined
  /** When EnableMFADevice assigned it; undefined while unassigned. */
  readonly enabledAt: Date | undefined
  readonly codes: MfaCodeState
}

/** What checking codes remembers per device (app/mfa). */
export interface MfaCodeState {
  /** The last TOTP time step accepted: codes of that step or earlier are refused as replays. */
  readonly lastUsedStep: number | undefined
  /** How many steps the device's clock runs ahead of ours (negative: behind), from ResyncMFADevice. */
  readonly driftSteps: number
  /** Wrong codes since the last accepted one. */
  readonly failedAttempts: number
  readonly lastFailedAt: Date | undefined
  readonly lockedUntil: Date | undefined
}

export interface ServiceCredentialRecord {
  readonly id: string
  readonly accountId: string
  readonly userId: string
  readonly serviceName: string
  readonly serviceUserName: string
  readonly passwordCipher: string
  readonly status: 'Active' | 'Inactive'
  readonly createdAt: Date
}

/** An OpenID Connect identity provider: one per issuer URL in an account. */
export interface OidcProviderRecord {
  /** Internal identifier (tags are keyed by it); IAM shows only the ARN. */
  readonly id: string
  readonly accountId: string
  /** The issuer URL without its https:// scheme, as GetOpenIDConnectProvider shows it. */
  readonly url: string
  /** arn:aws:iam::ACCOUNT:oidc-provider/URL-WITHOUT-SCHEME */
  readonly arn: string
  /** Audiences the provider's tokens may carry, in the order they were added. */
  readonly clientIds: readonly string[]
  /** SHA-1 thumbprints (40 lowercase hex characters) of issuer certificates trusted without a CA. */
  readonly thumbprints: readonly string[]
  readonly createdAt: Date
}

/** A SAML 2.0 identity provider: its metadata document (entity ID, signing certificates). */
export interface SamlProviderRecord {
  readonly id: string
  readonly accountId: string
  /** The name in the ARN; unique in the account case-insensitively. */
  readonly name: string
  /** arn:aws:iam::ACCOUNT:saml-provider/NAME */
  readonly arn: string
  readonly metadataDocument: string
  readonly validUntil: Date
  readonly createdAt: Date
}
