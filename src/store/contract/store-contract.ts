// The contract every Store implementation must meet, as a vitest suite: the SQLite store runs it
// now, PostgreSQL will run the same. It pins what the application relies on: case-insensitive
// names, keyset pagination that survives concurrent writes, transactions that roll back whole,
// account isolation, insertion order for tags and attachments.

import { describe, expect, it } from 'vitest'
import type { Store } from '../ports/repositories.js'
import type { AccountRecord, MfaDeviceRecord, UserRecord } from '../ports/records.js'

export function storeContract(name: string, open: () => Promise<Store>): void {
  const account = (id: string): AccountRecord => ({
    id,
    alias: undefined,
    createdAt: new Date('2026-01-01T00:00:00Z'),
    rootPasswordHash: undefined,
    rootPasswordLastUsed: undefined,
    passwordPolicy: undefined,
    stsTokenVersion: 1,
    policyGeneration: 0
  })
  const user = (accountId: string, name: string, path = '/'): UserRecord => ({
    id: `AIDA${accountId}${name.toUpperCase()}`,
    accountId,
    name,
    path,
    arn: `arn:aws:iam::${accountId}:user${path}${name}`,
    createdAt: new Date('2026-01-02T03:04:05Z'),
    permissionsBoundary: undefined,
    passwordLastUsed: undefined
  })
  const A = '111111111111'
  const B = '222222222222'
  const mfaDevice = (accountId: string, name: string): MfaDeviceRecord => ({
    id: `MFA${accountId}${name}`,
    accountId,
    name,
    path: '/',
    serialNumber: `arn:aws:iam::${accountId}:mfa/${name}`,
    seedCipher: 'sealed',
    createdAt: new Date('2026-01-02T03:04:05Z'),
    owner: undefined,
    enabledAt: undefined,
    codes: { lastUsedStep: undefined, driftSteps: 0, failedAttempts: 0, lastFailedAt: undefined, lockedUntil: undefined }
  })

  async function withAccounts(): Promise<Store> {
    const store = await open()
    await store.transaction(async (tx) => {
      await tx.accounts.insert(account(A))
      await tx.accounts.insert(account(B))
    })
    return store
  }

  describe(`${name}: store contract`, () => {
    it('finds names case-insensitively and refuses a second spelling of one', async () => {
      const store = await withAccounts()
      await store.transaction((tx) => tx.users.insert(user(A, 'Alice')))
      expect((await store.read.users.byName(A, 'ALICE'))?.name).toBe('Alice')
      await expect(store.transaction((tx) => tx.users.insert({ ...user(A, 'alice'), id: 'AIDAOTHER' }))).rejects.toMatchObject({ name: 'UniqueViolation' })
      await store.close()
    })

    it('keeps accounts apart: same names, separate lookups, separate counts', async () => {
      const store = await withAccounts()
      await store.transaction(async (tx) => {
        await tx.users.insert(user(A, 'bob'))
        await tx.users.insert(user(B, 'bob'))
      })
      expect((await store.read.users.byName(A, 'bob'))?.accountId).toBe(A)
      expect((await store.read.users.byName(B, 'bob'))?.accountId).toBe(B)
      expect(await store.read.users.count(A)).toBe(1)
      expect(await store.read.users.byId(B, user(A, 'bob').id)).toBeUndefined()
      await store.close()
    })

    it('pages in name order, and a page boundary survives inserts and deletes', async () => {
      const store = await withAccounts()
      await store.transaction(async (tx) => {
        for (const n of ['delta', 'Alpha', 'charlie', 'Bravo', 'echo']) await tx.users.insert(user(A, n))
      })
      const first = await store.read.users.list(A, {}, { limit: 2 })
      expect(first.items.map((u) => u.name)).toEqual(['Alpha', 'Bravo'])
      expect(first.marker).toBeDefined()
      await store.transaction(async (tx) => {
        await tx.users.insert(user(A, 'aardvark'))
        await tx.users.delete(A, user(A, 'charlie').id)
      })
      const second = await store.read.users.list(A, {}, { limit: 2, marker: first.marker })
      expect(second.items.map((u) => u.name)).toEqual(['delta', 'echo'])
      expect(second.marker).toBeUndefined()
      await store.close()
    })

    it('filters by path prefix, case-sensitively, with % and _ taken literally', async () => {
      const store = await withAccounts()
      await store.transaction(async (tx) => {
        await tx.users.insert(user(A, 'a', '/eng/'))
        await tx.users.insert(user(A, 'b', '/Eng/'))
        await tx.users.insert(user(A, 'c', '/e%g/'))
        await tx.users.insert(user(A, 'd', '/'))
      })
      const names = async (prefix: string) => (await store.read.users.list(A, { pathPrefix: prefix }, { limit: 10 })).items.map((u) => u.name)
      expect(await names('/eng/')).toEqual(['a'])
      expect(await names('/e%')).toEqual(['c'])
      expect(await names('/')).toEqual(['a', 'b', 'c', 'd'])
      await store.close()
    })

    it('rolls a failed transaction back whole', async () => {
      const store = await withAccounts()
      await expect(
        store.transaction(async (tx) => {
          await tx.users.insert(user(A, 'temp'))
          await tx.tags.put(A, 'user', user(A, 'temp').id, [{ Key: 'k', Value: 'v' }])
          throw new Error('boom')
        })
      ).rejects.toThrow('boom')
      expect(await store.read.users.byName(A, 'temp')).toBeUndefined()
      expect(await store.read.tags.list('user', user(A, 'temp').id)).toEqual([])
      await store.close()
    })

    it('tags of other resources keep keys that differ only in case apart', async () => {
      const store = await withAccounts()
      await store.transaction((tx) =>
        tx.tags.put(A, 'policy', 'ANPA1', [
          { Key: 'Cost', Value: '1' },
          { Key: 'cost', Value: '2' }
        ])
      )
      expect(await store.read.tags.list('policy', 'ANPA1')).toEqual([
        { Key: 'Cost', Value: '1' },
        { Key: 'cost', Value: '2' }
      ])
      await store.close()
    })

    it('keeps user tags in the order added; a key in another case replaces the tag', async () => {
      const store = await withAccounts()
      const id = user(A, 'tagged').id
      await store.transaction(async (tx) => {
        await tx.tags.put(A, 'user', id, [
          { Key: 'b', Value: '1' },
          { Key: 'a', Value: '2' }
        ])
        await tx.tags.put(A, 'user', id, [{ Key: 'B', Value: '3' }])
      })
      expect(await store.read.tags.list('user', id)).toEqual([
        { Key: 'B', Value: '3' },
        { Key: 'a', Value: '2' }
      ])
      await store.transaction((tx) => tx.tags.remove('user', id, ['A']))
      expect(await store.read.tags.list('user', id)).toEqual([{ Key: 'B', Value: '3' }])
      await store.close()
    })

    it('lists attachments in attach order and counts them per policy', async () => {
      const store = await withAccounts()
      const entity = { entityType: 'user', entityId: user(A, 'x').id } as const
      await store.transaction(async (tx) => {
        await tx.attachments.attach(A, entity, 'arn:aws:iam::aws:policy/B')
        await tx.attachments.attach(A, entity, 'arn:aws:iam::aws:policy/A')
        await tx.attachments.attach(A, { entityType: 'role', entityId: 'AROA1' }, 'arn:aws:iam::aws:policy/A')
      })
      expect(await store.read.attachments.forEntity(entity)).toEqual(['arn:aws:iam::aws:policy/B', 'arn:aws:iam::aws:policy/A'])
      expect(await store.read.attachments.countForPolicy(A, 'arn:aws:iam::aws:policy/A')).toBe(2)
      expect((await store.read.attachments.countsByPolicy(A)).get('arn:aws:iam::aws:policy/B')).toBe(1)
      await store.close()
    })

    it('replaces an inline policy of the same name and lists names in order', async () => {
      const store = await withAccounts()
      const entity = { entityType: 'group', entityId: 'AGPA1' } as const
      await store.transaction(async (tx) => {
        await tx.inlinePolicies.put(A, entity, 'zeta', '{"v":1}')
        await tx.inlinePolicies.put(A, entity, 'alpha', '{"v":2}')
        await tx.inlinePolicies.put(A, entity, 'zeta', '{"v":3}')
      })
      expect((await store.read.inlinePolicies.names(entity, { limit: 10 })).items).toEqual(['alpha', 'zeta'])
      expect((await store.read.inlinePolicies.get(entity, 'zeta'))?.document).toBe('{"v":3}')
      await store.close()
    })

    it('finds the users and roles using a policy as their boundary, per account', async () => {
      const store = await withAccounts()
      const boundary = 'arn:aws:iam::aws:policy/PowerUserAccess'
      await store.transaction(async (tx) => {
        await tx.users.insert({ ...user(A, 'zed'), permissionsBoundary: boundary })
        await tx.users.insert({ ...user(A, 'Amy'), permissionsBoundary: boundary })
        await tx.users.insert(user(A, 'free'))
        await tx.users.insert({ ...user(B, 'other'), permissionsBoundary: boundary })
      })
      expect((await store.read.users.withBoundary(A, boundary)).map((u) => u.name)).toEqual(['Amy', 'zed'])
      expect(await store.read.users.countsByBoundary(A)).toEqual(new Map([[boundary, 2]]))
      expect(await store.read.roles.withBoundary(A, boundary)).toEqual([])
      expect((await store.read.roles.countsByBoundary(A)).size).toBe(0)
      await store.close()
    })

    it('bumps the policy generation atomically', async () => {
      const store = await withAccounts()
      expect(await store.read.accounts.bumpPolicyGeneration(A)).toBe(1)
      expect(await store.read.accounts.bumpPolicyGeneration(A)).toBe(2)
      expect((await store.read.accounts.get(B))?.policyGeneration).toBe(0)
      await store.close()
    })

    it('keeps service-linked role deletion tasks per account', async () => {
      const store = await withAccounts()
      const task = {
        id: 'task/aws-service-role/ecs.amazonaws.com/AWSServiceRoleForECS/0f8fad5b-d9cb-469f-a165-70867728950e',
        accountId: A,
        roleName: 'AWSServiceRoleForECS',
        status: 'SUCCEEDED' as const,
        createdAt: new Date('2026-01-02T03:04:05Z')
      }
      await store.transaction((tx) => tx.roles.insertDeletionTask(task))
      expect(await store.read.roles.deletionTask(A, task.id)).toEqual(task)
      expect(await store.read.roles.deletionTask(B, task.id)).toBeUndefined()
      await store.close()
    })

    it("keeps a login profile's password history, and finds signing certificates across the account", async () => {
      const store = await withAccounts()
      const alice = user(A, 'alice')
      const at = new Date('2026-01-02T03:04:05Z')
      await store.transaction(async (tx) => {
        await tx.users.insert(alice)
        await tx.loginProfiles.insert({ userId: alice.id, accountId: A, passwordHash: 'h1', passwordResetRequired: false, createdAt: at, passwordChangedAt: at })
        await tx.signingCertificates.insert({ id: 'CERTA', accountId: A, userId: alice.id, body: 'a', status: 'Active', uploadedAt: at })
        await tx.signingCertificates.insert({ id: 'CERTROOT', accountId: A, userId: undefined, body: 'r', status: 'Active', uploadedAt: at })
        await tx.signingCertificates.insert({ id: 'CERTB', accountId: B, userId: undefined, body: 'b', status: 'Active', uploadedAt: at })
      })
      expect((await store.read.loginProfiles.get(alice.id))?.passwordHistory).toBeUndefined()
      await store.transaction((tx) => tx.loginProfiles.update(alice.id, { passwordHash: 'h2', passwordHistory: ['h1'] }))
      expect(await store.read.loginProfiles.get(alice.id)).toMatchObject({ passwordHash: 'h2', passwordHistory: ['h1'] })
      await store.transaction((tx) => tx.loginProfiles.update(alice.id, { passwordHistory: [] }))
      expect((await store.read.loginProfiles.get(alice.id))?.passwordHistory).toBeUndefined()
      expect((await store.read.signingCertificates.forAccount(A)).map((c) => c.id).sort()).toEqual(['CERTA', 'CERTROOT'])
      await store.close()
    })

    it('keeps MFA code state moving forward only: a step is accepted once, failures count up', async () => {
      const store = await withAccounts()
      await store.transaction((tx) => tx.mfaDevices.insert(mfaDevice(A, 'dev')))
      const id = mfaDevice(A, 'dev').id
      expect(await store.transaction((tx) => tx.mfaDevices.recordFailure(id, new Date('2026-01-02T00:00:00Z')))).toBe(1)
      expect(await store.transaction((tx) => tx.mfaDevices.recordFailure(id, new Date('2026-01-02T00:00:01Z')))).toBe(2)
      expect(await store.transaction((tx) => tx.mfaDevices.acceptStep(id, 100, 3))).toBe(true)
      expect((await store.read.mfaDevices.bySerial(A, mfaDevice(A, 'dev').serialNumber))?.codes).toEqual({
        lastUsedStep: 100,
        driftSteps: 3,
        failedAttempts: 0,
        lastFailedAt: undefined,
        lockedUntil: undefined
      })
      expect(await store.transaction((tx) => tx.mfaDevices.acceptStep(id, 100, 0))).toBe(false)
      expect(await store.transaction((tx) => tx.mfaDevices.acceptStep(id, 99, 0))).toBe(false)
      expect(await store.transaction((tx) => tx.mfaDevices.acceptStep(id, 101, 0))).toBe(true)
      await store.close()
    })

    it('assigns an MFA device once, lists devices by assignment in serial order, and counts them', async () => {
      const store = await withAccounts()
      const alice = user(A, 'alice')
      await store.transaction(async (tx) => {
        await tx.users.insert(alice)
        for (const name of ['c', 'a', 'b']) await tx.mfaDevices.insert(mfaDevice(A, name))
        await tx.mfaDevices.insert(mfaDevice(B, 'a'))
      })
      await expect(store.transaction((tx) => tx.mfaDevices.insert({ ...mfaDevice(A, 'A'), id: 'OTHER' }))).rejects.toMatchObject({ name: 'UniqueViolation' })
      const at = new Date('2026-01-03T00:00:00Z')
      expect(await store.transaction((tx) => tx.mfaDevices.assign(A, mfaDevice(A, 'b').id, { kind: 'user', userId: alice.id }, at))).toBe(true)
      expect(await store.transaction((tx) => tx.mfaDevices.assign(A, mfaDevice(A, 'b').id, { kind: 'root' }, at))).toBe(false)
      expect(await store.transaction((tx) => tx.mfaDevices.assign(A, mfaDevice(A, 'c').id, { kind: 'root' }, at))).toBe(true)
      const names = async (assigned?: boolean) => (await store.read.mfaDevices.list(A, { assigned }, { limit: 10 })).items.map((d) => d.name)
      expect(await names()).toEqual(['a', 'b', 'c'])
      expect(await names(true)).toEqual(['b', 'c'])
      expect(await names(false)).toEqual(['a'])
      const first = await store.read.mfaDevices.list(A, {}, { limit: 2 })
      expect((await store.read.mfaDevices.list(A, {}, { limit: 2, marker: first.marker })).items.map((d) => d.name)).toEqual(['c'])
      expect((await store.read.mfaDevices.forOwner(A, { kind: 'user', userId: alice.id })).map((d) => d.name)).toEqual(['b'])
      expect(await store.read.mfaDevices.summary(A)).toEqual({ devices: 3, inUse: 2, rootInUse: 1 })
      expect((await store.read.users.dependents(A, alice.id)).mfaDevices).toBe(1)
      await store.transaction((tx) => tx.mfaDevices.unassign(A, mfaDevice(A, 'b').id))
      expect((await store.read.users.dependents(A, alice.id)).mfaDevices).toBe(0)
      await store.close()
    })

    it('wipes everything', async () => {
      const store = await withAccounts()
      await store.transaction((tx) => tx.users.insert(user(A, 'gone')))
      await store.transaction((tx) => tx.mfaDevices.insert(mfaDevice(A, 'gone')))
      await store.wipe()
      expect(await store.read.accounts.list()).toEqual([])
      expect(await store.read.users.byName(A, 'gone')).toBeUndefined()
      expect(await store.read.mfaDevices.byName(A, 'gone')).toBeUndefined()
      await store.close()
    })
  })
}
