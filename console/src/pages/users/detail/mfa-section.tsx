// MFA devices of a user or of the root user (ListMFADevices): assign a virtual device, or remove
// one (DeactivateMFADevice, then DeleteVirtualMFADevice, as the AWS console's Remove does).

import { useState } from 'react'
import { call } from '../../../api'
import { ConfirmDeleteDialog } from '../../../components/confirm-delete-dialog'
import { DataTable } from '../../../components/data-table'
import { formatDate } from '../../../components/format-date'
import type { MfaDevice } from '../../../components/iam-types'
import { listAll } from '../../../components/list-all'
import { LoadState } from '../../../components/load-state'
import { useLoad } from '../../../components/use-load'
import { AssignMfaDialog } from './assign-mfa-dialog'
import { mfaUserName, ownerInput, ownerLabel, type CredentialOwner } from './credential-owner'

const MAX_DEVICES = 8

export function MfaSection({ owner }: { owner: CredentialOwner }) {
  const devices = useLoad(() => listAll<MfaDevice>('ListMFADevices', ownerInput(owner), 'MFADevices'), [JSON.stringify(owner)])
  const [assigning, setAssigning] = useState(false)
  const [removing, setRemoving] = useState<string | undefined>(undefined)
  const full = (devices.data?.length ?? 0) >= MAX_DEVICES
  return (
    <section className="panel" aria-labelledby="mfa-title">
      <div className="section-head">
        <h2 id="mfa-title">Multi-factor authentication (MFA)</h2>
        <button type="button" onClick={() => setAssigning(true)} disabled={full || devices.data === undefined}>
          Assign MFA device
        </button>
      </div>
      <p className="field-hint">Use MFA to increase the security of the account: signing in then also needs a code from a device only {ownerLabel(owner)} holds.</p>
      <LoadState loaded={devices} label="MFA devices">
        {(list) =>
          list.length === 0 ? (
            <p className="muted" data-testid="mfa-none">
              No MFA device is assigned.
            </p>
          ) : (
            <DataTable caption="MFA devices" columns={['Type', 'Identifier', 'Enabled', 'Actions']}>
              {list.map((d) => (
                <tr key={d.SerialNumber}>
                  <td>Virtual</td>
                  <td className="mono break">{d.SerialNumber}</td>
                  <td>{formatDate(d.EnableDate)}</td>
                  <td>
                    <button type="button" aria-label={`Remove MFA device ${d.SerialNumber}`} onClick={() => setRemoving(d.SerialNumber)}>
                      Remove
                    </button>
                  </td>
                </tr>
              ))}
            </DataTable>
          )
        }
      </LoadState>
      {full && <p className="field-hint">An identity can have up to {MAX_DEVICES} MFA devices.</p>}
      {assigning && (
        <AssignMfaDialog
          owner={owner}
          onClose={() => setAssigning(false)}
          onAssigned={() => {
            setAssigning(false)
            devices.reload()
          }}
        />
      )}
      {removing && (
        <ConfirmDeleteDialog
          title="Remove MFA device?"
          name={removing.split('/').pop() ?? removing}
          confirmLabel="Remove"
          onClose={() => {
            setRemoving(undefined)
            devices.reload()
          }}
          onConfirm={async () => {
            await call('DeactivateMFADevice', { UserName: mfaUserName(owner), SerialNumber: removing })
            await call('DeleteVirtualMFADevice', { SerialNumber: removing })
          }}
        >
          <p>
            Signing in as {ownerLabel(owner)} will no longer ask for codes from <code className="break">{removing}</code>.
          </p>
        </ConfirmDeleteDialog>
      )}
    </section>
  )
}
