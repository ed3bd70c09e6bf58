// A browser's side of the console API for the tests: node's fetch with a cookie jar kept by hand
// (what the server set, attributes included, so tests can check them) and the CSRF token from
// GET /console/api/session sent on every POST, as the console's own api.ts does.

export interface ConsoleAnswer {
  readonly status: number
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly body: any
  readonly headers: Headers
  /** The Set-Cookie headers of this answer, as sent. */
  readonly setCookies: readonly string[]
}

export class ConsoleClient {
  readonly cookies = new Map<string, string>()
  csrfToken = ''

  constructor(
    readonly baseUrl: string,
    private readonly extraHeaders: Record<string, string> = {}
  ) {}

  async request(method: 'GET' | 'POST', path: string, body?: unknown, headers: Record<string, string> = {}): Promise<ConsoleAnswer> {
    const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ')
    const res = await fetch(new URL(`/console/api${path}`, this.baseUrl), {
      method,
      headers: {
        ...this.extraHeaders,
        ...(cookie ? { cookie } : {}),
        ...(method === 'POST' ? { 'content-type': 'application/json', 'x-csrf-token': this.csrfToken } : {}),
        ...headers
      },
      ...(method === 'POST' ? { body: typeof body === 'string' ? body : JSON.stringify(body ?? {}) } : {})
    })
    const setCookies = res.headers.getSetCookie()
    for (const line of setCookies) {
      const [pair = ''] = line.split(';')
      const eq = pair.indexOf('=')
      const name = pair.slice(0, eq)
      const value = pair.slice(eq + 1)
      if (/max-age=0/i.test(line)) this.cookies.delete(name)
      else this.cookies.set(name, value)
    }
    const text = await res.text()
    return { status: res.status, body: text ? JSON.parse(text) : undefined, headers: res.headers, setCookies }
  }

  /** GET /session, keeping its CSRF token. */
  async session(): Promise<ConsoleAnswer> {
    const answer = await this.request('GET', '/session')
    if (answer.body?.csrfToken) this.csrfToken = answer.body.csrfToken
    return answer
  }

  post(path: string, body?: unknown, headers?: Record<string, string>): Promise<ConsoleAnswer> {
    return this.request('POST', path, body, headers)
  }

  /** The whole password sign-in; `next` is what the server asked for (then the session is refreshed if done). */
  async signIn(account: string, userName: string | undefined, password: string): Promise<ConsoleAnswer> {
    if (!this.csrfToken) await this.session()
    const answer = userName === undefined ? await this.post('/sign-in/root', { account, password }) : await this.post('/sign-in', { account, userName, password })
    if (answer.body?.next === 'done') await this.session()
    return answer
  }

  async call(action: string, input: Record<string, unknown> = {}, service: 'iam' | 'sts' = 'iam'): Promise<ConsoleAnswer> {
    return this.post('/call', { service, action, input })
  }
}
