// The policies SimulatePrincipalPolicy reads for a user, group or role: the entity's inline and
// attached policies, for a user also its groups', and the permissions boundary of a user or role.
// The same set enforcement uses (app/auth/principal-policies.ts), read here with each document's
// text and name, which MatchedStatements report and enforcement does not need.

import type { EntityRef } from '../../store/ports/repositories.js'
import type { AttachableEntity } from '../../store/ports/records.js'
import { entityDocuments, managedDocument, type PolicyDocumentSource, type StoredDocument } from '../policies/stored-documents.js'
import { storedPolicy, type SimulationPolicy } from './simulation-policies.js'

export type PolicyStore = PolicyDocumentSource

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
  for (const document of await entityDocuments(store, owner)) {
    const policy = simulationPolicy(document, ownerType)
    if (policy) into.push(policy)
  }
}

async function managedPolicy(store: PolicyStore, arn: string): Promise<SimulationPolicy | undefined> {
  const document = await managedDocument(store, arn)
  return document && simulationPolicy(document)
}

/**
 * Managed policies are named by their policy name in MatchedStatements, as AWS does; an inline
 * one has its owner's type (only documents read for an entity can be inline).
 */
function simulationPolicy(document: StoredDocument, ownerType?: AttachableEntity): SimulationPolicy | undefined {
  const type = document.origin === 'aws-managed' ? 'aws-managed' : document.origin === 'customer-managed' ? 'user-managed' : ownerType
  return type === undefined ? undefined : storedPolicy(document.name, type, document.text)
}
