// Credentials: access keys, login profiles, SSH public keys, signing certificates and
// service-specific credentials. Secrets arrive already encrypted (the application holds the key).

import type { Kysely } from 'kysely'
import type { AccessKeysRepo, LoginProfilesRepo, ServiceCredentialsRepo, SigningCertificatesRepo, SshPublicKeysRepo } from '../ports/repositories.js'
import type { AccessKeyRecord, LoginProfileRecord, ServiceCredentialRecord, SigningCertificateRecord, SshPublicKeyRecord } from '../ports/records.js'
import { first } from './prepared.js'
import type { AccessKeysTable, Database, SigningCertificatesTable } from './schema.js'
import { columns, fromIso, fromOptIso, nullable, opt, toIso } from './values.js'

function accessKey(row: AccessKeysTable): AccessKeyRecord {
  return {
    id: row.id,
    accountId: row.account_id,
    userId: opt(row.user_id),
    secretCipher: row.secret_cipher,
    status: row.status,
    createdAt: fromIso(row.created_at),
    lastUsedAt: fromOptIso(row.last_used_at),
    lastUsedService: opt(row.last_used_service),
    lastUsedRegion: opt(row.last_used_region)
  }
}

export class SqlAccessKeys implements AccessKeysRepo {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(k: AccessKeyRecord): Promise<void> {
    await this.db
      .insertInto('access_keys')
      .values({
        id: k.id,
        account_id: k.accountId,
        user_id: nullable(k.userId),
        secret_cipher: k.secretCipher,
        status: k.status,
        created_at: toIso(k.createdAt),
        last_used_at: k.lastUsedAt ? toIso(k.lastUsedAt) : null,
        last_used_service: nullable(k.lastUsedService),
        last_used_region: nullable(k.lastUsedRegion)
      })
      .execute()
  }
  async byId(id: string): Promise<AccessKeyRecord | undefined> {
    const row = await first<AccessKeysTable>(this.db, 'access_keys.byId', (db, p) => db.selectFrom('access_keys').selectAll().where('id', '=', p(0)), [id])
    return row ? accessKey(row) : undefined
  }
  async forUser(accountId: string, userId: string | undefined): Promise<AccessKeyRecord[]> {
    let q = this.db.selectFrom('access_keys').selectAll().where('account_id', '=', accountId)
    q = userId === undefined ? q.where('user_id', 'is', null) : q.where('user_id', '=', userId)
    return (await q.orderBy('created_at').orderBy('id').execute()).map(accessKey)
  }
  async update(id: string, changes: Partial<Pick<AccessKeyRecord, 'status'>>): Promise<void> {
    if (changes.status) await this.db.updateTable('access_keys').set({ status: changes.status }).where('id', '=', id).execute()
  }
  async recordUse(id: string, at: Date, service: string, region: string): Promise<void> {
    await this.db
      .updateTable('access_keys')
      .set({ last_used_at: toIso(at), last_used_service: service, last_used_region: region })
      .where('id', '=', id)
      .execute()
  }
  async delete(id: string): Promise<void> {
    await this.db.deleteFrom('access_keys').where('id', '=', id).execute()
  }
  async countForAccount(accountId: string): Promise<number> {
    const row = await this.db
      .selectFrom('access_keys')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('account_id', '=', accountId)
      .executeTakeFirstOrThrow()
    return Number(row.n)
  }
}

function passwordHistoryColumn(history: readonly string[] | undefined): string | null {
  return history && history.length ? JSON.stringify(history) : null
}

export class SqlLoginProfiles implements LoginProfilesRepo {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(p: LoginProfileRecord): Promise<void> {
    await this.db
      .insertInto('login_profiles')
      .values({
        user_id: p.userId,
        account_id: p.accountId,
        password_hash: p.passwordHash,
        password_reset_required: p.passwordResetRequired ? 1 : 0,
        created_at: toIso(p.createdAt),
        password_changed_at: toIso(p.passwordChangedAt),
        password_history: passwordHistoryColumn(p.passwordHistory)
      })
      .execute()
  }
  async get(userId: string): Promise<LoginProfileRecord | undefined> {
    const row = await this.db.selectFrom('login_profiles').selectAll().where('user_id', '=', userId).executeTakeFirst()
    if (!row) return undefined
    return {
      userId: row.user_id,
      accountId: row.account_id,
      passwordHash: row.password_hash,
      passwordResetRequired: row.password_reset_required === 1,
      createdAt: fromIso(row.created_at),
      passwordChangedAt: fromIso(row.password_changed_at),
      passwordHistory: row.password_history === null ? undefined : (JSON.parse(row.password_history) as string[])
    }
  }
  async update(userId: string, changes: Partial<Pick<LoginProfileRecord, 'passwordHash' | 'passwordResetRequired' | 'passwordChangedAt' | 'passwordHistory'>>): Promise<void> {
    const set = columns(changes, {
      passwordHash: (v) => ['password_hash', v],
      passwordResetRequired: (v) => ['password_reset_required', v ? 1 : 0],
      passwordChangedAt: (v) => ['password_changed_at', toIso(v as Date)],
      passwordHistory: (v) => ['password_history', passwordHistoryColumn(v)]
    })
    if (Object.keys(set).length) await this.db.updateTable('login_profiles').set(set).where('user_id', '=', userId).execute()
  }
  async delete(userId: string): Promise<void> {
    await this.db.deleteFrom('login_profiles').where('user_id', '=', userId).execute()
  }
}

export class SqlSshPublicKeys implements SshPublicKeysRepo {
  constructor(private readonly db: Kysely<Database>) {}

  private static record(row: {
    id: string
    account_id: string
    user_id: string
    body: string
    fingerprint: string
    status: 'Active' | 'Inactive'
    uploaded_at: string
  }): SshPublicKeyRecord {
    return { id: row.id, accountId: row.account_id, userId: row.user_id, body: row.body, fingerprint: row.fingerprint, status: row.status, uploadedAt: fromIso(row.uploaded_at) }
  }
  async insert(k: SshPublicKeyRecord): Promise<void> {
    await this.db
      .insertInto('ssh_public_keys')
      .values({ id: k.id, account_id: k.accountId, user_id: k.userId, body: k.body, fingerprint: k.fingerprint, status: k.status, uploaded_at: toIso(k.uploadedAt) })
      .execute()
  }
  async byId(userId: string, id: string): Promise<SshPublicKeyRecord | undefined> {
    const row = await this.db.selectFrom('ssh_public_keys').selectAll().where('id', '=', id).where('user_id', '=', userId).executeTakeFirst()
    return row ? SqlSshPublicKeys.record(row) : undefined
  }
  async forUser(userId: string): Promise<SshPublicKeyRecord[]> {
    const rows = await this.db.selectFrom('ssh_public_keys').selectAll().where('user_id', '=', userId).orderBy('uploaded_at').orderBy('id').execute()
    return rows.map(SqlSshPublicKeys.record)
  }
  async update(id: string, changes: Partial<Pick<SshPublicKeyRecord, 'status'>>): Promise<void> {
    if (changes.status) await this.db.updateTable('ssh_public_keys').set({ status: changes.status }).where('id', '=', id).execute()
  }
  async delete(id: string): Promise<void> {
    await this.db.deleteFrom('ssh_public_keys').where('id', '=', id).execute()
  }
}

function signingCertificate(row: SigningCertificatesTable): SigningCertificateRecord {
  return { id: row.id, accountId: row.account_id, userId: opt(row.user_id), body: row.body, status: row.status, uploadedAt: fromIso(row.uploaded_at) }
}

export class SqlSigningCertificates implements SigningCertificatesRepo {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(c: SigningCertificateRecord): Promise<void> {
    await this.db
      .insertInto('signing_certificates')
      .values({ id: c.id, account_id: c.accountId, user_id: nullable(c.userId), body: c.body, status: c.status, uploaded_at: toIso(c.uploadedAt) })
      .execute()
  }
  async byId(accountId: string, id: string): Promise<SigningCertificateRecord | undefined> {
    const row = await this.db.selectFrom('signing_certificates').selectAll().where('id', '=', id).where('account_id', '=', accountId).executeTakeFirst()
    return row ? signingCertificate(row) : undefined
  }
  async forUser(accountId: string, userId: string | undefined): Promise<SigningCertificateRecord[]> {
    let q = this.db.selectFrom('signing_certificates').selectAll().where('account_id', '=', accountId)
    q = userId === undefined ? q.where('user_id', 'is', null) : q.where('user_id', '=', userId)
    return (await q.orderBy('uploaded_at').orderBy('id').execute()).map(signingCertificate)
  }
  async forAccount(accountId: string): Promise<SigningCertificateRecord[]> {
    const rows = await this.db.selectFrom('signing_certificates').selectAll().where('account_id', '=', accountId).orderBy('uploaded_at').orderBy('id').execute()
    return rows.map(signingCertificate)
  }
  async update(id: string, changes: Partial<Pick<SigningCertificateRecord, 'status'>>): Promise<void> {
    if (changes.status) await this.db.updateTable('signing_certificates').set({ status: changes.status }).where('id', '=', id).execute()
  }
  async delete(id: string): Promise<void> {
    await this.db.deleteFrom('signing_certificates').where('id', '=', id).execute()
  }
}

export class SqlServiceCredentials implements ServiceCredentialsRepo {
  constructor(private readonly db: Kysely<Database>) {}

  private static record(row: {
    id: string
    account_id: string
    user_id: string
    service_name: string
    service_user_name: string
    password_cipher: string
    status: 'Active' | 'Inactive'
    created_at: string
  }): ServiceCredentialRecord {
    return {
      id: row.id,
      accountId: row.account_id,
      userId: row.user_id,
      serviceName: row.service_name,
      serviceUserName: row.service_user_name,
      passwordCipher: row.password_cipher,
      status: row.status,
      createdAt: fromIso(row.created_at)
    }
  }
  async insert(c: ServiceCredentialRecord): Promise<void> {
    await this.db
      .insertInto('service_credentials')
      .values({
        id: c.id,
        account_id: c.accountId,
        user_id: c.userId,
        service_name: c.serviceName,
        service_user_name: c.serviceUserName,
        password_cipher: c.passwordCipher,
        status: c.status,
        created_at: toIso(c.createdAt)
      })
      .execute()
  }
  async byId(userId: string, id: string): Promise<ServiceCredentialRecord | undefined> {
    const row = await this.db.selectFrom('service_credentials').selectAll().where('id', '=', id).where('user_id', '=', userId).executeTakeFirst()
    return row ? SqlServiceCredentials.record(row) : undefined
  }
  async forUser(userId: string, serviceName?: string): Promise<ServiceCredentialRecord[]> {
    let q = this.db.selectFrom('service_credentials').selectAll().where('user_id', '=', userId)
    if (serviceName !== undefined) q = q.where('service_name', '=', serviceName)
    return (await q.orderBy('created_at').orderBy('id').execute()).map(SqlServiceCredentials.record)
  }
  async update(id: string, changes: Partial<Pick<ServiceCredentialRecord, 'status' | 'passwordCipher'>>): Promise<void> {
    const set = columns(changes, { status: (v) => ['status', v], passwordCipher: (v) => ['password_cipher', v] })
    if (Object.keys(set).length) await this.db.updateTable('service_credentials').set(set).where('id', '=', id).execute()
  }
  async delete(id: string): Promise<void> {
    await this.db.deleteFrom('service_credentials').where('id', '=', id).execute()
  }
}
