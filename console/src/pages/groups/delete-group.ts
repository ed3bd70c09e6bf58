// Deleting a group as the AWS console does: IAM refuses DeleteGroup while it has members or
// policies (DeleteConflict), so those go first.

import { call } from '../../api'
import type { AttachedPolicy, IamUser } from '../../components/iam-types'
import { listAll } from '../../components/list-all'

export async function deleteGroupAndMemberships(groupName: string): Promise<void> {
  const group = { GroupName: groupName }
  for (const u of await listAll<IamUser>('GetGroup', group, 'Users')) await call('RemoveUserFromGroup', { ...group, UserName: u.UserName })
  for (const p of await listAll<AttachedPolicy>('ListAttachedGroupPolicies', group, 'AttachedPolicies')) await call('DetachGroupPolicy', { ...group, PolicyArn: p.PolicyArn })
  for (const name of await listAll<string>('ListGroupPolicies', group, 'PolicyNames')) await call('DeleteGroupPolicy', { ...group, PolicyName: name })
  await call('DeleteGroup', group)
}
