// What a page module contributes: its routes, and the entries it adds to the navigation.

import type { ReactNode } from 'react'

export interface ConsoleRoute {
  /** '/users', '/users/:name' (inside /console). */
  readonly path: string
  /** The page, given the path's parameters. */
  readonly render: (params: Record<string, string>) => ReactNode
  /** Shown in the side navigation when set, in the order of the route arrays. */
  readonly nav?: string
}
