// Routes of the access pages: roles, policies, the policy simulator, switch role. The fixed
// paths (/roles/create, /policies/create) come before the ones they would otherwise match as a
// name, and links go through detailPath (a role named "create" is linked as /roles/%63reate);
// a policy's ARN travels URL-encoded as one path segment.

import type { ConsoleRoute } from '../route-types'
import { CreatePolicyPage } from './policies/create-policy-page'
import { EditPolicyPage } from './policies/edit-policy-page'
import { PolicyDetailPage } from './policies/policy-detail-page'
import { PolicyListPage } from './policies/policy-list-page'
import { CreateRolePage } from './roles/create-role-page'
import { RoleDetailPage } from './roles/role-detail-page'
import { RoleListPage } from './roles/role-list-page'
import { SwitchRolePage } from './roles/switch-role-page'
import { SimulatorPage } from './simulator/simulator-page'

const param = (p: Record<string, string>, key: string) => p[key] ?? ''

export const policyRoutes: readonly ConsoleRoute[] = [
  { path: '/roles', nav: 'Roles', render: () => <RoleListPage /> },
  { path: '/roles/create', render: () => <CreateRolePage /> },
  { path: '/roles/:name', render: (p) => <RoleDetailPage key={param(p, 'name')} name={param(p, 'name')} /> },
  { path: '/policies', nav: 'Policies', render: () => <PolicyListPage /> },
  { path: '/policies/create', render: () => <CreatePolicyPage /> },
  { path: '/policies/:arn', render: (p) => <PolicyDetailPage key={param(p, 'arn')} arn={param(p, 'arn')} /> },
  { path: '/policies/:arn/edit', render: (p) => <EditPolicyPage key={param(p, 'arn')} arn={param(p, 'arn')} /> },
  { path: '/simulator', nav: 'Policy simulator', render: () => <SimulatorPage /> },
  { path: '/switch-role', render: () => <SwitchRolePage /> }
]
