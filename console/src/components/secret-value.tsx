// A secret shown once (a new password or secret access key): hidden until asked for, so it is
// not on screen by accident (screen sharing), selectable when shown.

import { useState } from 'react'

export function SecretValue({ value, label }: { value: string; label: string }) {
  const [shown, setShown] = useState(false)
  return (
    <span className="secret">
      {shown ? <code className="break">{value}</code> : <span aria-hidden="true">••••••••</span>}{' '}
      <button type="button" className="link-button" aria-label={`${shown ? 'Hide' : 'Show'} ${label}`} aria-pressed={shown} onClick={() => setShown(!shown)}>
        {shown ? 'Hide' : 'Show'}
      </button>
    </span>
  )
}
