// The queries every named, pathed entity shares (users, groups, roles, instance profiles,
// policies, server certificates): insert, look up by name (case-insensitively) or id, list by
// path prefix in name order with keyset pagination, count, delete.

import { sql, type Kysely } from 'kysely'
import type { NamedEntityRepo } from '../ports/repositories.js'
import type { NamedEntityRecord, Page, PageRequest } from '../ports/records.js'
import { afterNameKey, decodeMarker, InvalidMarker, toPage } from './pagination.js'
import type { Database } from './schema.js'
import { fromIso, toIso } from './values.js'
import { first, run } from './prepared.js'
import { uniqueViolation } from './unique-violation.js'

export type NamedTable = 'users' | 'groups' | 'roles' | 'instance_profiles' | 'policies' | 'server_certificates'

/** The columns every named table has. */
export interface NamedRow {
  id: string
  account_id: string
  name: string
  name_lower: string
  path: string
  arn: string
  created_at: string
}

export function namedColumns(r: NamedEntityRecord): NamedRow {
  return { id: r.id, account_id: r.accountId, name: r.name, name_lower: r.name.toLowerCase(), path: r.path, arn: r.arn, created_at: toIso(r.createdAt) }
}

export function namedRecord(row: NamedRow): NamedEntityRecord {
  return { id: row.id, accountId: row.account_id, name: row.name, path: row.path, arn: row.arn, createdAt: fromIso(row.created_at) }
}

export abstract class SqlNamedEntityRepo<R extends NamedEntityRecord, Row extends NamedRow> implements NamedEntityRepo<R> {
  constructor(
    protected readonly db: Kysely<Database>,
    protected readonly table: NamedTable
  ) {}

  protected abstract toRow(record: R): Row
  protected abstract toRecord(row: Row): R

  async insert(record: R): Promise<void> {
    const table = this.table
    const row = this.toRow(record) as unknown as Record<string, unknown>
    // Absent optional columns take their defaults, so the query's shape is keyed by the columns present.
    const columns = Object.keys(row).filter((k) => row[k] !== undefined)
    try {
      await run(
        this.db,
        `${table}.insert:${columns.join(',')}`,
        (db, p) => db.insertInto(table).values(Object.fromEntries(columns.map((c, i) => [c, p(i)])) as never),
        columns.map((c) => row[c])
      )
    } catch (e) {
      throw uniqueViolation(e) ?? e
    }
  }

  async byName(accountId: string, name: string): Promise<R | undefined> {
    const table = this.table
    const row = await first<Row>(this.db, `${table}.byName`, (db, p) => db.selectFrom(table).selectAll().where('account_id', '=', p(0)).where('name_lower', '=', p(1)), [
      accountId,
      name.toLowerCase()
    ])
    return row ? this.toRecord(row) : undefined
  }

  async byId(accountId: string, id: string): Promise<R | undefined> {
    const table = this.table
    const row = await first<Row>(this.db, `${table}.byId`, (db, p) => db.selectFrom(table).selectAll().where('id', '=', p(0)).where('account_id', '=', p(1)), [id, accountId])
    return row ? this.toRecord(row) : undefined
  }

  async list(accountId: string, filter: { readonly pathPrefix?: string | undefined }, page: PageRequest): Promise<Page<R>> {
    let q = this.db.selectFrom(this.table).selectAll().where('account_id', '=', accountId)
    if (filter.pathPrefix && filter.pathPrefix !== '/') q = q.where(pathStartsWith(filter.pathPrefix))
    if (page.marker !== undefined) {
      const key = decodeMarker(page.marker)
      if (!key || key.length !== 2) throw new InvalidMarker()
      const [name, id] = key as [string, string]
      q = q.where(afterNameKey('name_lower', 'id', name, id))
    }
    const rows = (await q
      .orderBy('name_lower')
      .orderBy('id')
      .limit(page.limit + 1)
      .execute()) as Row[]
    return toPage(
      rows,
      page.limit,
      (r) => [r.name_lower, r.id],
      (r) => this.toRecord(r)
    )
  }

  async count(accountId: string): Promise<number> {
    const row = await this.db
      .selectFrom(this.table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('account_id', '=', accountId)
      .executeTakeFirstOrThrow()
    return Number(row.n)
  }

  async countUpTo(accountId: string, limit: number): Promise<number> {
    const table = this.table
    const row = await first<{ n: number }>(
      this.db,
      `${table}.countUpTo`,
      (db, p) =>
        db.selectFrom((eb) => eb.selectFrom(table).select('id').where('account_id', '=', p(0)).limit(p<number>(1)).as('bounded')).select((eb) => eb.fn.countAll<number>().as('n')),
      [accountId, limit]
    )
    return Number(row?.n ?? 0)
  }

  async delete(accountId: string, id: string): Promise<void> {
    const table = this.table
    await run(this.db, `${table}.delete`, (db, p) => db.deleteFrom(table).where('id', '=', p(0)).where('account_id', '=', p(1)), [id, accountId])
  }
}

/**
 * A case-sensitive prefix test on the path column (LIKE is case-insensitive in SQLite and
 * treats % and _ as wildcards; paths may contain both).
 */
export function pathStartsWith(prefix: string) {
  return sql<boolean>`substr(path, 1, ${prefix.length}) = ${prefix}`
}
