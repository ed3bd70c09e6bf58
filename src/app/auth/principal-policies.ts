// The policies that apply to a caller, read from the store and compiled by the engine: for an
// IAM user its inline and attached policies and those of its groups; for a role (session) the
// role's; plus the permissions boundary. The root user has none (it needs none).

import { compilePolicySet, parsePolicy, type CompiledPolicySet, type NamedPolicy, type Policy } from '../../policy/index.js'
import type { EntityRef, Repositories } from '../../store/ports/repositories.js'
import type { AwsManagedPolicies } from '../policies/aws-managed.js'
import type { Caller } from '../caller.js'

export interface PrincipalPolicySource {
  readonly read: Repositories
  readonly awsManaged: AwsManagedPolicies
}

export async function loadPolicySet(source: PrincipalPolicySource, caller: Caller): Promise<CompiledPolicySet> {
  const identity: NamedPolicy[] = []
  let boundaryArn: string | undefined
  if (caller.kind === 'user' && caller.userId) {
    const user = await source.read.users.byId(caller.accountId, caller.userId)
    boundaryArn = user?.permissionsBoundary
    await collect(source, { entityType: 'user', entityId: caller.userId }, identity)
    for (const groupId of await source.read.groupMembers.groupIdsOfUser(caller.userId)) {
      await collect(source, { entityType: 'group', entityId: groupId }, identity)
    }
  } else if (caller.kind === 'role-session' && caller.roleId) {
    const role = await source.read.roles.byId(caller.accountId, caller.roleId)
    boundaryArn = role?.permissionsBoundary
    await collect(source, { entityType: 'role', entityId: caller.roleId }, identity)
  }
  const boundary = boundaryArn ? await managedPolicy(source, boundaryArn) : undefined
  return compilePolicySet({ identity, boundary: boundary ?? null })
}

async function collect(source: PrincipalPolicySource, entity: EntityRef, into: NamedPolicy[]): Promise<void> {
  for (const inline of await source.read.inlinePolicies.all(entity)) {
    const policy = parse(inline.document)
    if (policy) into.push({ name: inline.name, policy })
  }
  for (const arn of await source.read.attachments.forEntity(entity)) {
    const managed = await managedPolicy(source, arn)
    if (managed) into.push(managed)
  }
}

/** The default version of a managed policy (customer or AWS), parsed. */
export async function managedPolicy(source: PrincipalPolicySource, arn: string): Promise<NamedPolicy | undefined> {
  const aws = source.awsManaged.byArn(arn)
  if (aws) {
    const text = await source.awsManaged.document(arn, aws.defaultVersion)
    const policy = text === undefined ? undefined : parse(text)
    return policy ? { name: arn, policy } : undefined
  }
  const customer = await source.read.policies.byArn(arn)
  if (!customer) return undefined
  const version = await source.read.policies.version(customer.id, customer.defaultVersion)
  const policy = version ? parse(version.document) : undefined
  return policy ? { name: arn, policy } : undefined
}

/**
 * Stored documents were validated when written; AWS managed documents are AWS's own (some
 * predate today's rules, hence the lenient options). One that still fails to parse grants nothing.
 */
function parse(text: string): Policy | undefined {
  const parsed = parsePolicy(text, { kind: 'identity', allowLegacyVersion: true })
  return parsed.ok ? parsed.policy : undefined
}
