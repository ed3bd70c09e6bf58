// Every console sign-in, successful or not, goes through one function, so that an audit trail
// (CloudTrail's ConsoleLogin events, later) hooks in at one place. The default writes one JSON
// line to the log. An event never holds a secret: no password, code, challenge or session ID.

export type SignInStage = 'password' | 'mfa' | 'new-password'

export type SignInOutcome = 'success' | 'failure' | 'throttled'

export interface SignInEvent {
  readonly at: Date
  readonly outcome: SignInOutcome
  /** The step that succeeded or failed: the password, the MFA code, the forced new password. */
  readonly stage: SignInStage
  /** The account as typed (ID or alias), and its ID when it exists. */
  readonly account: string
  readonly accountId?: string | undefined
  readonly principal: 'root' | 'user'
  /** As typed, for users (it may not exist). */
  readonly userName?: string | undefined
  /** Why a failure failed, for the log only (the client hears one generic message). */
  readonly reason?: string | undefined
  readonly mfaUsed: boolean
  readonly sourceIp: string
  readonly userAgent: string
}

export type RecordSignIn = (event: SignInEvent) => void

/** The default: one JSON line per event. */
export const recordSignIn: RecordSignIn = (event) => {
  console.log(JSON.stringify({ type: 'console-sign-in', ...event, at: event.at.toISOString() }))
}
