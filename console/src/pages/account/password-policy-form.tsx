// Edits the password policy with every field UpdateAccountPasswordPolicy takes, or goes back to
// IAM's default (DeleteAccountPasswordPolicy). Ranges are IAM's: length 6–128, expiry 1–1095
// days, reuse 1–24 passwords.

import { useState, type FormEvent } from 'react'
import { call } from '../../api'
import { ErrorPanel } from '../../components/error-panel'
import { CheckField, RadioField, TextField } from '../../components/text-field'
import { useAction } from '../../components/use-action'
import type { PasswordPolicyFields } from '../sign-in/password-rules'

function inRange(text: string, min: number, max: number): string | undefined {
  const n = Number(text)
  return Number.isInteger(n) && n >= min && n <= max ? undefined : `Enter a whole number from ${min} to ${max}.`
}

export function PasswordPolicyForm({ current, onDone }: { current: PasswordPolicyFields | null; onDone: (saved: boolean) => void }) {
  const [custom, setCustom] = useState(current !== null)
  const [minLength, setMinLength] = useState(String(current?.MinimumPasswordLength ?? 8))
  const [upper, setUpper] = useState(current?.RequireUppercaseCharacters ?? false)
  const [lower, setLower] = useState(current?.RequireLowercaseCharacters ?? false)
  const [numbers, setNumbers] = useState(current?.RequireNumbers ?? false)
  const [symbols, setSymbols] = useState(current?.RequireSymbols ?? false)
  const [expire, setExpire] = useState(Boolean(current?.MaxPasswordAge))
  const [maxAge, setMaxAge] = useState(String(current?.MaxPasswordAge ?? 90))
  const [hardExpiry, setHardExpiry] = useState(current?.HardExpiry ?? false)
  const [allowChange, setAllowChange] = useState(current?.AllowUsersToChangePassword ?? false)
  const [preventReuse, setPreventReuse] = useState(Boolean(current?.PasswordReusePrevention))
  const [reuse, setReuse] = useState(String(current?.PasswordReusePrevention ?? 5))
  const action = useAction()
  const errors = {
    minLength: custom ? inRange(minLength, 6, 128) : undefined,
    maxAge: custom && expire ? inRange(maxAge, 1, 1095) : undefined,
    reuse: custom && preventReuse ? inRange(reuse, 1, 24) : undefined
  }
  const save = (e: FormEvent) => {
    e.preventDefault()
    if (Object.values(errors).some(Boolean)) return
    void action
      .run(async () => {
        if (!custom) {
          if (current) await call('DeleteAccountPasswordPolicy')
          return
        }
        await call('UpdateAccountPasswordPolicy', {
          MinimumPasswordLength: Number(minLength),
          RequireUppercaseCharacters: upper,
          RequireLowercaseCharacters: lower,
          RequireNumbers: numbers,
          RequireSymbols: symbols,
          AllowUsersToChangePassword: allowChange,
          // Omitted fields mean "off": no expiry, no reuse prevention.
          ...(expire ? { MaxPasswordAge: Number(maxAge), HardExpiry: hardExpiry } : {}),
          ...(preventReuse ? { PasswordReusePrevention: Number(reuse) } : {})
        })
      })
      .then((ok) => ok && onDone(true))
  }
  return (
    <form onSubmit={save}>
      <fieldset>
        <legend>Policy</legend>
        <RadioField
          name="policy-kind"
          label="IAM default"
          checked={!custom}
          onChange={() => setCustom(false)}
          hint="At least 8 characters with three character types; no expiry."
        />
        <RadioField name="policy-kind" label="Custom" checked={custom} onChange={() => setCustom(true)} />
      </fieldset>
      {custom && (
        <>
          <TextField
            label="Minimum password length"
            type="number"
            min={6}
            max={128}
            value={minLength}
            onChange={setMinLength}
            error={errors.minLength}
            hint="6 to 128 characters."
          />
          <fieldset>
            <legend>Password strength</legend>
            <CheckField label="Require at least one uppercase letter from the Latin alphabet (A–Z)" checked={upper} onChange={setUpper} />
            <CheckField label="Require at least one lowercase letter from the Latin alphabet (a–z)" checked={lower} onChange={setLower} />
            <CheckField label="Require at least one number" checked={numbers} onChange={setNumbers} />
            <CheckField label="Require at least one non-alphanumeric character ( ! @ # $ % ^ & * ( ) _ + - = [ ] { } | ' )" checked={symbols} onChange={setSymbols} />
          </fieldset>
          <fieldset>
            <legend>Other requirements</legend>
            <CheckField label="Turn on password expiration" checked={expire} onChange={setExpire} />
            {expire && (
              <>
                <TextField label="Expire passwords in (days)" type="number" min={1} max={1095} value={maxAge} onChange={setMaxAge} error={errors.maxAge} hint="1 to 1095 days." />
                <CheckField
                  label="Password expiration requires administrator reset"
                  checked={hardExpiry}
                  onChange={setHardExpiry}
                  hint="Users whose password expired cannot choose a new one at sign-in."
                />
              </>
            )}
            <CheckField label="Allow users to change their own password" checked={allowChange} onChange={setAllowChange} />
            <CheckField label="Prevent password reuse" checked={preventReuse} onChange={setPreventReuse} />
            {preventReuse && (
              <TextField label="Remember previous passwords" type="number" min={1} max={24} value={reuse} onChange={setReuse} error={errors.reuse} hint="1 to 24 passwords." />
            )}
          </fieldset>
        </>
      )}
      {action.error !== undefined && <ErrorPanel error={action.error} />}
      <div className="actions">
        <button type="button" onClick={() => onDone(false)}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={action.busy}>
          Save changes
        </button>
      </div>
    </form>
  )
}
