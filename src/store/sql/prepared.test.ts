// Prepared queries: built once, then run with each call's values in the right places.

import Database from 'better-sqlite3'
import { Kysely, SqliteDialect } from 'kysely'
import { afterEach, beforeEach, expect, it } from 'vitest'
import { first, run } from './prepared.js'
import type { TaggableResource } from '../ports/records.js'
import type { Database as Schema } from './schema.js'

let db: Kysely<Schema>

beforeEach(async () => {
  db = new Kysely<Schema>({ dialect: new SqliteDialect({ database: new Database(':memory:') }) })
  await db.schema
    .createTable('tags')
    .addColumn('resource_type', 'text')
    .addColumn('resource_id', 'text')
    .addColumn('key', 'text')
    .addColumn('value', 'text')
    .addColumn('seq', 'integer')
    .execute()
  await db
    .insertInto('tags')
    .values([
      { resource_type: 'user', resource_id: 'u1', key: 'a', value: '1', seq: 2 },
      { resource_type: 'user', resource_id: 'u1', key: 'b', value: '2', seq: 1 },
      { resource_type: 'role', resource_id: 'u1', key: 'c', value: '3', seq: 3 }
    ] as never)
    .execute()
})
afterEach(() => db.destroy())

const byResource = (d: Kysely<Schema>, p: <T = string>(i: number) => T) =>
  d.selectFrom('tags').select(['key', 'value']).where('resource_type', '=', p<TaggableResource>(0)).where('resource_id', '=', p(1)).orderBy('seq')

it('runs the compiled query with each call’s values', async () => {
  expect(await run(db, 'test.byResource', byResource, ['user', 'u1'])).toEqual([
    { key: 'b', value: '2' },
    { key: 'a', value: '1' }
  ])
  // The second call reuses the compiled query with different values.
  expect(await run(db, 'test.byResource', byResource, ['role', 'u1'])).toEqual([{ key: 'c', value: '3' }])
  expect(await first(db, 'test.byResource', byResource, ['group', 'u1'])).toBeUndefined()
})

it('places values by placeholder index, whatever order the SQL uses them in', async () => {
  const reversed = (d: Kysely<Schema>, p: <T = string>(i: number) => T) =>
    d.selectFrom('tags').select('key').where('resource_id', '=', p(1)).where('resource_type', '=', p<TaggableResource>(0)).orderBy('seq')
  expect(await run(db, 'test.reversed', reversed, ['role', 'u1'])).toEqual([{ key: 'c' }])
})

it('refuses a query with a literal value baked in, which would be reused for every call', async () => {
  const literal = (d: Kysely<Schema>, p: <T = string>(i: number) => T) =>
    d
      .selectFrom('tags')
      .select('key')
      .where('resource_type', '=', 'user' as TaggableResource)
      .where('resource_id', '=', p(0))
  await expect(run(db, 'test.literal', literal, ['u1'])).rejects.toThrow(/not a placeholder/)
})
