// The store's ports: what the application may ask of storage. Owned by the domain, implemented
// by sql/ (SQLite today, PostgreSQL next), exercised by one contract test suite. All methods are
// async: PostgreSQL is, and SQLite's synchronous driver simply resolves at once.

import type {
  AccessKeyRecord,
  AccountRecord,
  AttachableEntity,
  DeletionTaskRecord,
  GroupRecord,
  InlinePolicyRecord,
  InstanceProfileRecord,
  LoginProfileRecord,
  MfaDeviceRecord,
  MfaOwner,
  NamedEntityRecord,
  OidcProviderRecord,
  Page,
  PageRequest,
  PolicyRecord,
  PolicyVersionRecord,
  RoleRecord,
  SamlProviderRecord,
  ServerCertificateRecord,
  ServiceCredentialRecord,
  SigningCertificateRecord,
  SshPublicKeyRecord,
  Tag,
  TaggableResource,
  UserRecord
} from './records.js'
import type { ConsoleSessionsRepo, SignInFailuresRepo } from './console-sessions.js'

/** Raised when a write would break a uniqueness rule (a concurrent writer got there first). */
export class UniqueViolation extends Error {
  constructor(readonly constraint: string) {
    super(`unique constraint violated: ${constraint}`)
    this.name = 'UniqueViolation'
  }
}

export interface AccountsRepo {
  insert(account: AccountRecord): Promise<void>
  get(id: string): Promise<AccountRecord | undefined>
  byAlias(alias: string): Promise<AccountRecord | undefined>
  list(): Promise<AccountRecord[]>
  update(id: string, changes: Partial<Omit<AccountRecord, 'id' | 'createdAt' | 'policyGeneration'>>): Promise<void>
  /** Marks that something affecting authorization changed in the account; returns the new value. */
  bumpPolicyGeneration(id: string): Promise<number>
}

/** Lookups shared by every named, pathed entity. Names are unique case-insensitively. */
export interface NamedEntityRepo<R extends NamedEntityRecord> {
  insert(record: R): Promise<void>
  byName(accountId: string, name: string): Promise<R | undefined>
  byId(accountId: string, id: string): Promise<R | undefined>
  /** In name order (case-insensitive), keyset-paginated so pages stay right while others write. */
  list(accountId: string, filter: { readonly pathPrefix?: string | undefined }, page: PageRequest): Promise<Page<R>>
  count(accountId: string): Promise<number>
  /** min(count, limit), in time bounded by the limit: quota checks need no more. */
  countUpTo(accountId: string, limit: number): Promise<number>
  delete(accountId: string, id: string): Promise<void>
}

/** What still hangs off a user (IAM refuses to delete it while any is there). */
export interface UserDependents {
  readonly attachedPolicies: number
  readonly inlinePolicies: number
  readonly accessKeys: number
  readonly signingCertificates: number
  readonly sshPublicKeys: number
  readonly serviceCredentials: number
  readonly loginProfile: number
  /** MFA devices assigned to the user. */
  readonly mfaDevices: number
  readonly groups: number
}

export interface UsersRepo extends NamedEntityRepo<UserRecord> {
  /** Counts of everything attached to the user, in one round trip. */
  dependents(accountId: string, userId: string): Promise<UserDependents>
  update(accountId: string, id: string, changes: Partial<Pick<UserRecord, 'name' | 'path' | 'arn' | 'permissionsBoundary' | 'passwordLastUsed'>>): Promise<void>
  /** Users whose permissions boundary is this policy. */
  countWithBoundary(accountId: string, policyArn: string): Promise<number>
  /** Users whose permissions boundary is this policy, in name order. */
  withBoundary(accountId: string, policyArn: string): Promise<UserRecord[]>
  /** How many users use each policy as their permissions boundary, by policy ARN. */
  countsByBoundary(accountId: string): Promise<Map<string, number>>
}

export interface GroupsRepo extends NamedEntityRepo<GroupRecord> {
  update(accountId: string, id: string, changes: Partial<Pick<GroupRecord, 'name' | 'path' | 'arn'>>): Promise<void>
}

export interface RolesRepo extends NamedEntityRepo<RoleRecord> {
  update(
    accountId: string,
    id: string,
    changes: Partial<Pick<RoleRecord, 'assumeRolePolicy' | 'description' | 'maxSessionDuration' | 'permissionsBoundary' | 'lastUsedAt' | 'lastUsedRegion'>>
  ): Promise<void>
  countWithBoundary(accountId: string, policyArn: string): Promise<number>
  /** Roles whose permissions boundary is this policy, in name order. */
  withBoundary(accountId: string, policyArn: string): Promise<RoleRecord[]>
  /** How many roles use each policy as their permissions boundary, by policy ARN. */
  countsByBoundary(accountId: string): Promise<Map<string, number>>
  /** Service-linked role deletion tasks (DeleteServiceLinkedRole, GetServiceLinkedRoleDeletionStatus). */
  insertDeletionTask(task: DeletionTaskRecord): Promise<void>
  deletionTask(accountId: string, id: string): Promise<DeletionTaskRecord | undefined>
}

export interface InstanceProfilesRepo extends NamedEntityRepo<InstanceProfileRecord> {
  addRole(accountId: string, instanceProfileId: string, roleId: string): Promise<void>
  removeRole(accountId: string, instanceProfileId: string, roleId: string): Promise<void>
  roleIds(instanceProfileId: string): Promise<string[]>
  /** Instance profiles that contain the role, in name order. */
  forRole(accountId: string, roleId: string, page: PageRequest): Promise<Page<InstanceProfileRecord>>
  countForRole(roleId: string): Promise<number>
}

export interface PoliciesRepo extends NamedEntityRepo<PolicyRecord> {
  byArn(arn: string): Promise<PolicyRecord | undefined>
  update(accountId: string, id: string, changes: Partial<Pick<PolicyRecord, 'description' | 'updatedAt' | 'defaultVersion' | 'nextVersion'>>): Promise<void>
  insertVersion(version: PolicyVersionRecord): Promise<void>
  version(policyId: string, versionId: string): Promise<PolicyVersionRecord | undefined>
  /** Newest first, as IAM lists them. */
  versions(policyId: string): Promise<PolicyVersionRecord[]>
  deleteVersion(policyId: string, versionId: string): Promise<void>
  /** Versions of all the account's customer managed policies (GetAccountSummary's PolicyVersionsInUse). */
  countVersions(accountId: string): Promise<number>
}

export interface GroupMembersRepo {
  add(accountId: string, groupId: string, userId: string): Promise<void>
  remove(groupId: string, userId: string): Promise<void>
  has(groupId: string, userId: string): Promise<boolean>
  groupsOfUser(accountId: string, userId: string, page: PageRequest): Promise<Page<GroupRecord>>
  groupIdsOfUser(userId: string): Promise<string[]>
  usersOfGroup(accountId: string, groupId: string, page: PageRequest): Promise<Page<UserRecord>>
  countGroupsOfUser(userId: string): Promise<number>
  countUsersOfGroup(groupId: string): Promise<number>
}

export interface TagsRepo {
  /** Tags in the order they were added. */
  list(resourceType: TaggableResource, resourceId: string): Promise<Tag[]>
  page(resourceType: TaggableResource, resourceId: string, page: PageRequest): Promise<Page<Tag>>
  /** Adds or replaces: keys compare case-insensitively on users and roles, exactly elsewhere (as in IAM). */
  put(accountId: string, resourceType: TaggableResource, resourceId: string, tags: readonly Tag[]): Promise<void>
  remove(resourceType: TaggableResource, resourceId: string, keys: readonly string[]): Promise<void>
  removeAll(resourceType: TaggableResource, resourceId: string): Promise<void>
}

export interface EntityRef {
  readonly entityType: AttachableEntity
  readonly entityId: string
}

export interface AttachmentsRepo {
  attach(accountId: string, entity: EntityRef, policyArn: string): Promise<void>
  detach(entity: EntityRef, policyArn: string): Promise<void>
  has(entity: EntityRef, policyArn: string): Promise<boolean>
  /** Policy ARNs attached to the entity, in the order they were attached. */
  forEntity(entity: EntityRef): Promise<string[]>
  countForEntity(entity: EntityRef): Promise<number>
  entitiesForPolicy(accountId: string, policyArn: string, filter: { readonly entityType?: AttachableEntity | undefined }, page: PageRequest): Promise<Page<EntityRef>>
  countForPolicy(accountId: string, policyArn: string): Promise<number>
  /** Attachment counts per policy ARN, for the policies attached anywhere in the account. */
  countsByPolicy(accountId: string): Promise<Map<string, number>>
  removeAllForEntity(entity: EntityRef): Promise<void>
}

export interface InlinePoliciesRepo {
  put(accountId: string, entity: EntityRef, name: string, document: string): Promise<void>
  get(entity: EntityRef, name: string): Promise<InlinePolicyRecord | undefined>
  /** Policy names in name order. */
  names(entity: EntityRef, page: PageRequest): Promise<Page<string>>
  all(entity: EntityRef): Promise<InlinePolicyRecord[]>
  delete(entity: EntityRef, name: string): Promise<void>
  removeAllForEntity(entity: EntityRef): Promise<void>
}

export interface AccessKeysRepo {
  insert(key: AccessKeyRecord): Promise<void>
  byId(id: string): Promise<AccessKeyRecord | undefined>
  /** A user's keys (the root user's with userId undefined), oldest first. */
  forUser(accountId: string, userId: string | undefined): Promise<AccessKeyRecord[]>
  update(id: string, changes: Partial<Pick<AccessKeyRecord, 'status'>>): Promise<void>
  recordUse(id: string, at: Date, service: string, region: string): Promise<void>
  delete(id: string): Promise<void>
  countForAccount(accountId: string): Promise<number>
}

export interface LoginProfilesRepo {
  insert(profile: LoginProfileRecord): Promise<void>
  get(userId: string): Promise<LoginProfileRecord | undefined>
  update(userId: string, changes: Partial<Pick<LoginProfileRecord, 'passwordHash' | 'passwordResetRequired' | 'passwordChangedAt' | 'passwordHistory'>>): Promise<void>
  delete(userId: string): Promise<void>
}

export interface SshPublicKeysRepo {
  insert(key: SshPublicKeyRecord): Promise<void>
  byId(userId: string, id: string): Promise<SshPublicKeyRecord | undefined>
  forUser(userId: string): Promise<SshPublicKeyRecord[]>
  update(id: string, changes: Partial<Pick<SshPublicKeyRecord, 'status'>>): Promise<void>
  delete(id: string): Promise<void>
}

export interface SigningCertificatesRepo {
  insert(cert: SigningCertificateRecord): Promise<void>
  byId(accountId: string, id: string): Promise<SigningCertificateRecord | undefined>
  forUser(accountId: string, userId: string | undefined): Promise<SigningCertificateRecord[]>
  /** Every signing certificate in the account (its users' and the root user's), for DuplicateCertificate. */
  forAccount(accountId: string): Promise<SigningCertificateRecord[]>
  update(id: string, changes: Partial<Pick<SigningCertificateRecord, 'status'>>): Promise<void>
  delete(id: string): Promise<void>
}

export interface ServerCertificatesRepo extends NamedEntityRepo<ServerCertificateRecord> {
  update(accountId: string, id: string, changes: Partial<Pick<ServerCertificateRecord, 'name' | 'path' | 'arn'>>): Promise<void>
}

export interface ServiceCredentialsRepo {
  insert(credential: ServiceCredentialRecord): Promise<void>
  byId(userId: string, id: string): Promise<ServiceCredentialRecord | undefined>
  forUser(userId: string, serviceName?: string): Promise<ServiceCredentialRecord[]>
  update(id: string, changes: Partial<Pick<ServiceCredentialRecord, 'status' | 'passwordCipher'>>): Promise<void>
  delete(id: string): Promise<void>
}

/** Virtual MFA devices. Names are unique per account, case-insensitively. */
export interface MfaDevicesRepo {
  /** Throws UniqueViolation when the account already has a device of that name. */
  insert(device: MfaDeviceRecord): Promise<void>
  bySerial(accountId: string, serialNumber: string): Promise<MfaDeviceRecord | undefined>
  byName(accountId: string, name: string): Promise<MfaDeviceRecord | undefined>
  /** Devices assigned to the owner, in the order they were enabled. */
  forOwner(accountId: string, owner: MfaOwner): Promise<MfaDeviceRecord[]>
  /** The account's devices in serial number order, keyset-paginated. */
  list(accountId: string, filter: { readonly assigned?: boolean | undefined }, page: PageRequest): Promise<Page<MfaDeviceRecord>>
  /** min(count, limit) of the account's devices (quota checks). */
  countUpTo(accountId: string, limit: number): Promise<number>
  /** GetAccountSummary's counts: all devices, assigned ones, and whether the root user has one. */
  summary(accountId: string): Promise<{ readonly devices: number; readonly inUse: number; readonly rootInUse: number }>
  /** Assigns an unassigned device; false when it was assigned meanwhile. */
  assign(accountId: string, id: string, owner: MfaOwner, enabledAt: Date): Promise<boolean>
  unassign(accountId: string, id: string): Promise<void>
  /**
   * Records an accepted code's time step (and the device's clock drift), clearing failures. Only
   * a step later than the last accepted one is recorded, so two uses of one code cannot both
   * pass: false when another request got there first.
   */
  acceptStep(id: string, step: number, driftSteps: number): Promise<boolean>
  /** Counts a wrong code atomically; returns the failures now on record. */
  recordFailure(id: string, at: Date): Promise<number>
  lockUntil(id: string, until: Date): Promise<void>
  delete(accountId: string, id: string): Promise<void>
}

/** OpenID Connect providers, found by ARN (which holds the account and the issuer URL). */
export interface OidcProvidersRepo {
  insert(provider: OidcProviderRecord): Promise<void>
  byArn(accountId: string, arn: string): Promise<OidcProviderRecord | undefined>
  /** The account's providers in ARN order (ListOpenIDConnectProviders has no paging). */
  list(accountId: string): Promise<OidcProviderRecord[]>
  countUpTo(accountId: string, limit: number): Promise<number>
  update(accountId: string, id: string, changes: Partial<Pick<OidcProviderRecord, 'clientIds' | 'thumbprints'>>): Promise<void>
  delete(accountId: string, id: string): Promise<void>
}

/** SAML providers, found by ARN; names are unique per account case-insensitively. */
export interface SamlProvidersRepo {
  insert(provider: SamlProviderRecord): Promise<void>
  byArn(accountId: string, arn: string): Promise<SamlProviderRecord | undefined>
  byName(accountId: string, name: string): Promise<SamlProviderRecord | undefined>
  /** The account's providers in ARN order (ListSAMLProviders has no paging). */
  list(accountId: string): Promise<SamlProviderRecord[]>
  countUpTo(accountId: string, limit: number): Promise<number>
  update(accountId: string, id: string, changes: Partial<Pick<SamlProviderRecord, 'metadataDocument' | 'validUntil'>>): Promise<void>
  delete(accountId: string, id: string): Promise<void>
}

/** Everything one unit of work can reach. */
export interface Repositories {
  readonly accounts: AccountsRepo
  readonly users: UsersRepo
  readonly groups: GroupsRepo
  readonly roles: RolesRepo
  readonly instanceProfiles: InstanceProfilesRepo
  readonly policies: PoliciesRepo
  readonly groupMembers: GroupMembersRepo
  readonly tags: TagsRepo
  readonly attachments: AttachmentsRepo
  readonly inlinePolicies: InlinePoliciesRepo
  readonly accessKeys: AccessKeysRepo
  readonly loginProfiles: LoginProfilesRepo
  readonly sshPublicKeys: SshPublicKeysRepo
  readonly signingCertificates: SigningCertificatesRepo
  readonly serverCertificates: ServerCertificatesRepo
  readonly serviceCredentials: ServiceCredentialsRepo
  readonly mfaDevices: MfaDevicesRepo
  readonly oidcProviders: OidcProvidersRepo
  readonly samlProviders: SamlProvidersRepo
  readonly consoleSessions: ConsoleSessionsRepo
  readonly signInFailures: SignInFailuresRepo
}

export interface Store {
  /** Reads outside a transaction. */
  readonly read: Repositories
  /** Runs `work` in one transaction: all of its writes land, or none do. */
  transaction<T>(work: (tx: Repositories) => Promise<T>): Promise<T>
  /** Deletes everything (dev mode's reset). */
  wipe(): Promise<void>
  close(): Promise<void>
}
