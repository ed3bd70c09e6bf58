// A role: summary (ARN, maximum session, created, last used), its permissions (policies and
// boundary), trust relationships and tags on tabs, the switch-role link, and delete.

import { useState } from 'react'
import { call } from '../../api'
import { ConfirmDeleteDialog } from '../../components/confirm-delete-dialog'
import { ErrorPanel } from '../../components/error-panel'
import { formatDate } from '../../components/format-date'
import type { AttachedPolicy, IamRole } from '../../components/iam-types'
import { listAll } from '../../components/list-all'
import { prettyPolicy } from '../../components/policy-text'
import { Tabs } from '../../components/tabs'
import { tagActions, TagsPanel } from '../../components/tags-panel'
import { useLoad } from '../../components/use-load'
import { Link, navigate } from '../../router'
import { PermissionsBoundary } from '../policies/permissions-boundary'
import { PermissionsPolicies } from '../policies/permissions-policies'
import { RoleSummaryEdit } from './role-summary-edit'
import { RoleTrust } from './role-trust'
import { SwitchRoleLink } from './switch-role-link'

/** What the AWS console does before DeleteRole: empty the role of policies and instance profiles. */
async function deleteRole(name: string): Promise<void> {
  const role = { RoleName: name }
  for (const p of await listAll<AttachedPolicy>('ListAttachedRolePolicies', role, 'AttachedPolicies')) await call('DetachRolePolicy', { ...role, PolicyArn: p.PolicyArn })
  for (const n of await listAll<string>('ListRolePolicies', role, 'PolicyNames')) await call('DeleteRolePolicy', { ...role, PolicyName: n })
  for (const ip of await listAll<{ InstanceProfileName: string }>('ListInstanceProfilesForRole', role, 'InstanceProfiles'))
    await call('RemoveRoleFromInstanceProfile', { ...role, InstanceProfileName: ip.InstanceProfileName })
  await call('DeleteRole', role)
}

export function RoleDetailPage({ name }: { name: string }) {
  const role = useLoad(() => call<{ Role: IamRole }>('GetRole', { RoleName: name }).then((o) => o.Role), [name])
  const [deleting, setDeleting] = useState(false)
  if (role.loading && !role.data) return <p className="loading">Loading role…</p>
  if (role.error !== undefined || !role.data)
    return (
      <section>
        <h1>{name}</h1>
        <ErrorPanel error={role.error} />
      </section>
    )
  const r = role.data
  const accountId = r.Arn.split(':')[4] ?? ''
  const hours = (r.MaxSessionDuration ?? 3600) / 3600
  return (
    <section>
      <p>
        <Link to="/roles">Roles</Link> › {r.RoleName}
      </p>
      <h1>{r.RoleName}</h1>
      <div className="panel">
        <h2>Summary</h2>
        <dl className="access-details">
          <dt>ARN</dt>
          <dd className="mono access-break">{r.Arn}</dd>
          <dt>Description</dt>
          <dd>{r.Description || '—'}</dd>
          <dt>Maximum session duration</dt>
          <dd>
            {hours} hour{hours === 1 ? '' : 's'}
          </dd>
          <dt>Created</dt>
          <dd>{formatDate(r.CreateDate)}</dd>
          <dt>Last activity</dt>
          <dd>{r.RoleLastUsed?.LastUsedDate ? `${formatDate(r.RoleLastUsed.LastUsedDate)}${r.RoleLastUsed.Region ? ` (${r.RoleLastUsed.Region})` : ''}` : 'None'}</dd>
        </dl>
        <RoleSummaryEdit role={r} onSaved={role.reload} />
        <SwitchRoleLink accountId={accountId} roleName={r.RoleName} />
        <div className="actions">
          <button type="button" className="danger" onClick={() => setDeleting(true)}>
            Delete role
          </button>
        </div>
      </div>
      <Tabs
        label="Role"
        panelClassName="panel"
        tabs={[
          {
            id: 'permissions',
            label: 'Permissions',
            panel: () => (
              <>
                <PermissionsPolicies kind="Role" name={r.RoleName} hint="What a session of this role may do. With none, it can do nothing." />
                <PermissionsBoundary kind="Role" name={r.RoleName} boundaryArn={r.PermissionsBoundary?.PermissionsBoundaryArn} onChange={role.reload} />
              </>
            )
          },
          { id: 'trust', label: 'Trust relationships', panel: () => <RoleTrust roleName={r.RoleName} document={prettyPolicy(r.AssumeRolePolicyDocument)} onSaved={role.reload} /> },
          { id: 'tags', label: 'Tags', panel: () => <TagsPanel owner={r.RoleName} {...tagActions('Role', { RoleName: r.RoleName })} /> }
        ]}
      />
      {deleting && (
        <ConfirmDeleteDialog
          title={`Delete ${r.RoleName}?`}
          name={r.RoleName}
          onClose={() => setDeleting(false)}
          onConfirm={async () => {
            await deleteRole(r.RoleName)
            navigate('/roles')
          }}
        >
          <p>Deleting detaches its managed policies, deletes its inline policies and removes it from instance profiles.</p>
        </ConfirmDeleteDialog>
      )}
    </section>
  )
}
