// The signed-in session, for any page that needs the account or the principal.

import { createContext, useContext } from 'react'
import type { Session } from './api'

export type SignedInSession = Extract<Session, { signedIn: true }>

export const SessionContext = createContext<{ session: SignedInSession; refresh: () => Promise<void> } | undefined>(undefined)

export function useSession(): { session: SignedInSession; refresh: () => Promise<void> } {
  const value = useContext(SessionContext)
  if (!value) throw new Error('useSession outside a signed-in console')
  return value
}
