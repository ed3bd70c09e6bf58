// Routes of the access pages: roles, policies, the policy simulator.
// (Filled in by the access pages' work; see docs/console-api.md.)

import type { ConsoleRoute } from '../route-types'

export const policyRoutes: readonly ConsoleRoute[] = []
