// Loads data for a page: { data, error, loading, reload }. A page renders ErrorPanel for error.

import { useCallback, useEffect, useState } from 'react'

export interface Loaded<T> {
  readonly data: T | undefined
  readonly error: unknown
  readonly loading: boolean
  reload(): void
}

export function useLoad<T>(load: () => Promise<T>, deps: readonly unknown[]): Loaded<T> {
  const [state, setState] = useState<{ data: T | undefined; error: unknown; loading: boolean }>({ data: undefined, error: undefined, loading: true })
  const [generation, setGeneration] = useState(0)
  const stableLoad = useCallback(load, deps)
  useEffect(() => {
    let live = true
    setState((s) => ({ ...s, loading: true }))
    stableLoad().then(
      (data) => live && setState({ data, error: undefined, loading: false }),
      (error: unknown) => live && setState({ data: undefined, error, loading: false })
    )
    return () => {
      live = false
    }
  }, [stableLoad, generation])
  return { ...state, reload: () => setGeneration((g) => g + 1) }
}
