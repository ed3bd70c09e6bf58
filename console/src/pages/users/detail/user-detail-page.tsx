// A user: its summary (ARN, created, last console sign-in), delete, and tabs for permissions,
// groups, tags and security credentials. The open tab is kept in ?tab= so a link can name it.

import { useState } from 'react'
import { call } from '../../../api'
import { ConfirmDeleteDialog } from '../../../components/confirm-delete-dialog'
import { formatDate } from '../../../components/format-date'
import type { IamUser } from '../../../components/iam-types'
import { LoadState } from '../../../components/load-state'
import { Membership } from '../../../components/membership'
import { Tabs } from '../../../components/tabs'
import { tagActions, TagsPanel } from '../../../components/tags-panel'
import { useLoad } from '../../../components/use-load'
import { Link, navigate, useLocation } from '../../../router'
import { deleteUserAndResources } from './delete-user'
import { SecurityCredentials } from './security-credentials'
import { UserPermissionsTab } from './user-permissions-tab'

export function UserDetailPage({ userName }: { userName: string }) {
  const user = useLoad(() => call<{ User: IamUser }>('GetUser', { UserName: userName }).then((o) => o.User), [userName])
  const { query } = useLocation()
  const [deleting, setDeleting] = useState(false)
  const [progress, setProgress] = useState('')
  const keepTab = (tab: string) => window.history.replaceState(null, '', `${window.location.pathname}?tab=${tab}`)
  return (
    <>
      <p>
        <Link to="/users">Users</Link> › {userName}
      </p>
      <div className="page-head">
        <h1>{userName}</h1>
        <button type="button" className="danger" onClick={() => setDeleting(true)}>
          Delete user
        </button>
      </div>
      <LoadState loaded={user} label="the user">
        {(u) => (
          <>
            <section className="panel" aria-labelledby="user-summary-title">
              <h2 id="user-summary-title">Summary</h2>
              <dl className="summary-grid">
                <div>
                  <dt>ARN</dt>
                  <dd className="mono break">{u.Arn}</dd>
                </div>
                <div>
                  <dt>Created</dt>
                  <dd>{formatDate(u.CreateDate)}</dd>
                </div>
                <div>
                  <dt>Console last sign-in</dt>
                  <dd>{formatDate(u.PasswordLastUsed, 'Never')}</dd>
                </div>
                <div>
                  <dt>Path</dt>
                  <dd className="mono">{u.Path}</dd>
                </div>
              </dl>
            </section>
            <Tabs
              label="User details"
              initial={query.get('tab')}
              onChange={keepTab}
              tabs={[
                { id: 'permissions', label: 'Permissions', panel: () => <UserPermissionsTab user={u} reloadUser={user.reload} /> },
                { id: 'groups', label: 'Groups', panel: () => <Membership of="user" owner={u.UserName} /> },
                { id: 'tags', label: 'Tags', panel: () => <TagsPanel owner={u.UserName} {...tagActions('User', { UserName: u.UserName })} /> },
                { id: 'security', label: 'Security credentials', panel: () => <SecurityCredentials owner={{ kind: 'user', userName: u.UserName }} user={u} /> }
              ]}
            />
          </>
        )}
      </LoadState>
      {deleting && (
        <ConfirmDeleteDialog
          title={`Delete ${userName}?`}
          name={userName}
          onClose={() => setDeleting(false)}
          onConfirm={async () => {
            await deleteUserAndResources(userName, setProgress)
            navigate('/users', { replace: true })
          }}
        >
          <p>This deletes the user and everything it has: its console password, access keys, MFA devices, group memberships and policies. It cannot be undone.</p>
          {progress && (
            <p role="status" className="field-hint">
              {progress}…
            </p>
          )}
        </ConfirmDeleteDialog>
      )}
    </>
  )
}
