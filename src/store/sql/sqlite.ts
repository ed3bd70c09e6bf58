// The embedded default: SQLite through better-sqlite3, in WAL mode (readers never block the
// writer; a committed transaction survives the process being killed), with a busy timeout so a
// second process (`portcullis account create` beside a running server) waits instead of failing.

import Database from 'better-sqlite3'
import { Kysely, SqliteDialect, type SqliteDatabase } from 'kysely'
import type { Database as Schema } from './schema.js'
import { SqlStore } from './sql-store.js'
import { useDirectExecutor, type DirectExecutor } from './prepared.js'

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
  const statements = withStatementCache(sqlite)
  const db = new Kysely<Schema>({ dialect: new SqliteDialect({ database: statements }) })
  useDirectExecutor(db, new SqliteDirectExecutor(statements))
  const store = new SqlStore(db)
  await store.migrate()
  return store
}

const STATEMENT_CACHE_LIMIT = 500

/** better-sqlite3 is synchronous, so a query can run at once whenever no transaction is open. */
class SqliteDirectExecutor implements DirectExecutor {
  private transactions = 0

  constructor(private readonly statements: { prepare(sql: string): Database.Statement }) {}

  run(sql: string, parameters: readonly unknown[]): unknown[] | undefined {
    if (this.transactions > 0) return undefined
    const statement = this.statements.prepare(sql)
    if (statement.reader) return statement.all(parameters)
    statement.run(parameters)
    return []
  }

  hold(): void {
    this.transactions++
  }

  release(): void {
    this.transactions--
  }
}

/**
 * Kysely prepares every query anew, and preparing (compiling SQL) costs more than running a
 * lookup. The same few hundred statements recur, so keep them prepared, keyed by their SQL.
 */
function withStatementCache(sqlite: Database.Database): SqliteDatabase & { prepare(sql: string): Database.Statement } {
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
