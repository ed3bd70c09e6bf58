// Virtual MFA devices. The code-check state is written with conditional and atomic updates
// (acceptStep, recordFailure) so that concurrent uses of one code settle in the database, not in
// whichever request read the row first.

import { sql, type Kysely } from 'kysely'
import type { MfaDevicesRepo } from '../ports/repositories.js'
import type { MfaDeviceRecord, MfaOwner, Page, PageRequest } from '../ports/records.js'
import { decodeMarker, InvalidMarker, toPage } from './pagination.js'
import { first } from './prepared.js'
import type { Database, MfaDevicesTable } from './schema.js'
import { uniqueViolation } from './unique-violation.js'
import { fromIso, fromOptIso, optIso, toIso } from './values.js'

function toRecord(row: MfaDevicesTable): MfaDeviceRecord {
  return {
    id: row.id,
    accountId: row.account_id,
    name: row.name,
    path: row.path,
    serialNumber: row.serial_number,
    seedCipher: row.seed_cipher,
    createdAt: fromIso(row.created_at),
    owner: ownerOf(row),
    enabledAt: fromOptIso(row.enabled_at),
    codes: {
      lastUsedStep: row.last_used_step === null ? undefined : Number(row.last_used_step),
      driftSteps: Number(row.drift_steps),
      failedAttempts: Number(row.failed_attempts),
      lastFailedAt: fromOptIso(row.last_failed_at),
      lockedUntil: fromOptIso(row.locked_until)
    }
  }
}

function ownerOf(row: MfaDevicesTable): MfaOwner | undefined {
  if (row.owner_kind === 'root') return { kind: 'root' }
  if (row.owner_kind === 'user' && row.user_id !== null) return { kind: 'user', userId: row.user_id }
  return undefined
}

export class SqlMfaDevices implements MfaDevicesRepo {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(d: MfaDeviceRecord): Promise<void> {
    try {
      await this.db
        .insertInto('mfa_devices')
        .values({
          id: d.id,
          account_id: d.accountId,
          name: d.name,
          name_lower: d.name.toLowerCase(),
          path: d.path,
          serial_number: d.serialNumber,
          seed_cipher: d.seedCipher,
          created_at: toIso(d.createdAt),
          owner_kind: d.owner?.kind ?? null,
          user_id: d.owner?.kind === 'user' ? d.owner.userId : null,
          enabled_at: optIso(d.enabledAt),
          last_used_step: d.codes.lastUsedStep ?? null,
          drift_steps: d.codes.driftSteps,
          failed_attempts: d.codes.failedAttempts,
          last_failed_at: optIso(d.codes.lastFailedAt),
          locked_until: optIso(d.codes.lockedUntil)
        })
        .execute()
    } catch (e) {
      throw uniqueViolation(e) ?? e
    }
  }

  async bySerial(accountId: string, serialNumber: string): Promise<MfaDeviceRecord | undefined> {
    const row = await first<MfaDevicesTable>(
      this.db,
      'mfa_devices.bySerial',
      (db, p) => db.selectFrom('mfa_devices').selectAll().where('account_id', '=', p(0)).where('serial_number', '=', p(1)),
      [accountId, serialNumber]
    )
    return row ? toRecord(row) : undefined
  }

  async byName(accountId: string, name: string): Promise<MfaDeviceRecord | undefined> {
    const row = await this.db.selectFrom('mfa_devices').selectAll().where('account_id', '=', accountId).where('name_lower', '=', name.toLowerCase()).executeTakeFirst()
    return row ? toRecord(row) : undefined
  }

  async forOwner(accountId: string, owner: MfaOwner): Promise<MfaDeviceRecord[]> {
    let q = this.db.selectFrom('mfa_devices').selectAll().where('account_id', '=', accountId).where('owner_kind', '=', owner.kind)
    if (owner.kind === 'user') q = q.where('user_id', '=', owner.userId)
    const rows = await q.orderBy('enabled_at').orderBy('serial_number').execute()
    return rows.map(toRecord)
  }

  async list(accountId: string, filter: { readonly assigned?: boolean | undefined }, page: PageRequest): Promise<Page<MfaDeviceRecord>> {
    let q = this.db.selectFrom('mfa_devices').selectAll().where('account_id', '=', accountId)
    if (filter.assigned !== undefined) q = q.where('owner_kind', filter.assigned ? 'is not' : 'is', null)
    if (page.marker !== undefined) {
      const key = decodeMarker(page.marker)
      if (!key || key.length !== 1 || typeof key[0] !== 'string') throw new InvalidMarker()
      q = q.where('serial_number', '>', key[0])
    }
    const rows = await q
      .orderBy('serial_number')
      .limit(page.limit + 1)
      .execute()
    return toPage(rows, page.limit, (r) => [r.serial_number], toRecord)
  }

  async countUpTo(accountId: string, limit: number): Promise<number> {
    const row = await this.db
      .selectFrom((eb) => eb.selectFrom('mfa_devices').select('id').where('account_id', '=', accountId).limit(limit).as('bounded'))
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
    return Number(row.n)
  }

  async summary(accountId: string): Promise<{ devices: number; inUse: number; rootInUse: number }> {
    const row = await this.db
      .selectFrom('mfa_devices')
      .select([
        (eb) => eb.fn.countAll<number>().as('devices'),
        sql<number>`coalesce(sum(case when owner_kind is not null then 1 else 0 end), 0)`.as('inUse'),
        sql<number>`coalesce(sum(case when owner_kind = 'root' then 1 else 0 end), 0)`.as('rootInUse')
      ])
      .where('account_id', '=', accountId)
      .executeTakeFirstOrThrow()
    return { devices: Number(row.devices), inUse: Number(row.inUse), rootInUse: Number(row.rootInUse) }
  }

  async assign(accountId: string, id: string, owner: MfaOwner, enabledAt: Date): Promise<boolean> {
    const result = await this.db
      .updateTable('mfa_devices')
      .set({ owner_kind: owner.kind, user_id: owner.kind === 'user' ? owner.userId : null, enabled_at: toIso(enabledAt) })
      .where('id', '=', id)
      .where('account_id', '=', accountId)
      .where('owner_kind', 'is', null)
      .executeTakeFirst()
    return Number(result.numUpdatedRows) === 1
  }

  async unassign(accountId: string, id: string): Promise<void> {
    await this.db.updateTable('mfa_devices').set({ owner_kind: null, user_id: null, enabled_at: null }).where('id', '=', id).where('account_id', '=', accountId).execute()
  }

  async acceptStep(id: string, step: number, driftSteps: number): Promise<boolean> {
    const result = await this.db
      .updateTable('mfa_devices')
      .set({ last_used_step: step, drift_steps: driftSteps, failed_attempts: 0, last_failed_at: null, locked_until: null })
      .where('id', '=', id)
      .where((eb) => eb.or([eb('last_used_step', 'is', null), eb('last_used_step', '<', step)]))
      .executeTakeFirst()
    return Number(result.numUpdatedRows) === 1
  }

  async recordFailure(id: string, at: Date): Promise<number> {
    await this.db
      .updateTable('mfa_devices')
      .set((eb) => ({ failed_attempts: eb('failed_attempts', '+', 1), last_failed_at: toIso(at) }))
      .where('id', '=', id)
      .execute()
    const row = await this.db.selectFrom('mfa_devices').select('failed_attempts').where('id', '=', id).executeTakeFirst()
    return Number(row?.failed_attempts ?? 0)
  }

  async lockUntil(id: string, until: Date): Promise<void> {
    await this.db
      .updateTable('mfa_devices')
      .set({ locked_until: toIso(until) })
      .where('id', '=', id)
      .execute()
  }

  async delete(accountId: string, id: string): Promise<void> {
    await this.db.deleteFrom('mfa_devices').where('id', '=', id).where('account_id', '=', accountId).execute()
  }
}
