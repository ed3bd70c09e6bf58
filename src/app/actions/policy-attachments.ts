// Managed policy attachments: Attach/Detach{User,Group,Role}Policy, ListAttached{User,Group,
// Role}Policies, ListEntitiesForPolicy; and ListPoliciesGrantingServiceAccess, which looks at
// every permissions policy (attached and inline) that reaches an entity.

import type { ListEntitiesForPolicyRequest, ListPoliciesGrantingServiceAccessRequest } from '@aws-sdk/client-iam'
import { iamErrors } from '../../core/aws-error.js'
import type { Policy } from '../../policy/index.js'
import type { EntityRef, Repositories } from '../../store/ports/repositories.js'
import type { AttachableEntity, PageRequest } from '../../store/ports/records.js'
import { managedPolicy } from '../auth/principal-policies.js'
import type { ActionHandler, ActionInput, ActionTable, Call } from '../call.js'
import { pageFields, pageOf, pageRequest } from '../shared/paging.js'
import { parseStoredDocument } from '../shared/policy-documents.js'
import {
  authorizeOnEntity,
  checkModifiable,
  ENTITY_LABEL,
  ENTITY_NAME_MEMBER,
  entityById,
  entityOfArn,
  entityRef,
  findEntity,
  noSuchEntityOf,
  requireEntity,
  type PolicyEntityRecord
} from '../shared/policy-entities.js'
import { checkPolicyArn, findManagedPolicy, isServiceRolePolicy, policyDisplay, policyNameAndPath, policyNotFound, requireManagedPolicy } from '../shared/policy-lookup.js'
import { actionsOfService, grantsServiceAccess } from '../shared/policy-service-access.js'

/** Managed policies attached to one user, group or role (not adjustable here). */
export const ATTACHED_POLICIES_PER_ENTITY = 10

function notAttachable(type: AttachableEntity) {
  // AWS's wording for roles (docs/iam-behaviour.md §14); users and groups get the newer form.
  return iamErrors.policyNotAttachable(type === 'role' ? 'Cannot attach a Service Role Policy to a Customer Role.' : `Cannot attach AWS reserved policy to an IAM ${type}.`)
}

function attachPolicy(type: AttachableEntity): ActionHandler {
  return async (call: Call, input: ActionInput) => {
    const name = input[ENTITY_NAME_MEMBER[type]] as string
    const arn = input.PolicyArn as string
    await authorizeOnEntity(call, type, name, `iam:Attach${ENTITY_LABEL[type]}Policy`, { boundaryKey: type !== 'group', context: { 'iam:PolicyARN': arn } })
    checkPolicyArn(arn, 'ValidationError')
    await call.write(
      async (tx) => {
        const entity = await requireEntity(tx, call.accountId, type, name)
        checkModifiable(type, entity)
        await requireManagedPolicy(tx, call.ctx.awsManaged, call.accountId, arn)
        if (isServiceRolePolicy(arn)) throw notAttachable(type)
        const ref = entityRef(type, entity)
        if (await tx.attachments.has(ref, arn)) return
        if ((await tx.attachments.countForEntity(ref)) >= ATTACHED_POLICIES_PER_ENTITY) {
          throw iamErrors.limitExceeded(`Cannot exceed quota for PoliciesPer${ENTITY_LABEL[type]}: ${ATTACHED_POLICIES_PER_ENTITY}`)
        }
        await tx.attachments.attach(call.accountId, ref, arn)
      },
      { affectsPolicies: true }
    )
    return undefined
  }
}

function detachPolicy(type: AttachableEntity): ActionHandler {
  return async (call: Call, input: ActionInput) => {
    const name = input[ENTITY_NAME_MEMBER[type]] as string
    const arn = input.PolicyArn as string
    await authorizeOnEntity(call, type, name, `iam:Detach${ENTITY_LABEL[type]}Policy`, { boundaryKey: type !== 'group', context: { 'iam:PolicyARN': arn } })
    checkPolicyArn(arn, 'ValidationError')
    await call.write(
      async (tx) => {
        const entity = await requireEntity(tx, call.accountId, type, name)
        checkModifiable(type, entity)
        const ref = entityRef(type, entity)
        if (!(await tx.attachments.has(ref, arn))) throw policyNotFound(arn)
        await tx.attachments.detach(ref, arn)
      },
      { affectsPolicies: true }
    )
    return undefined
  }
}

function listAttachedPolicies(type: AttachableEntity): ActionHandler {
  return async (call: Call, input: ActionInput) => {
    const name = input[ENTITY_NAME_MEMBER[type]] as string
    const pathPrefix = typeof input.PathPrefix === 'string' ? input.PathPrefix : '/'
    await authorizeOnEntity(call, type, name, `iam:ListAttached${ENTITY_LABEL[type]}Policies`)
    const entity = await requireEntity(call.read, call.accountId, type, name)
    const attached = (await call.read.attachments.forEntity(entityRef(type, entity)))
      .map((arn) => ({ arn, ...policyNameAndPath(arn) }))
      .filter((p) => p.path.startsWith(pathPrefix))
    const page = pageOf(attached, pageRequest(input))
    return { AttachedPolicies: page.items.map((p) => ({ PolicyName: p.name, PolicyArn: p.arn })), ...pageFields(page) }
  }
}

const ENTITY_FILTER: Readonly<Record<string, AttachableEntity>> = { User: 'user', Group: 'group', Role: 'role' }
const LISTING_ORDER: readonly AttachableEntity[] = ['group', 'user', 'role']

interface ListedEntity {
  readonly type: AttachableEntity
  readonly entity: PolicyEntityRecord
}

async function listEntitiesForPolicy(call: Call, raw: unknown) {
  const input = raw as ListEntitiesForPolicyRequest
  const arn = input.PolicyArn as string
  const ref = await findManagedPolicy(call.read, call.ctx.awsManaged, call.accountId, arn)
  const tags = ref?.kind === 'customer' ? await call.read.tags.list('policy', ref.policy.id) : []
  await call.authorize({ action: 'iam:ListEntitiesForPolicy', resource: arn, displayResource: policyDisplay(arn), resourceTags: tags })
  checkPolicyArn(arn)
  await requireManagedPolicy(call.read, call.ctx.awsManaged, call.accountId, arn)
  const request = pageRequest(input)
  // LocalManagedPolicy and AWSManagedPolicy are accepted, and always answer nothing.
  const only = input.EntityFilter === undefined ? undefined : ENTITY_FILTER[input.EntityFilter]
  const listed =
    input.EntityFilter !== undefined && only === undefined
      ? []
      : await entitiesUsing(call.read, call.accountId, arn, { only, usage: input.PolicyUsageFilter, pathPrefix: input.PathPrefix ?? '/' })
  const page = pageOf(listed, request)
  const of = (type: AttachableEntity) => page.items.filter((e) => e.type === type).map((e) => e.entity)
  return {
    PolicyGroups: of('group').map((g) => ({ GroupName: g.name, GroupId: g.id })),
    PolicyUsers: of('user').map((u) => ({ UserName: u.name, UserId: u.id })),
    PolicyRoles: of('role').map((r) => ({ RoleName: r.name, RoleId: r.id })),
    ...pageFields(page)
  }
}

/** Entities that have the policy attached and/or use it as their boundary: groups, users, roles, each by name. */
async function entitiesUsing(
  repos: Repositories,
  accountId: string,
  arn: string,
  filter: { readonly only: AttachableEntity | undefined; readonly usage: string | undefined; readonly pathPrefix: string }
): Promise<ListedEntity[]> {
  const found = new Map<string, ListedEntity>()
  const add = (type: AttachableEntity, entity: PolicyEntityRecord | undefined) => {
    if (entity && (filter.only === undefined || filter.only === type) && entity.path.startsWith(filter.pathPrefix)) found.set(`${type}/${entity.id}`, { type, entity })
  }
  if (filter.usage !== 'PermissionsBoundary') {
    for (const ref of await allAttachedEntities(repos, accountId, arn, filter.only)) add(ref.entityType, await entityById(repos, accountId, ref.entityType, ref.entityId))
  }
  if (filter.usage !== 'PermissionsPolicy') {
    for (const user of await repos.users.withBoundary(accountId, arn)) add('user', user)
    for (const role of await repos.roles.withBoundary(accountId, arn)) add('role', role)
  }
  const name = (e: ListedEntity) => e.entity.name.toLowerCase()
  return [...found.values()].sort((a, b) => LISTING_ORDER.indexOf(a.type) - LISTING_ORDER.indexOf(b.type) || (name(a) < name(b) ? -1 : name(a) > name(b) ? 1 : 0))
}

async function allAttachedEntities(repos: Repositories, accountId: string, arn: string, only: AttachableEntity | undefined): Promise<EntityRef[]> {
  const refs: EntityRef[] = []
  let page: PageRequest = { limit: 1000 }
  for (;;) {
    const got = await repos.attachments.entitiesForPolicy(accountId, arn, { entityType: only }, page)
    refs.push(...got.items)
    if (got.marker === undefined) return refs
    page = { limit: 1000, marker: got.marker }
  }
}

// ListPoliciesGrantingServiceAccess ------------------------------------------------------------

interface PolicySource {
  readonly policy: Policy
  readonly output: Record<string, string>
}

async function listPoliciesGrantingServiceAccess(call: Call, raw: unknown) {
  const input = raw as ListPoliciesGrantingServiceAccessRequest
  const arn = input.Arn as string
  const namespaces = input.ServiceNamespaces ?? []
  const target = entityOfArn(arn)
  const entity = target && target.account === call.accountId ? await findEntity(call.read, call.accountId, target.type, target.name) : undefined
  const tags = target && entity && target.type !== 'group' ? await call.read.tags.list(target.type, entity.id) : []
  await call.authorize({
    action: 'iam:ListPoliciesGrantingServiceAccess',
    resource: arn,
    displayResource: target ? `${target.type} ${target.name}` : arn,
    resourceTags: tags
  })
  if (!target) throw iamErrors.invalidInput(`ARN ${arn} is not valid.`)
  // This action never issues markers, so no marker is one of ours.
  if (input.Marker !== undefined) throw iamErrors.validationError('Invalid Marker.')
  if (!entity || entity.path !== target.path) throw noSuchEntityOf(target.type, target.name)
  const sources = await grantingSources(call, target.type, entity)
  const result = []
  for (const namespace of namespaces) {
    const actions = await actionsOfService(namespace)
    result.push({ ServiceNamespace: namespace, Policies: sources.filter((s) => grantsServiceAccess(s.policy, namespace, actions)).map((s) => s.output) })
  }
  return { PoliciesGrantingServiceAccess: result, IsTruncated: false }
}

/** The permissions policies that reach an entity: its own (attached, inline) and, for a user, its groups'. */
async function grantingSources(call: Call, type: AttachableEntity, entity: PolicyEntityRecord): Promise<PolicySource[]> {
  const sources: PolicySource[] = []
  const seenManaged = new Set<string>()
  const source = { read: call.read, awsManaged: call.ctx.awsManaged }
  const collect = async (ownerType: AttachableEntity, owner: PolicyEntityRecord) => {
    const ref = entityRef(ownerType, owner)
    for (const arn of await call.read.attachments.forEntity(ref)) {
      if (seenManaged.has(arn)) continue
      seenManaged.add(arn)
      const managed = await managedPolicy(source, arn)
      if (managed) sources.push({ policy: managed.policy, output: { PolicyName: policyNameAndPath(arn).name, PolicyType: 'MANAGED', PolicyArn: arn } })
    }
    for (const inline of await call.read.inlinePolicies.all(ref)) {
      const policy = parseStoredDocument(inline.document)
      if (policy) sources.push({ policy, output: { PolicyName: inline.name, PolicyType: 'INLINE', EntityType: ownerType.toUpperCase(), EntityName: owner.name } })
    }
  }
  await collect(type, entity)
  if (type === 'user') {
    for (const groupId of await call.read.groupMembers.groupIdsOfUser(entity.id)) {
      const group = await call.read.groups.byId(call.accountId, groupId)
      if (group) await collect('group', group)
    }
  }
  return sources
}

export const policyAttachmentsActions: ActionTable = {
  AttachUserPolicy: attachPolicy('user'),
  AttachGroupPolicy: attachPolicy('group'),
  AttachRolePolicy: attachPolicy('role'),
  DetachUserPolicy: detachPolicy('user'),
  DetachGroupPolicy: detachPolicy('group'),
  DetachRolePolicy: detachPolicy('role'),
  ListAttachedUserPolicies: listAttachedPolicies('user'),
  ListAttachedGroupPolicies: listAttachedPolicies('group'),
  ListAttachedRolePolicies: listAttachedPolicies('role'),
  ListEntitiesForPolicy: listEntitiesForPolicy,
  ListPoliciesGrantingServiceAccess: listPoliciesGrantingServiceAccess
}
