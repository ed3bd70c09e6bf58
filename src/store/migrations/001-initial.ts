// The initial schema. Migrations are append-only: a released migration is never edited; a
// change is a new numbered file. Only portable types (text, integer) so the same migration
// runs on SQLite and PostgreSQL.

import type { Kysely } from 'kysely'

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('meta')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('accounts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('alias', 'text', (c) => c.unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('root_password_hash', 'text')
    .addColumn('root_password_last_used', 'text')
    .addColumn('password_policy', 'text')
    .addColumn('sts_token_version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('policy_generation', 'integer', (c) => c.notNull().defaultTo(0))
    .execute()

  const named = (table: string) =>
    db.schema
      .createTable(table)
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('account_id', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('name_lower', 'text', (c) => c.notNull())
      .addColumn('path', 'text', (c) => c.notNull())
      .addColumn('arn', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())

  await named('users').addColumn('permissions_boundary', 'text').addColumn('password_last_used', 'text').execute()
  await named('groups').execute()
  await named('roles')
    .addColumn('assume_role_policy', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('max_session_duration', 'integer', (c) => c.notNull())
    .addColumn('permissions_boundary', 'text')
    .addColumn('last_used_at', 'text')
    .addColumn('last_used_region', 'text')
    .addColumn('service_linked', 'text')
    .execute()
  await named('instance_profiles').execute()
  await named('policies')
    .addColumn('description', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('default_version', 'text', (c) => c.notNull())
    .addColumn('next_version', 'integer', (c) => c.notNull())
    .execute()
  await named('server_certificates')
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('chain', 'text')
    .addColumn('private_key_cipher', 'text', (c) => c.notNull())
    .addColumn('expiration', 'text', (c) => c.notNull())
    .execute()
  for (const table of ['users', 'groups', 'roles', 'instance_profiles', 'policies', 'server_certificates']) {
    await db.schema.createIndex(`${table}_name`).on(table).columns(['account_id', 'name_lower']).unique().execute()
  }
  await db.schema.createIndex('policies_arn').on('policies').column('arn').unique().execute()

  await db.schema
    .createTable('group_members')
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('group_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('group_members_pk', ['group_id', 'user_id'])
    .execute()
  await db.schema.createIndex('group_members_user').on('group_members').columns(['user_id', 'seq']).execute()

  await db.schema
    .createTable('instance_profile_roles')
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('instance_profile_id', 'text', (c) => c.notNull())
    .addColumn('role_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('instance_profile_roles_pk', ['instance_profile_id', 'role_id'])
    .execute()
  await db.schema.createIndex('instance_profile_roles_role').on('instance_profile_roles').column('role_id').execute()

  await db.schema
    .createTable('policy_versions')
    .addColumn('policy_id', 'text', (c) => c.notNull())
    .addColumn('version_id', 'text', (c) => c.notNull())
    .addColumn('document', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('policy_versions_pk', ['policy_id', 'version_id'])
    .execute()

  await db.schema
    .createTable('attachments')
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('policy_arn', 'text', (c) => c.notNull())
    .addColumn('entity_type', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('attachments_pk', ['entity_type', 'entity_id', 'policy_arn'])
    .execute()
  await db.schema.createIndex('attachments_policy').on('attachments').columns(['account_id', 'policy_arn']).execute()

  await db.schema
    .createTable('inline_policies')
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('entity_type', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('document', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('inline_policies_pk', ['entity_type', 'entity_id', 'name'])
    .execute()

  await db.schema
    .createTable('tags')
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('resource_type', 'text', (c) => c.notNull())
    .addColumn('resource_id', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('key_lower', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('tags_pk', ['resource_type', 'resource_id', 'key_lower'])
    .execute()

  await db.schema
    .createTable('access_keys')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text')
    .addColumn('secret_cipher', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_used_at', 'text')
    .addColumn('last_used_service', 'text')
    .addColumn('last_used_region', 'text')
    .execute()
  await db.schema.createIndex('access_keys_user').on('access_keys').columns(['account_id', 'user_id']).execute()

  await db.schema
    .createTable('login_profiles')
    .addColumn('user_id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('password_reset_required', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('password_changed_at', 'text', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('ssh_public_keys')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('fingerprint', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('uploaded_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('ssh_public_keys_user').on('ssh_public_keys').column('user_id').execute()

  await db.schema
    .createTable('signing_certificates')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text')
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('uploaded_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('signing_certificates_user').on('signing_certificates').columns(['account_id', 'user_id']).execute()

  await db.schema
    .createTable('service_credentials')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('service_name', 'text', (c) => c.notNull())
    .addColumn('service_user_name', 'text', (c) => c.notNull())
    .addColumn('password_cipher', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('service_credentials_user').on('service_credentials').column('user_id').execute()
}
