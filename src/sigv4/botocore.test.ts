// Cross-check against botocore, the signer inside the AWS CLI: IAM/STS Query requests (POST form
// bodies, GET query strings, presigned URLs, session tokens) signed by botocore must pass verify().
// Runs where python3 can import botocore (the AWS CLI's library); skipped elsewhere.

import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { isSigV4Error, parseAuth, verify, type SignedRequest } from './index.js'
import { nodeHeaders, utf8 } from './test-support/requests.js'

const SCRIPT = fileURLToPath(new URL('./test-support/botocore-sign.py', import.meta.url))
const hasBotocore = spawnSync('python3', ['-c', 'import botocore'], { stdio: 'ignore' }).status === 0

interface BotocoreCase {
  method: 'GET' | 'POST'
  url: string
  params: Array<[string, string]>
  accessKeyId: string
  secretAccessKey: string
  sessionToken?: string
  region: string
  service: string
  now: string
  presign?: boolean
  expires?: number
}

interface Sent {
  method: string
  url: string
  headers: Record<string, string>
  body: string
}

function signWithBotocore(cases: BotocoreCase[]): Sent[] {
  const run = spawnSync('python3', [SCRIPT], { input: JSON.stringify(cases), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
  if (run.status !== 0) throw new Error(run.stderr)
  return JSON.parse(run.stdout) as Sent[]
}

/** The request line and headers as they reach the server (host from the URL, as the HTTP client sends it). */
function asServerSees(sent: Sent): SignedRequest {
  const afterScheme = sent.url.slice(sent.url.indexOf('//') + 2)
  const slash = afterScheme.indexOf('/')
  const host = slash < 0 ? afterScheme : afterScheme.slice(0, slash)
  const target = slash < 0 ? '/' : afterScheme.slice(slash)
  const q = target.indexOf('?')
  return {
    method: sent.method,
    path: q < 0 ? target : target.slice(0, q),
    query: q < 0 ? '' : target.slice(q + 1),
    headers: nodeHeaders([['host', host], ...Object.entries(sent.headers)]),
    body: utf8(sent.body)
  }
}

const value = fc
  .array(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 4 }), fc.constantFrom(' ', '~', '*', '+', '%', '&', '=', '/', "'", 'ü', '😀', '%20')), { maxLength: 5 })
  .map((pieces) => pieces.join(''))

const botocoreCase: fc.Arbitrary<BotocoreCase> = fc
  .record({
    method: fc.constantFrom<'GET' | 'POST'>('GET', 'POST'),
    service: fc.constantFrom('iam', 'sts'),
    region: fc.constantFrom('us-east-1', 'eu-west-1', 'aws-global'),
    params: fc.array(
      fc.tuple(
        value.filter((v) => v !== ''),
        value
      ),
      { maxLength: 5 }
    ),
    token: fc.option(fc.stringMatching(/^[A-Za-z0-9+/]{8,40}={0,2}$/), { nil: undefined }),
    secret: fc.stringMatching(/^[A-Za-z0-9+/]{40}$/),
    presign: fc.boolean(),
    expires: fc.integer({ min: 1, max: 604_800 }),
    now: fc.date({ min: new Date('2016-01-01T00:00:00Z'), max: new Date('2035-01-01T00:00:00Z'), noInvalidDate: true })
  })
  .map((r) => ({
    // Presigned URLs are GET, their parameters in the query (as boto3's generate_presigned_url gives them).
    method: r.presign ? 'GET' : r.method,
    url: `http://localhost:8080/`,
    params: [['Action', r.service === 'iam' ? 'ListUsers' : 'GetCallerIdentity'], ['Version', r.service === 'iam' ? '2010-05-08' : '2011-06-15'], ...r.params],
    accessKeyId: r.token === undefined ? 'AKIAIOSFODNN7EXAMPLE' : 'ASIAIOSFODNN7EXAMPLE',
    secretAccessKey: r.secret,
    ...(r.token === undefined ? {} : { sessionToken: r.token }),
    region: r.region,
    service: r.service,
    now: new Date(Math.floor(r.now.getTime() / 1000) * 1000).toISOString(),
    presign: r.presign,
    expires: r.expires
  }))

describe.skipIf(!hasBotocore)('requests signed by botocore (AWS CLI)', () => {
  it('verify() accepts them', () => {
    const cases = fc.sample(botocoreCase, { numRuns: 300, seed: 20261128 })
    const sent = signWithBotocore(cases)
    cases.forEach((c, i) => {
      const req = asServerSees(sent[i] as Sent)
      const auth = parseAuth(req)
      if (isSigV4Error(auth)) throw new Error(`${auth.code}: ${auth.message}`)
      expect(auth.kind).toBe(c.presign === true ? 'query' : 'header')
      expect(auth.securityToken).toBe(c.sessionToken)
      const result = verify(req, auth, c.secretAccessKey, { now: new Date(c.now), services: [c.service] })
      expect(result, JSON.stringify({ c, sent: sent[i] })).toBeUndefined()
    })
  })
})
