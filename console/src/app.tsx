// The console: loads the session; signed out, the sign-in flow; signed in, the shell.

import { useCallback, useEffect, useState } from 'react'
import { loadSession, type Session } from './api'
import { ErrorPanel } from './components/error-panel'
import { SignInPage } from './pages/sign-in/sign-in-page'
import { SessionContext } from './session-context'
import { Shell } from './shell'

export function App() {
  const [session, setSession] = useState<Session | undefined>(undefined)
  const [error, setError] = useState<unknown>(undefined)
  const refresh = useCallback(async () => {
    try {
      setSession(await loadSession())
      setError(undefined)
    } catch (e) {
      setError(e)
    }
  }, [])
  useEffect(() => {
    void refresh()
  }, [refresh])
  if (error) return <ErrorPanel error={error} />
  if (!session) return <p className="loading">Loading…</p>
  if (!session.signedIn) return <SignInPage onSignedIn={refresh} />
  return (
    <SessionContext.Provider value={{ session, refresh }}>
      <Shell />
    </SessionContext.Provider>
  )
}
