// Browser tests' harness: a started Portcullis server (the e2e one) and Debian's Chromium driven
// by playwright-core, headless, with the flags this machine needs (no sandbox as root, no
// background networking: the network is closed). Screenshots of each step are kept under
// test-artifacts/browser/<suite>/ as test artifacts.

import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import type { Clock } from '../../../src/core/clock.js'
import { startTestServer, type TestServer } from '../../e2e/support/server.js'

export const CHROMIUM = process.env.PORTCULLIS_CHROMIUM ?? '/usr/bin/chromium'

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage'
]

export interface ConsoleHarness {
  readonly server: TestServer
  readonly browser: Browser
  /** The console's URL: http://127.0.0.1:PORT/console */
  readonly consoleUrl: string
  /** A fresh browser context (its own cookies) and page, at the given viewport. */
  newPage(viewport?: { width: number; height: number }): Promise<{ context: BrowserContext; page: Page }>
  /** Saves a full-page screenshot as test-artifacts/browser/<suite>/<NN>-<name>.png. */
  shot(page: Page, name: string): Promise<string>
  close(): Promise<void>
}

export async function startConsoleHarness(suite: string, options: { clock?: Clock } = {}): Promise<ConsoleHarness> {
  const server = await startTestServer(options.clock ? { clock: options.clock } : {})
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS })
  const dir = join(process.cwd(), 'test-artifacts', 'browser', suite)
  mkdirSync(dir, { recursive: true })
  let n = 0
  return {
    server,
    browser,
    consoleUrl: `${server.url}/console`,
    async newPage(viewport = { width: 1280, height: 800 }) {
      const context = await browser.newContext({ viewport })
      const page = await context.newPage()
      page.setDefaultTimeout(10_000)
      return { context, page }
    },
    async shot(page, name) {
      const file = join(dir, `${String(++n).padStart(2, '0')}-${name}.png`)
      await page.screenshot({ path: file, fullPage: true })
      return file
    },
    async close() {
      await browser.close()
      await server.close()
    }
  }
}
