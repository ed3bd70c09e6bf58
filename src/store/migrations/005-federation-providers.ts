// Identity providers for federation: OpenID Connect providers (one per issuer URL in an account,
// their client IDs and certificate thumbprints as JSON arrays) and SAML providers (one per name,
// unique case-insensitively, with the metadata document IAM was given and the date it is valid to).

import type { Kysely } from 'kysely'

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('oidc_providers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('arn', 'text', (c) => c.notNull())
    .addColumn('client_ids', 'text', (c) => c.notNull())
    .addColumn('thumbprints', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  // The ARN holds the account and the URL: one provider per issuer URL per account.
  await db.schema.createIndex('oidc_providers_arn').on('oidc_providers').column('arn').unique().execute()
  await db.schema.createIndex('oidc_providers_account').on('oidc_providers').columns(['account_id', 'arn']).execute()

  await db.schema
    .createTable('saml_providers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_lower', 'text', (c) => c.notNull())
    .addColumn('arn', 'text', (c) => c.notNull())
    .addColumn('metadata_document', 'text', (c) => c.notNull())
    .addColumn('valid_until', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('saml_providers_name').on('saml_providers').columns(['account_id', 'name_lower']).unique().execute()
  await db.schema.createIndex('saml_providers_arn').on('saml_providers').column('arn').execute()
}
