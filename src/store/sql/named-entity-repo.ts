// The queries every named, pathed entity shares (users, groups, roles, instance profiles,
// policies, server certificates): insert, look up by name (case-insensitively) or id, list by
// path prefix in name order with keyset pagination, count, delete.

import { sql, type Kysely } from 'kysely'
import type { NamedEntityRepo } from '../ports/repositories.js'
import type { NamedEntityRecord, Page, PageRequest } from '../ports/records.js'
import { decodeMarker, InvalidMarker, toPage } from './pagination.js'
import type { Database } from './schema.js'
import { fromIso, toIso } from './values.js'
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
    try {
      await this.db
        .insertInto(this.table)
        .values(this.toRow(record) as never)
        .execute()
    } catch (e) {
      throw uniqueViolation(e) ?? e
    }
  }

  async byName(accountId: string, name: string): Promise<R | undefined> {
    const row = await this.db.selectFrom(this.table).selectAll().where('account_id', '=', accountId).where('name_lower', '=', name.toLowerCase()).executeTakeFirst()
    return row ? this.toRecord(row as Row) : undefined
  }

  async byId(accountId: string, id: string): Promise<R | undefined> {
    const row = await this.db.selectFrom(this.table).selectAll().where('id', '=', id).where('account_id', '=', accountId).executeTakeFirst()
    return row ? this.toRecord(row as Row) : undefined
  }

  async list(accountId: string, filter: { readonly pathPrefix?: string | undefined }, page: PageRequest): Promise<Page<R>> {
    let q = this.db.selectFrom(this.table).selectAll().where('account_id', '=', accountId)
    if (filter.pathPrefix && filter.pathPrefix !== '/') q = q.where(pathStartsWith(filter.pathPrefix))
    if (page.marker !== undefined) {
      const key = decodeMarker(page.marker)
      if (!key || key.length !== 2) throw new InvalidMarker()
      const [name, id] = key as [string, string]
      q = q.where((eb) => eb.or([eb('name_lower', '>', name), eb.and([eb('name_lower', '=', name), eb('id', '>', id)])]))
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

  async delete(accountId: string, id: string): Promise<void> {
    await this.db.deleteFrom(this.table).where('id', '=', id).where('account_id', '=', accountId).execute()
  }
}

/**
 * A case-sensitive prefix test on the path column (LIKE is case-insensitive in SQLite and
 * treats % and _ as wildcards; paths may contain both).
 */
export function pathStartsWith(prefix: string) {
  return sql<boolean>`substr(path, 1, ${prefix.length}) = ${prefix}`
}
