// CSRF defence for the console's POSTs, two locks: the request must not come from another origin
// (its Origin header, when the browser sends one, names this host; Sec-Fetch-Site is not
// cross-site), and it must carry the token GET /console/api/session gave, in x-csrf-token. The
// token is derived from the session cookie, or before sign-in from a short-lived pre-session
// cookie (session-ids.ts): another site can read neither cookie, and cannot send a custom header
// cross-origin without a CORS preflight, which this server never grants.

import { AwsError } from '../../core/aws-error.js'
import type { Random } from '../../core/random.js'
import { csrfTokenFor, newSecretId, sameToken } from '../../app/console/session-ids.js'
import type { ApiRequest } from './api-exchange.js'
import { PRE_SESSION_COOKIE, SESSION_COOKIE } from './cookies.js'

/** How long a pre-session cookie (and so a sign-in page's token) lasts. */
export const PRE_SESSION_TTL_SECONDS = 30 * 60

export const invalidCsrf = (message = 'The request was refused: its CSRF token is missing or wrong. Reload the console.') => new AwsError('InvalidCsrfToken', message, 403)

export const sessionCsrfToken = (sessionId: string) => csrfTokenFor(`session:${sessionId}`)
export const preSessionCsrfToken = (value: string) => csrfTokenFor(`pre:${value}`)

/** `<issued, seconds since the epoch>.<random>`: the server checks its age without storing it. */
export function newPreSessionValue(random: Random, now: Date): string {
  return `${Math.floor(now.getTime() / 1000)}.${newSecretId(random)}`
}

export function preSessionFresh(value: string, now: Date): boolean {
  const issued = Number(value.slice(0, value.indexOf('.')))
  const age = now.getTime() / 1000 - issued
  return Number.isInteger(issued) && age >= -60 && age < PRE_SESSION_TTL_SECONDS
}

/** Throws InvalidCsrfToken unless the POST comes from this origin with a token for its session or pre-session cookie. */
export function checkCsrf(req: ApiRequest): void {
  if (crossOrigin(req)) throw invalidCsrf('The request was refused: it came from another origin.')
  const header = req.headers['x-csrf-token']
  const token = typeof header === 'string' ? header : undefined
  if (!token) throw invalidCsrf()
  const session = req.cookies.get(SESSION_COOKIE)
  if (session && sameToken(token, sessionCsrfToken(session))) return
  const pre = req.cookies.get(PRE_SESSION_COOKIE)
  if (pre && preSessionFresh(pre, req.facts.time) && sameToken(token, preSessionCsrfToken(pre))) return
  throw invalidCsrf()
}

/**
 * The Origin's host against the Host header. Only hosts are compared: behind a TLS-terminating
 * proxy the scheme we see is not the browser's, and the same host on another scheme is no other site.
 */
function crossOrigin(req: ApiRequest): boolean {
  if (req.headers['sec-fetch-site'] === 'cross-site') return true
  const origin = req.headers.origin
  if (origin === undefined) return false
  const host = req.headers['x-forwarded-host'] ?? req.headers.host
  try {
    return new URL(origin).host !== host
  } catch {
    // `Origin: null` (a sandboxed frame, a redirect across origins) or garbage: not ours.
    return true
  }
}
