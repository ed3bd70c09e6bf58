// Routes of the identity pages: dashboard, users, user groups, account settings.
// (Filled in by the identity pages' work; see docs/console-api.md.)

import type { ConsoleRoute } from '../route-types'

export const identityRoutes: readonly ConsoleRoute[] = []
