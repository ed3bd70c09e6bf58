// Inline policies: Put/Get/Delete/List{User,Group,Role}Policy. Documents are identity policies,
// limited in aggregate per entity (user 2,048, group 5,120, role 10,240 characters, whitespace
// not counted). Policy names compare case-insensitively; the stored spelling is kept.

import { iamErrors } from '../../core/aws-error.js'
import type { EntityRef, Repositories } from '../../store/ports/repositories.js'
import type { AttachableEntity, InlinePolicyRecord } from '../../store/ports/records.js'
import type { ActionHandler, ActionInput, ActionTable, Call } from '../call.js'
import { encodeDocument } from '../shared/outputs.js'
import { listing, pageFields, pageRequest } from '../shared/paging.js'
import { checkIdentityDocument, checkInlineAggregate } from '../shared/policy-documents.js'
import { authorizeOnEntity, checkModifiable, ENTITY_LABEL, ENTITY_NAME_MEMBER, entityRef, requireEntity } from '../shared/policy-entities.js'

const noSuchInlinePolicy = (type: AttachableEntity, name: string) => iamErrors.noSuchEntity(`The ${type} policy with name ${name} cannot be found.`)

/** The entity's inline policy of that name, in any case. */
async function findInline(repos: Repositories, ref: EntityRef, name: string): Promise<InlinePolicyRecord | undefined> {
  const exact = await repos.inlinePolicies.get(ref, name)
  if (exact) return exact
  const lower = name.toLowerCase()
  return (await repos.inlinePolicies.all(ref)).find((p) => p.name.toLowerCase() === lower)
}

function putPolicy(type: AttachableEntity): ActionHandler {
  return async (call: Call, input: ActionInput) => {
    const entityName = input[ENTITY_NAME_MEMBER[type]] as string
    const policyName = input.PolicyName as string
    const document = input.PolicyDocument as string
    await authorizeOnEntity(call, type, entityName, `iam:Put${ENTITY_LABEL[type]}Policy`, { boundaryKey: type !== 'group' })
    checkIdentityDocument(document)
    await call.write(
      async (tx) => {
        const entity = await requireEntity(tx, call.accountId, type, entityName)
        checkModifiable(type, entity)
        const ref = entityRef(type, entity)
        const existing = await tx.inlinePolicies.all(ref)
        checkInlineAggregate(type, entity.name, existing, policyName, document)
        const current = existing.find((p) => p.name.toLowerCase() === policyName.toLowerCase())
        await tx.inlinePolicies.put(call.accountId, ref, current?.name ?? policyName, document)
      },
      { affectsPolicies: true }
    )
    return undefined
  }
}

function getPolicy(type: AttachableEntity): ActionHandler {
  return async (call: Call, input: ActionInput) => {
    const entityName = input[ENTITY_NAME_MEMBER[type]] as string
    const policyName = input.PolicyName as string
    await authorizeOnEntity(call, type, entityName, `iam:Get${ENTITY_LABEL[type]}Policy`)
    const entity = await requireEntity(call.read, call.accountId, type, entityName)
    const policy = await findInline(call.read, entityRef(type, entity), policyName)
    if (!policy) throw noSuchInlinePolicy(type, policyName)
    return { [ENTITY_NAME_MEMBER[type]]: entity.name, PolicyName: policy.name, PolicyDocument: encodeDocument(policy.document) }
  }
}

function deletePolicy(type: AttachableEntity): ActionHandler {
  return async (call: Call, input: ActionInput) => {
    const entityName = input[ENTITY_NAME_MEMBER[type]] as string
    const policyName = input.PolicyName as string
    await authorizeOnEntity(call, type, entityName, `iam:Delete${ENTITY_LABEL[type]}Policy`, { boundaryKey: type !== 'group' })
    await call.write(
      async (tx) => {
        const entity = await requireEntity(tx, call.accountId, type, entityName)
        checkModifiable(type, entity)
        const ref = entityRef(type, entity)
        const policy = await findInline(tx, ref, policyName)
        if (!policy) throw noSuchInlinePolicy(type, policyName)
        await tx.inlinePolicies.delete(ref, policy.name)
      },
      { affectsPolicies: true }
    )
    return undefined
  }
}

function listPolicies(type: AttachableEntity): ActionHandler {
  return async (call: Call, input: ActionInput) => {
    const entityName = input[ENTITY_NAME_MEMBER[type]] as string
    await authorizeOnEntity(call, type, entityName, `iam:List${ENTITY_LABEL[type]}Policies`)
    const entity = await requireEntity(call.read, call.accountId, type, entityName)
    const page = await listing(() => call.read.inlinePolicies.names(entityRef(type, entity), pageRequest(input)))
    return { PolicyNames: page.items, ...pageFields(page) }
  }
}

export const inlinePoliciesActions: ActionTable = {
  PutUserPolicy: putPolicy('user'),
  PutGroupPolicy: putPolicy('group'),
  PutRolePolicy: putPolicy('role'),
  GetUserPolicy: getPolicy('user'),
  GetGroupPolicy: getPolicy('group'),
  GetRolePolicy: getPolicy('role'),
  DeleteUserPolicy: deletePolicy('user'),
  DeleteGroupPolicy: deletePolicy('group'),
  DeleteRolePolicy: deletePolicy('role'),
  ListUserPolicies: listPolicies('user'),
  ListGroupPolicies: listPolicies('group'),
  ListRolePolicies: listPolicies('role')
}
