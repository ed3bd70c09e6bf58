// Starts a real Portcullis server (the same startServer the CLI uses) on a free loopback port
// with a fresh data directory, and hands out SDK clients signed with its root or any other
// credentials.

import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { IAMClient } from '@aws-sdk/client-iam'
import { STSClient } from '@aws-sdk/client-sts'
import type { RootCredentials } from '../../../src/app/accounts.js'
import type { Clock } from '../../../src/core/clock.js'
import { startServer, type RunningServer } from '../../../src/main.js'

export interface Credentials {
  readonly accessKeyId: string
  readonly secretAccessKey: string
  readonly sessionToken?: string
}

export interface TestServer {
  readonly url: string
  readonly dataDir: string
  readonly root: RootCredentials
  readonly running: RunningServer
  iam(credentials?: Credentials): IAMClient
  sts(credentials?: Credentials): STSClient
  close(): Promise<void>
}

// The SDK warns once per process that late-2027 versions need Node 22; tests pin an older one.
process.env.AWS_SDK_JS_SUPPRESS_NODE_VERSION_SUPPORT_WARNING ??= '1'

export async function startTestServer(options: { auth?: 'enforce' | 'dev'; accountId?: string; clock?: Clock } = {}): Promise<TestServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'portcullis-e2e-'))
  const running = await startServer({
    host: '127.0.0.1',
    port: 0,
    dataDir,
    authMode: options.auth ?? 'enforce',
    accountId: options.accountId ?? '123456789012',
    ...(options.clock ? { clock: options.clock } : {})
  })
  const root = running.createdRootCredentials
  if (!root) throw new Error('the first start should create an account')
  const config = (credentials: Credentials) => ({
    endpoint: running.url,
    region: 'us-east-1',
    credentials,
    maxAttempts: 1
  })
  return {
    url: running.url,
    dataDir,
    root,
    running,
    iam: (credentials = root) => new IAMClient(config(credentials)),
    sts: (credentials = root) => new STSClient(config(credentials)),
    async close() {
      await running.close()
      rmSync(dataDir, { recursive: true, force: true })
    }
  }
}
