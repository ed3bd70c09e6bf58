// The rules of the account's password policy, as a list a person checks while typing (each rule
// marked met or not). Without a custom policy IAM's default rules apply: at least 8 characters,
// three of the four character types, not the user name.

/** The symbols IAM counts as non-alphanumeric characters. */
export const PASSWORD_SYMBOLS = "!@#$%^&*()_+-=[]{}|'"

export interface PasswordPolicyFields {
  readonly MinimumPasswordLength?: number
  readonly RequireSymbols?: boolean
  readonly RequireNumbers?: boolean
  readonly RequireUppercaseCharacters?: boolean
  readonly RequireLowercaseCharacters?: boolean
  readonly AllowUsersToChangePassword?: boolean
  readonly ExpirePasswords?: boolean
  readonly MaxPasswordAge?: number
  readonly PasswordReusePrevention?: number
  readonly HardExpiry?: boolean
}

interface Rule {
  readonly text: string
  /** Undefined for rules the browser cannot check (reuse of an earlier password). */
  readonly met?: (password: string) => boolean
}

const has = {
  upper: (p: string) => /[A-Z]/.test(p),
  lower: (p: string) => /[a-z]/.test(p),
  number: (p: string) => /[0-9]/.test(p),
  symbol: (p: string) => [...p].some((c) => PASSWORD_SYMBOLS.includes(c))
}

export function passwordRules(policy: PasswordPolicyFields | undefined, userName?: string): Rule[] {
  if (!policy) {
    const rules: Rule[] = [
      { text: 'At least 8 characters', met: (p) => [...p].length >= 8 },
      { text: 'At least three of: uppercase letters, lowercase letters, numbers, symbols', met: (p) => Object.values(has).filter((f) => f(p)).length >= 3 }
    ]
    if (userName) rules.push({ text: 'Not the same as the user name', met: (p) => p !== '' && p.toLowerCase() !== userName.toLowerCase() })
    return rules
  }
  const min = policy.MinimumPasswordLength ?? 6
  const rules: Rule[] = [{ text: `At least ${min} characters`, met: (p) => [...p].length >= min }]
  if (policy.RequireUppercaseCharacters) rules.push({ text: 'At least one uppercase letter (A–Z)', met: has.upper })
  if (policy.RequireLowercaseCharacters) rules.push({ text: 'At least one lowercase letter (a–z)', met: has.lower })
  if (policy.RequireNumbers) rules.push({ text: 'At least one number (0–9)', met: has.number })
  if (policy.RequireSymbols) rules.push({ text: `At least one symbol: ${PASSWORD_SYMBOLS}`, met: has.symbol })
  if (policy.PasswordReusePrevention) rules.push({ text: `Not one of your last ${policy.PasswordReusePrevention} passwords` })
  return rules
}

export function PasswordRules({ policy, password, userName, id }: { policy: PasswordPolicyFields | undefined; password: string; userName?: string; id?: string }) {
  return (
    <div id={id} className="password-rules">
      <p className="field-hint">{policy ? 'Your account’s password policy requires:' : 'Passwords must have:'}</p>
      <ul>
        {passwordRules(policy, userName).map((r) => {
          const met = r.met?.(password)
          return (
            <li key={r.text} className={met === undefined ? '' : met ? 'ok' : 'bad'}>
              <span aria-hidden="true">{met === undefined ? '•' : met ? '✓' : '✗'}</span> {r.text}
              {met !== undefined && <span className="visually-hidden">{met ? ' (met)' : ' (not met)'}</span>}
            </li>
          )
        })}
      </ul>
    </div>
  )
}
