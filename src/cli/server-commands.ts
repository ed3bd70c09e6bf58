// `portcullis serve` and `portcullis account create`.

import { createAccount } from '../app/accounts.js'
import { openDataDir, startServer } from '../main.js'

export interface ServeFlags {
  readonly host: string
  readonly port: string
  readonly dataDir: string
  readonly auth: string
  readonly accountId?: string
}

export async function serveCommand(flags: ServeFlags): Promise<void> {
  const port = Number(flags.port)
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be a port number, not ${flags.port}`)
  if (flags.auth !== 'enforce' && flags.auth !== 'dev') throw new Error(`--auth must be enforce or dev, not ${flags.auth}`)
  const running = await startServer({ host: flags.host, port, dataDir: flags.dataDir, authMode: flags.auth, accountId: flags.accountId })
  const created = running.createdRootCredentials
  if (created) {
    process.stdout.write(
      [
        `Created account ${created.accountId}. Its root user's credentials (shown once; also in ${flags.dataDir}/root-credentials.csv, mode 0600):`,
        `  Access key ID:     ${created.accessKeyId}`,
        `  Secret access key: ${created.secretAccessKey}`,
        `  Console password:  ${created.password}`,
        ''
      ].join('\n')
    )
  }
  process.stdout.write(`Portcullis is serving IAM and STS on ${running.url} (auth: ${flags.auth}, data: ${flags.dataDir})\n`)
  process.stdout.write(`The web console is at ${running.url}/console\n`)
  const stop = (): void => {
    running.close().then(
      () => process.exit(0),
      () => process.exit(1)
    )
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}

export async function accountCreateCommand(flags: { readonly dataDir: string; readonly accountId?: string }): Promise<void> {
  const { ctx, store } = await openDataDir(flags.dataDir, 'enforce')
  try {
    const created = await createAccount(ctx, flags.accountId)
    process.stdout.write(`${JSON.stringify(created)}\n`)
  } finally {
    await ctx.awsManaged.close()
    await store.close()
  }
}
