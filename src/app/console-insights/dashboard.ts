// The console's dashboard: the account, GetAccountSummary's counts and the security
// recommendations. Everything is read by running IAM's own actions as the signed-in principal,
// so the dashboard shows exactly what that principal may read: a part it may not read is
// reported with the AccessDenied message instead ({ denied }), never read some other way.

import { AwsError } from '../../core/aws-error.js'
import { iamActions } from '../actions/index.js'
import type { ActionInput, Call } from '../call.js'
import { oldAccessKeys, rootAccessKeys, rootMfa, usersWithoutMfa, type KeyFacts, type Recommendation, type UserSignInFacts } from './recommendations.js'

/** Users examined for the per-user recommendations: enough for a dashboard, bounded for a large account. */
export const USERS_CHECKED = 1000

export interface Dashboard {
  readonly accountId: string
  readonly accountAlias?: string
  readonly summary: Readonly<Record<string, number>> | { readonly denied: string }
  readonly recommendations: readonly Recommendation[]
}

type Denied = { readonly denied: string }

export async function dashboard(call: Call): Promise<Dashboard> {
  const aliases = await attempt(() => runAction(call, 'ListAccountAliases', {}))
  const alias = isDenied(aliases) ? undefined : (aliases.AccountAliases as string[] | undefined)?.[0]
  const summaryOut = await attempt(() => runAction(call, 'GetAccountSummary', {}))
  const denied = isDenied(summaryOut) ? summaryOut.denied : undefined
  const counts = (isDenied(summaryOut) ? {} : (summaryOut.SummaryMap ?? {})) as Record<string, number>
  const users = await attempt(() => userNames(call))
  const recommendations: Recommendation[] = [
    denied === undefined ? rootMfa(counts) : { id: 'root-mfa', denied },
    denied === undefined ? rootAccessKeys(counts) : { id: 'root-access-keys', denied },
    await perUser(users, 'users-without-mfa', async ({ names, partial }) => usersWithoutMfa(await signInFacts(call, names), partial)),
    await perUser(users, 'old-access-keys', async ({ names, partial }) => oldAccessKeys(await accessKeys(call, names), call.ctx.clock.now(), partial, names.length))
  ]
  const summary = denied === undefined ? counts : { denied }
  return { accountId: call.accountId, ...(alias === undefined ? {} : { accountAlias: alias }), summary, recommendations }
}

interface UserList {
  readonly names: readonly string[]
  /** More users exist than were examined. */
  readonly partial: boolean
}

async function perUser(users: UserList | Denied, id: 'users-without-mfa' | 'old-access-keys', check: (users: UserList) => Promise<Recommendation>): Promise<Recommendation> {
  if ('denied' in users) return { id, denied: users.denied }
  const result = await attempt(() => check(users))
  return 'id' in result ? result : { id, denied: result.denied }
}

async function userNames(call: Call): Promise<UserList> {
  const names: string[] = []
  let marker: string | undefined
  do {
    const page = await runAction(call, 'ListUsers', { MaxItems: 1000, ...(marker === undefined ? {} : { Marker: marker }) })
    for (const user of (page.Users ?? []) as { UserName: string }[]) names.push(user.UserName)
    marker = page.IsTruncated ? (page.Marker as string) : undefined
  } while (marker !== undefined && names.length < USERS_CHECKED)
  return { names: names.slice(0, USERS_CHECKED), partial: marker !== undefined || names.length > USERS_CHECKED }
}

/** Whether each user has MFA and, when not, a console password (only then does it matter). */
async function signInFacts(call: Call, names: readonly string[]): Promise<UserSignInFacts[]> {
  const facts: UserSignInFacts[] = []
  for (const userName of names) {
    const devices = await skipGone(() => runAction(call, 'ListMFADevices', { UserName: userName }))
    if (devices === undefined) continue
    const mfaDevices = ((devices.MFADevices ?? []) as unknown[]).length
    // The password matters only for users without MFA: GetLoginProfile is asked only about them.
    const hasPassword = mfaDevices === 0 && (await skipGone(() => runAction(call, 'GetLoginProfile', { UserName: userName }))) !== undefined
    facts.push({ userName, hasPassword, mfaDevices })
  }
  return facts
}

async function accessKeys(call: Call, names: readonly string[]): Promise<KeyFacts[]> {
  const keys: KeyFacts[] = []
  for (const userName of names) {
    const listed = await skipGone(() => runAction(call, 'ListAccessKeys', { UserName: userName }))
    for (const k of (listed?.AccessKeyMetadata ?? []) as { AccessKeyId: string; Status: string; CreateDate: Date }[]) {
      keys.push({ userName, accessKeyId: k.AccessKeyId, status: k.Status, createDate: k.CreateDate })
    }
  }
  return keys
}

async function runAction(call: Call, name: string, input: ActionInput): Promise<Record<string, unknown>> {
  const handler = iamActions[name]
  if (!handler) throw new Error(`the dashboard needs ${name}`)
  return (await handler(call, input)) ?? {}
}

function isDenied(value: object): value is Denied {
  return 'denied' in value && typeof value.denied === 'string'
}

/** The result, or the AccessDenied message when the principal may not have it. */
async function attempt<T>(work: () => Promise<T>): Promise<T | Denied> {
  try {
    return await work()
  } catch (e) {
    if (e instanceof AwsError && e.code === 'AccessDenied') return { denied: e.message }
    throw e
  }
}

/** The result, or undefined when the user (or its login profile) is not there: deleted meanwhile, or no password. */
async function skipGone<T>(work: () => Promise<T>): Promise<T | undefined> {
  try {
    return await work()
  } catch (e) {
    if (e instanceof AwsError && e.code === 'NoSuchEntity') return undefined
    throw e
  }
}
