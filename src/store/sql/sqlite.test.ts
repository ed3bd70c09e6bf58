// The SQLite store against the store contract, plus what only a file-backed database shows.

import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, it } from 'vitest'
import { storeContract } from '../contract/store-contract.js'
import { openSqliteStore } from './sqlite.js'

storeContract('sqlite (memory)', () => openSqliteStore({ file: ':memory:' }))

it('sqlite: a second connection to the same file sees committed writes', async () => {
  const file = join(mkdtempSync(join(tmpdir(), 'portcullis-store-')), 'db.sqlite')
  const a = await openSqliteStore({ file })
  const b = await openSqliteStore({ file })
  await a.transaction((tx) =>
    tx.accounts.insert({
      id: '333333333333',
      alias: undefined,
      createdAt: new Date(),
      rootPasswordHash: undefined,
      rootPasswordLastUsed: undefined,
      passwordPolicy: undefined,
      stsTokenVersion: 1,
      policyGeneration: 0
    })
  )
  expect((await b.read.accounts.get('333333333333'))?.id).toBe('333333333333')
  await a.close()
  await b.close()
})
