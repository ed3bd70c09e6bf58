// Assigning a virtual MFA device, as the AWS console does: name the device; CreateVirtualMFADevice
// returns the QR code (a PNG, base64) and the secret key (base32 text, base64); the user scans
// or types it into an authenticator app and enters two consecutive codes (EnableMFADevice).
// A device created but never enabled is deleted when the dialog is cancelled.

import { useRef, useState } from 'react'
import { call } from '../../../api'
import { ErrorPanel } from '../../../components/error-panel'
import { ModalDialog } from '../../../components/modal-dialog'
import { TextField } from '../../../components/text-field'
import { useAction } from '../../../components/use-action'
import { mfaUserName, type CredentialOwner } from './credential-owner'

interface CreatedDevice {
  readonly SerialNumber: string
  readonly QRCodePNG: string
  readonly Base32StringSeed: string
}

const DEVICE_NAME = /^[\w+=,.@-]{1,128}$/

export function AssignMfaDialog({ owner, onClose, onAssigned }: { owner: CredentialOwner; onClose: () => void; onAssigned: () => void }) {
  const [name, setName] = useState(owner.kind === 'user' ? owner.userName : 'root-account-mfa-device')
  const [device, setDevice] = useState<CreatedDevice | undefined>(undefined)
  const enabled = useRef(false)
  const action = useAction()
  const nameError = name && !DEVICE_NAME.test(name) ? 'Letters, digits and + = , . @ _ - only.' : undefined
  const create = () =>
    action.run(async () => {
      const out = await call<{ VirtualMFADevice: CreatedDevice }>('CreateVirtualMFADevice', { VirtualMFADeviceName: name })
      setDevice(out.VirtualMFADevice)
    })
  const cancel = () => {
    // Leaves no unassigned device behind (best effort: the dialog closes either way).
    if (device && !enabled.current) void call('DeleteVirtualMFADevice', { SerialNumber: device.SerialNumber }).catch(() => undefined)
    onClose()
  }
  return (
    <ModalDialog title="Assign MFA device" onClose={cancel} wide>
      {device ? (
        <SetUpDevice
          owner={owner}
          device={device}
          onCancel={cancel}
          onEnabled={() => {
            enabled.current = true
            onAssigned()
          }}
        />
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault()
            if (name && !nameError) void create()
          }}
        >
          <p>A virtual MFA device is an authenticator app on a phone or computer that makes a new six-digit code every 30 seconds.</p>
          <TextField label="Device name" value={name} onChange={setName} error={nameError} hint="Unique in this account." required autoComplete="off" />
          {action.error !== undefined && <ErrorPanel error={action.error} />}
          <div className="actions">
            <button type="button" onClick={cancel}>
              Cancel
            </button>
            <button type="submit" className="primary" disabled={!name || nameError !== undefined || action.busy}>
              Next
            </button>
          </div>
        </form>
      )}
    </ModalDialog>
  )
}

function SetUpDevice({ owner, device, onCancel, onEnabled }: { owner: CredentialOwner; device: CreatedDevice; onCancel: () => void; onEnabled: () => void }) {
  const [showSecret, setShowSecret] = useState(false)
  const [code1, setCode1] = useState('')
  const [code2, setCode2] = useState('')
  const action = useAction()
  const digits = (v: string) => v.replace(/\D/g, '').slice(0, 6)
  const enable = () =>
    action
      .run(async () => {
        await call('EnableMFADevice', { UserName: mfaUserName(owner), SerialNumber: device.SerialNumber, AuthenticationCode1: code1, AuthenticationCode2: code2 })
      })
      .then((ok) => ok && onEnabled())
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault()
        void enable()
      }}
    >
      <ol className="mfa-steps">
        <li>Install a compatible authenticator app on your phone or computer.</li>
        <li>
          Open the app and scan this QR code, or type the secret key.
          <div className="qr">
            <img src={`data:image/png;base64,${device.QRCodePNG}`} alt={`QR code for the MFA device ${device.SerialNumber}`} width={200} height={200} />
          </div>
          <button type="button" className="link-button" aria-expanded={showSecret} onClick={() => setShowSecret(!showSecret)}>
            {showSecret ? 'Hide secret key' : 'Show secret key'}
          </button>
          {showSecret && (
            <p>
              Secret key:{' '}
              <code className="break" data-testid="mfa-secret-key">
                {atob(device.Base32StringSeed)}
              </code>
            </p>
          )}
        </li>
        <li>
          Type two consecutive codes from the app: wait for the code to change between them.
          <TextField label="MFA code 1" value={code1} onChange={(v) => setCode1(digits(v))} inputMode="numeric" autoComplete="one-time-code" pattern="[0-9]{6}" required />
          <TextField label="MFA code 2" value={code2} onChange={(v) => setCode2(digits(v))} inputMode="numeric" autoComplete="one-time-code" pattern="[0-9]{6}" required />
        </li>
      </ol>
      {action.error !== undefined && <ErrorPanel error={action.error} />}
      <div className="actions">
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={code1.length !== 6 || code2.length !== 6 || action.busy}>
          Add MFA
        </button>
      </div>
    </form>
  )
}
