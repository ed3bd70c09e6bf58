// The console's only way to the server (docs/console-api.md): JSON over fetch, with the session
// cookie and the CSRF token on every POST. Errors arrive as ApiError with AWS's code and message.

export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
    readonly retryAfterSeconds?: number
  ) {
    super(message)
    this.name = 'ApiError'
  }

  get accessDenied(): boolean {
    return this.code === 'AccessDenied' || this.code === 'AccessDeniedException'
  }
}

export interface Principal {
  readonly kind: 'root' | 'user' | 'role-session'
  readonly arn: string
  readonly userName?: string
  readonly roleName?: string
  readonly sessionName?: string
}

export type Session =
  | { readonly signedIn: false; readonly csrfToken: string }
  | {
      readonly signedIn: true
      readonly csrfToken: string
      readonly accountId: string
      readonly accountAlias?: string
      readonly principal: Principal
      readonly mfaAuthenticated: boolean
      readonly issuedAt: string
      readonly expiresAt: string
      readonly switchedFrom?: { readonly arn: string }
    }

export type SignInStep =
  | { readonly next: 'done' }
  | { readonly next: 'mfa'; readonly challenge: string }
  | { readonly next: 'new-password'; readonly challenge: string; readonly reason: 'reset-required' | 'expired'; readonly passwordPolicy?: Record<string, unknown> }

const BASE = '/console/api'
let csrfToken = ''

async function request<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' }
  if (method === 'POST') {
    headers['content-type'] = 'application/json'
    headers['x-csrf-token'] = csrfToken
  }
  const init: RequestInit = { method, headers, credentials: 'same-origin' }
  if (method === 'POST') init.body = JSON.stringify(body ?? {})
  const res = await fetch(`${BASE}${path}`, init)
  const text = await res.text()
  let parsed: unknown = undefined
  try {
    parsed = text ? JSON.parse(text) : {}
  } catch {
    throw new ApiError('ServiceFailure', `The server answered ${res.status} with something that is not JSON.`, res.status)
  }
  if (!res.ok) {
    const error = (parsed as { error?: { code?: string; message?: string; retryAfterSeconds?: number } }).error
    throw new ApiError(error?.code ?? 'ServiceFailure', error?.message ?? `HTTP ${res.status}`, res.status, error?.retryAfterSeconds)
  }
  return parsed as T
}

/** The current session (and a fresh CSRF token); call once at start and after sign-in or sign-out. */
export async function loadSession(): Promise<Session> {
  const session = await request<Session>('GET', '/session')
  csrfToken = session.csrfToken
  return session
}

export const post = <T>(path: string, body?: unknown) => request<T>('POST', path, body)
export const get = <T>(path: string) => request<T>('GET', path)

/** Runs an IAM or STS action as the signed-in principal; the output as the SDK would give it. */
export async function call<T = Record<string, unknown>>(action: string, input: Record<string, unknown> = {}, service: 'iam' | 'sts' = 'iam'): Promise<T> {
  const answer = await post<{ output: T }>('/call', { service, action, input })
  return answer.output
}
