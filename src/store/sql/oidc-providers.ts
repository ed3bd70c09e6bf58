// OpenID Connect providers: one row per issuer URL per account. Client IDs and thumbprints are
// small ordered lists (at most 100 and 5), kept as JSON text so one row is one provider.

import type { Kysely } from 'kysely'
import type { OidcProvidersRepo } from '../ports/repositories.js'
import type { OidcProviderRecord } from '../ports/records.js'
import type { Database, OidcProvidersTable } from './schema.js'
import { uniqueViolation } from './unique-violation.js'
import { columns, fromIso, toIso } from './values.js'

function record(row: OidcProvidersTable): OidcProviderRecord {
  return {
    id: row.id,
    accountId: row.account_id,
    url: row.url,
    arn: row.arn,
    clientIds: JSON.parse(row.client_ids) as string[],
    thumbprints: JSON.parse(row.thumbprints) as string[],
    createdAt: fromIso(row.created_at)
  }
}

export class SqlOidcProviders implements OidcProvidersRepo {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(p: OidcProviderRecord): Promise<void> {
    try {
      await this.db
        .insertInto('oidc_providers')
        .values({
          id: p.id,
          account_id: p.accountId,
          url: p.url,
          arn: p.arn,
          client_ids: JSON.stringify(p.clientIds),
          thumbprints: JSON.stringify(p.thumbprints),
          created_at: toIso(p.createdAt)
        })
        .execute()
    } catch (e) {
      throw uniqueViolation(e) ?? e
    }
  }

  async byArn(accountId: string, arn: string): Promise<OidcProviderRecord | undefined> {
    const row = await this.db.selectFrom('oidc_providers').selectAll().where('account_id', '=', accountId).where('arn', '=', arn).executeTakeFirst()
    return row ? record(row) : undefined
  }

  async list(accountId: string): Promise<OidcProviderRecord[]> {
    const rows = await this.db.selectFrom('oidc_providers').selectAll().where('account_id', '=', accountId).orderBy('arn').execute()
    return rows.map(record)
  }

  async countUpTo(accountId: string, limit: number): Promise<number> {
    const row = await this.db
      .selectFrom((eb) => eb.selectFrom('oidc_providers').select('id').where('account_id', '=', accountId).limit(limit).as('bounded'))
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirst()
    return Number(row?.n ?? 0)
  }

  async update(accountId: string, id: string, changes: Partial<Pick<OidcProviderRecord, 'clientIds' | 'thumbprints'>>): Promise<void> {
    const set = columns(changes, {
      clientIds: (v) => ['client_ids', JSON.stringify(v)],
      thumbprints: (v) => ['thumbprints', JSON.stringify(v)]
    })
    if (Object.keys(set).length) await this.db.updateTable('oidc_providers').set(set).where('account_id', '=', accountId).where('id', '=', id).execute()
  }

  async delete(accountId: string, id: string): Promise<void> {
    await this.db.deleteFrom('oidc_providers').where('account_id', '=', accountId).where('id', '=', id).execute()
  }
}
