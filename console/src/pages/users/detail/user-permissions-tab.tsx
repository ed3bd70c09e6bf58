// A user's permissions: managed policies attached to it and its inline policies (attach,
// create, edit, remove), and its permissions boundary (set, change, remove).

import type { IamUser } from '../../../components/iam-types'
import { PermissionsBoundary } from '../../policies/permissions-boundary'
import { PermissionsPolicies } from '../../policies/permissions-policies'

export function UserPermissionsTab({ user, reloadUser }: { user: IamUser; reloadUser: () => void }) {
  const name = user.UserName
  return (
    <>
      <PermissionsPolicies kind="User" name={name} hint={`Policies attached directly to ${name}. Policies of its groups apply too (see the Groups tab).`} />
      <PermissionsBoundary kind="User" name={name} boundaryArn={user.PermissionsBoundary?.PermissionsBoundaryArn} onChange={reloadUser} />
    </>
  )
}
