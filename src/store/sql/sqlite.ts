// The embedded default: SQLite through better-sqlite3, in WAL mode (readers never block the
// writer; a committed transaction survives the process being killed), with a busy timeout so a
// second process (`portcullis account create` beside a running server) waits instead of failing.

import Database from 'better-sqlite3'
import { Kysely, SqliteDialect, type SqliteDatabase } from 'kysely'
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
  const db = new Kysely<Schema>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) })
  const store = new SqlStore(db)
  await store.migrate()
  return store
}

const STATEMENT_CACHE_LIMIT = 500

/**
 * Kysely prepares every query anew, and preparing (compiling SQL) costs more than running a
 * lookup. The same few hundred statements recur, so keep them prepared, keyed by their SQL.
 */
function withStatementCache(sqlite: Database.Database): SqliteDatabase {
  const cache = new Map<string, Database.Statement>()
  return {
    close: () => sqlite.close(),
    prepare(sql: string) {
      let statement = cache.get(sql)
      if (statement === undefined) {
        statement = sqlite.prepare(sql)
        if (cache.size >= STATEMENT_CACHE_LIMIT) cache.delete(cache.keys().next().value as string)
        cache.set(sql, statement)
      }
      return statement
    }
  }
}
