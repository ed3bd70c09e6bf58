// Every page of the console. Each area owns its own route list; this file only joins them.

import type { ConsoleRoute } from './route-types'
import { identityRoutes } from './pages/identity-routes'
import { policyRoutes } from './pages/policy-routes'

export const routes: readonly ConsoleRoute[] = [...identityRoutes, ...policyRoutes]
