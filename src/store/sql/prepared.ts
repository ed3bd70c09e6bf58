// Queries whose shape never changes are built and compiled by Kysely once, then run as raw
// compiled SQL with each call's values. Building and compiling cost three times what SQLite
// spends running a lookup, on every call, on the hottest paths (authentication, GetUser...).
//
// A query is built with placeholder values (p(0), p(1)...); the compiled parameter list tells
// where each value goes. Only fixed-shape queries qualify: no clause may depend on the values.

import { CompiledQuery, type Compilable, type Kysely } from 'kysely'
import type { Database } from './schema.js'

interface Compiled {
  readonly sql: string
  /** For each compiled parameter, the index of the call value it takes. */
  readonly slots: readonly number[]
}

const SENTINEL = '\u0000portcullis-param-'
/** Compiled queries per dialect (its adapter object), then per query name. */
const byAdapter = new WeakMap<object, Map<string, Compiled>>()

/** A placeholder for the i-th value (typed as whatever the builder wants there). */
export type Param = <T = string>(i: number) => T
const param: Param = <T>(i: number) => `${SENTINEL}${i}` as unknown as T

function compiled(db: Kysely<Database>, name: string, build: (db: Kysely<Database>, p: Param) => Compilable<unknown>): Compiled {
  const adapter = db.getExecutor().adapter as object
  let cache = byAdapter.get(adapter)
  if (!cache) byAdapter.set(adapter, (cache = new Map()))
  let hit = cache.get(name)
  if (!hit) {
    const query = build(db, param).compile()
    const slots = query.parameters.map((value) => {
      if (typeof value !== 'string' || !value.startsWith(SENTINEL)) throw new Error(`prepared query ${name}: a parameter that is not a placeholder`)
      return Number(value.slice(SENTINEL.length))
    })
    hit = { sql: query.sql, slots }
    cache.set(name, hit)
  }
  return hit
}

/**
 * Runs compiled SQL on a connection without Kysely's executor: its connection mutex and chain of
 * promises cost more than an embedded database spends on an indexed lookup. Only a store whose
 * driver is synchronous can offer one (SQLite), and only while no transaction holds the
 * connection: a read then must queue behind the transaction rather than see its unfinished work.
 */
export interface DirectExecutor {
  /** The query's rows ([] for a statement that returns none), or undefined if it must queue. */
  run(sql: string, parameters: readonly unknown[]): unknown[] | undefined
  /** A transaction is about to take the connection. */
  hold(): void
  /** That transaction is over. */
  release(): void
}

const directByDb = new WeakMap<Kysely<Database>, DirectExecutor>()

/** Queries on `db` itself (not on its transactions) may take the direct path. */
export function useDirectExecutor(db: Kysely<Database>, executor: DirectExecutor): void {
  directByDb.set(db, executor)
}

export function directExecutor(db: Kysely<Database>): DirectExecutor | undefined {
  return directByDb.get(db)
}

/** Runs a prepared query with `values` on `db` (a Kysely instance or a transaction). */
export async function run<Row>(db: Kysely<Database>, name: string, build: (db: Kysely<Database>, p: Param) => Compilable<unknown>, values: readonly unknown[]): Promise<Row[]> {
  const c = compiled(db, name, build)
  const parameters = c.slots.map((i) => values[i])
  const direct = directByDb.get(db)?.run(c.sql, parameters)
  if (direct !== undefined) return direct as Row[]
  const result = await db.executeQuery<Row>(CompiledQuery.raw(c.sql, parameters))
  return result.rows
}

export async function first<Row>(
  db: Kysely<Database>,
  name: string,
  build: (db: Kysely<Database>, p: Param) => Compilable<unknown>,
  values: readonly unknown[]
): Promise<Row | undefined> {
  return (await run<Row>(db, name, build, values))[0]
}
