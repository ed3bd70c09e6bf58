// Runs Debian's AWS CLI v2 (/usr/bin/aws; a bare `aws` on PATH may be an older v1) against a test
// server, with an isolated configuration so nothing from the machine's ~/.aws leaks in.

import { execFile } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Credentials } from './server.js'

export const AWS_CLI = '/usr/bin/aws'

export interface CliResult {
  readonly code: number
  readonly stdout: string
  readonly stderr: string
}

export function awsCli(endpoint: string, credentials: Credentials, args: readonly string[], cwd?: string): Promise<CliResult> {
  const home = mkdtempSync(join(tmpdir(), 'portcullis-cli-home-'))
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: home,
    AWS_ACCESS_KEY_ID: credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
    AWS_DEFAULT_REGION: 'us-east-1',
    AWS_CONFIG_FILE: join(home, 'config'),
    AWS_SHARED_CREDENTIALS_FILE: join(home, 'credentials'),
    AWS_PAGER: '',
    AWS_EC2_METADATA_DISABLED: 'true'
  }
  if (credentials.sessionToken) env.AWS_SESSION_TOKEN = credentials.sessionToken
  return new Promise((resolve) => {
    execFile(AWS_CLI, ['--endpoint-url', endpoint, '--output', 'json', ...args], { env, cwd, timeout: 60_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0
      resolve({ code, stdout, stderr })
    })
  })
}

/** The JSON a successful command printed. */
export async function awsJson<T>(endpoint: string, credentials: Credentials, args: readonly string[], cwd?: string): Promise<T> {
  const r = await awsCli(endpoint, credentials, args, cwd)
  if (r.code !== 0) throw new Error(`aws ${args.join(' ')} failed (${r.code}): ${r.stderr}`)
  return (r.stdout.trim() ? JSON.parse(r.stdout) : {}) as T
}
