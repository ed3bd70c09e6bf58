// The embedded default: SQLite through better-sqlite3, in WAL mode (readers never block the
// writer; a committed transaction survives the process being killed), with a busy timeout so a
// second process (`portcullis account create` beside a running server) waits instead of failing.

import Database from 'better-sqlite3'
import { Kysely, SqliteDialect } from 'kysely'
import type { Database as Schema } from './schema.js'
import { SqlStore } from './sql-store.js'

export interface SqliteOptions {
  /** A file path, or ':memory:' for tests. */
  readonly file: string
}

export async function openSqliteStore(options: SqliteOptions): Promise<SqlStore> {
  const sqlite = new Database(options.file)
  sqlite.pragma('journal_mode = WAL')
  // NORMAL in WAL mode: a commit is durable once the process hands it to the OS, which is what
  // surviving `kill -9` needs; FULL would add an fsync per commit.
  sqlite.pragma('synchronous = NORMAL')
  sqlite.pragma('busy_timeout = 5000')
  sqlite.pragma('foreign_keys = ON')
  const db = new Kysely<Schema>({ dialect: new SqliteDialect({ database: sqlite }) })
  const store = new SqlStore(db)
  await store.migrate()
  return store
}
