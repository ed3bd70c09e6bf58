// SAML providers: one row per provider, its metadata document kept as IAM was given it.

import type { Kysely } from 'kysely'
import type { SamlProvidersRepo } from '../ports/repositories.js'
import type { SamlProviderRecord } from '../ports/records.js'
import type { Database, SamlProvidersTable } from './schema.js'
import { uniqueViolation } from './unique-violation.js'
import { columns, fromIso, toIso } from './values.js'

function record(row: SamlProvidersTable): SamlProviderRecord {
  return {
    id: row.id,
    accountId: row.account_id,
    name: row.name,
    arn: row.arn,
    metadataDocument: row.metadata_document,
    validUntil: fromIso(row.valid_until),
    createdAt: fromIso(row.created_at)
  }
}

export class SqlSamlProviders implements SamlProvidersRepo {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(p: SamlProviderRecord): Promise<void> {
    try {
      await this.db
        .insertInto('saml_providers')
        .values({
          id: p.id,
          account_id: p.accountId,
          name: p.name,
          name_lower: p.name.toLowerCase(),
          arn: p.arn,
          metadata_document: p.metadataDocument,
          valid_until: toIso(p.validUntil),
          created_at: toIso(p.createdAt)
        })
        .execute()
    } catch (e) {
      throw uniqueViolation(e) ?? e
    }
  }

  async byArn(accountId: string, arn: string): Promise<SamlProviderRecord | undefined> {
    const row = await this.db.selectFrom('saml_providers').selectAll().where('account_id', '=', accountId).where('arn', '=', arn).executeTakeFirst()
    return row ? record(row) : undefined
  }

  async byName(accountId: string, name: string): Promise<SamlProviderRecord | undefined> {
    const row = await this.db.selectFrom('saml_providers').selectAll().where('account_id', '=', accountId).where('name_lower', '=', name.toLowerCase()).executeTakeFirst()
    return row ? record(row) : undefined
  }

  async list(accountId: string): Promise<SamlProviderRecord[]> {
    const rows = await this.db.selectFrom('saml_providers').selectAll().where('account_id', '=', accountId).orderBy('arn').execute()
    return rows.map(record)
  }

  async countUpTo(accountId: string, limit: number): Promise<number> {
    const row = await this.db
      .selectFrom((eb) => eb.selectFrom('saml_providers').select('id').where('account_id', '=', accountId).limit(limit).as('bounded'))
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirst()
    return Number(row?.n ?? 0)
  }

  async update(accountId: string, id: string, changes: Partial<Pick<SamlProviderRecord, 'metadataDocument' | 'validUntil'>>): Promise<void> {
    const set = columns(changes, {
      metadataDocument: (v) => ['metadata_document', v],
      validUntil: (v) => ['valid_until', toIso(v as Date)]
    })
    if (Object.keys(set).length) await this.db.updateTable('saml_providers').set(set).where('account_id', '=', accountId).where('id', '=', id).execute()
  }

  async delete(accountId: string, id: string): Promise<void> {
    await this.db.deleteFrom('saml_providers').where('account_id', '=', accountId).where('id', '=', id).execute()
  }
}
