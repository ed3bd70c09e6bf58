// Access keys of a user or of the root user: each key's status, age and last use
// (GetAccessKeyLastUsed); create (the secret shown once), make inactive or active, delete.

import { useState } from 'react'
import { call } from '../../../api'
import { ConfirmDeleteDialog } from '../../../components/confirm-delete-dialog'
import { DataTable } from '../../../components/data-table'
import { ErrorPanel } from '../../../components/error-panel'
import { ageOf, formatDate } from '../../../components/format-date'
import type { AccessKeyMetadata } from '../../../components/iam-types'
import { listAll } from '../../../components/list-all'
import { LoadState } from '../../../components/load-state'
import { useAction } from '../../../components/use-action'
import { useLoad } from '../../../components/use-load'
import { ownerInput, type CredentialOwner } from './credential-owner'
import { NewAccessKeyDialog } from './new-access-key-dialog'

const MAX_KEYS = 2

interface LastUsed {
  readonly LastUsedDate?: string
  readonly ServiceName?: string
  readonly Region?: string
}

type KeyRow = AccessKeyMetadata & { readonly lastUsed: LastUsed | undefined }

async function loadKeys(owner: CredentialOwner): Promise<KeyRow[]> {
  const keys = await listAll<AccessKeyMetadata>('ListAccessKeys', ownerInput(owner), 'AccessKeyMetadata')
  return Promise.all(
    keys.map(async (k) => {
      // Last use is extra information: a caller who may list keys but not read their use still sees them.
      const lastUsed = await call<{ AccessKeyLastUsed?: LastUsed }>('GetAccessKeyLastUsed', { AccessKeyId: k.AccessKeyId }).then(
        (o) => o.AccessKeyLastUsed,
        () => undefined
      )
      return { ...k, lastUsed }
    })
  )
}

function lastUsedText(u: LastUsed | undefined): string {
  if (!u) return 'Unknown'
  if (!u.LastUsedDate) return 'Never'
  const where = [u.ServiceName, u.Region].filter((v) => v && v !== 'N/A').join(' in ')
  return `${formatDate(u.LastUsedDate)}${where ? ` (${where})` : ''}`
}

export function AccessKeysSection({ owner }: { owner: CredentialOwner }) {
  const keys = useLoad(() => loadKeys(owner), [JSON.stringify(owner)])
  const [creating, setCreating] = useState(false)
  const [deleting, setDeleting] = useState<string | undefined>(undefined)
  const action = useAction()
  const setStatus = (id: string, Status: 'Active' | 'Inactive') =>
    action.run(() => call('UpdateAccessKey', { ...ownerInput(owner), AccessKeyId: id, Status }).then(() => undefined)).then((ok) => ok && keys.reload())
  const full = (keys.data?.length ?? 0) >= MAX_KEYS
  return (
    <section className="panel" aria-labelledby="access-keys-title">
      <div className="section-head">
        <h2 id="access-keys-title">Access keys</h2>
        <button type="button" onClick={() => setCreating(true)} disabled={full || keys.data === undefined}>
          Create access key
        </button>
      </div>
      <p className="field-hint">Access keys sign programmatic calls to the API, the CLI and the SDKs. Rotate them regularly; at most {MAX_KEYS} at a time.</p>
      {action.error !== undefined && <ErrorPanel error={action.error} />}
      <LoadState loaded={keys} label="access keys">
        {(list) =>
          list.length === 0 ? (
            <p className="muted">No access keys.</p>
          ) : (
            <DataTable caption="Access keys" columns={['Access key ID', 'Status', 'Age', 'Last used', 'Actions']}>
              {list.map((k) => (
                <tr key={k.AccessKeyId}>
                  <td className="mono">{k.AccessKeyId}</td>
                  <td className={k.Status === 'Active' ? 'ok' : 'muted'}>{k.Status}</td>
                  <td>{ageOf(k.CreateDate)}</td>
                  <td>{lastUsedText(k.lastUsed)}</td>
                  <td className="row-actions">
                    <button
                      type="button"
                      disabled={action.busy}
                      onClick={() => void setStatus(k.AccessKeyId, k.Status === 'Active' ? 'Inactive' : 'Active')}
                      aria-label={`${k.Status === 'Active' ? 'Deactivate' : 'Activate'} ${k.AccessKeyId}`}
                    >
                      {k.Status === 'Active' ? 'Deactivate' : 'Activate'}
                    </button>
                    <button type="button" className="danger" onClick={() => setDeleting(k.AccessKeyId)} aria-label={`Delete ${k.AccessKeyId}`}>
                      Delete
                    </button>
                  </td>
                </tr>
              ))}
            </DataTable>
          )
        }
      </LoadState>
      {creating && (
        <NewAccessKeyDialog
          owner={owner}
          onClose={() => {
            setCreating(false)
            keys.reload()
          }}
        />
      )}
      {deleting && (
        <ConfirmDeleteDialog
          title="Delete access key?"
          name={deleting}
          onClose={() => {
            setDeleting(undefined)
            keys.reload()
          }}
          onConfirm={() => call('DeleteAccessKey', { ...ownerInput(owner), AccessKeyId: deleting }).then(() => undefined)}
        >
          <p>Programs using this key stop working at once. Deactivate it first to check nothing still needs it.</p>
        </ConfirmDeleteDialog>
      )}
    </section>
  )
}
