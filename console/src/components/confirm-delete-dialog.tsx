// Confirms a destructive action by typing the thing's name, as the AWS console asks, so a
// stray click or Enter cannot delete anything.

import { useState, type ReactNode } from 'react'
import { ErrorPanel } from './error-panel'
import { ModalDialog } from './modal-dialog'
import { TextField } from './text-field'
import { useAction } from './use-action'

export function ConfirmDeleteDialog(props: { title: string; name: string; children?: ReactNode; confirmLabel?: string; onConfirm: () => Promise<void>; onClose: () => void }) {
  const { title, name, children, confirmLabel = 'Delete', onConfirm, onClose } = props
  const [typed, setTyped] = useState('')
  const action = useAction()
  const submit = async () => {
    if (await action.run(onConfirm)) onClose()
  }
  return (
    <ModalDialog title={title} onClose={onClose}>
      <form
        onSubmit={(e) => {
          e.preventDefault()
          if (typed === name) void submit()
        }}
      >
        {children}
        <TextField label={`To confirm, type “${name}”`} value={typed} onChange={setTyped} autoComplete="off" />
        {action.error !== undefined && <ErrorPanel error={action.error} />}
        <div className="actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="danger" disabled={typed !== name || action.busy}>
            {action.busy ? 'Working…' : confirmLabel}
          </button>
        </div>
      </form>
    </ModalDialog>
  )
}
