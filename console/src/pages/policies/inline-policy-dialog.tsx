// Create or edit an inline policy of a user, group or role, with the same editor (visual and
// JSON, validated as it is typed) as managed policies. Saving is Put{User,Group,Role}Policy,
// which creates the policy or replaces the document of the one with that name.

import { useState } from 'react'
import { call } from '../../api'
import { ErrorPanel } from '../../components/error-panel'
import { ModalDialog } from '../../components/modal-dialog'
import { TextField } from '../../components/text-field'
import { useAction } from '../../components/use-action'
import { PolicyEditor } from './policy-editor'
import { usePolicyValidation } from './policy-validation'
import { EMPTY_POLICY } from './visual-model'

export interface InlinePolicyDialogProps {
  readonly kind: 'User' | 'Group' | 'Role'
  readonly owner: string
  /** The policy being edited; absent to create one. */
  readonly existing?: { readonly name: string; readonly document: string } | undefined
  readonly onClose: () => void
  readonly onSaved: () => void
}

export function InlinePolicyDialog({ kind, owner, existing, onClose, onSaved }: InlinePolicyDialogProps) {
  const [name, setName] = useState(existing?.name ?? '')
  const [document, setDocument] = useState(existing?.document ?? EMPTY_POLICY)
  const validation = usePolicyValidation(document, 'identity')
  const action = useAction()
  const save = () =>
    action.run(() => call(`Put${kind}Policy`, { [`${kind}Name`]: owner, PolicyName: name.trim(), PolicyDocument: document }).then(() => undefined)).then((ok) => ok && onSaved())
  const unchanged = existing !== undefined && document === existing.document
  return (
    <ModalDialog title={existing ? `Edit ${existing.name}` : `Create inline policy for ${owner}`} onClose={onClose} wide>
      {existing ? (
        <p>An inline policy belongs to {owner} alone and is deleted with it. Saving replaces its document.</p>
      ) : (
        <TextField
          label="Policy name"
          value={name}
          onChange={setName}
          maxLength={128}
          hint="Up to 128 letters, digits and + = , . @ _ -; unique among the inline policies of this identity."
        />
      )}
      <PolicyEditor id="inline-policy-document" value={document} onChange={setDocument} validation={validation} initialMode={existing ? 'json' : 'visual'} />
      {action.error !== undefined && <ErrorPanel error={action.error} />}
      <div className="actions">
        <button type="button" onClick={onClose}>
          Cancel
        </button>
        <button type="button" className="primary" disabled={!validation.valid || name.trim() === '' || unchanged || action.busy} onClick={() => void save()}>
          {action.busy ? 'Saving…' : existing ? 'Save changes' : 'Create policy'}
        </button>
      </div>
    </ModalDialog>
  )
}
