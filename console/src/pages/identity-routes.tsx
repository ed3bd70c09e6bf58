// Routes of the identity pages: dashboard, users, user groups, account settings. Fixed paths
// ('/users/create') come before the parameter ones ('/users/:name'), which the first match wins;
// links to a user or group go through detailPath, so one named "create" still opens its page.

import type { ConsoleRoute } from '../route-types'
import { AccountSettingsPage } from './account/account-settings-page'
import { DashboardPage } from './dashboard/dashboard-page'
import { CreateGroupPage } from './groups/create-group-page'
import { GroupDetailPage } from './groups/group-detail-page'
import { GroupsListPage } from './groups/groups-list-page'
import { AddUsersPage } from './users/add-users/add-users-page'
import { UserDetailPage } from './users/detail/user-detail-page'
import { MySecurityCredentialsPage } from './users/my-security-credentials-page'
import { UsersListPage } from './users/users-list-page'

export const identityRoutes: readonly ConsoleRoute[] = [
  { path: '/', nav: 'Dashboard', render: () => <DashboardPage /> },
  { path: '/users', nav: 'Users', render: () => <UsersListPage /> },
  { path: '/users/create', render: () => <AddUsersPage /> },
  { path: '/users/:name', render: (p) => <UserDetailPage key={p.name} userName={p.name ?? ''} /> },
  { path: '/groups', nav: 'User groups', render: () => <GroupsListPage /> },
  { path: '/groups/create', render: () => <CreateGroupPage /> },
  { path: '/groups/:name', render: (p) => <GroupDetailPage key={p.name} groupName={p.name ?? ''} /> },
  { path: '/account-settings', nav: 'Account settings', render: () => <AccountSettingsPage /> },
  { path: '/security-credentials', render: () => <MySecurityCredentialsPage /> }
]
