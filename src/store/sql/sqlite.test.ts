// The SQLite store against the store contract, plus what only a file-backed database shows.

import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, it } from 'vitest'
import { storeContract } from '../contract/store-contract.js'
import { openSqliteStore } from './sqlite.js'

storeContract('sqlite (memory)', () => openSqliteStore({ file: ':memory:' }))

const account = (id: string) => ({
  id,
  alias: undefined,
  createdAt: new Date(),
  rootPasswordHash: undefined,
  rootPasswordLastUsed: undefined,
  passwordPolicy: undefined,
  stsTokenVersion: 1,
  policyGeneration: 0
})

it('sqlite: a second connection to the same file sees committed writes', async () => {
  const file = join(mkdtempSync(join(tmpdir(), 'portcullis-store-')), 'db.sqlite')
  const a = await openSqliteStore({ file })
  const b = await openSqliteStore({ file })
  await a.transaction((tx) => tx.accounts.insert(account('333333333333')))
  expect((await b.read.accounts.get('333333333333'))?.id).toBe('333333333333')
  await a.close()
  await b.close()
})

it('sqlite: a read made while a transaction is open waits for it, never seeing its unfinished work', async () => {
  const store = await openSqliteStore({ file: ':memory:' })
  await store.transaction((tx) => tx.accounts.insert(account('444444444444')))
  const user = (name: string) => ({
    id: `AIDA${name.toUpperCase()}`,
    accountId: '444444444444',
    name,
    path: '/',
    arn: `arn:aws:iam::444444444444:user/${name}`,
    createdAt: new Date(),
    permissionsBoundary: undefined,
    passwordLastUsed: undefined
  })
  let readDuringTransaction: Promise<unknown> | undefined
  const failed = store.transaction(async (tx) => {
    await tx.users.insert(user('ghost'))
    // Reads outside a transaction run directly on SQLite's one connection when it is free; here
    // it is not, so this one must queue rather than see an insert that is about to be rolled back.
    readDuringTransaction = store.read.users.byName('444444444444', 'ghost')
    await new Promise((resolve) => setTimeout(resolve, 5))
    throw new Error('roll back')
  })
  await expect(failed).rejects.toThrow('roll back')
  expect(await readDuringTransaction).toBeUndefined()
  // With no transaction open, reads take the direct path and see what was committed.
  await store.transaction((tx) => tx.users.insert(user('alice')))
  expect((await store.read.users.byName('444444444444', 'ALICE'))?.name).toBe('alice')
  await store.close()
})
