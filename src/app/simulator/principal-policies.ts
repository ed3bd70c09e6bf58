// The policies SimulatePrincipalPolicy reads for a user, group or role: the entity's inline and
// attached policies, for a user also its groups', and the permissions boundary of a user or role.
// The same set enforcement uses (app/auth/principal-policies.ts), read here with each document's
// text and name, which MatchedStatements report and enforcement does not need.

import type { EntityRef, Repositories } from '../../store/ports/repositories.js'
import type { AttachableEntity } from '../../store/ports/records.js'
import type { AwsManagedPolicies } from '../policies/aws-managed.js'
import { storedPolicy, type SimulationPolicy } from './simulation-policies.js'

export interface PolicyStore {
  readonly read: Repositories
  readonly awsManaged: AwsManagedPolicies
}

export interface EntityPolicies {
  readonly identity: SimulationPolicy[]
  readonly boundary: SimulationPolicy | undefined
}

export async function entityPolicies(store: PolicyStore, accountId: string, type: AttachableEntity, entityId: string, boundaryArn: string | undefined): Promise<EntityPolicies> {
  const identity: SimulationPolicy[] = []
  await collect(store, type, { entityType: type, entityId }, identity)
  if (type === 'user') {
    for (const groupId of await store.read.groupMembers.groupIdsOfUser(entityId)) {
      if (await store.read.groups.byId(accountId, groupId)) await collect(store, 'group', { entityType: 'group', entityId: groupId }, identity)
    }
  }
  const boundary = boundaryArn === undefined ? undefined : await managedPolicy(store, boundaryArn)
  return { identity, boundary }
}

async function collect(store: PolicyStore, ownerType: AttachableEntity, owner: EntityRef, into: SimulationPolicy[]): Promise<void> {
  for (const inline of await store.read.inlinePolicies.all(owner)) {
    const policy = storedPolicy(inline.name, ownerType, inline.document)
    if (policy) into.push(policy)
  }
  for (const arn of await store.read.attachments.forEntity(owner)) {
    const policy = await managedPolicy(store, arn)
    if (policy) into.push(policy)
  }
}

/** The default version of a managed policy (AWS's or the account's), named by its policy name. */
async function managedPolicy(store: PolicyStore, arn: string): Promise<SimulationPolicy | undefined> {
  const aws = store.awsManaged.byArn(arn)
  if (aws) {
    const text = await store.awsManaged.document(arn, aws.defaultVersion)
    return text === undefined ? undefined : storedPolicy(aws.name, 'aws-managed', text)
  }
  const customer = await store.read.policies.byArn(arn)
  if (!customer) return undefined
  const version = await store.read.policies.version(customer.id, customer.defaultVersion)
  return version ? storedPolicy(customer.name, 'user-managed', version.document) : undefined
}
