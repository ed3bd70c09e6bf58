// One action call: the caller, the context, and the two things every action does: authorize
// (always before touching storage for writes, and never inside a transaction, because policy
// loading reads the store and SQLite has one connection) and write in one transaction.

import type { Repositories } from '../store/ports/repositories.js'
import { authorize, type AuthorizationRequest } from './auth/authorize.js'
import type { Caller } from './caller.js'
import type { AppContext } from './context.js'

export interface WriteOptions {
  /** The write can change authorization decisions or identities (policies, membership, boundaries, keys, users' names and tags). */
  readonly affectsAuthorization?: boolean
  /** Narrower: only policies, attachments, membership or boundaries changed, not keys or their owners. */
  readonly affectsPolicies?: boolean
}

export class Call {
  private writing = false

  constructor(
    readonly ctx: AppContext,
    readonly caller: Caller,
    readonly requestId: string
  ) {}

  get accountId(): string {
    return this.caller.accountId
  }

  get now(): Date {
    return this.caller.request.time
  }

  async authorize(request: AuthorizationRequest): Promise<void> {
    if (this.writing) throw new Error(`${request.action}: authorize() inside a transaction`)
    await authorize(this.ctx, this.caller, request)
  }

  async write<T>(work: (tx: Repositories) => Promise<T>, options: WriteOptions = {}): Promise<T> {
    this.writing = true
    try {
      return await this.ctx.store.transaction(work)
    } finally {
      this.writing = false
      if (options.affectsAuthorization) this.ctx.authCache.invalidate(this.accountId)
      else if (options.affectsPolicies) this.ctx.authCache.invalidatePolicies(this.accountId)
    }
  }

  /** Reads outside a transaction. */
  get read(): Repositories {
    return this.ctx.store.read
  }
}

export type ActionInput = Readonly<Record<string, unknown>>
export type ActionOutput = Record<string, unknown> | undefined
export type ActionHandler = (call: Call, input: ActionInput) => Promise<ActionOutput>

/** Handlers by operation name (`CreateUser`), per service. */
export type ActionTable = Readonly<Record<string, ActionHandler>>
