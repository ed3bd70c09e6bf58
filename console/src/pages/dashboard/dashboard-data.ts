// GET /console/api/dashboard (docs/console-api.md): the account, GetAccountSummary's counts, and
// the security checks; parts the caller may not read come back as { denied } with the message.

import { get } from '../../api'

export type RecommendationId = 'root-mfa' | 'root-access-keys' | 'users-without-mfa' | 'old-access-keys'

export type Recommendation = { readonly id: RecommendationId; readonly ok: boolean; readonly detail?: string } | { readonly id: RecommendationId; readonly denied: string }

export interface Dashboard {
  readonly accountId: string
  readonly accountAlias?: string
  readonly summary?: Readonly<Record<string, number>> | { readonly denied: string }
  readonly recommendations: readonly Recommendation[]
}

export const loadDashboard = () => get<Dashboard>('/dashboard')

/** The console sign-in link for the account's IAM users (the sign-in page prefills ?account=). */
export function signInLink(account: string): string {
  return `${window.location.origin}/console/?account=${encodeURIComponent(account)}`
}
