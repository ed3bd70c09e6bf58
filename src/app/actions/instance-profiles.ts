// Placeholder until this family is implemented: see docs/app-conventions.md.

import type { ActionTable } from '../call.js'

export const instanceProfilesActions: ActionTable = {}
