// The console's cookies: read from the Cookie header, written with the attributes the contract
// sets (docs/console-api.md): HttpOnly (no script reads them), SameSite=Strict (no other site's
// request carries them), Path=/console, and Secure when the request came over HTTPS.

export const SESSION_COOKIE = 'portcullis-console'
export const PRE_SESSION_COOKIE = 'portcullis-console-pre'

/** Cookie values by name; the first of a name wins (the most specific path, as browsers order them). */
export function parseCookies(header: string | undefined): Map<string, string> {
  const cookies = new Map<string, string>()
  if (!header) return cookies
  for (const part of header.split(';')) {
    const eq = part.indexOf('=')
    if (eq < 0) continue
    const name = part.slice(0, eq).trim()
    const value = part.slice(eq + 1).trim()
    if (name !== '' && !cookies.has(name)) cookies.set(name, value)
  }
  return cookies
}

export interface CookieOptions {
  readonly secure: boolean
  /** Seconds; 0 deletes the cookie; undefined: a browser-session cookie. */
  readonly maxAgeSeconds?: number | undefined
}

/** Our values are base64url and digits only, so they need no quoting. */
export function setCookie(name: string, value: string, options: CookieOptions): string {
  const parts = [`${name}=${value}`, 'Path=/console', 'HttpOnly', 'SameSite=Strict']
  if (options.maxAgeSeconds !== undefined) parts.push(`Max-Age=${options.maxAgeSeconds}`)
  if (options.secure) parts.push('Secure')
  return parts.join('; ')
}

export function clearCookie(name: string, options: Pick<CookieOptions, 'secure'>): string {
  return setCookie(name, '', { secure: options.secure, maxAgeSeconds: 0 })
}
