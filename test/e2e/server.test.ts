// The server as a whole: bad input of every kind answered with an AWS error (never a 500 or a
// stack trace), account isolation, accounts added while it runs, dev mode, and the root
// credentials it writes.

import { execFileSync } from 'node:child_process'
import { readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { CreateUserCommand, GetUserCommand, ListUsersCommand } from '@aws-sdk/client-iam'
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { errorOf, presignedQuery, rawRequest, signedQuery } from './support/raw.js'
import { startTestServer, type TestServer } from './support/server.js'

const cli = join(import.meta.dirname, '../../dist/cli/main.js')
let server: TestServer

beforeAll(async () => {
  server = await startTestServer()
})
afterAll(async () => {
  await server.close()
})

describe('bad input gets a clear AWS error', () => {
  it('a garbage body', async () => {
    const res = await signedQuery(server.url, server.root, '\u0000\u0001%%%zz&&==&Action')
    expect(res.status).toBe(400)
    expect(res.body).toContain('<ErrorResponse')
    expect(res.headers['x-amzn-requestid']).toBeTruthy()
  })

  it('an unknown action', async () => {
    const res = await signedQuery(server.url, server.root, 'Action=MakeCoffee&Version=2010-05-08')
    expect(res.status).toBe(400)
    expect(errorOf(res.body).code).toBe('InvalidAction')
  })

  it('a 10 MB body is refused before it is read', async () => {
    const res = await rawRequest(server.url, {
      headers: { 'content-length': String(10 * 1024 * 1024), 'content-type': 'application/x-www-form-urlencoded' },
      body: 'Action=ListUsers'
    })
    expect(res.status).toBe(413)
    expect(errorOf(res.body).code).toBe('RequestEntityTooLarge')
  })

  it('a body that is not UTF-8', async () => {
    const res = await signedQuery(server.url, server.root, new Uint8Array([0x41, 0x63, 0x74, 0x69, 0x6f, 0x6e, 0x3d, 0xff, 0xfe]))
    // AWS's CommonErrors page gives MalformedQueryString the status 404.
    expect(res.status).toBe(404)
    expect(errorOf(res.body).code).toBe('MalformedQueryString')
  })

  it('raw UTF-8 in a body is read as UTF-8, not byte by byte', async () => {
    const body = new TextEncoder().encode('Action=CreateUser&Version=2010-05-08&UserName=utf8-raw&Tags.member.1.Key=city&Tags.member.1.Value=Zürich')
    expect((await signedQuery(server.url, server.root, body)).status).toBe(200)
    const tags = await signedQuery(server.url, server.root, 'Action=ListUserTags&Version=2010-05-08&UserName=utf8-raw')
    expect(tags.body).toContain('<Value>Zürich</Value>')
  })

  it('a request without any signature', async () => {
    const res = await rawRequest(server.url, { headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'Action=ListUsers&Version=2010-05-08' })
    expect(res.status).toBe(403)
    expect(errorOf(res.body).code).toBe('MissingAuthenticationToken')
  })

  it('a wrong secret', async () => {
    const res = await signedQuery(server.url, { accessKeyId: server.root.accessKeyId, secretAccessKey: 'x'.repeat(40) }, 'Action=ListUsers&Version=2010-05-08')
    expect(res.status).toBe(403)
    expect(errorOf(res.body).code).toBe('SignatureDoesNotMatch')
  })

  it('a key the server never issued', async () => {
    const res = await signedQuery(server.url, { accessKeyId: 'AKIANOTAREALKEY00000', secretAccessKey: 'x'.repeat(40) }, 'Action=ListUsers&Version=2010-05-08')
    expect(res.status).toBe(403)
    expect(errorOf(res.body)).toEqual({ code: 'InvalidClientTokenId', message: 'The security token included in the request is invalid.' })
  })

  it('a request signed 20 minutes ago', async () => {
    const res = await signedQuery(server.url, server.root, 'Action=ListUsers&Version=2010-05-08', { now: new Date(Date.now() - 20 * 60_000) })
    expect(res.status).toBe(403)
    expect(errorOf(res.body).message).toMatch(/^Signature expired: \d{8}T\d{6}Z is now earlier than/)
  })

  it('a presigned URL works until it expires, and not after', async () => {
    const fresh = presignedQuery(server.url, server.root, 'Action=ListUsers&Version=2010-05-08', 60, new Date())
    expect((await rawRequest(server.url, { method: 'GET', path: fresh.pathname + fresh.search })).status).toBe(200)
    const stale = presignedQuery(server.url, server.root, 'Action=ListUsers&Version=2010-05-08', 60, new Date(Date.now() - 5 * 60_000))
    const res = await rawRequest(server.url, { method: 'GET', path: stale.pathname + stale.search })
    expect(res.status).toBe(403)
    expect(errorOf(res.body).code).toBeDefined()
  })

  it('a tampered body', async () => {
    // Sign one body, send another.
    const { sign } = await import('../../src/sigv4/index.js')
    const target = new URL('/', server.url)
    const headers = { 'content-type': 'application/x-www-form-urlencoded', host: target.host }
    const added = sign(
      { method: 'POST', url: target, headers, body: new TextEncoder().encode('Action=ListUsers&Version=2010-05-08') },
      server.root,
      { region: 'us-east-1', service: 'iam' },
      new Date()
    )
    const res = await rawRequest(server.url, { headers: { ...headers, ...added }, body: 'Action=ListUsers&Version=2010-05-08&MaxItems=1' })
    expect(res.status).toBe(403)
    expect(errorOf(res.body).code).toBe('SignatureDoesNotMatch')
  })

  it('the reset endpoint is refused in enforce mode', async () => {
    const res = await rawRequest(server.url, { path: '/_portcullis/reset' })
    expect(res.status).toBe(403)
  })
})

describe('accounts', () => {
  it('writes the root credentials readable by the owner only', () => {
    const file = join(server.dataDir, 'root-credentials.csv')
    expect(statSync(file).mode & 0o777).toBe(0o600)
    expect(readFileSync(file, 'utf8')).toContain(server.root.secretAccessKey)
    expect(statSync(join(server.dataDir, 'master.key')).mode & 0o777).toBe(0o600)
  })

  it('adds an account while the server runs; accounts are isolated', async () => {
    const out = execFileSync(process.execPath, [cli, 'account', 'create', '--data-dir', server.dataDir, '--account-id', '210987654321'], { encoding: 'utf8' })
    const second = JSON.parse(out) as { accountId: string; accessKeyId: string; secretAccessKey: string; password: string }
    expect(second.accountId).toBe('210987654321')
    const other = server.iam({ accessKeyId: second.accessKeyId, secretAccessKey: second.secretAccessKey })
    expect((await server.sts({ accessKeyId: second.accessKeyId, secretAccessKey: second.secretAccessKey }).send(new GetCallerIdentityCommand({}))).Arn).toBe(
      'arn:aws:iam::210987654321:root'
    )
    await other.send(new CreateUserCommand({ UserName: 'only-in-second' }))
    await server.iam().send(new CreateUserCommand({ UserName: 'only-in-first' }))
    expect((await other.send(new ListUsersCommand({}))).Users?.map((u) => u.UserName)).toEqual(['only-in-second'])
    await expect(server.iam().send(new GetUserCommand({ UserName: 'only-in-second' }))).rejects.toMatchObject({ name: 'NoSuchEntityException' })
  })
})

describe('dev mode', () => {
  let dev: TestServer
  beforeAll(async () => {
    dev = await startTestServer({ auth: 'dev', accountId: '000000000000' })
  })
  afterAll(async () => {
    await dev.close()
  })

  it('lets an unknown key act as the default account root, and a 12-digit key as that account', async () => {
    const anyKey = { accessKeyId: 'test', secretAccessKey: 'test' }
    expect((await dev.sts(anyKey).send(new GetCallerIdentityCommand({}))).Account).toBe('000000000000')
    const byId = { accessKeyId: '111111111111', secretAccessKey: 'test' }
    expect((await dev.sts(byId).send(new GetCallerIdentityCommand({}))).Account).toBe('111111111111')
  })

  it('still enforces keys it issued', async () => {
    const res = await signedQuery(dev.url, { accessKeyId: dev.root.accessKeyId, secretAccessKey: 'wrong'.repeat(8) }, 'Action=ListUsers&Version=2010-05-08')
    expect(errorOf(res.body).code).toBe('SignatureDoesNotMatch')
  })

  it('wipes everything on reset', async () => {
    const anyKey = { accessKeyId: 'test', secretAccessKey: 'test' }
    await dev.iam(anyKey).send(new CreateUserCommand({ UserName: 'ephemeral' }))
    const res = await rawRequest(dev.url, { path: '/_portcullis/reset' })
    expect(res.status).toBe(200)
    expect((await dev.iam(anyKey).send(new ListUsersCommand({}))).Users).toEqual([])
  })
})
