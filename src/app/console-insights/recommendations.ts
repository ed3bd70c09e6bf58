// The dashboard's security recommendations, worked out from what IAM's own actions answer (the
// dashboard module gathers that as the signed-in principal). Pure: facts in, verdicts out.

export type RecommendationId = 'root-mfa' | 'root-access-keys' | 'users-without-mfa' | 'old-access-keys'

export type Recommendation = { readonly id: RecommendationId; readonly ok: boolean; readonly detail: string } | { readonly id: RecommendationId; readonly denied: string }

/** Access keys older than this should be rotated (AWS's recommendation). */
export const KEY_AGE_LIMIT_DAYS = 90

const DAY_MS = 24 * 60 * 60 * 1000
/** Names shown in a detail before "and N more". */
const NAMES_SHOWN = 10

export function rootMfa(summary: Readonly<Record<string, number>>): Recommendation {
  const ok = (summary.AccountMFAEnabled ?? 0) > 0
  return { id: 'root-mfa', ok, detail: ok ? 'The root user has an MFA device.' : 'The root user has no MFA device.' }
}

export function rootAccessKeys(summary: Readonly<Record<string, number>>): Recommendation {
  const ok = (summary.AccountAccessKeysPresent ?? 0) === 0
  return { id: 'root-access-keys', ok, detail: ok ? 'The root user has no access keys.' : 'The root user has access keys.' }
}

export interface UserSignInFacts {
  readonly userName: string
  /** A console password (may be false, unchecked, for a user with MFA: it makes no difference then). */
  readonly hasPassword: boolean
  readonly mfaDevices: number
}

/** IAM users who can sign in to the console with a password but have no MFA device. */
export function usersWithoutMfa(users: readonly UserSignInFacts[], partial: boolean): Recommendation {
  const lacking = users.filter((u) => u.hasPassword && u.mfaDevices === 0).map((u) => u.userName)
  const scope = partial ? ` (among the first ${users.length} users)` : ''
  if (lacking.length === 0) return { id: 'users-without-mfa', ok: true, detail: `Every IAM user with a console password has MFA${scope}.` }
  const count = lacking.length === 1 ? '1 user with a console password has' : `${lacking.length} users with a console password have`
  return { id: 'users-without-mfa', ok: false, detail: `${count} no MFA${scope}: ${names(lacking)}.` }
}

export interface KeyFacts {
  readonly userName: string
  readonly accessKeyId: string
  readonly status: string
  readonly createDate: Date
}

/** Active access keys older than 90 days. */
export function oldAccessKeys(keys: readonly KeyFacts[], now: Date, partial: boolean, usersChecked: number): Recommendation {
  const old = keys.filter((k) => k.status === 'Active' && now.getTime() - k.createDate.getTime() > KEY_AGE_LIMIT_DAYS * DAY_MS)
  const scope = partial ? ` (among the first ${usersChecked} users)` : ''
  if (old.length === 0) return { id: 'old-access-keys', ok: true, detail: `No active access key is older than ${KEY_AGE_LIMIT_DAYS} days${scope}.` }
  const described = old.map((k) => `${k.accessKeyId} of ${k.userName} (${Math.floor((now.getTime() - k.createDate.getTime()) / DAY_MS)} days)`)
  const count = old.length === 1 ? '1 active access key is' : `${old.length} active access keys are`
  return { id: 'old-access-keys', ok: false, detail: `${count} older than ${KEY_AGE_LIMIT_DAYS} days${scope}: ${names(described)}.` }
}

function names(list: readonly string[]): string {
  const shown = list.slice(0, NAMES_SHOWN).join(', ')
  return list.length > NAMES_SHOWN ? `${shown} and ${list.length - NAMES_SHOWN} more` : shown
}
