// Virtual MFA devices: the sealed TOTP seed, the assignment to a user or the root user, and the
// state code checks keep (the last accepted time step against replays, clock drift from
// ResyncMFADevice, and failed attempts for the back-off and lockout).

import type { Kysely } from 'kysely'

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('mfa_devices')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_lower', 'text', (c) => c.notNull())
    .addColumn('path', 'text', (c) => c.notNull())
    .addColumn('serial_number', 'text', (c) => c.notNull())
    .addColumn('seed_cipher', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('owner_kind', 'text')
    .addColumn('user_id', 'text')
    .addColumn('enabled_at', 'text')
    .addColumn('last_used_step', 'integer')
    .addColumn('drift_steps', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('failed_attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_failed_at', 'text')
    .addColumn('locked_until', 'text')
    .execute()
  await db.schema.createIndex('mfa_devices_name').on('mfa_devices').columns(['account_id', 'name_lower']).unique().execute()
  await db.schema.createIndex('mfa_devices_serial').on('mfa_devices').columns(['account_id', 'serial_number']).unique().execute()
  await db.schema.createIndex('mfa_devices_user').on('mfa_devices').column('user_id').execute()
}
