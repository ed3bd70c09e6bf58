// A labelled input with its hint and error tied to it (aria-describedby, aria-invalid), so every
// field has an accessible name and screen readers hear the hint and the problem.

import { useId, type InputHTMLAttributes, type ReactNode } from 'react'

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'id'>

export function TextField(props: { label: ReactNode; value: string; onChange: (value: string) => void; hint?: ReactNode; error?: string | undefined } & InputProps) {
  const { label, value, onChange, hint, error, 'aria-describedby': describedBy, ...rest } = props
  const id = useId()
  const described = [describedBy ?? '', hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ')
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        type="text"
        {...rest}
        id={id}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={described || undefined}
      />
      {hint && (
        <div id={`${id}-hint`} className="field-hint">
          {hint}
        </div>
      )}
      {error && (
        <div id={`${id}-error`} className="field-error">
          {error}
        </div>
      )}
    </div>
  )
}

/** A checkbox with its label beside it (clicking the text toggles it). */
export function CheckField({
  label,
  checked,
  onChange,
  hint,
  disabled
}: {
  label: ReactNode
  checked: boolean
  onChange: (checked: boolean) => void
  hint?: ReactNode
  disabled?: boolean
}) {
  return (
    <Choice label={label} hint={hint}>
      {(id, describedBy) => <input type="checkbox" id={id} checked={checked} disabled={disabled} onChange={(e) => onChange(e.target.checked)} aria-describedby={describedBy} />}
    </Choice>
  )
}

/** One choice of a radio group (the group is a <fieldset> with a <legend> around these). */
export function RadioField({ name, label, checked, onChange, hint }: { name: string; label: ReactNode; checked: boolean; onChange: () => void; hint?: ReactNode }) {
  return (
    <Choice label={label} hint={hint}>
      {(id, describedBy) => <input type="radio" id={id} name={name} checked={checked} onChange={onChange} aria-describedby={describedBy} />}
    </Choice>
  )
}

/** A checkbox or radio button, its label after it and its hint below, tied together by ids. */
function Choice({ label, hint, children }: { label: ReactNode; hint?: ReactNode; children: (id: string, describedBy: string | undefined) => ReactNode }) {
  const id = useId()
  return (
    <div className="check">
      {children(id, hint ? `${id}-hint` : undefined)}
      <label htmlFor={id}>{label}</label>
      {hint && (
        <div id={`${id}-hint`} className="field-hint">
          {hint}
        </div>
      )}
    </div>
  )
}
