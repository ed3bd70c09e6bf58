// What a section shows while its data loads or when loading failed; the data otherwise.

import type { ReactNode } from 'react'
import { ErrorPanel } from './error-panel'
import type { Loaded } from './use-load'

export function LoadState<T>({ loaded, label, children }: { loaded: Loaded<T>; label: string; children: (data: T) => ReactNode }) {
  if (loaded.error !== undefined) return <ErrorPanel error={loaded.error} />
  if (loaded.data === undefined)
    return (
      <p className="loading" role="status">
        Loading {label}…
      </p>
    )
  return <>{children(loaded.data)}</>
}
