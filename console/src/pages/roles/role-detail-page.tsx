// A role: summary (ARN, maximum session, created, last used), its permissions, trust
// relationships and tags on tabs, the switch-role link, and delete.

import { useState } from 'react'
import { call } from '../../api'
import { ConfirmDelete } from '../../components/access-confirm-delete'
import type { AttachedPolicy, Role } from '../../components/access-iam-types'
import { formatDate } from '../../components/access-list-all'
import { prettyPolicy } from '../../components/access-policy-text'
import { TagsPanel } from '../../components/access-tags-panel'
import { Tabs } from '../../components/access-tabs'
import { ErrorPanel } from '../../components/error-panel'
import { useLoad } from '../../components/use-load'
import { Link, navigate } from '../../router'
import { RoleSummaryEdit } from './role-summary-edit'
import { RolePermissions } from './role-permissions'
import { RoleTrust } from './role-trust'
import { SwitchRoleLink } from './switch-role-link'

type TabKey = 'permissions' | 'trust' | 'tags'

/** What the AWS console does before DeleteRole: empty the role of policies and instance profiles. */
async function deleteRole(name: string): Promise<void> {
  const { AttachedPolicies } = await call<{ AttachedPolicies: AttachedPolicy[] }>('ListAttachedRolePolicies', { RoleName: name, MaxItems: 1000 })
  for (const p of AttachedPolicies) await call('DetachRolePolicy', { RoleName: name, PolicyArn: p.PolicyArn })
  const { PolicyNames } = await call<{ PolicyNames: string[] }>('ListRolePolicies', { RoleName: name, MaxItems: 1000 })
  for (const n of PolicyNames) await call('DeleteRolePolicy', { RoleName: name, PolicyName: n })
  const { InstanceProfiles } = await call<{ InstanceProfiles: { InstanceProfileName: string }[] }>('ListInstanceProfilesForRole', { RoleName: name, MaxItems: 1000 })
  for (const ip of InstanceProfiles) await call('RemoveRoleFromInstanceProfile', { RoleName: name, InstanceProfileName: ip.InstanceProfileName })
  await call('DeleteRole', { RoleName: name })
}

export function RoleDetailPage({ name }: { name: string }) {
  const role = useLoad(() => call<{ Role: Role }>('GetRole', { RoleName: name }).then((o) => o.Role), [name])
  const [tab, setTab] = useState<TabKey>('permissions')
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
          <ConfirmDelete
            what="role"
            name={r.RoleName}
            note="Deleting detaches its managed policies, deletes its inline policies and removes it from instance profiles."
            onDelete={async () => {
              await deleteRole(r.RoleName)
              navigate('/roles')
            }}
          />
        </div>
      </div>
      <Tabs
        id="role-tabs"
        label="Role"
        selected={tab}
        onSelect={setTab}
        tabs={[
          { key: 'permissions', label: 'Permissions' },
          { key: 'trust', label: 'Trust relationships' },
          { key: 'tags', label: 'Tags' }
        ]}
      >
        <div className="panel">
          {tab === 'permissions' && <RolePermissions roleName={r.RoleName} />}
          {tab === 'trust' && <RoleTrust roleName={r.RoleName} document={prettyPolicy(r.AssumeRolePolicyDocument)} onSaved={role.reload} />}
          {tab === 'tags' && <TagsPanel entity="Role" target={{ RoleName: r.RoleName }} editable />}
        </div>
      </Tabs>
    </section>
  )
}
