// Everything under /console: the API under /console/api/ (JSON; sessions, sign-in, actions, role
// switching, and the helper routes) and the built app for every other path. Each POST passes the
// CSRF check first; each request's session is looked up (and its principal rebuilt, so a deleted
// user is signed out at once). Failures are JSON errors with AWS's code and message; an unexpected
// one is logged with the request id and answered without details.

import { randomUUID } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { AwsError } from '../../core/aws-error.js'
import { Call } from '../../app/call.js'
import type { AppContext } from '../../app/context.js'
import { ConsolePrincipals } from '../../app/console/console-principal.js'
import { recordSignIn as defaultRecordSignIn, type RecordSignIn } from '../../app/console/sign-in-events.js'
import { ConsoleSignIn } from '../../app/console/sign-in.js'
import type { ServiceEndpoint } from '../services.js'
import { ActionBridge } from './action-bridge.js'
import { errorAnswer, ok, readApiRequest, writeAnswer, type ApiAnswer, type ApiRequest } from './api-exchange.js'
import { SESSION_COOKIE } from './cookies.js'
import { checkCsrf } from './csrf.js'
import { helperRoute } from './helper-routes.js'
import { RoleSwitch } from './role-switch.js'
import { notSignedIn, SessionRoutes, type CurrentSession } from './session-routes.js'
import { StaticConsole } from './static-files.js'

export interface ConsoleOptions {
  /** The built app (dist/console); undefined: not found, answered 503. */
  readonly staticDir: string | undefined
  /** The services of the Query endpoint, with their models and parse options. */
  readonly services: readonly ServiceEndpoint[]
  readonly recordSignIn?: RecordSignIn | undefined
}

const API_PREFIX = '/console/api'

export class ConsoleHandler {
  private readonly files: StaticConsole
  private readonly principals: ConsolePrincipals
  private readonly signIn: ConsoleSignIn
  private readonly sessionRoutes: SessionRoutes
  private readonly actions: ActionBridge
  private readonly roles: RoleSwitch

  constructor(
    private readonly ctx: AppContext,
    options: ConsoleOptions
  ) {
    this.files = new StaticConsole(options.staticDir)
    this.principals = new ConsolePrincipals(ctx)
    this.signIn = new ConsoleSignIn(ctx, this.principals, options.recordSignIn ?? defaultRecordSignIn)
    this.sessionRoutes = new SessionRoutes(ctx, this.signIn)
    this.actions = new ActionBridge(ctx, options.services)
    this.roles = new RoleSwitch(ctx, this.actions, this.signIn.sessions)
  }

  static owns(path: string): boolean {
    return path === '/console' || path.startsWith('/console/')
  }

  async handle(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    if (path !== API_PREFIX && !path.startsWith(`${API_PREFIX}/`)) return this.files.serve(req.method ?? 'GET', path, res)
    const requestId = randomUUID()
    let answer: ApiAnswer
    try {
      const request = await readApiRequest(req, path.slice(API_PREFIX.length), this.ctx.clock.now(), requestId)
      if (request.method === 'POST') checkCsrf(request)
      answer = await this.route(request, await this.currentSession(request))
    } catch (e) {
      answer = failure(e, requestId)
    }
    writeAnswer(res, answer, requestId, req.method ?? 'GET')
  }

  /** Forgets cached principals (dev mode's reset). */
  clear(): void {
    this.principals.clear()
  }

  private async route(req: ApiRequest, current: CurrentSession | undefined): Promise<ApiAnswer> {
    const key = `${req.method} ${req.route}`
    switch (key) {
      case 'GET /session':
        return this.sessionRoutes.session(req, current)
      case 'POST /sign-in':
        return this.sessionRoutes.password(req, false, current)
      case 'POST /sign-in/root':
        return this.sessionRoutes.password(req, true, current)
      case 'POST /sign-in/mfa':
        return this.sessionRoutes.mfa(req, current)
      case 'POST /sign-in/new-password':
        return this.sessionRoutes.newPassword(req, current)
      case 'POST /sign-out':
        return this.sessionRoutes.signOut(req)
    }
    if (!current) throw notSignedIn()
    const caller = current.callers.caller
    switch (key) {
      case 'POST /call': {
        const request = ActionBridge.request(req.body)
        try {
          return ok({ output: await this.actions.run(caller, request, req.requestId) })
        } catch (e) {
          if (e instanceof AwsError) return errorAnswer(this.actions.status(request.service, e), e)
          throw e
        }
      }
      case 'POST /switch-role':
        return this.roles.switchRole(req, current)
      case 'POST /switch-back':
        return this.roles.switchBack(current)
    }
    const helped = await helperRoute(new Call(this.ctx, caller, req.requestId), req.method, req.route, req.body)
    if (helped) return { status: helped.status, body: helped.body }
    throw new AwsError('NotFound', `There is no console API at ${req.method} ${API_PREFIX}${req.route}.`, 404)
  }

  /** The browser's session, if its cookie names a live one whose principal still exists. */
  private async currentSession(req: ApiRequest): Promise<CurrentSession | undefined> {
    const id = req.cookies.get(SESSION_COOKIE)
    if (id === undefined || id === '') return undefined
    const record = await this.signIn.sessions.find(id)
    if (!record) return undefined
    const callers = await this.principals.callers(record, req.facts)
    if (!callers) {
      // The user was deleted: its session ends with it.
      await this.signIn.sessions.end(id)
      return undefined
    }
    if (callers.roleSessionEnded) {
      await this.signIn.sessions.setRoleSession(id, undefined)
      return { id, record: { ...record, roleSession: undefined }, callers }
    }
    return { id, record, callers }
  }
}

function failure(e: unknown, requestId: string): ApiAnswer {
  if (e instanceof AwsError) return errorAnswer(e.status, e)
  console.error(`[${requestId}] console request failed:`, e)
  return errorAnswer(500, new AwsError('ServiceFailure', 'An internal error occurred. Quote the request id when reporting it.', 500, 'Receiver'))
}
