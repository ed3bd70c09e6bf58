// Relations between entities: group membership, managed policy attachments, inline policies, tags.

import type { Kysely } from 'kysely'
import type { AttachmentsRepo, EntityRef, GroupMembersRepo, InlinePoliciesRepo, TagsRepo } from '../ports/repositories.js'
import type { AttachableEntity, GroupRecord, InlinePolicyRecord, Page, PageRequest, Tag, TaggableResource, UserRecord } from '../ports/records.js'
import { namedRecord } from './named-entity-repo.js'
import { afterNameKey, decodeMarker, InvalidMarker, toPage, type SortKey } from './pagination.js'
import { run } from './prepared.js'
import type { Database } from './schema.js'
import type { Sequence } from './sequence.js'
import { fromOptIso, opt } from './values.js'

function keyOf(marker: string | undefined, length: number): SortKey | undefined {
  if (marker === undefined) return undefined
  const key = decodeMarker(marker)
  if (!key || key.length !== length) throw new InvalidMarker()
  return key
}

export class SqlGroupMembers implements GroupMembersRepo {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly seq: Sequence
  ) {}

  async add(accountId: string, groupId: string, userId: string): Promise<void> {
    await this.db.insertInto('group_members').values({ account_id: accountId, group_id: groupId, user_id: userId, seq: this.seq.next() }).execute()
  }
  async remove(groupId: string, userId: string): Promise<void> {
    await this.db.deleteFrom('group_members').where('group_id', '=', groupId).where('user_id', '=', userId).execute()
  }
  async has(groupId: string, userId: string): Promise<boolean> {
    return (await this.db.selectFrom('group_members').select('seq').where('group_id', '=', groupId).where('user_id', '=', userId).executeTakeFirst()) !== undefined
  }
  async groupsOfUser(accountId: string, userId: string, page: PageRequest): Promise<Page<GroupRecord>> {
    let q = this.db
      .selectFrom('groups as g')
      .innerJoin('group_members as m', 'm.group_id', 'g.id')
      .selectAll('g')
      .where('m.user_id', '=', userId)
      .where('g.account_id', '=', accountId)
    const key = keyOf(page.marker, 2)
    if (key) {
      const [name, id] = key as [string, string]
      q = q.where(afterNameKey('g.name_lower', 'g.id', name, id))
    }
    const rows = await q
      .orderBy('g.name_lower')
      .orderBy('g.id')
      .limit(page.limit + 1)
      .execute()
    return toPage(
      rows,
      page.limit,
      (r) => [r.name_lower, r.id],
      (r) => namedRecord(r)
    )
  }
  async groupIdsOfUser(userId: string): Promise<string[]> {
    const rows = await run<{ group_id: string }>(
      this.db,
      'group_members.groupIdsOfUser',
      (db, p) => db.selectFrom('group_members').select('group_id').where('user_id', '=', p(0)).orderBy('seq'),
      [userId]
    )
    return rows.map((r) => r.group_id)
  }
  async usersOfGroup(accountId: string, groupId: string, page: PageRequest): Promise<Page<UserRecord>> {
    let q = this.db
      .selectFrom('users as u')
      .innerJoin('group_members as m', 'm.user_id', 'u.id')
      .selectAll('u')
      .where('m.group_id', '=', groupId)
      .where('u.account_id', '=', accountId)
    const key = keyOf(page.marker, 2)
    if (key) {
      const [name, id] = key as [string, string]
      q = q.where(afterNameKey('u.name_lower', 'u.id', name, id))
    }
    const rows = await q
      .orderBy('u.name_lower')
      .orderBy('u.id')
      .limit(page.limit + 1)
      .execute()
    return toPage(
      rows,
      page.limit,
      (r) => [r.name_lower, r.id],
      (r) => ({
        ...namedRecord(r),
        permissionsBoundary: opt(r.permissions_boundary),
        passwordLastUsed: fromOptIso(r.password_last_used)
      })
    )
  }
  async countGroupsOfUser(userId: string): Promise<number> {
    const row = await this.db
      .selectFrom('group_members')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('user_id', '=', userId)
      .executeTakeFirstOrThrow()
    return Number(row.n)
  }
  async countUsersOfGroup(groupId: string): Promise<number> {
    const row = await this.db
      .selectFrom('group_members')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('group_id', '=', groupId)
      .executeTakeFirstOrThrow()
    return Number(row.n)
  }
}

/** The key tags are unique by: case-folded for users and roles, exact for everything else (as IAM does). */
function tagKey(resourceType: TaggableResource, key: string): string {
  return resourceType === 'user' || resourceType === 'role' ? key.toLowerCase() : key
}

export class SqlTags implements TagsRepo {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly seq: Sequence
  ) {}

  async list(resourceType: TaggableResource, resourceId: string): Promise<Tag[]> {
    const rows = await run<{ key: string; value: string }>(
      this.db,
      'tags.list',
      (db, p) => db.selectFrom('tags').select(['key', 'value']).where('resource_type', '=', p<TaggableResource>(0)).where('resource_id', '=', p(1)).orderBy('seq'),
      [resourceType, resourceId]
    )
    return rows.map((r) => ({ Key: r.key, Value: r.value }))
  }
  async page(resourceType: TaggableResource, resourceId: string, page: PageRequest): Promise<Page<Tag>> {
    let q = this.db.selectFrom('tags').select(['key', 'value', 'seq']).where('resource_type', '=', resourceType).where('resource_id', '=', resourceId)
    const key = keyOf(page.marker, 1)
    if (key) q = q.where('seq', '>', Number(key[0]))
    const rows = await q
      .orderBy('seq')
      .limit(page.limit + 1)
      .execute()
    return toPage(
      rows,
      page.limit,
      (r) => [r.seq],
      (r) => ({ Key: r.key, Value: r.value })
    )
  }
  async put(accountId: string, resourceType: TaggableResource, resourceId: string, tags: readonly Tag[]): Promise<void> {
    for (const tag of tags) {
      const keyLower = tagKey(resourceType, tag.Key)
      const existing = await this.db
        .updateTable('tags')
        .set({ key: tag.Key, value: tag.Value })
        .where('resource_type', '=', resourceType)
        .where('resource_id', '=', resourceId)
        .where('key_lower', '=', keyLower)
        .executeTakeFirst()
      if (Number(existing.numUpdatedRows) === 0) {
        await this.db
          .insertInto('tags')
          .values({ account_id: accountId, resource_type: resourceType, resource_id: resourceId, key: tag.Key, key_lower: keyLower, value: tag.Value, seq: this.seq.next() })
          .execute()
      }
    }
  }
  async remove(resourceType: TaggableResource, resourceId: string, keys: readonly string[]): Promise<void> {
    if (keys.length === 0) return
    await this.db
      .deleteFrom('tags')
      .where('resource_type', '=', resourceType)
      .where('resource_id', '=', resourceId)
      .where(
        'key_lower',
        'in',
        keys.map((k) => tagKey(resourceType, k))
      )
      .execute()
  }
  async removeAll(resourceType: TaggableResource, resourceId: string): Promise<void> {
    await run(this.db, 'tags.removeAll', (db, p) => db.deleteFrom('tags').where('resource_type', '=', p<TaggableResource>(0)).where('resource_id', '=', p(1)), [
      resourceType,
      resourceId
    ])
  }
}

export class SqlAttachments implements AttachmentsRepo {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly seq: Sequence
  ) {}

  async attach(accountId: string, entity: EntityRef, policyArn: string): Promise<void> {
    await this.db
      .insertInto('attachments')
      .values({ account_id: accountId, policy_arn: policyArn, entity_type: entity.entityType, entity_id: entity.entityId, seq: this.seq.next() })
      .execute()
  }
  async detach(entity: EntityRef, policyArn: string): Promise<void> {
    await this.db.deleteFrom('attachments').where('entity_type', '=', entity.entityType).where('entity_id', '=', entity.entityId).where('policy_arn', '=', policyArn).execute()
  }
  async has(entity: EntityRef, policyArn: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('attachments')
      .select('seq')
      .where('entity_type', '=', entity.entityType)
      .where('entity_id', '=', entity.entityId)
      .where('policy_arn', '=', policyArn)
      .executeTakeFirst()
    return row !== undefined
  }
  async forEntity(entity: EntityRef): Promise<string[]> {
    const rows = await run<{ policy_arn: string }>(
      this.db,
      'attachments.forEntity',
      (db, p) => db.selectFrom('attachments').select('policy_arn').where('entity_type', '=', p<AttachableEntity>(0)).where('entity_id', '=', p(1)).orderBy('seq'),
      [entity.entityType, entity.entityId]
    )
    return rows.map((r) => r.policy_arn)
  }
  async countForEntity(entity: EntityRef): Promise<number> {
    const row = await this.db
      .selectFrom('attachments')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('entity_type', '=', entity.entityType)
      .where('entity_id', '=', entity.entityId)
      .executeTakeFirstOrThrow()
    return Number(row.n)
  }
  async entitiesForPolicy(accountId: string, policyArn: string, filter: { readonly entityType?: AttachableEntity | undefined }, page: PageRequest): Promise<Page<EntityRef>> {
    let q = this.db.selectFrom('attachments').select(['entity_type', 'entity_id', 'seq']).where('account_id', '=', accountId).where('policy_arn', '=', policyArn)
    if (filter.entityType) q = q.where('entity_type', '=', filter.entityType)
    const key = keyOf(page.marker, 1)
    if (key) q = q.where('seq', '>', Number(key[0]))
    const rows = await q
      .orderBy('seq')
      .limit(page.limit + 1)
      .execute()
    return toPage(
      rows,
      page.limit,
      (r) => [r.seq],
      (r) => ({ entityType: r.entity_type, entityId: r.entity_id })
    )
  }
  async countForPolicy(accountId: string, policyArn: string): Promise<number> {
    const row = await this.db
      .selectFrom('attachments')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('account_id', '=', accountId)
      .where('policy_arn', '=', policyArn)
      .executeTakeFirstOrThrow()
    return Number(row.n)
  }
  async countsByPolicy(accountId: string): Promise<Map<string, number>> {
    const rows = await this.db
      .selectFrom('attachments')
      .select(['policy_arn', (eb) => eb.fn.countAll<number>().as('n')])
      .where('account_id', '=', accountId)
      .groupBy('policy_arn')
      .execute()
    return new Map(rows.map((r) => [r.policy_arn, Number(r.n)]))
  }
  async removeAllForEntity(entity: EntityRef): Promise<void> {
    await this.db.deleteFrom('attachments').where('entity_type', '=', entity.entityType).where('entity_id', '=', entity.entityId).execute()
  }
}

export class SqlInlinePolicies implements InlinePoliciesRepo {
  constructor(private readonly db: Kysely<Database>) {}

  async put(accountId: string, entity: EntityRef, name: string, document: string): Promise<void> {
    const updated = await this.db
      .updateTable('inline_policies')
      .set({ document })
      .where('entity_type', '=', entity.entityType)
      .where('entity_id', '=', entity.entityId)
      .where('name', '=', name)
      .executeTakeFirst()
    if (Number(updated.numUpdatedRows) === 0) {
      await this.db.insertInto('inline_policies').values({ account_id: accountId, entity_type: entity.entityType, entity_id: entity.entityId, name, document }).execute()
    }
  }
  async get(entity: EntityRef, name: string): Promise<InlinePolicyRecord | undefined> {
    const row = await this.db
      .selectFrom('inline_policies')
      .select(['name', 'document'])
      .where('entity_type', '=', entity.entityType)
      .where('entity_id', '=', entity.entityId)
      .where('name', '=', name)
      .executeTakeFirst()
    return row
  }
  async names(entity: EntityRef, page: PageRequest): Promise<Page<string>> {
    let q = this.db.selectFrom('inline_policies').select('name').where('entity_type', '=', entity.entityType).where('entity_id', '=', entity.entityId)
    const key = keyOf(page.marker, 1)
    if (key) q = q.where('name', '>', String(key[0]))
    const rows = await q
      .orderBy('name')
      .limit(page.limit + 1)
      .execute()
    return toPage(
      rows,
      page.limit,
      (r) => [r.name],
      (r) => r.name
    )
  }
  async all(entity: EntityRef): Promise<InlinePolicyRecord[]> {
    return run<InlinePolicyRecord>(
      this.db,
      'inline_policies.all',
      (db, p) => db.selectFrom('inline_policies').select(['name', 'document']).where('entity_type', '=', p<AttachableEntity>(0)).where('entity_id', '=', p(1)).orderBy('name'),
      [entity.entityType, entity.entityId]
    )
  }
  async delete(entity: EntityRef, name: string): Promise<void> {
    await this.db.deleteFrom('inline_policies').where('entity_type', '=', entity.entityType).where('entity_id', '=', entity.entityId).where('name', '=', name).execute()
  }
  async removeAllForEntity(entity: EntityRef): Promise<void> {
    await this.db.deleteFrom('inline_policies').where('entity_type', '=', entity.entityType).where('entity_id', '=', entity.entityId).execute()
  }
}
