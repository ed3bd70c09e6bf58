// A user's permissions: managed policies attached to it and its inline policies (attach,
// remove), and its permissions boundary when it has one.

import { call } from '../../../api'
import { ErrorPanel } from '../../../components/error-panel'
import type { IamUser } from '../../../components/iam-types'
import { PermissionsPolicies } from '../../../components/permissions-policies'
import { useAction } from '../../../components/use-action'

export function UserPermissionsTab({ user, reloadUser }: { user: IamUser; reloadUser: () => void }) {
  const name = user.UserName
  const action = useAction()
  const removeBoundary = () => action.run(() => call('DeleteUserPermissionsBoundary', { UserName: name }).then(() => undefined)).then((ok) => ok && reloadUser())
  const boundary = user.PermissionsBoundary?.PermissionsBoundaryArn
  return (
    <>
      <PermissionsPolicies kind="User" name={name} hint={`Policies attached directly to ${name}. Policies of its groups apply too (see the Groups tab).`} />
      <section aria-labelledby="user-boundary-title">
        <h2 id="user-boundary-title">Permissions boundary</h2>
        {action.error !== undefined && <ErrorPanel error={action.error} />}
        {boundary ? (
          <p>
            <code className="break">{boundary}</code> sets the most permissions {name} can have.{' '}
            <button type="button" disabled={action.busy} onClick={() => void removeBoundary()}>
              Remove boundary
            </button>
          </p>
        ) : (
          <p className="muted">No permissions boundary is set.</p>
        )}
      </section>
    </>
  )
}
