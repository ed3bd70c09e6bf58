// The built console (dist/console, written by `vite build --config console/vite.config.ts`):
// a file that exists under the directory, else index.html, since the app routes on the client.
// Paths are decoded and checked before they touch the file system: no `..`, no backslashes, no
// NUL, and the resolved file must lie inside the directory. Hashed assets are cached for a year,
// everything else revalidated; every answer carries a CSP that allows only this origin.

import { existsSync } from 'node:fs'
import { readFile, stat } from 'node:fs/promises'
import type { ServerResponse } from 'node:http'
import { dirname, extname, join, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'

/** Only this origin; images may also be data: URLs (a virtual MFA device's QR code). */
export const CONSOLE_CSP = "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"

const SECURITY_HEADERS = {
  'Content-Security-Policy': CONSOLE_CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY'
} as const

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8'
}

/** dist/console under the package root, found by walking up from this file (it runs from src/ in tests, from dist/ otherwise). */
export function defaultConsoleDir(): string | undefined {
  let dir = dirname(fileURLToPath(import.meta.url))
  for (;;) {
    if (existsSync(join(dir, 'package.json'))) return join(dir, 'dist', 'console')
    const parent = dirname(dir)
    if (parent === dir) return undefined
    dir = parent
  }
}

export class StaticConsole {
  private readonly root: string | undefined

  constructor(dir: string | undefined) {
    this.root = dir === undefined ? undefined : resolve(dir)
  }

  /** `path` is the request path: `/console` or `/console/...` (not under /console/api/). */
  async serve(method: string, path: string, res: ServerResponse): Promise<void> {
    if (method !== 'GET' && method !== 'HEAD') return text(res, 405, 'Only GET and HEAD are served here.\n', method, { Allow: 'GET, HEAD' })
    const root = this.root
    if (root === undefined || !existsSync(join(root, 'index.html'))) {
      return text(res, 503, 'The web console is not built: run `npm run build` (dist/console/index.html is missing).\n', method)
    }
    const relative = safeRelativePath(path.slice('/console'.length))
    if (relative === undefined) return text(res, 400, 'Bad path.\n', method)
    if (relative !== '') {
      const file = resolve(root, relative)
      if (!file.startsWith(root + sep)) return text(res, 400, 'Bad path.\n', method)
      if (await isFile(file)) return sendFile(res, method, file, relative.startsWith('assets/') ? 'public, max-age=31536000, immutable' : 'no-cache')
      // A missing file (a stale hashed asset) is not the app: HTML in its place would only confuse the browser.
      if (extname(relative) !== '') return text(res, 404, 'Not found.\n', method)
    }
    return sendFile(res, method, join(root, 'index.html'), 'no-cache')
  }
}

/** The path below /console, decoded, without its leading slash; undefined when it is not one we serve. */
function safeRelativePath(rest: string): string | undefined {
  if (rest !== '' && !rest.startsWith('/')) return undefined
  let decoded: string
  try {
    decoded = decodeURIComponent(rest)
  } catch {
    return undefined
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return undefined
  const segments = decoded.split('/').filter((s) => s !== '')
  if (segments.some((s) => s === '..' || s === '.')) return undefined
  return segments.join('/')
}

async function isFile(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile()
  } catch {
    return false
  }
}

async function sendFile(res: ServerResponse, method: string, file: string, cacheControl: string): Promise<void> {
  const body = await readFile(file)
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'Content-Type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
    'Content-Length': body.length,
    'Cache-Control': cacheControl
  })
  res.end(method === 'HEAD' ? undefined : body)
}

function text(res: ServerResponse, status: number, body: string, method: string, extra: Record<string, string> = {}): void {
  res.writeHead(status, { ...SECURITY_HEADERS, ...extra, 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': Buffer.byteLength(body), 'Cache-Control': 'no-store' })
  res.end(method === 'HEAD' ? undefined : body)
}
