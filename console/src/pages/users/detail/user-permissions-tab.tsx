// A user's permissions: managed policies attached to it and its inline policies (attach,
// remove), and its permissions boundary when it has one.

import { useState } from 'react'
import { call } from '../../../api'
import { AttachPoliciesDialog } from '../../../components/attach-policies-dialog'
import { ErrorPanel } from '../../../components/error-panel'
import { listAll, type AttachedPolicy, type IamUser } from '../../../components/iam-shapes'
import { LoadState } from '../../../components/load-state'
import { PolicyTable, type PolicyRows } from '../../../components/policy-table'
import { useAction } from '../../../components/use-action'
import { useLoad } from '../../../components/use-load'

export function UserPermissionsTab({ user, reloadUser }: { user: IamUser; reloadUser: () => void }) {
  const name = user.UserName
  const policies = useLoad(async (): Promise<PolicyRows> => {
    const [attached, inline] = await Promise.all([
      listAll<AttachedPolicy>('ListAttachedUserPolicies', { UserName: name }, 'AttachedPolicies'),
      listAll<string>('ListUserPolicies', { UserName: name }, 'PolicyNames')
    ])
    return { attached, inline }
  }, [name])
  const [attaching, setAttaching] = useState(false)
  const action = useAction()
  const change = (work: () => Promise<unknown>) => action.run(async () => void (await work())).then((ok) => ok && policies.reload())
  const boundary = user.PermissionsBoundary?.PermissionsBoundaryArn
  return (
    <>
      <section aria-labelledby="user-policies-title">
        <div className="section-head">
          <h2 id="user-policies-title">Permissions policies</h2>
          <button type="button" onClick={() => setAttaching(true)}>
            Add permissions
          </button>
        </div>
        <p className="field-hint">Policies attached directly to {name}. Policies of its groups apply too (see the Groups tab).</p>
        {action.error !== undefined && <ErrorPanel error={action.error} />}
        <LoadState loaded={policies} label="policies">
          {(rows) => (
            <PolicyTable
              rows={rows}
              owner={name}
              busy={action.busy}
              onDetach={(arn) => void change(() => call('DetachUserPolicy', { UserName: name, PolicyArn: arn }))}
              onDeleteInline={(policy) => void change(() => call('DeleteUserPolicy', { UserName: name, PolicyName: policy }))}
              readInline={(policy) => call<{ PolicyDocument: string }>('GetUserPolicy', { UserName: name, PolicyName: policy }).then((o) => o.PolicyDocument)}
            />
          )}
        </LoadState>
      </section>
      <section aria-labelledby="user-boundary-title">
        <h2 id="user-boundary-title">Permissions boundary</h2>
        {boundary ? (
          <p>
            <code className="break">{boundary}</code> sets the most permissions {name} can have.{' '}
            <button type="button" disabled={action.busy} onClick={() => void change(() => call('DeleteUserPermissionsBoundary', { UserName: name })).then(reloadUser)}>
              Remove boundary
            </button>
          </p>
        ) : (
          <p className="muted">No permissions boundary is set.</p>
        )}
      </section>
      {attaching && (
        <AttachPoliciesDialog
          title={`Add permissions to ${name}`}
          attached={(policies.data?.attached ?? []).map((p) => p.PolicyArn)}
          attach={(arn) => call('AttachUserPolicy', { UserName: name, PolicyArn: arn })}
          onClose={() => setAttaching(false)}
          onDone={() => {
            setAttaching(false)
            policies.reload()
          }}
        />
      )}
    </>
  )
}
