// The migrations, in order. Kysely's migrator records which have run in its own tables.

import type { Migration, MigrationProvider } from 'kysely'
import * as initial from './001-initial.js'

const MIGRATIONS: Record<string, Migration> = {
  '001-initial': initial
}

export const migrationProvider: MigrationProvider = {
  getMigrations: () => Promise.resolve(MIGRATIONS)
}
