// A user's or role's permissions boundary: the managed policy that caps what its identity
// policies can grant. Set or change it by choosing one policy (Put{User,Role}PermissionsBoundary),
// or remove it (Delete{User,Role}PermissionsBoundary).

import { useId, useState } from 'react'
import { call } from '../../api'
import { ErrorPanel } from '../../components/error-panel'
import { arnName } from '../../components/iam-types'
import { ModalDialog } from '../../components/modal-dialog'
import { PolicyPicker } from '../../components/policy-picker'
import { useAction } from '../../components/use-action'
import { detailPath } from '../../detail-paths'
import { Link } from '../../router'

export function PermissionsBoundary({ kind, name, boundaryArn, onChange }: { kind: 'User' | 'Role'; name: string; boundaryArn: string | undefined; onChange: () => void }) {
  const headingId = useId()
  const [choosing, setChoosing] = useState(false)
  const action = useAction()
  const remove = () => action.run(() => call(`Delete${kind}PermissionsBoundary`, { [`${kind}Name`]: name }).then(() => undefined)).then((ok) => ok && onChange())
  return (
    <section aria-labelledby={headingId}>
      <div className="section-head">
        <h2 id={headingId}>Permissions boundary</h2>
        <span className="actions">
          <button type="button" disabled={action.busy} onClick={() => setChoosing(true)}>
            {boundaryArn ? 'Change boundary' : 'Set boundary'}
          </button>
          {boundaryArn && (
            <button type="button" disabled={action.busy} onClick={() => void remove()}>
              Remove boundary
            </button>
          )}
        </span>
      </div>
      {action.error !== undefined && <ErrorPanel error={action.error} />}
      {boundaryArn ? (
        <p>
          <Link to={detailPath('policies', boundaryArn)} className="break">
            {arnName(boundaryArn)}
          </Link>{' '}
          sets the most permissions {name} can have: its policies grant only what this policy allows too.
        </p>
      ) : (
        <p className="muted">No permissions boundary is set.</p>
      )}
      {choosing && (
        <BoundaryDialog
          kind={kind}
          name={name}
          current={boundaryArn}
          onClose={() => setChoosing(false)}
          onDone={() => {
            setChoosing(false)
            onChange()
          }}
        />
      )}
    </section>
  )
}

function BoundaryDialog({ kind, name, current, onClose, onDone }: { kind: 'User' | 'Role'; name: string; current: string | undefined; onClose: () => void; onDone: () => void }) {
  const [chosen, setChosen] = useState<string[]>(current ? [current] : [])
  const action = useAction()
  const arn = chosen[0]
  const save = () =>
    action.run(() => call(`Put${kind}PermissionsBoundary`, { [`${kind}Name`]: name, PermissionsBoundary: arn as string }).then(() => undefined)).then((ok) => ok && onDone())
  return (
    <ModalDialog title={`Set permissions boundary for ${name}`} onClose={onClose} wide>
      <p className="field-hint">Choose one managed policy. {name} will be able to do only what both its policies and this one allow.</p>
      <PolicyPicker selected={chosen} onChange={setChosen} single />
      {action.error !== undefined && <ErrorPanel error={action.error} />}
      <div className="actions">
        <button type="button" onClick={onClose}>
          Cancel
        </button>
        <button type="button" className="primary" disabled={arn === undefined || arn === current || action.busy} onClick={() => void save()}>
          {action.busy ? 'Setting…' : 'Set boundary'}
        </button>
      </div>
    </ModalDialog>
  )
}
