// `portcullis serve` as a user runs it: first start creates the account and prints its root
// credentials once; an acknowledged write survives `kill -9`; a restart keeps the account.

import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { CreateUserCommand, GetUserCommand, IAMClient } from '@aws-sdk/client-iam'
import { describe, expect, it } from 'vitest'
import { serveProcess, stop } from './support/process.js'

function client(url: string, dataDir: string): IAMClient {
  const [, line] = readFileSync(join(dataDir, 'root-credentials.csv'), 'utf8').trim().split('\n')
  const [, , , accessKeyId, secretAccessKey] = (line as string).split(',') as [string, string, string, string, string]
  return new IAMClient({ endpoint: url, region: 'us-east-1', credentials: { accessKeyId, secretAccessKey }, maxAttempts: 1 })
}

describe('portcullis serve', () => {
  it('creates the first account on first start, and a killed server loses no acknowledged write', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'portcullis-serve-'))
    const first = await serveProcess(['--port', '0', '--data-dir', dataDir, '--account-id', '123412341234'])
    expect(first.output).toContain('Created account 123412341234')
    expect(first.output).toMatch(/Secret access key: \S{40}/)
    await client(first.url, dataDir).send(new CreateUserCommand({ UserName: 'durable' }))
    await stop(first, 'SIGKILL')

    const second = await serveProcess(['--port', '0', '--data-dir', dataDir])
    try {
      expect(second.output).not.toContain('Created account')
      const user = await client(second.url, dataDir).send(new GetUserCommand({ UserName: 'durable' }))
      expect(user.User?.Arn).toBe('arn:aws:iam::123412341234:user/durable')
    } finally {
      await stop(second)
    }
  })
})
