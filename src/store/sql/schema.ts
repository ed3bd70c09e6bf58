// The tables, as Kysely sees them. Timestamps are ISO 8601 text and secrets are base64 text so
// the same schema and queries serve SQLite and PostgreSQL. Every row carries its account: accounts
// are isolated by always filtering on it.

export interface Database {
  meta: MetaTable
  accounts: AccountsTable
  users: UsersTable
  groups: GroupsTable
  group_members: GroupMembersTable
  roles: RolesTable
  instance_profiles: InstanceProfilesTable
  instance_profile_roles: InstanceProfileRolesTable
  policies: PoliciesTable
  policy_versions: PolicyVersionsTable
  attachments: AttachmentsTable
  inline_policies: InlinePoliciesTable
  tags: TagsTable
  access_keys: AccessKeysTable
  login_profiles: LoginProfilesTable
  ssh_public_keys: SshPublicKeysTable
  signing_certificates: SigningCertificatesTable
  server_certificates: ServerCertificatesTable
  service_credentials: ServiceCredentialsTable
  oidc_providers: OidcProvidersTable
  saml_providers: SamlProvidersTable
  slr_deletion_tasks: SlrDeletionTasksTable
  mfa_devices: MfaDevicesTable
  console_sessions: ConsoleSessionsTable
  console_sign_in_failures: SignInFailuresTable
}

export interface MetaTable {
  key: string
  value: string
}

export interface AccountsTable {
  id: string
  alias: string | null
  created_at: string
  root_password_hash: string | null
  root_password_last_used: string | null
  /** JSON of the account password policy, null when none is set. */
  password_policy: string | null
  /** 1 (global STS endpoint tokens valid in some regions) or 2 (all regions). */
  sts_token_version: number
  /** Bumped on every change that can alter an authorization decision (see app/auth-cache). */
  policy_generation: number
}

interface NamedEntity {
  id: string
  account_id: string
  name: string
  /** IAM names are unique case-insensitively. */
  name_lower: string
  path: string
  arn: string
  created_at: string
}

export interface UsersTable extends NamedEntity {
  permissions_boundary: string | null
  password_last_used: string | null
}

export type GroupsTable = NamedEntity

export interface GroupMembersTable {
  account_id: string
  group_id: string
  user_id: string
  /** Order of joining, for stable listings. Insertion order, from the store's sequence (see sql/sequence.ts). */
  seq: number
}

export interface RolesTable extends NamedEntity {
  assume_role_policy: string
  description: string | null
  max_session_duration: number
  permissions_boundary: string | null
  last_used_at: string | null
  last_used_region: string | null
  /** The AWS service a service-linked role belongs to, e.g. "elasticbeanstalk.amazonaws.com". */
  service_linked: string | null
}

export type InstanceProfilesTable = NamedEntity

export interface InstanceProfileRolesTable {
  account_id: string
  instance_profile_id: string
  role_id: string
}

export interface PoliciesTable extends NamedEntity {
  description: string | null
  updated_at: string
  default_version: string
  /** The number the next version gets (v1, v2, ...): version ids are never reused. */
  next_version: number
}

export interface PolicyVersionsTable {
  policy_id: string
  version_id: string
  document: string
  created_at: string
}

export type AttachableEntity = 'user' | 'group' | 'role'

export interface AttachmentsTable {
  account_id: string
  /** Customer managed (arn:aws:iam::ACCOUNT:policy/...) or AWS managed (arn:aws:iam::aws:policy/...). */
  policy_arn: string
  entity_type: AttachableEntity
  entity_id: string
  /** Insertion order, from the store's sequence (see sql/sequence.ts). */
  seq: number
}

export interface InlinePoliciesTable {
  account_id: string
  entity_type: AttachableEntity
  entity_id: string
  name: string
  document: string
}

export type TaggableResource = 'user' | 'role' | 'policy' | 'instance-profile' | 'server-certificate' | 'mfa' | 'oidc-provider' | 'saml-provider'

export interface TagsTable {
  account_id: string
  resource_type: TaggableResource
  resource_id: string
  key: string
  key_lower: string
  value: string
  /** Insertion order, from the store's sequence (see sql/sequence.ts). */
  seq: number
}

export interface AccessKeysTable {
  id: string
  account_id: string
  /** null for the root user's keys. */
  user_id: string | null
  /** AES-256-GCM ciphertext of the secret access key, base64 (see app/secrets). */
  secret_cipher: string
  status: 'Active' | 'Inactive'
  created_at: string
  last_used_at: string | null
  last_used_service: string | null
  last_used_region: string | null
}

export interface LoginProfilesTable {
  user_id: string
  account_id: string
  /** argon2id hash. */
  password_hash: string
  password_reset_required: number
  created_at: string
  password_changed_at: string
  /** JSON array of previous password hashes, newest first; null when none (migration 004). */
  password_history: string | null
}

export interface SshPublicKeysTable {
  id: string
  account_id: string
  user_id: string
  body: string
  fingerprint: string
  status: 'Active' | 'Inactive'
  uploaded_at: string
}

export interface SigningCertificatesTable {
  id: string
  account_id: string
  user_id: string | null
  body: string
  status: 'Active' | 'Inactive'
  uploaded_at: string
}

export interface ServerCertificatesTable extends NamedEntity {
  body: string
  chain: string | null
  /** AES-256-GCM ciphertext of the private key, base64. */
  private_key_cipher: string
  expiration: string
}

export interface ServiceCredentialsTable {
  id: string
  account_id: string
  user_id: string
  service_name: string
  service_user_name: string
  /** AES-256-GCM ciphertext of the service password, base64. */
  password_cipher: string
  status: 'Active' | 'Inactive'
  created_at: string
}

/** OpenID Connect providers (migration 005). */
export interface OidcProvidersTable {
  id: string
  account_id: string
  /** The issuer URL without https://. */
  url: string
  arn: string
  /** JSON arrays of strings. */
  client_ids: string
  thumbprints: string
  created_at: string
}

/** SAML providers (migration 005). */
export interface SamlProvidersTable {
  id: string
  account_id: string
  name: string
  name_lower: string
  arn: string
  metadata_document: string
  valid_until: string
  created_at: string
}

/** DeleteServiceLinkedRole tasks, for GetServiceLinkedRoleDeletionStatus (migration 002). */
export interface SlrDeletionTasksTable {
  id: string
  account_id: string
  role_name: string
  status: 'SUCCEEDED' | 'IN_PROGRESS' | 'FAILED' | 'NOT_STARTED'
  created_at: string
}

/** Virtual MFA devices (migration 004). */
export interface MfaDevicesTable {
  id: string
  account_id: string
  name: string
  /** Device names are unique per account case-insensitively. */
  name_lower: string
  path: string
  serial_number: string
  /** AES-256-GCM ciphertext of the base32 TOTP seed, base64. */
  seed_cipher: string
  created_at: string
  /** 'root' or 'user' while assigned, null while not. */
  owner_kind: 'root' | 'user' | null
  /** The IAM user it is assigned to (owner_kind 'user'). */
  user_id: string | null
  enabled_at: string | null
  last_used_step: number | null
  drift_steps: number
  failed_attempts: number
  last_failed_at: string | null
  locked_until: string | null
}

/** Web console sessions and pending sign-ins (migration 006). */
export interface ConsoleSessionsTable {
  /** SHA-256 (hex) of the ID the browser holds. */
  id_hash: string
  account_id: string
  stage: 'active' | 'mfa' | 'new-password'
  /** null for the root user. */
  user_id: string | null
  created_at: string
  last_seen_at: string
  expires_at: string
  mfa_authenticated_at: string | null
  /** JSON: the role session after switch-role. */
  role_session: string | null
}

/** Failed console sign-ins per user and per source address (migration 006). */
export interface SignInFailuresTable {
  key: string
  failures: number
  last_failed_at: string
  locked_until: string | null
}
