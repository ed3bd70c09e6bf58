// "Add permissions": choose managed policies in a dialog and attach them one by one with the
// caller's attach action (AttachUserPolicy, AttachGroupPolicy, AttachRolePolicy).

import { useState } from 'react'
import { ErrorPanel } from './error-panel'
import { ModalDialog } from './modal-dialog'
import { PolicyPicker } from './policy-picker'
import { useAction } from './use-action'

export function AttachPoliciesDialog(props: { title: string; attached: readonly string[]; attach: (arn: string) => Promise<unknown>; onClose: () => void; onDone: () => void }) {
  const { title, attached, attach, onClose, onDone } = props
  const [chosen, setChosen] = useState<string[]>([])
  const action = useAction()
  const submit = () =>
    action
      .run(async () => {
        for (const arn of chosen) await attach(arn)
      })
      .then((ok) => ok && onDone())
  return (
    <ModalDialog title={title} onClose={onClose} wide>
      <PolicyPicker selected={chosen} onChange={setChosen} attached={attached} />
      {action.error !== undefined && <ErrorPanel error={action.error} />}
      <div className="actions">
        <button type="button" onClick={onClose}>
          Cancel
        </button>
        <button type="button" className="primary" disabled={chosen.length === 0 || action.busy} onClick={() => void submit()}>
          {action.busy ? 'Attaching…' : 'Add permissions'}
        </button>
      </div>
    </ModalDialog>
  )
}
