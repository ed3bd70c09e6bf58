import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ConsoleSessionRecord } from '../ports/console-sessions.js'
import { openSqliteStore } from './sqlite.js'
import type { SqlStore } from './sql-store.js'

const at = new Date('2026-01-01T00:00:00Z')
const later = (ms: number) => new Date(at.getTime() + ms)
const session = (idHash: string, changes: Partial<ConsoleSessionRecord> = {}): ConsoleSessionRecord => ({
  idHash,
  accountId: '123456789012',
  stage: 'active',
  userId: 'AIDAEXAMPLE',
  createdAt: at,
  lastSeenAt: at,
  expiresAt: later(3_600_000),
  mfaAuthenticatedAt: undefined,
  roleSession: undefined,
  ...changes
})

let store: SqlStore
beforeEach(async () => {
  store = await openSqliteStore({ file: ':memory:' })
})
afterEach(async () => {
  await store.close()
})

describe('console sessions in SQL', () => {
  it('round-trips a session, its role session and MFA time', async () => {
    const record = session('h1', { userId: undefined, mfaAuthenticatedAt: later(5), roleSession: { accessKeyId: 'ASIA1', sessionToken: 'tok', displayName: 'Admin' } })
    await store.transaction((tx) => tx.consoleSessions.insert(record))
    expect(await store.read.consoleSessions.get('h1')).toEqual(record)
    await store.transaction((tx) => tx.consoleSessions.update('h1', { lastSeenAt: later(10), roleSession: undefined }))
    expect(await store.read.consoleSessions.get('h1')).toEqual({ ...record, lastSeenAt: later(10), roleSession: undefined })
  })

  it('deletes a session once: the second delete reports nothing deleted', async () => {
    await store.transaction((tx) => tx.consoleSessions.insert(session('h2')))
    expect(await store.transaction((tx) => tx.consoleSessions.delete('h2'))).toBe(true)
    expect(await store.transaction((tx) => tx.consoleSessions.delete('h2'))).toBe(false)
  })

  it('sweeps sessions past their end or idle too long', async () => {
    await store.transaction(async (tx) => {
      await tx.consoleSessions.insert(session('ended', { expiresAt: later(10) }))
      await tx.consoleSessions.insert(session('idle', { lastSeenAt: at, expiresAt: later(10_000_000) }))
      await tx.consoleSessions.insert(session('live', { lastSeenAt: later(500), expiresAt: later(10_000_000) }))
      await tx.consoleSessions.deleteExpired(later(1_000), later(100))
    })
    expect(await store.read.consoleSessions.get('ended')).toBeUndefined()
    expect(await store.read.consoleSessions.get('idle')).toBeUndefined()
    expect(await store.read.consoleSessions.get('live')).toBeDefined()
  })
})

describe('failed sign-in counts in SQL', () => {
  it('counts, locks, forgets stale counts and clears', async () => {
    const fail = (ms: number, forgetBeforeMs: number) => store.transaction((tx) => tx.signInFailures.recordFailure('k', later(ms), later(forgetBeforeMs)))
    expect(await fail(0, -1)).toBe(1)
    expect(await fail(1, -1)).toBe(2)
    await store.transaction((tx) => tx.signInFailures.lockUntil('k', later(100)))
    expect(await store.read.signInFailures.get('k')).toEqual({ failures: 2, lastFailedAt: later(1), lockedUntil: later(100) })
    // Still locked: the count goes on even when the last failure is older than the window.
    expect(await fail(50, 10)).toBe(3)
    // Unlocked and stale: it starts again.
    expect(await fail(200, 100)).toBe(1)
    expect((await store.read.signInFailures.get('k'))?.lockedUntil).toBeUndefined()
    await store.transaction((tx) => tx.signInFailures.clear('k'))
    expect(await store.read.signInFailures.get('k')).toBeUndefined()
  })
})
