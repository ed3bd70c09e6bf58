// Creates an access key (CreateAccessKey) and shows its secret this one time, with a .csv
// download made in the browser ("Access key ID,Secret access key", as AWS's file has it).

import { useEffect, useRef, useState } from 'react'
import { call } from '../../../api'
import { downloadFile, toCsv } from '../../../components/csv-download'
import { ErrorPanel } from '../../../components/error-panel'
import { ModalDialog } from '../../../components/modal-dialog'
import { SecretValue } from '../../../components/secret-value'
import { useAction } from '../../../components/use-action'
import { ownerInput, ownerLabel, type CredentialOwner } from './credential-owner'

interface NewKey {
  readonly AccessKeyId: string
  readonly SecretAccessKey: string
}

export function NewAccessKeyDialog({ owner, onClose }: { owner: CredentialOwner; onClose: () => void }) {
  const [key, setKey] = useState<NewKey | undefined>(undefined)
  const action = useAction()
  const started = useRef(false)
  useEffect(() => {
    // Once, even under StrictMode's double effects: a second call would make a second key.
    if (started.current) return
    started.current = true
    void action.run(async () => setKey((await call<{ AccessKey: NewKey }>('CreateAccessKey', ownerInput(owner))).AccessKey))
  }, [action, owner])
  const fileName = `${owner.kind === 'user' ? owner.userName : 'root'}_accessKeys.csv`
  return (
    <ModalDialog title="Retrieve access key" onClose={onClose}>
      {action.error !== undefined && <ErrorPanel error={action.error} />}
      {!key && action.error === undefined && <p role="status">Creating an access key for {ownerLabel(owner)}…</p>}
      {key && (
        <>
          <p className="warning">This is the only time the secret access key can be viewed or downloaded. You cannot recover it later; you can create a new access key.</p>
          <dl className="summary-grid">
            <div>
              <dt>Access key ID</dt>
              <dd className="mono" data-testid="new-access-key-id">
                {key.AccessKeyId}
              </dd>
            </div>
            <div>
              <dt>Secret access key</dt>
              <dd>
                <SecretValue value={key.SecretAccessKey} label="secret access key" />
              </dd>
            </div>
          </dl>
          <div className="actions">
            <button
              type="button"
              onClick={() =>
                downloadFile(
                  fileName,
                  toCsv([
                    ['Access key ID', 'Secret access key'],
                    [key.AccessKeyId, key.SecretAccessKey]
                  ])
                )
              }
            >
              Download .csv file
            </button>
          </div>
        </>
      )}
      <div className="actions">
        <button type="button" className="primary" onClick={onClose}>
          Done
        </button>
      </div>
    </ModalDialog>
  )
}
