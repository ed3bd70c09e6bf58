// The Store over Kysely: one implementation for every SQL dialect Kysely speaks. A transaction
// gets repositories bound to its connection; reads outside one use the pool.

import { Migrator, type Kysely, type Transaction } from 'kysely'
import { migrationProvider } from '../migrations/index.js'
import type { Repositories, Store } from '../ports/repositories.js'
import { SqlAccounts } from './accounts.js'
import { SqlAccessKeys, SqlLoginProfiles, SqlServiceCredentials, SqlSigningCertificates, SqlSshPublicKeys } from './credentials.js'
import { SqlGroups, SqlInstanceProfiles, SqlPolicies, SqlRoles, SqlServerCertificates, SqlUsers } from './entities.js'
import { SqlMfaDevices } from './mfa-devices.js'
import { SqlConsoleSessions, SqlSignInFailures } from './console-sessions.js'
import { SqlAttachments, SqlGroupMembers, SqlInlinePolicies, SqlTags } from './relations.js'
import { SqlOidcProviders } from './oidc-providers.js'
import { SqlSamlProviders } from './saml-providers.js'
import type { Database } from './schema.js'
import { Sequence } from './sequence.js'
import { directExecutor } from './prepared.js'

const TABLES = [
  'accounts',
  'users',
  'groups',
  'group_members',
  'roles',
  'instance_profiles',
  'instance_profile_roles',
  'policies',
  'policy_versions',
  'attachments',
  'inline_policies',
  'tags',
  'access_keys',
  'login_profiles',
  'ssh_public_keys',
  'signing_certificates',
  'server_certificates',
  'oidc_providers',
  'saml_providers',
  'service_credentials',
  'slr_deletion_tasks',
  'mfa_devices',
  'console_sessions',
  'console_sign_in_failures'
] as const

export class SqlStore implements Store {
  readonly read: Repositories
  private readonly seq = new Sequence()

  constructor(private readonly db: Kysely<Database>) {
    this.read = this.repositories(db)
  }

  /** Brings the schema up to date. */
  async migrate(): Promise<void> {
    const { error } = await new Migrator({ db: this.db, provider: migrationProvider }).migrateToLatest()
    if (error) throw error instanceof Error ? error : new Error(String(error))
  }

  transaction<T>(work: (tx: Repositories) => Promise<T>): Promise<T> {
    return this.holdingConnection(() => this.db.transaction().execute((trx: Transaction<Database>) => work(this.repositories(trx))))
  }

  async wipe(): Promise<void> {
    await this.holdingConnection(() =>
      this.db.transaction().execute(async (trx) => {
        for (const table of TABLES) await trx.deleteFrom(table).execute()
      })
    )
  }

  /** Direct queries (prepared.ts) queue while a transaction of ours may hold the connection. */
  private async holdingConnection<T>(work: () => Promise<T>): Promise<T> {
    const direct = directExecutor(this.db)
    direct?.hold()
    try {
      return await work()
    } finally {
      direct?.release()
    }
  }

  close(): Promise<void> {
    return this.db.destroy()
  }

  private repositories(db: Kysely<Database>): Repositories {
    return {
      accounts: new SqlAccounts(db),
      users: new SqlUsers(db),
      groups: new SqlGroups(db),
      roles: new SqlRoles(db),
      instanceProfiles: new SqlInstanceProfiles(db),
      policies: new SqlPolicies(db),
      groupMembers: new SqlGroupMembers(db, this.seq),
      tags: new SqlTags(db, this.seq),
      attachments: new SqlAttachments(db, this.seq),
      inlinePolicies: new SqlInlinePolicies(db),
      accessKeys: new SqlAccessKeys(db),
      loginProfiles: new SqlLoginProfiles(db),
      sshPublicKeys: new SqlSshPublicKeys(db),
      signingCertificates: new SqlSigningCertificates(db),
      oidcProviders: new SqlOidcProviders(db),
      samlProviders: new SqlSamlProviders(db),
      serverCertificates: new SqlServerCertificates(db),
      serviceCredentials: new SqlServiceCredentials(db),
      mfaDevices: new SqlMfaDevices(db),
      consoleSessions: new SqlConsoleSessions(db),
      signInFailures: new SqlSignInFailures(db)
    }
  }
}
