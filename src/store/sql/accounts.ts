// Accounts: the isolation boundary. Each holds its alias, root password, password policy, STS
// preferences, and the policy generation that invalidates cached authorization data.

import { sql, type Kysely } from 'kysely'
import type { AccountsRepo } from '../ports/repositories.js'
import type { AccountRecord, PasswordPolicy } from '../ports/records.js'
import type { AccountsTable, Database } from './schema.js'
import { columns, fromIso, fromOptIso, nullable, opt, optIso, toIso } from './values.js'
import { uniqueViolation } from './unique-violation.js'

function record(row: AccountsTable): AccountRecord {
  return {
    id: row.id,
    alias: opt(row.alias),
    createdAt: fromIso(row.created_at),
    rootPasswordHash: opt(row.root_password_hash),
    rootPasswordLastUsed: fromOptIso(row.root_password_last_used),
    passwordPolicy: row.password_policy === null ? undefined : (JSON.parse(row.password_policy) as PasswordPolicy),
    stsTokenVersion: row.sts_token_version,
    policyGeneration: row.policy_generation
  }
}

export class SqlAccounts implements AccountsRepo {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(a: AccountRecord): Promise<void> {
    try {
      await this.db
        .insertInto('accounts')
        .values({
          id: a.id,
          alias: nullable(a.alias),
          created_at: toIso(a.createdAt),
          root_password_hash: nullable(a.rootPasswordHash),
          root_password_last_used: optIso(a.rootPasswordLastUsed),
          password_policy: a.passwordPolicy ? JSON.stringify(a.passwordPolicy) : null,
          sts_token_version: a.stsTokenVersion,
          policy_generation: a.policyGeneration
        })
        .execute()
    } catch (e) {
      throw uniqueViolation(e) ?? e
    }
  }
  async get(id: string): Promise<AccountRecord | undefined> {
    const row = await this.db.selectFrom('accounts').selectAll().where('id', '=', id).executeTakeFirst()
    return row ? record(row) : undefined
  }
  async byAlias(alias: string): Promise<AccountRecord | undefined> {
    const row = await this.db.selectFrom('accounts').selectAll().where('alias', '=', alias).executeTakeFirst()
    return row ? record(row) : undefined
  }
  async list(): Promise<AccountRecord[]> {
    return (await this.db.selectFrom('accounts').selectAll().orderBy('created_at').execute()).map(record)
  }
  async update(id: string, changes: Partial<Omit<AccountRecord, 'id' | 'createdAt' | 'policyGeneration'>>): Promise<void> {
    const set = columns(changes, {
      alias: (v) => ['alias', nullable(v)],
      rootPasswordHash: (v) => ['root_password_hash', nullable(v)],
      rootPasswordLastUsed: (v) => ['root_password_last_used', optIso(v)],
      passwordPolicy: (v) => ['password_policy', v ? JSON.stringify(v) : null],
      stsTokenVersion: (v) => ['sts_token_version', v]
    })
    if (!Object.keys(set).length) return
    try {
      await this.db.updateTable('accounts').set(set).where('id', '=', id).execute()
    } catch (e) {
      throw uniqueViolation(e) ?? e
    }
  }
  async bumpPolicyGeneration(id: string): Promise<number> {
    await this.db
      .updateTable('accounts')
      .set({ policy_generation: sql<number>`policy_generation + 1` })
      .where('id', '=', id)
      .execute()
    const row = await this.db.selectFrom('accounts').select('policy_generation').where('id', '=', id).executeTakeFirstOrThrow()
    return row.policy_generation
  }
}
