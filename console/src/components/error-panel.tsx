// How a page shows a failed request. AccessDenied gets its own panel that names the action the
// signed-in principal may not perform (AWS's message says which), instead of a broken page.

import { ApiError } from '../api'

/** The IAM action an AccessDenied message names ("... not authorized to perform: iam:ListUsers ..."). */
export function deniedAction(message: string): string | undefined {
  return /perform:? (\S+?:\S+?)(?: on resource|\s|$)/.exec(message)?.[1]
}

export function ErrorPanel({ error }: { error: unknown }) {
  if (error instanceof ApiError && error.accessDenied) {
    const action = deniedAction(error.message)
    return (
      <section className="panel panel-denied" role="alert" aria-labelledby="denied-title" data-testid="access-denied">
        <h2 id="denied-title">Access denied</h2>
        <p>You don’t have permission to {action ? <code>{action}</code> : 'do this'}. Ask your administrator to grant it, or sign in as someone who has it.</p>
        <details>
          <summary>Details</summary>
          <p className="mono">{error.message}</p>
        </details>
      </section>
    )
  }
  const message = error instanceof Error ? error.message : String(error)
  const code = error instanceof ApiError ? error.code : 'Error'
  return (
    <div className="panel panel-error" role="alert">
      <strong>{code}</strong>: {message}
    </div>
  )
}
