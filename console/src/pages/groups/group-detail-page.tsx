// A user group (GetGroup): summary, delete, and tabs for its users and its permissions.

import { useState } from 'react'
import { call } from '../../api'
import { ConfirmDeleteDialog } from '../../components/confirm-delete-dialog'
import { formatDate } from '../../components/format-date'
import type { IamGroup } from '../../components/iam-types'
import { LoadState } from '../../components/load-state'
import { Membership } from '../../components/membership'
import { PermissionsPolicies } from '../policies/permissions-policies'
import { Tabs } from '../../components/tabs'
import { useLoad } from '../../components/use-load'
import { Link, navigate, useLocation } from '../../router'
import { deleteGroupAndMemberships } from './delete-group'

export function GroupDetailPage({ groupName }: { groupName: string }) {
  const group = useLoad(() => call<{ Group: IamGroup }>('GetGroup', { GroupName: groupName, MaxItems: 1 }).then((o) => o.Group), [groupName])
  const { query } = useLocation()
  const [deleting, setDeleting] = useState(false)
  const keepTab = (tab: string) => window.history.replaceState(null, '', `${window.location.pathname}?tab=${tab}`)
  return (
    <>
      <p>
        <Link to="/groups">User groups</Link> › {groupName}
      </p>
      <div className="page-head">
        <h1>{groupName}</h1>
        <button type="button" className="danger" onClick={() => setDeleting(true)}>
          Delete group
        </button>
      </div>
      <LoadState loaded={group} label="the group">
        {(g) => (
          <>
            <section className="panel" aria-labelledby="group-summary-title">
              <h2 id="group-summary-title">Summary</h2>
              <dl className="summary-grid">
                <div>
                  <dt>ARN</dt>
                  <dd className="mono break">{g.Arn}</dd>
                </div>
                <div>
                  <dt>Created</dt>
                  <dd>{formatDate(g.CreateDate)}</dd>
                </div>
                <div>
                  <dt>Path</dt>
                  <dd className="mono">{g.Path}</dd>
                </div>
              </dl>
            </section>
            <Tabs
              label="Group details"
              initial={query.get('tab')}
              onChange={keepTab}
              tabs={[
                { id: 'users', label: 'Users', panel: () => <Membership of="group" owner={g.GroupName} /> },
                {
                  id: 'permissions',
                  label: 'Permissions',
                  panel: () => <PermissionsPolicies kind="Group" name={g.GroupName} hint={`Every user in ${g.GroupName} gets these permissions.`} />
                }
              ]}
            />
          </>
        )}
      </LoadState>
      {deleting && (
        <ConfirmDeleteDialog
          title={`Delete ${groupName}?`}
          name={groupName}
          onClose={() => setDeleting(false)}
          onConfirm={async () => {
            await deleteGroupAndMemberships(groupName)
            navigate('/groups', { replace: true })
          }}
        >
          <p>This removes every user from the group, removes its policies and deletes it. The users themselves stay.</p>
        </ConfirmDeleteDialog>
      )}
    </>
  )
}
