// Runs a user's action (a button's click): busy while it runs, the error kept for ErrorPanel.

import { useCallback, useState } from 'react'

export interface Action {
  readonly busy: boolean
  readonly error: unknown
  /** Runs `work`; true when it succeeded, false when it threw (the error is then in `error`). */
  run(work: () => Promise<void>): Promise<boolean>
  clear(): void
}

export function useAction(): Action {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(undefined)
  const run = useCallback(async (work: () => Promise<void>) => {
    setBusy(true)
    setError(undefined)
    try {
      await work()
      return true
    } catch (e) {
      setError(e)
      return false
    } finally {
      setBusy(false)
    }
  }, [])
  const clear = useCallback(() => setError(undefined), [])
  return { busy, error, run, clear }
}
