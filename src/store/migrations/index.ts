// The migrations, in order. Kysely's migrator records which have run in its own tables.

import type { Migration, MigrationProvider } from 'kysely'
import * as initial from './001-initial.js'
import * as roles from './002-roles.js'
import * as credentials from './003-credentials.js'
import * as mfa from './004-mfa.js'
import * as federationProviders from './005-federation-providers.js'
import * as consoleSessions from './006-console-sessions.js'

const MIGRATIONS: Record<string, Migration> = {
  '001-initial': initial,
  '002-roles': roles,
  '003-credentials': credentials,
  '004-mfa': mfa,
  '005-federation-providers': federationProviders,
  '006-console-sessions': consoleSessions
}

export const migrationProvider: MigrationProvider = {
  getMigrations: () => Promise.resolve(MIGRATIONS)
}
