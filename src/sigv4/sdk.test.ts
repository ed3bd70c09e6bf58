// The real AWS SDK for JavaScript v3 (IAM and STS clients) against a loopback HTTP server that
// checks each request with parseAuth() + verify(): what the SDK actually sends (its own headers,
// form bodies, odd parameter values, session tokens, endpoints with a port) must verify, and a
// wrong secret must come back to the SDK as SignatureDoesNotMatch.

import { CreateUserCommand, IAMClient, ListUsersCommand } from '@aws-sdk/client-iam'
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts'
import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { isSigV4Error, parseAuth, verify, type SignedRequest, type SigV4Error } from './index.js'

const SECRETS: Record<string, string> = {
  AKIAIOSFODNN7EXAMPLE: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  ASIAIOSFODNN7EXAMPLE: 'je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY'
}

let server: Server
let endpoint = ''
const seen: SignedRequest[] = []

function toSignedRequest(req: IncomingMessage, body: Uint8Array): SignedRequest {
  const target = req.url ?? '/'
  const q = target.indexOf('?')
  return {
    method: req.method ?? 'GET',
    path: q < 0 ? target : target.slice(0, q),
    query: q < 0 ? '' : target.slice(q + 1),
    headers: req.headersDistinct,
    body
  }
}

function authenticate(req: SignedRequest): SigV4Error | undefined {
  const auth = parseAuth(req)
  if (isSigV4Error(auth)) return auth
  const secret = SECRETS[auth.scope.accessKeyId]
  if (secret === undefined) return { code: 'InvalidClientTokenId', message: 'unknown', status: 403 }
  return verify(req, auth, secret, { now: new Date(), services: ['iam', 'sts'] })
}

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const signed = toSignedRequest(req, new Uint8Array(Buffer.concat(chunks)))
      seen.push(signed)
      const error = authenticate(signed)
      res.setHeader('content-type', 'text/xml')
      if (error !== undefined) {
        res.statusCode = error.status
        res.end(`<ErrorResponse><Error><Type>Sender</Type><Code>${error.code}</Code><Message>${error.message}</Message></Error><RequestId>r</RequestId></ErrorResponse>`)
        return
      }
      const action = new URLSearchParams(Buffer.from(signed.body).toString('utf8')).get('Action') ?? 'Unknown'
      const ns = action === 'GetCallerIdentity' ? 'https://sts.amazonaws.com/doc/2011-06-15/' : 'https://iam.amazonaws.com/doc/2010-05-08/'
      const result =
        action === 'GetCallerIdentity'
          ? '<Arn>arn:aws:iam::123456789012:user/alice</Arn><UserId>AIDAEXAMPLE</UserId><Account>123456789012</Account>'
          : action === 'ListUsers'
            ? '<Users/><IsTruncated>false</IsTruncated>'
            : ''
      res.end(`<${action}Response xmlns="${ns}"><${action}Result>${result}</${action}Result><ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></${action}Response>`)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()))
})

const longTerm = { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: SECRETS.AKIAIOSFODNN7EXAMPLE as string }
const temporary = { accessKeyId: 'ASIAIOSFODNN7EXAMPLE', secretAccessKey: SECRETS.ASIAIOSFODNN7EXAMPLE as string, sessionToken: 'FwoGZXIvYXdzEXAMPLE//token+with/slashes==' }

describe('AWS SDK v3 clients against verify()', () => {
  it('STS GetCallerIdentity, regional signing', async () => {
    const sts = new STSClient({ endpoint, region: 'eu-west-1', credentials: longTerm, maxAttempts: 1 })
    const out = await sts.send(new GetCallerIdentityCommand({}))
    expect(out.Account).toBe('123456789012')
  })

  it('STS with temporary credentials (x-amz-security-token)', async () => {
    const sts = new STSClient({ endpoint, region: 'us-east-1', credentials: temporary, maxAttempts: 1 })
    await sts.send(new GetCallerIdentityCommand({}))
    const last = seen[seen.length - 1] as SignedRequest
    const auth = parseAuth(last)
    expect(isSigV4Error(auth) ? undefined : auth.securityToken).toBe(temporary.sessionToken)
  })

  it('IAM ListUsers and CreateUser with awkward parameter values', async () => {
    const iam = new IAMClient({ endpoint, region: 'us-east-1', credentials: longTerm, maxAttempts: 1 })
    await iam.send(new ListUsersCommand({ PathPrefix: '/division_abc/sub division~*/', MaxItems: 10 }))
    await iam.send(
      new CreateUserCommand({
        UserName: 'ünïcødé+name=@,.-_',
        Path: '/a b/c~d*e/',
        Tags: [{ Key: 'team name', Value: "O'Brien & Co. (ops) 😀 %20 + ~" }]
      })
    )
  })

  it('a wrong secret reaches the SDK as SignatureDoesNotMatch', async () => {
    const iam = new IAMClient({ endpoint, region: 'us-east-1', credentials: { ...longTerm, secretAccessKey: 'wrong' }, maxAttempts: 1 })
    await expect(iam.send(new ListUsersCommand({}))).rejects.toMatchObject({
      name: 'SignatureDoesNotMatch',
      message: expect.stringMatching(/^The request signature we calculated does not match/),
      $metadata: { httpStatusCode: 403 }
    })
  })
})
