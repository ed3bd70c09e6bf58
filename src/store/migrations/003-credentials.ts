// Credentials: the password history that the account password policy's PasswordReusePrevention
// checks (hashes of a user's previous console passwords, newest first, as JSON).

import type { Kysely } from 'kysely'

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('login_profiles').addColumn('password_history', 'text').execute()
}
