// The account password policy: its defaults, its API shape, and the checks a console password
// must pass (CreateLoginProfile, UpdateLoginProfile, ChangePassword, and the web console's
// sign-in and password change later). Without a custom policy AWS's default rules apply.

import { iamErrors } from '../../core/aws-error.js'
import type { PasswordPolicy } from '../../store/ports/records.js'
import type { PasswordHasher } from '../passwords.js'

/** UpdateAccountPasswordPolicy sets every omitted field back to these. */
export const PASSWORD_POLICY_DEFAULTS: PasswordPolicy = {
  MinimumPasswordLength: 6,
  RequireSymbols: false,
  RequireNumbers: false,
  RequireUppercaseCharacters: false,
  RequireLowercaseCharacters: false,
  AllowUsersToChangePassword: false
}

/** The symbols RequireSymbols counts (IAM's documented list). */
export const PASSWORD_SYMBOLS = "!@#$%^&*()_+-=[]{}|'"

/** How many previous passwords are remembered at most (PasswordReusePrevention's maximum is 24, the current one included). */
export const PASSWORD_HISTORY_LIMIT = 23

export const PASSWORD_POLICY_VIOLATION_MESSAGE = 'Password does not conform to the account password policy.'

export const noPasswordPolicy = (accountId: string) => iamErrors.noSuchEntity(`The Password Policy with domain name ${accountId} cannot be found.`)

/** The policy UpdateAccountPasswordPolicy stores: the request's values over the defaults. */
export function passwordPolicyFromRequest(input: Readonly<Record<string, unknown>>): PasswordPolicy {
  const bool = (key: string, fallback: boolean) => (typeof input[key] === 'boolean' ? input[key] : fallback)
  const num = (key: string) => (typeof input[key] === 'number' ? input[key] : undefined)
  const maxAge = num('MaxPasswordAge')
  const reuse = num('PasswordReusePrevention')
  const hardExpiry = typeof input.HardExpiry === 'boolean' ? input.HardExpiry : undefined
  return {
    MinimumPasswordLength: num('MinimumPasswordLength') ?? PASSWORD_POLICY_DEFAULTS.MinimumPasswordLength,
    RequireSymbols: bool('RequireSymbols', false),
    RequireNumbers: bool('RequireNumbers', false),
    RequireUppercaseCharacters: bool('RequireUppercaseCharacters', false),
    RequireLowercaseCharacters: bool('RequireLowercaseCharacters', false),
    AllowUsersToChangePassword: bool('AllowUsersToChangePassword', false),
    ...(maxAge !== undefined ? { MaxPasswordAge: maxAge } : {}),
    ...(reuse !== undefined ? { PasswordReusePrevention: reuse } : {}),
    ...(hardExpiry !== undefined ? { HardExpiry: hardExpiry } : {})
  }
}

/** GetAccountPasswordPolicy's PasswordPolicy: ExpirePasswords derived, optional fields only when set. */
export function passwordPolicyOutput(p: PasswordPolicy): Record<string, unknown> {
  return {
    MinimumPasswordLength: p.MinimumPasswordLength,
    RequireSymbols: p.RequireSymbols,
    RequireNumbers: p.RequireNumbers,
    RequireUppercaseCharacters: p.RequireUppercaseCharacters,
    RequireLowercaseCharacters: p.RequireLowercaseCharacters,
    AllowUsersToChangePassword: p.AllowUsersToChangePassword,
    ExpirePasswords: p.MaxPasswordAge !== undefined && p.MaxPasswordAge > 0,
    ...(p.MaxPasswordAge !== undefined ? { MaxPasswordAge: p.MaxPasswordAge } : {}),
    ...(p.PasswordReusePrevention !== undefined ? { PasswordReusePrevention: p.PasswordReusePrevention } : {}),
    ...(p.HardExpiry !== undefined ? { HardExpiry: p.HardExpiry } : {})
  }
}

export type PasswordRule = 'length' | 'symbols' | 'numbers' | 'uppercase' | 'lowercase' | 'character-classes' | 'user-name'

const classes = (password: string) => ({
  uppercase: /[A-Z]/.test(password),
  lowercase: /[a-z]/.test(password),
  numbers: /[0-9]/.test(password),
  symbols: [...password].some((c) => PASSWORD_SYMBOLS.includes(c))
})

/**
 * The rules a password breaks, [] when it complies. With the account's policy: its length and
 * character classes. Without one, AWS's default policy: at least 8 characters, three of the
 * four classes, and not the user's name.
 */
export function passwordViolations(password: string, policy: PasswordPolicy | undefined, who: { readonly userName?: string | undefined } = {}): PasswordRule[] {
  const has = classes(password)
  const broken: PasswordRule[] = []
  if (policy === undefined) {
    if ([...password].length < 8) broken.push('length')
    if (Object.values(has).filter(Boolean).length < 3) broken.push('character-classes')
    if (who.userName !== undefined && password.toLowerCase() === who.userName.toLowerCase()) broken.push('user-name')
    return broken
  }
  if ([...password].length < policy.MinimumPasswordLength) broken.push('length')
  if (policy.RequireSymbols && !has.symbols) broken.push('symbols')
  if (policy.RequireNumbers && !has.numbers) broken.push('numbers')
  if (policy.RequireUppercaseCharacters && !has.uppercase) broken.push('uppercase')
  if (policy.RequireLowercaseCharacters && !has.lowercase) broken.push('lowercase')
  return broken
}

/** Throws IAM's PasswordPolicyViolation (one message for every rule) when the password does not comply. */
export function checkPasswordPolicy(password: string, policy: PasswordPolicy | undefined, who: { readonly userName?: string | undefined } = {}): void {
  if (passwordViolations(password, policy, who).length) throw iamErrors.passwordPolicyViolation(PASSWORD_POLICY_VIOLATION_MESSAGE)
}

/**
 * Whether the password is one of the user's last PasswordReusePrevention passwords: the
 * current one (`currentHash`) and the previous ones (`history`, newest first).
 */
export async function reusesRecentPassword(
  hasher: PasswordHasher,
  password: string,
  policy: PasswordPolicy | undefined,
  currentHash: string | undefined,
  history: readonly string[] = []
): Promise<boolean> {
  const remembered = policy?.PasswordReusePrevention
  if (!remembered) return false
  const recent = [...(currentHash ? [currentHash] : []), ...history].slice(0, remembered)
  for (const hash of recent) if (await hasher.verify(hash, password)) return true
  return false
}

/** The history to store after a password change: the replaced password first. */
export function nextPasswordHistory(replacedHash: string | undefined, history: readonly string[] = []): string[] {
  return [...(replacedHash ? [replacedHash] : []), ...history].slice(0, PASSWORD_HISTORY_LIMIT)
}

/** When a password set at `changedAt` expires under the policy (undefined: never). */
export function passwordExpiresAt(changedAt: Date, policy: PasswordPolicy | undefined): Date | undefined {
  const days = policy?.MaxPasswordAge
  return days ? new Date(changedAt.getTime() + days * 86_400_000) : undefined
}

export function passwordExpired(changedAt: Date, policy: PasswordPolicy | undefined, now: Date): boolean {
  const expiry = passwordExpiresAt(changedAt, policy)
  return expiry !== undefined && now.getTime() >= expiry.getTime()
}

/**
 * Whether a user whose password expired may still set a new one at sign-in: not when the
 * policy's HardExpiry is on (an administrator must reset it).
 */
export function mayChangeExpiredPassword(policy: PasswordPolicy | undefined): boolean {
  return policy?.HardExpiry !== true
}
