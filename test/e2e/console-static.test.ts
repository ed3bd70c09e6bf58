// The built console served at /console: files under the directory, index.html for the app's own
// routes, cache headers and CSP as docs/console-api.md sets them, no way out of the directory,
// and a clear 503 when the console has not been built.

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startServer, type RunningServer } from '../../src/main.js'
import { request } from 'node:http'

const INDEX = '<!doctype html><title>console</title>'
const ASSET = 'console.log("app")'

let dir: string
let running: RunningServer
let unbuilt: RunningServer

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'portcullis-console-static-'))
  const site = join(dir, 'site')
  mkdirSync(join(site, 'assets'), { recursive: true })
  writeFileSync(join(site, 'index.html'), INDEX)
  writeFileSync(join(site, 'assets', 'index-abc123.js'), ASSET)
  writeFileSync(join(dir, 'secret.txt'), 'outside the site')
  running = await startServer({ host: '127.0.0.1', port: 0, dataDir: join(dir, 'data'), authMode: 'enforce', consoleDir: site })
  unbuilt = await startServer({ host: '127.0.0.1', port: 0, dataDir: join(dir, 'data2'), authMode: 'enforce', consoleDir: join(dir, 'missing') })
})
afterAll(async () => {
  await running.close()
  await unbuilt.close()
  rmSync(dir, { recursive: true, force: true })
})

/** A GET of exactly this path: URL parsing would resolve the dot segments these tests send. */
function get(path: string, server = running): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  const { hostname, port } = new URL(server.url)
  return new Promise((resolve, reject) => {
    const req = request({ host: hostname, port, method: 'GET', path }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }))
      res.on('error', reject)
    })
    req.on('error', reject)
    req.end()
  })
}

describe('static console', () => {
  it('serves index.html at /console and for the app’s routes, revalidated, with a same-origin CSP', async () => {
    for (const path of ['/console', '/console/', '/console/users/bob', '/console/policies?x=1']) {
      const answer = await get(path)
      expect(answer.status).toBe(200)
      expect(answer.body).toBe(INDEX)
      expect(answer.headers['content-type']).toBe('text/html; charset=utf-8')
      expect(answer.headers['cache-control']).toBe('no-cache')
      expect(answer.headers['content-security-policy']).toMatch(/^default-src 'self';/)
      expect(answer.headers['x-content-type-options']).toBe('nosniff')
    }
  })

  it('serves hashed assets for a year, immutable', async () => {
    const answer = await get('/console/assets/index-abc123.js')
    expect(answer.status).toBe(200)
    expect(answer.body).toBe(ASSET)
    expect(answer.headers['content-type']).toBe('text/javascript; charset=utf-8')
    expect(answer.headers['cache-control']).toBe('public, max-age=31536000, immutable')
    expect(answer.headers['content-security-policy']).toBeDefined()
  })

  it('answers a missing file 404 rather than the app', async () => {
    expect((await get('/console/assets/index-old999.js')).status).toBe(404)
  })

  it('refuses paths that leave the directory', async () => {
    for (const path of [
      '/console/..%2fsecret.txt',
      '/console/%2e%2e/secret.txt',
      '/console/assets/..%2f..%2fsecret.txt',
      '/console/..%5csecret.txt',
      '/console/%00',
      '/console/%zz',
      '/console/../secret.txt',
      '/console/assets/../../secret.txt'
    ]) {
      const answer = await get(path)
      expect(answer.status, path).toBe(400)
      expect(answer.body).not.toContain('outside the site')
    }
  })

  it('answers 503 with what to do when the console is not built', async () => {
    const answer = await get('/console', unbuilt)
    expect(answer.status).toBe(503)
    expect(answer.body).toContain('npm run build')
  })

  it('leaves the API and the Query endpoint alone', async () => {
    expect((await get('/console/api/session')).headers['content-type']).toBe('application/json; charset=utf-8')
    expect((await get('/_portcullis/health')).status).toBe(200)
  })
})
