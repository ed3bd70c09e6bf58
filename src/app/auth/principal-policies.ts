// The policies that apply to a caller, read from the store and compiled by the engine: for an
// IAM user (and a federated user, through the user who federated) its inline and attached
// policies and those of its groups; for a role session the role's; plus the permissions boundary
// and the session's policies. The root user has none (it needs none).

import { compilePolicySet, parsePolicy, type CompiledPolicySet, type NamedPolicy, type Policy } from '../../policy/index.js'
import type { EntityRef } from '../../store/ports/repositories.js'
import { entityDocuments, managedDocument, type PolicyDocumentSource } from '../policies/stored-documents.js'
import type { Caller } from '../caller.js'

export type PrincipalPolicySource = PolicyDocumentSource

export async function loadPolicySet(source: PrincipalPolicySource, caller: Caller): Promise<CompiledPolicySet> {
  const identity: NamedPolicy[] = []
  let boundaryArn: string | undefined
  if ((caller.kind === 'user' || caller.kind === 'federated-user') && caller.userId) {
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
  } else if (caller.kind === 'federated-user') {
    // Federated by the root user, who needs no identity policy: only the session policy limits it.
    identity.push({ name: 'root', policy: ALLOW_ALL })
  }
  const boundary = boundaryArn ? await managedPolicy(source, boundaryArn) : undefined
  return compilePolicySet({ identity, boundary: boundary ?? null, session: await sessionPolicies(source, caller) })
}

const ALLOW_ALL: Policy = parsePolicy('{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}', { kind: 'identity' }).policy as Policy

/** The session's policies; a managed one that no longer exists grants nothing. */
async function sessionPolicies(source: PrincipalPolicySource, caller: Caller): Promise<NamedPolicy[] | null> {
  const session = caller.session
  if (!session || (session.policy === undefined && !session.policyArns?.length)) return null
  const policies: NamedPolicy[] = []
  if (session.policy !== undefined) {
    const parsed = parsePolicy(session.policy, { kind: 'session' })
    if (parsed.ok) policies.push({ name: 'session policy', policy: parsed.policy })
  }
  for (const arn of session.policyArns ?? []) {
    const managed = await managedPolicy(source, arn)
    if (managed) policies.push(managed)
  }
  // Session policies were given but none survives: the session may do nothing.
  return policies.length ? policies : [{ name: 'session policy', policy: ALLOW_NOTHING }]
}

/** Applies to no action: as a session policy, it leaves nothing allowed. */
const ALLOW_NOTHING: Policy = parsePolicy('{"Version":"2012-10-17","Statement":[{"Effect":"Deny","NotAction":"*","Resource":"*"}]}', { kind: 'session' }).policy as Policy

async function collect(source: PrincipalPolicySource, entity: EntityRef, into: NamedPolicy[]): Promise<void> {
  for (const document of await entityDocuments(source, entity)) {
    const policy = parse(document.text)
    // Managed policies are named by ARN in explanations; inline ones by their name.
    if (policy) into.push({ name: document.arn ?? document.name, policy })
  }
}

/** The default version of a managed policy (customer or AWS), parsed. */
export async function managedPolicy(source: PrincipalPolicySource, arn: string): Promise<NamedPolicy | undefined> {
  const document = await managedDocument(source, arn)
  const policy = document === undefined ? undefined : parse(document.text)
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
