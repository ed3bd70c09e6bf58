// Deleting something IAM cannot bring back: as in the AWS console, the name must be typed first.

import { useState } from 'react'
import { ErrorPanel } from './error-panel'

interface Props {
  readonly what: string
  readonly name: string
  /** Says what deleting also does (detaching policies, deleting versions…). */
  readonly note?: string
  readonly onDelete: () => Promise<void>
}

export function ConfirmDelete({ what, name, note, onDelete }: Props) {
  const [open, setOpen] = useState(false)
  const [typed, setTyped] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(undefined)
  if (!open)
    return (
      <button type="button" className="danger" onClick={() => setOpen(true)}>
        Delete {what}
      </button>
    )
  const run = async () => {
    setBusy(true)
    setError(undefined)
    try {
      await onDelete()
    } catch (e) {
      setError(e)
      setBusy(false)
    }
  }
  const id = `confirm-delete-${what.replace(/\W+/g, '-')}`
  return (
    <section className="panel access-confirm" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>
        Delete {what} {name}?
      </h3>
      {note && <p>{note}</p>}
      <label htmlFor={id}>To confirm, type the {what} name</label>
      {/* Focus goes to the name field as the panel opens, so keyboard users land where they type. */}
      <input id={id} type="text" value={typed} onChange={(e) => setTyped(e.target.value)} autoComplete="off" autoFocus />
      {error !== undefined && <ErrorPanel error={error} />}
      <div className="actions">
        <button type="button" onClick={() => setOpen(false)}>
          Cancel
        </button>
        <button type="button" className="danger" disabled={typed !== name || busy} onClick={() => void run()}>
          {busy ? 'Deleting…' : `Delete ${what}`}
        </button>
      </div>
    </section>
  )
}
