// The composition root: the one place that chooses the store (SQLite under a data directory),
// loads the master key, wires the application, and starts the HTTP server.

import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { randomBytes } from 'node:crypto'
import { createAccount, type RootCredentials } from './app/accounts.js'
import { iamActions, stsActions, UNSIGNED_STS_ACTIONS } from './app/actions/index.js'
import { AuthorizationCache } from './app/auth/authorization-cache.js'
import type { AppContext } from './app/context.js'
import { issuerHttpsClient } from './app/federation/oidc/issuer-https-client.js'
import { OidcKeyCache } from './app/federation/oidc/issuer-keys.js'
import { argon2idHasher } from './app/passwords.js'
import { loadAwsManagedPolicies } from './app/policies/aws-managed.js'
import { aesGcmBox } from './app/secrets.js'
import { sessionTokenCodec } from './app/sts/session-token.js'
import { authorizationMessageSealer } from './app/sts/authorization-messages.js'
import { systemClock, type Clock } from './core/clock.js'
import { systemRandom } from './core/random.js'
import { SigV4Authenticator } from './http/authenticator.js'
import type { RecordSignIn } from './app/console/sign-in-events.js'
import { ConsoleHandler } from './http/console/console-handler.js'
import { defaultConsoleDir } from './http/console/static-files.js'
import { QueryEndpoint } from './http/query-endpoint.js'
import { createPortcullisServer } from './http/server.js'
import { IAM_SERVICE_MODEL } from './protocol/model/iam-model-supplement.js'
import { STS_MODEL } from './protocol/model/sts-model.js'
import { openSqliteStore } from './store/sql/sqlite.js'
import type { Store } from './store/ports/repositories.js'

/**
 * IAM's validation wording: paths are checked by the application (IAM has its own message for
 * them), and messages leave the offending value out (docs/iam-behaviour.md §1).
 */
const IAM_PARSE_OPTIONS = { skipPatterns: new Set(['pathType']), quoteValues: false }

export interface ServeOptions {
  readonly host: string
  readonly port: number
  readonly dataDir: string
  readonly authMode: 'enforce' | 'dev'
  /** The first account's ID, on first start. */
  readonly accountId?: string | undefined
  readonly clock?: Clock
  /** The built web console; by default dist/console under the package root. */
  readonly consoleDir?: string | undefined
  /** Where console sign-ins are recorded; by default one JSON line each on stdout. */
  readonly recordSignIn?: RecordSignIn | undefined
}

export interface RunningServer {
  readonly url: string
  readonly server: Server
  readonly ctx: AppContext
  /** The Query endpoint itself, for measuring it without HTTP. */
  readonly query: QueryEndpoint
  /** Set on the start that created the first account. */
  readonly createdRootCredentials: RootCredentials | undefined
  close(): Promise<void>
}

/** The data directory's master key: PORTCULLIS_MASTER_KEY (base64), or master.key, created on first use. */
export function masterKey(dataDir: string): Buffer {
  const fromEnv = process.env.PORTCULLIS_MASTER_KEY
  if (fromEnv) {
    const key = Buffer.from(fromEnv, 'base64')
    if (key.length !== 32) throw new Error('PORTCULLIS_MASTER_KEY must be 32 bytes, base64-encoded')
    return key
  }
  const file = join(dataDir, 'master.key')
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('base64') + '\n', { mode: 0o600, flag: 'wx' })
  const key = Buffer.from(readFileSync(file, 'utf8').trim(), 'base64')
  if (key.length !== 32) throw new Error(`${file} does not hold a 32-byte key`)
  return key
}

/** Opens the data directory: the store and the application context over it. */
export async function openDataDir(dataDir: string, authMode: 'enforce' | 'dev', clock: Clock = systemClock): Promise<{ ctx: AppContext; store: Store }> {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 })
  const dbFile = join(dataDir, 'portcullis.db')
  // Created owner-only first: SQLite gives its -wal and -shm files the database file's mode.
  if (!existsSync(dbFile)) writeFileSync(dbFile, '', { mode: 0o600, flag: 'wx' })
  const store = await openSqliteStore({ file: dbFile })
  const accounts = await store.read.accounts.list()
  const key = masterKey(dataDir)
  const ctx: AppContext = {
    store,
    clock,
    random: systemRandom,
    secrets: aesGcmBox(key),
    sessionTokens: sessionTokenCodec(key),
    authorizationMessages: authorizationMessageSealer(key),
    passwords: argon2idHasher,
    awsManaged: await loadAwsManagedPolicies(),
    authCache: new AuthorizationCache(),
    federation: { oidcKeys: new OidcKeyCache(issuerHttpsClient()), samlEndpoints: [] },
    config: { authMode, defaultAccountId: accounts[0]?.id ?? '000000000000' }
  }
  return { ctx, store }
}

export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const opened = await openDataDir(options.dataDir, options.authMode, options.clock)
  let ctx = opened.ctx
  let created: RootCredentials | undefined
  if ((await opened.store.read.accounts.list()).length === 0) {
    created = await createAccount(ctx, options.accountId)
    ctx = { ...ctx, config: { ...ctx.config, defaultAccountId: created.accountId } }
    writeRootCredentials(options.dataDir, created)
  }
  const services = [
    { signingName: 'iam', model: IAM_SERVICE_MODEL, actions: iamActions, parseOptions: IAM_PARSE_OPTIONS },
    { signingName: 'sts', model: STS_MODEL, actions: stsActions, unsignedActions: UNSIGNED_STS_ACTIONS }
  ]
  const authenticator = new SigV4Authenticator(
    ctx,
    services.map((s) => s.signingName)
  )
  const query = new QueryEndpoint(ctx, services, authenticator)
  const consoleHandler = new ConsoleHandler(ctx, { staticDir: options.consoleDir ?? defaultConsoleDir(), services, recordSignIn: options.recordSignIn })
  const server = createPortcullisServer({
    ctx,
    query,
    console: consoleHandler,
    onReset: () => {
      ctx.authCache.clear()
      authenticator.clear()
      consoleHandler.clear()
    }
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port, options.host, resolve)
  })
  const address = server.address() as AddressInfo
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address
  return {
    url: `http://${host}:${address.port}`,
    server,
    ctx,
    query,
    createdRootCredentials: created,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()))
      server.closeAllConnections()
      await ctx.awsManaged.close()
      await opened.store.close()
    }
  }
}

/** root-credentials.csv, readable by its owner only, like the file the AWS console offers. */
export function writeRootCredentials(dataDir: string, c: RootCredentials): void {
  const file = join(dataDir, 'root-credentials.csv')
  writeFileSync(file, `Account ID,User name,Password,Access key ID,Secret access key\n${c.accountId},root,${c.password},${c.accessKeyId},${c.secretAccessKey}\n`, { mode: 0o600 })
  chmodSync(file, 0o600)
}
