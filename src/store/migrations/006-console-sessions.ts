// The web console's server-side state: sessions (and sign-ins waiting for an MFA code or a new
// password), found by the SHA-256 of the random ID the browser holds, never the ID itself; and the
// failed sign-in counts behind the back-off and lockout, per user and per source address. In the
// database rather than in memory so that several nodes behind one address share both.

import type { Kysely } from 'kysely'

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('console_sessions')
    .addColumn('id_hash', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_seen_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('mfa_authenticated_at', 'text')
    .addColumn('role_session', 'text')
    .execute()
  await db.schema.createIndex('console_sessions_expiry').on('console_sessions').column('expires_at').execute()
  await db.schema.createIndex('console_sessions_user').on('console_sessions').columns(['account_id', 'user_id']).execute()

  await db.schema
    .createTable('console_sign_in_failures')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('last_failed_at', 'text', (c) => c.notNull())
    .addColumn('locked_until', 'text')
    .execute()
}
