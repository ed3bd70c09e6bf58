// Service-linked roles: CreateServiceLinkedRole (the service's fixed role name and path, a trust
// policy for the service principal, the service's AWS managed policy attached),
// DeleteServiceLinkedRole (finishes at once and records a task) and
// GetServiceLinkedRoleDeletionStatus.

import type { CreateServiceLinkedRoleRequest, DeleteServiceLinkedRoleRequest, GetServiceLinkedRoleDeletionStatusRequest } from '@aws-sdk/client-iam'
import { iamErrors } from '../../core/aws-error.js'
import { iamArn } from '../../core/arn.js'
import { newId } from '../../core/ids.js'
import type { RoleRecord } from '../../store/ports/records.js'
import type { ActionTable, Call } from '../call.js'
import { requireRole } from '../shared/lookups.js'
import { createdRoleOutput } from '../shared/roles-outputs.js'
import { authorizeOnRole, DEFAULT_MAX_SESSION_DURATION, insertRole } from '../shared/roles-rules.js'
import {
  deletionTaskId,
  invalidDeletionTaskId,
  noSuchDeletionTask,
  parseDeletionTaskId,
  serviceLinkedRolePath,
  serviceLinkedRoleSpec,
  serviceRoleNameTaken,
  serviceTrustPolicy,
  suffixNotAllowed,
  unsupportedService
} from '../shared/roles-service-linked.js'

async function createServiceLinkedRole(call: Call, raw: unknown) {
  const input = raw as CreateServiceLinkedRoleRequest
  const service = input.AWSServiceName as string
  const suffix = input.CustomSuffix
  const spec = serviceLinkedRoleSpec(service)
  const name = suffix === undefined ? spec.roleName : `${spec.roleName}_${suffix}`
  const path = serviceLinkedRolePath(service)
  const arn = iamArn(call.accountId, 'role', path, name)
  await call.authorize({ action: 'iam:CreateServiceLinkedRole', resource: arn, context: { 'iam:AWSServiceName': service } })
  if (!spec.supported) throw unsupportedService(service)
  if (suffix !== undefined && !spec.suffixAllowed) throw suffixNotAllowed(service)
  const policyArn = spec.policyArn !== undefined && call.ctx.awsManaged.byArn(spec.policyArn) ? spec.policyArn : undefined
  const role: RoleRecord = {
    id: newId('role', call.ctx.random),
    accountId: call.accountId,
    name,
    path,
    arn,
    createdAt: call.now,
    assumeRolePolicy: serviceTrustPolicy(service),
    description: input.Description,
    maxSessionDuration: DEFAULT_MAX_SESSION_DURATION,
    permissionsBoundary: undefined,
    lastUsedAt: undefined,
    lastUsedRegion: undefined,
    serviceLinked: service
  }
  await call.write(async (tx) => {
    await insertRole(tx, role, () => serviceRoleNameTaken(name))
    if (policyArn) await tx.attachments.attach(call.accountId, { entityType: 'role', entityId: role.id }, policyArn)
  })
  return { Role: createdRoleOutput(role) }
}

/**
 * Deletes a service-linked role with everything attached to it (AWS checks with the service that
 * no resource still uses the role; here nothing does) and records the finished task.
 */
async function deleteServiceLinkedRole(call: Call, raw: unknown) {
  const name = (raw as DeleteServiceLinkedRoleRequest).RoleName as string
  const role = await call.read.roles.byName(call.accountId, name)
  await authorizeOnRole(call, 'iam:DeleteServiceLinkedRole', name, role)
  const taskId = await call.write(
    async (tx) => {
      const current = await requireRole(tx, call.accountId, name)
      if (current.serviceLinked === undefined) throw iamErrors.invalidInput(`Role ${current.name} is not a service-linked role.`)
      const entity = { entityType: 'role', entityId: current.id } as const
      await tx.attachments.removeAllForEntity(entity)
      await tx.inlinePolicies.removeAllForEntity(entity)
      await tx.tags.removeAll('role', current.id)
      await tx.roles.delete(call.accountId, current.id)
      const id = deletionTaskId(current.path, current.name, call.ctx.random)
      await tx.roles.insertDeletionTask({ id, accountId: call.accountId, roleName: current.name, status: 'SUCCEEDED', createdAt: call.now })
      return id
    },
    { affectsAuthorization: true }
  )
  return { DeletionTaskId: taskId }
}

async function getServiceLinkedRoleDeletionStatus(call: Call, raw: unknown) {
  const id = (raw as GetServiceLinkedRoleDeletionStatusRequest).DeletionTaskId as string
  const parsed = parseDeletionTaskId(id)
  if (!parsed) {
    await call.authorize({ action: 'iam:GetServiceLinkedRoleDeletionStatus', resource: '*' })
    throw invalidDeletionTaskId(id)
  }
  const arn = iamArn(call.accountId, 'role', serviceLinkedRolePath(parsed.service), parsed.roleName)
  await call.authorize({ action: 'iam:GetServiceLinkedRoleDeletionStatus', resource: arn, displayResource: `role ${parsed.roleName}` })
  const task = await call.read.roles.deletionTask(call.accountId, id)
  if (!task) throw noSuchDeletionTask(id)
  return { Status: task.status }
}

export const serviceLinkedRolesActions: ActionTable = {
  CreateServiceLinkedRole: createServiceLinkedRole,
  DeleteServiceLinkedRole: deleteServiceLinkedRole,
  GetServiceLinkedRoleDeletionStatus: getServiceLinkedRoleDeletionStatus
}
