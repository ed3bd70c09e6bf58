// The web console's sessions and failed sign-in counts (migration 006). Deleting a session
// reports whether this call deleted it, so a sign-in challenge is consumed exactly once.

import type { Kysely } from 'kysely'
import type { ConsoleRoleSession, ConsoleSessionRecord, ConsoleSessionsRepo, SignInFailureRecord, SignInFailuresRepo } from '../ports/console-sessions.js'
import { first } from './prepared.js'
import type { ConsoleSessionsTable, Database, SignInFailuresTable } from './schema.js'
import { columns, fromIso, fromOptIso, optIso, toIso } from './values.js'

function toRecord(row: ConsoleSessionsTable): ConsoleSessionRecord {
  return {
    idHash: row.id_hash,
    accountId: row.account_id,
    stage: row.stage,
    userId: row.user_id ?? undefined,
    createdAt: fromIso(row.created_at),
    lastSeenAt: fromIso(row.last_seen_at),
    expiresAt: fromIso(row.expires_at),
    mfaAuthenticatedAt: fromOptIso(row.mfa_authenticated_at),
    roleSession: row.role_session === null ? undefined : (JSON.parse(row.role_session) as ConsoleRoleSession)
  }
}

const roleSessionColumn = (r: ConsoleRoleSession | undefined) => (r === undefined ? null : JSON.stringify(r))

export class SqlConsoleSessions implements ConsoleSessionsRepo {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(s: ConsoleSessionRecord): Promise<void> {
    await this.db
      .insertInto('console_sessions')
      .values({
        id_hash: s.idHash,
        account_id: s.accountId,
        stage: s.stage,
        user_id: s.userId ?? null,
        created_at: toIso(s.createdAt),
        last_seen_at: toIso(s.lastSeenAt),
        expires_at: toIso(s.expiresAt),
        mfa_authenticated_at: optIso(s.mfaAuthenticatedAt),
        role_session: roleSessionColumn(s.roleSession)
      })
      .execute()
  }

  async get(idHash: string): Promise<ConsoleSessionRecord | undefined> {
    const row = await first<ConsoleSessionsTable>(this.db, 'console_sessions.get', (db, p) => db.selectFrom('console_sessions').selectAll().where('id_hash', '=', p(0)), [idHash])
    return row ? toRecord(row) : undefined
  }

  async update(idHash: string, changes: Partial<Pick<ConsoleSessionRecord, 'lastSeenAt' | 'roleSession'>>): Promise<void> {
    const set = columns(changes, {
      lastSeenAt: (v) => ['last_seen_at', toIso(v as Date)],
      roleSession: (v) => ['role_session', roleSessionColumn(v)]
    })
    if (Object.keys(set).length) await this.db.updateTable('console_sessions').set(set).where('id_hash', '=', idHash).execute()
  }

  async delete(idHash: string): Promise<boolean> {
    const result = await this.db.deleteFrom('console_sessions').where('id_hash', '=', idHash).executeTakeFirst()
    return Number(result.numDeletedRows) > 0
  }

  async deleteExpired(now: Date, idleBefore: Date): Promise<void> {
    await this.db
      .deleteFrom('console_sessions')
      .where((eb) => eb.or([eb('expires_at', '<=', toIso(now)), eb('last_seen_at', '<', toIso(idleBefore))]))
      .execute()
  }
}

export class SqlSignInFailures implements SignInFailuresRepo {
  constructor(private readonly db: Kysely<Database>) {}

  async get(key: string): Promise<SignInFailureRecord | undefined> {
    const row = await this.db.selectFrom('console_sign_in_failures').selectAll().where('key', '=', key).executeTakeFirst()
    return row ? failureRecord(row) : undefined
  }

  async recordFailure(key: string, at: Date, forgetBefore: Date): Promise<number> {
    const row = await this.db.selectFrom('console_sign_in_failures').selectAll().where('key', '=', key).executeTakeFirst()
    const stale = row !== undefined && fromIso(row.last_failed_at) < forgetBefore && (row.locked_until === null || fromIso(row.locked_until) <= at)
    const failures = row === undefined || stale ? 1 : Number(row.failures) + 1
    await this.db
      .insertInto('console_sign_in_failures')
      .values({ key, failures, last_failed_at: toIso(at), locked_until: stale ? null : (row?.locked_until ?? null) })
      .onConflict((oc) => oc.column('key').doUpdateSet({ failures, last_failed_at: toIso(at), ...(stale ? { locked_until: null } : {}) }))
      .execute()
    return failures
  }

  async lockUntil(key: string, until: Date): Promise<void> {
    await this.db
      .updateTable('console_sign_in_failures')
      .set({ locked_until: toIso(until) })
      .where('key', '=', key)
      .execute()
  }

  async clear(key: string): Promise<void> {
    await this.db.deleteFrom('console_sign_in_failures').where('key', '=', key).execute()
  }
}

function failureRecord(row: SignInFailuresTable): SignInFailureRecord {
  return { failures: Number(row.failures), lastFailedAt: fromIso(row.last_failed_at), lockedUntil: fromOptIso(row.locked_until) }
}
