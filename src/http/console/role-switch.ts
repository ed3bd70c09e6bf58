// Switch role in the console: STS AssumeRole run as the signed-in principal (the role's trust
// policy and the principal's own policies decide, as for any AssumeRole), and the console session
// then acts as the role session until it switches back or the role session expires (an hour, as
// in AWS's console). The signed-in principal stays the one that switches: switching again from a
// role goes from the user, not by chaining.

import { AwsError } from '../../core/aws-error.js'
import { isAccountId } from '../../core/ids.js'
import type { AppContext } from '../../app/context.js'
import type { ConsoleSessionStore } from '../../app/console/console-sessions.js'
import type { ActionBridge } from './action-bridge.js'
import { errorAnswer, ok, type ApiAnswer, type ApiRequest } from './api-exchange.js'
import type { CurrentSession } from './session-routes.js'

/** AWS's console limits the display name to 64 characters. */
const MAX_DISPLAY_NAME = 64

export class RoleSwitch {
  constructor(
    private readonly ctx: AppContext,
    private readonly actions: ActionBridge,
    private readonly sessions: ConsoleSessionStore
  ) {}

  async switchRole(req: ApiRequest, current: CurrentSession): Promise<ApiAnswer> {
    const body = (typeof req.body === 'object' && req.body !== null ? req.body : {}) as Record<string, unknown>
    const { account, roleName, displayName } = body
    if (typeof account !== 'string' || account === '' || typeof roleName !== 'string' || roleName === '') {
      throw invalid('account (an account ID or alias) and roleName are required.')
    }
    if (displayName !== undefined && (typeof displayName !== 'string' || displayName.length > MAX_DISPLAY_NAME))
      throw invalid(`displayName must be a string of at most ${MAX_DISPLAY_NAME} characters.`)
    const accountId = await this.accountId(account)
    const signedIn = current.callers.signedIn
    // The role may be given with its path, as AWS's console takes it (`path/name`).
    const roleArn = `arn:aws:iam::${accountId}:role/${roleName.replace(/^\/+/, '')}`
    const request = { service: 'sts', action: 'AssumeRole', input: { RoleArn: roleArn, RoleSessionName: sessionName(signedIn.userName) } }
    let output: Record<string, unknown>
    try {
      output = await this.actions.run(signedIn, request, req.requestId)
    } catch (e) {
      if (e instanceof AwsError) return errorAnswer(this.actions.status('sts', e), e)
      throw e
    }
    const credentials = output.Credentials as { AccessKeyId: string; SessionToken: string }
    await this.sessions.setRoleSession(current.id, { accessKeyId: credentials.AccessKeyId, sessionToken: credentials.SessionToken, displayName: displayName as string | undefined })
    return ok({ next: 'done' })
  }

  async switchBack(current: CurrentSession): Promise<ApiAnswer> {
    if (current.record.roleSession) await this.sessions.setRoleSession(current.id, undefined)
    return ok({ next: 'done' })
  }

  private async accountId(account: string): Promise<string> {
    const typed = account.trim()
    if (isAccountId(typed)) return typed
    const found = await this.ctx.store.read.accounts.byAlias(typed.toLowerCase())
    // An unknown alias names no role anyone may assume: AssumeRole's own refusal would say the same.
    if (!found) throw invalid(`No account has the alias ${JSON.stringify(typed)}.`)
    return found.id
  }
}

/** The role session's name: the user's name (a valid session name: IAM user names use the same characters), or `console`. */
function sessionName(userName: string | undefined): string {
  return userName && /^[\w+=,.@-]{2,64}$/.test(userName) ? userName : 'console'
}

const invalid = (message: string) => new AwsError('ValidationError', message, 400)
