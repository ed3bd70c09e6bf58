// The texts of a principal's policies, to show its deciding statements after a
// SimulatePrincipalPolicy. MatchedStatements name a principal's policy by its name and type
// (inline: 'user' | 'group' | 'role'; managed: 'aws-managed' | 'user-managed'), and their
// positions are in the stored text, which Get…Policy / GetPolicyVersion hand back URL-encoded.

import { call } from '../../api'
import { arnName, isAwsManaged, type AttachedPolicy, type ManagedPolicy, type PolicyVersion } from '../../components/iam-types'
import { decodePolicyDocument } from '../../components/policy-text'
import type { SimulatedPolicy } from './simulation-results'
import type { PrincipalKind } from './simulator-principal'

const NAMES = { user: 'User', group: 'Group', role: 'Role' } as const

async function ownPolicies(kind: PrincipalKind, name: string): Promise<SimulatedPolicy[]> {
  const Kind = NAMES[kind]
  const owner = { [`${Kind}Name`]: name }
  const out: SimulatedPolicy[] = []
  const { PolicyNames } = await call<{ PolicyNames: string[] }>(`List${Kind}Policies`, { ...owner, MaxItems: 1000 })
  for (const policyName of PolicyNames) {
    const { PolicyDocument } = await call<{ PolicyDocument: string }>(`Get${Kind}Policy`, { ...owner, PolicyName: policyName })
    out.push({ id: policyName, type: kind, label: `${policyName} (inline policy of ${kind} ${name})`, text: decodePolicyDocument(PolicyDocument) })
  }
  const { AttachedPolicies } = await call<{ AttachedPolicies: AttachedPolicy[] }>(`ListAttached${Kind}Policies`, { ...owner, MaxItems: 1000 })
  for (const p of AttachedPolicies) {
    const { Policy } = await call<{ Policy: ManagedPolicy }>('GetPolicy', { PolicyArn: p.PolicyArn })
    const { PolicyVersion } = await call<{ PolicyVersion: PolicyVersion }>('GetPolicyVersion', { PolicyArn: p.PolicyArn, VersionId: Policy.DefaultVersionId })
    const aws = isAwsManaged(p.PolicyArn)
    out.push({
      id: p.PolicyName,
      type: aws ? 'aws-managed' : 'user-managed',
      label: `${p.PolicyName} (${aws ? 'AWS' : 'customer'} managed)`,
      text: decodePolicyDocument(PolicyVersion.Document)
    })
  }
  return out
}

/** A user's own policies and its groups'; a group's or a role's own. */
export async function principalPolicyTexts(kind: PrincipalKind, arn: string): Promise<SimulatedPolicy[]> {
  const name = arnName(arn)
  const out = await ownPolicies(kind, name)
  if (kind === 'user') {
    const { Groups } = await call<{ Groups: { GroupName: string }[] }>('ListGroupsForUser', { UserName: name, MaxItems: 1000 })
    for (const g of Groups) out.push(...(await ownPolicies('group', g.GroupName)))
  }
  return out
}
