// The named-entity repositories: users, groups, roles, instance profiles, customer managed
// policies (with their versions) and server certificates.

import { sql, type Kysely, type RawBuilder } from 'kysely'
import type { GroupsRepo, InstanceProfilesRepo, PoliciesRepo, RolesRepo, ServerCertificatesRepo, UserDependents, UsersRepo } from '../ports/repositories.js'
import type {
  DeletionTaskRecord,
  GroupRecord,
  InstanceProfileRecord,
  Page,
  PageRequest,
  PolicyRecord,
  PolicyVersionRecord,
  RoleRecord,
  ServerCertificateRecord,
  UserRecord
} from '../ports/records.js'
import { namedColumns, namedRecord, SqlNamedEntityRepo, type NamedRow } from './named-entity-repo.js'
import { afterNameKey, decodeMarker, InvalidMarker, toPage } from './pagination.js'
import { first } from './prepared.js'
import type { Database, PoliciesTable, PolicyVersionsTable, RolesTable, ServerCertificatesTable, UsersTable } from './schema.js'
import { columns, fromIso, fromOptIso, nullable, opt, optIso, toIso } from './values.js'

export class SqlUsers extends SqlNamedEntityRepo<UserRecord, UsersTable> implements UsersRepo {
  constructor(db: Kysely<Database>) {
    super(db, 'users')
  }
  protected toRow(r: UserRecord): UsersTable {
    return { ...namedColumns(r), permissions_boundary: nullable(r.permissionsBoundary), password_last_used: optIso(r.passwordLastUsed) }
  }
  protected toRecord(row: UsersTable): UserRecord {
    return { ...namedRecord(row), permissionsBoundary: opt(row.permissions_boundary), passwordLastUsed: fromOptIso(row.password_last_used) }
  }
  async update(accountId: string, id: string, changes: Partial<Pick<UserRecord, 'name' | 'path' | 'arn' | 'permissionsBoundary' | 'passwordLastUsed'>>): Promise<void> {
    const set = columns(changes, {
      name: (v) => ['name', v],
      path: (v) => ['path', v],
      arn: (v) => ['arn', v],
      permissionsBoundary: (v) => ['permissions_boundary', nullable(v)],
      passwordLastUsed: (v) => ['password_last_used', optIso(v)]
    })
    if (changes.name !== undefined) set.name_lower = changes.name.toLowerCase()
    if (Object.keys(set).length) await this.db.updateTable('users').set(set).where('id', '=', id).where('account_id', '=', accountId).execute()
  }
  async dependents(accountId: string, userId: string): Promise<UserDependents> {
    const count = (table: string, where: RawBuilder<unknown>) => sql<number>`(select count(*) from ${sql.table(table)} where ${where})`
    const result = await sql<Record<keyof UserDependents, number>>`select
      ${count('attachments', sql`entity_type = 'user' and entity_id = ${userId}`)} as "attachedPolicies",
      ${count('inline_policies', sql`entity_type = 'user' and entity_id = ${userId}`)} as "inlinePolicies",
      ${count('access_keys', sql`account_id = ${accountId} and user_id = ${userId}`)} as "accessKeys",
      ${count('signing_certificates', sql`account_id = ${accountId} and user_id = ${userId}`)} as "signingCertificates",
      ${count('ssh_public_keys', sql`user_id = ${userId}`)} as "sshPublicKeys",
      ${count('service_credentials', sql`user_id = ${userId}`)} as "serviceCredentials",
      ${count('login_profiles', sql`user_id = ${userId}`)} as "loginProfile",
      ${count('mfa_devices', sql`account_id = ${accountId} and user_id = ${userId}`)} as "mfaDevices",
      ${count('group_members', sql`user_id = ${userId}`)} as "groups"`.execute(this.db)
    const row = result.rows[0] as Record<keyof UserDependents, number | bigint>
    const n = (k: keyof UserDependents) => Number(row[k])
    return {
      attachedPolicies: n('attachedPolicies'),
      inlinePolicies: n('inlinePolicies'),
      accessKeys: n('accessKeys'),
      signingCertificates: n('signingCertificates'),
      sshPublicKeys: n('sshPublicKeys'),
      serviceCredentials: n('serviceCredentials'),
      loginProfile: n('loginProfile'),
      mfaDevices: n('mfaDevices'),
      groups: n('groups')
    }
  }

  async countWithBoundary(accountId: string, policyArn: string): Promise<number> {
    const row = await this.db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('account_id', '=', accountId)
      .where('permissions_boundary', '=', policyArn)
      .executeTakeFirstOrThrow()
    return Number(row.n)
  }
  async withBoundary(accountId: string, policyArn: string): Promise<UserRecord[]> {
    const rows = await this.db
      .selectFrom('users')
      .selectAll()
      .where('account_id', '=', accountId)
      .where('permissions_boundary', '=', policyArn)
      .orderBy('name_lower')
      .orderBy('id')
      .execute()
    return rows.map((r) => this.toRecord(r))
  }
  async countsByBoundary(accountId: string): Promise<Map<string, number>> {
    const rows = await this.db
      .selectFrom('users')
      .select(['permissions_boundary', (eb) => eb.fn.countAll<number>().as('n')])
      .where('account_id', '=', accountId)
      .where('permissions_boundary', 'is not', null)
      .groupBy('permissions_boundary')
      .execute()
    return new Map(rows.map((r) => [r.permissions_boundary as string, Number(r.n)]))
  }
}

export class SqlGroups extends SqlNamedEntityRepo<GroupRecord, NamedRow> implements GroupsRepo {
  constructor(db: Kysely<Database>) {
    super(db, 'groups')
  }
  protected toRow(r: GroupRecord): NamedRow {
    return namedColumns(r)
  }
  protected toRecord(row: NamedRow): GroupRecord {
    return namedRecord(row)
  }
  async update(accountId: string, id: string, changes: Partial<Pick<GroupRecord, 'name' | 'path' | 'arn'>>): Promise<void> {
    const set = columns(changes, { name: (v) => ['name', v], path: (v) => ['path', v], arn: (v) => ['arn', v] })
    if (changes.name !== undefined) set.name_lower = changes.name.toLowerCase()
    if (Object.keys(set).length) await this.db.updateTable('groups').set(set).where('id', '=', id).where('account_id', '=', accountId).execute()
  }
}

export class SqlRoles extends SqlNamedEntityRepo<RoleRecord, RolesTable> implements RolesRepo {
  constructor(db: Kysely<Database>) {
    super(db, 'roles')
  }
  async insertDeletionTask(task: DeletionTaskRecord): Promise<void> {
    await this.db
      .insertInto('slr_deletion_tasks')
      .values({ id: task.id, account_id: task.accountId, role_name: task.roleName, status: task.status, created_at: toIso(task.createdAt) })
      .execute()
  }
  async deletionTask(accountId: string, id: string): Promise<DeletionTaskRecord | undefined> {
    const row = await this.db.selectFrom('slr_deletion_tasks').selectAll().where('id', '=', id).where('account_id', '=', accountId).executeTakeFirst()
    return row ? { id: row.id, accountId: row.account_id, roleName: row.role_name, status: row.status, createdAt: fromIso(row.created_at) } : undefined
  }
  protected toRow(r: RoleRecord): RolesTable {
    return {
      ...namedColumns(r),
      assume_role_policy: r.assumeRolePolicy,
      description: nullable(r.description),
      max_session_duration: r.maxSessionDuration,
      permissions_boundary: nullable(r.permissionsBoundary),
      last_used_at: optIso(r.lastUsedAt),
      last_used_region: nullable(r.lastUsedRegion),
      service_linked: nullable(r.serviceLinked)
    }
  }
  protected toRecord(row: RolesTable): RoleRecord {
    return {
      ...namedRecord(row),
      assumeRolePolicy: row.assume_role_policy,
      description: opt(row.description),
      maxSessionDuration: row.max_session_duration,
      permissionsBoundary: opt(row.permissions_boundary),
      lastUsedAt: fromOptIso(row.last_used_at),
      lastUsedRegion: opt(row.last_used_region),
      serviceLinked: opt(row.service_linked)
    }
  }
  async update(
    accountId: string,
    id: string,
    changes: Partial<Pick<RoleRecord, 'assumeRolePolicy' | 'description' | 'maxSessionDuration' | 'permissionsBoundary' | 'lastUsedAt' | 'lastUsedRegion'>>
  ): Promise<void> {
    const set = columns(changes, {
      assumeRolePolicy: (v) => ['assume_role_policy', v],
      description: (v) => ['description', nullable(v)],
      maxSessionDuration: (v) => ['max_session_duration', v],
      permissionsBoundary: (v) => ['permissions_boundary', nullable(v)],
      lastUsedAt: (v) => ['last_used_at', optIso(v)],
      lastUsedRegion: (v) => ['last_used_region', nullable(v)]
    })
    if (Object.keys(set).length) await this.db.updateTable('roles').set(set).where('id', '=', id).where('account_id', '=', accountId).execute()
  }
  async countWithBoundary(accountId: string, policyArn: string): Promise<number> {
    const row = await this.db
      .selectFrom('roles')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('account_id', '=', accountId)
      .where('permissions_boundary', '=', policyArn)
      .executeTakeFirstOrThrow()
    return Number(row.n)
  }
  async withBoundary(accountId: string, policyArn: string): Promise<RoleRecord[]> {
    const rows = await this.db
      .selectFrom('roles')
      .selectAll()
      .where('account_id', '=', accountId)
      .where('permissions_boundary', '=', policyArn)
      .orderBy('name_lower')
      .orderBy('id')
      .execute()
    return rows.map((r) => this.toRecord(r))
  }
  async countsByBoundary(accountId: string): Promise<Map<string, number>> {
    const rows = await this.db
      .selectFrom('roles')
      .select(['permissions_boundary', (eb) => eb.fn.countAll<number>().as('n')])
      .where('account_id', '=', accountId)
      .where('permissions_boundary', 'is not', null)
      .groupBy('permissions_boundary')
      .execute()
    return new Map(rows.map((r) => [r.permissions_boundary as string, Number(r.n)]))
  }
}

export class SqlInstanceProfiles extends SqlNamedEntityRepo<InstanceProfileRecord, NamedRow> implements InstanceProfilesRepo {
  constructor(db: Kysely<Database>) {
    super(db, 'instance_profiles')
  }
  protected toRow(r: InstanceProfileRecord): NamedRow {
    return namedColumns(r)
  }
  protected toRecord(row: NamedRow): InstanceProfileRecord {
    return namedRecord(row)
  }
  async addRole(accountId: string, instanceProfileId: string, roleId: string): Promise<void> {
    await this.db.insertInto('instance_profile_roles').values({ account_id: accountId, instance_profile_id: instanceProfileId, role_id: roleId }).execute()
  }
  async removeRole(_accountId: string, instanceProfileId: string, roleId: string): Promise<void> {
    await this.db.deleteFrom('instance_profile_roles').where('instance_profile_id', '=', instanceProfileId).where('role_id', '=', roleId).execute()
  }
  async roleIds(instanceProfileId: string): Promise<string[]> {
    const rows = await this.db.selectFrom('instance_profile_roles').select('role_id').where('instance_profile_id', '=', instanceProfileId).execute()
    return rows.map((r) => r.role_id)
  }
  async forRole(accountId: string, roleId: string, page: PageRequest): Promise<Page<InstanceProfileRecord>> {
    let q = this.db
      .selectFrom('instance_profiles as p')
      .innerJoin('instance_profile_roles as r', 'r.instance_profile_id', 'p.id')
      .selectAll('p')
      .where('r.role_id', '=', roleId)
      .where('p.account_id', '=', accountId)
    if (page.marker !== undefined) {
      const key = decodeMarker(page.marker)
      if (!key || key.length !== 2) throw new InvalidMarker()
      const [name, id] = key as [string, string]
      q = q.where(afterNameKey('p.name_lower', 'p.id', name, id))
    }
    const rows = await q
      .orderBy('p.name_lower')
      .orderBy('p.id')
      .limit(page.limit + 1)
      .execute()
    return toPage(
      rows,
      page.limit,
      (r) => [r.name_lower, r.id],
      (r) => namedRecord(r)
    )
  }
  async countForRole(roleId: string): Promise<number> {
    const row = await this.db
      .selectFrom('instance_profile_roles')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('role_id', '=', roleId)
      .executeTakeFirstOrThrow()
    return Number(row.n)
  }
}

export class SqlPolicies extends SqlNamedEntityRepo<PolicyRecord, PoliciesTable> implements PoliciesRepo {
  constructor(db: Kysely<Database>) {
    super(db, 'policies')
  }
  protected toRow(r: PolicyRecord): PoliciesTable {
    return { ...namedColumns(r), description: nullable(r.description), updated_at: toIso(r.updatedAt), default_version: r.defaultVersion, next_version: r.nextVersion }
  }
  protected toRecord(row: PoliciesTable): PolicyRecord {
    return { ...namedRecord(row), description: opt(row.description), updatedAt: fromIso(row.updated_at), defaultVersion: row.default_version, nextVersion: row.next_version }
  }
  async byArn(arn: string): Promise<PolicyRecord | undefined> {
    const row = await first<PoliciesTable>(this.db, 'policies.byArn', (db, p) => db.selectFrom('policies').selectAll().where('arn', '=', p(0)), [arn])
    return row ? this.toRecord(row) : undefined
  }
  async update(accountId: string, id: string, changes: Partial<Pick<PolicyRecord, 'description' | 'updatedAt' | 'defaultVersion' | 'nextVersion'>>): Promise<void> {
    const set = columns(changes, {
      description: (v) => ['description', nullable(v)],
      updatedAt: (v) => ['updated_at', toIso(v as Date)],
      defaultVersion: (v) => ['default_version', v],
      nextVersion: (v) => ['next_version', v]
    })
    if (Object.keys(set).length) await this.db.updateTable('policies').set(set).where('id', '=', id).where('account_id', '=', accountId).execute()
  }
  async insertVersion(v: PolicyVersionRecord): Promise<void> {
    await this.db
      .insertInto('policy_versions')
      .values({ policy_id: v.policyId, version_id: v.versionId, document: v.document, created_at: toIso(v.createdAt) })
      .execute()
  }
  async version(policyId: string, versionId: string): Promise<PolicyVersionRecord | undefined> {
    const row = await first<PolicyVersionsTable>(
      this.db,
      'policy_versions.get',
      (db, p) => db.selectFrom('policy_versions').selectAll().where('policy_id', '=', p(0)).where('version_id', '=', p(1)),
      [policyId, versionId]
    )
    return row ? { policyId: row.policy_id, versionId: row.version_id, document: row.document, createdAt: fromIso(row.created_at) } : undefined
  }
  async versions(policyId: string): Promise<PolicyVersionRecord[]> {
    const rows = await this.db.selectFrom('policy_versions').selectAll().where('policy_id', '=', policyId).execute()
    // Newest first by version number (v10 after v9: text order would not do).
    rows.sort((a, b) => Number(b.version_id.slice(1)) - Number(a.version_id.slice(1)))
    return rows.map((row) => ({ policyId: row.policy_id, versionId: row.version_id, document: row.document, createdAt: fromIso(row.created_at) }))
  }
  async deleteVersion(policyId: string, versionId: string): Promise<void> {
    await this.db.deleteFrom('policy_versions').where('policy_id', '=', policyId).where('version_id', '=', versionId).execute()
  }
  async countVersions(accountId: string): Promise<number> {
    const row = await this.db
      .selectFrom('policy_versions as v')
      .innerJoin('policies as p', 'p.id', 'v.policy_id')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('p.account_id', '=', accountId)
      .executeTakeFirstOrThrow()
    return Number(row.n)
  }
  override async delete(accountId: string, id: string): Promise<void> {
    await this.db.deleteFrom('policy_versions').where('policy_id', '=', id).execute()
    await super.delete(accountId, id)
  }
}

export class SqlServerCertificates extends SqlNamedEntityRepo<ServerCertificateRecord, ServerCertificatesTable> implements ServerCertificatesRepo {
  constructor(db: Kysely<Database>) {
    super(db, 'server_certificates')
  }
  protected toRow(r: ServerCertificateRecord): ServerCertificatesTable {
    return { ...namedColumns(r), body: r.body, chain: nullable(r.chain), private_key_cipher: r.privateKeyCipher, expiration: toIso(r.expiration) }
  }
  protected toRecord(row: ServerCertificatesTable): ServerCertificateRecord {
    return { ...namedRecord(row), body: row.body, chain: opt(row.chain), privateKeyCipher: row.private_key_cipher, expiration: fromIso(row.expiration) }
  }
  async update(accountId: string, id: string, changes: Partial<Pick<ServerCertificateRecord, 'name' | 'path' | 'arn'>>): Promise<void> {
    const set = columns(changes, { name: (v) => ['name', v], path: (v) => ['path', v], arn: (v) => ['arn', v] })
    if (changes.name !== undefined) set.name_lower = changes.name.toLowerCase()
    if (Object.keys(set).length) await this.db.updateTable('server_certificates').set(set).where('id', '=', id).where('account_id', '=', accountId).execute()
  }
}
