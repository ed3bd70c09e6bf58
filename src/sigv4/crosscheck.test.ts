// Cross-check against the AWS SDK's own signer (@smithy/signature-v4): random IAM/STS Query API
// requests — POST form bodies, GET query strings with spaces, '~', '*', '+', '%', unicode,
// presigned URLs, session tokens — signed by the SDK must pass our verify(), and our sign() and
// presign() must produce the SDK's signatures.

import { Sha256 } from '@aws-crypto/sha256-js'
import { SignatureV4 } from '@smithy/signature-v4'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { isSigV4Error, parseAuth, presign, sign, verify, type SignedRequest } from './index.js'
import { nodeHeaders, presignedRequest, utf8 } from './test-support/requests.js'

// ------------------------------------------------------------------ the SDK's wire encoding

/** The SDK's query-string and form encoding (encodeURIComponent, plus !'()*). */
const escapeUri = (text: string): string => encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)

type Query = Record<string, string | string[]>

/** How the SDK's HTTP handler writes a query object on the wire. */
function wireQuery(query: Query): string {
  const parts: string[] = []
  for (const key of Object.keys(query).sort()) {
    const value = query[key] as string | string[]
    for (const v of Array.isArray(value) ? value : [value]) parts.push(`${escapeUri(key)}=${escapeUri(v)}`)
  }
  return parts.join('&')
}

interface SdkRequest {
  method: string
  protocol: string
  hostname: string
  path: string
  query: Query
  headers: Record<string, string>
  body?: string
}

function asServerSees(request: SdkRequest): SignedRequest {
  return {
    method: request.method,
    path: request.path,
    query: wireQuery(request.query),
    headers: nodeHeaders(Object.entries(request.headers)),
    body: utf8(request.body ?? '')
  }
}

function sdkSigner(creds: { accessKeyId: string; secretAccessKey: string; sessionToken?: string }, region: string, service: string) {
  return new SignatureV4({ credentials: creds, region, service, sha256: Sha256 })
}

// ------------------------------------------------------------------ generators

const awkward = fc.constantFrom(' ', '~', '*', '+', '%', '&', '=', '/', '?', '#', ';', ',', "'", '!', '(', ')', 'ü', 'ሴ', '😀', '%20', '+%2B', '\t')
const text = fc.array(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 4 }), awkward), { maxLength: 6 }).map((pieces) => pieces.join(''))
const name = text.filter((n) => n !== '' && !n.startsWith('X-Amz-'))
const params = fc.dictionary(name, fc.oneof(text, fc.array(text, { minLength: 1, maxLength: 3 })), { maxKeys: 6 })
const pathSegments = fc.array(
  fc.oneof(
    text.filter((s) => s !== '' && s !== '.' && s !== '..'),
    fc.constant('')
  ),
  { maxLength: 3 }
)

const credentials = fc.record(
  {
    accessKeyId: fc.constantFrom('AKIDEXAMPLE', 'AKIAIOSFODNN7EXAMPLE', 'ASIAXYZ0123456789'),
    secretAccessKey: fc.string({ minLength: 1, maxLength: 40, unit: 'binary-ascii' }),
    // Session tokens are base64 text.
    sessionToken: fc.stringMatching(/^[A-Za-z0-9+/]{1,60}={0,2}$/)
  },
  { requiredKeys: ['accessKeyId', 'secretAccessKey'] }
)
const regions = fc.constantFrom('us-east-1', 'aws-global', 'eu-west-3', 'us-gov-west-1', 'cn-north-1', 'local')
const services = fc.constantFrom('iam', 'sts')
const when = fc.date({ min: new Date('2015-01-01T00:00:00Z'), max: new Date('2035-12-31T23:59:59Z'), noInvalidDate: true })

const queryRequest = fc.record({
  method: fc.constantFrom('GET', 'POST'),
  segments: pathSegments,
  trailingSlash: fc.boolean(),
  params,
  action: fc.constantFrom('ListUsers', 'GetCallerIdentity', 'CreateUser', 'AssumeRole'),
  extraHeader: fc.option(
    fc.tuple(
      fc.constantFrom('X-Amz-Meta-Note', 'Content-Language'),
      text.map((t) => t.replace(/[^\x20-\x7e]/g, 'x'))
    ),
    { nil: undefined }
  )
})

type QueryRequest = typeof queryRequest extends fc.Arbitrary<infer T> ? T : never

/** An IAM Query API call as the SDK builds it: form body for POST, query string for GET. */
function sdkRequest(r: QueryRequest, service: string): SdkRequest {
  const path = r.segments.length === 0 ? '/' : `/${r.segments.map(escapeUri).join('/')}${r.trailingSlash ? '/' : ''}`
  const all: Query = { ...r.params, Action: r.action, Version: service === 'iam' ? '2010-05-08' : '2011-06-15' }
  const headers: Record<string, string> = { host: `${service}.amazonaws.com` }
  if (r.extraHeader !== undefined) headers[r.extraHeader[0]] = r.extraHeader[1]
  if (r.method === 'GET') return { method: 'GET', protocol: 'https:', hostname: headers.host as string, path, query: all, headers }
  headers['content-type'] = 'application/x-www-form-urlencoded; charset=utf-8'
  return { method: 'POST', protocol: 'https:', hostname: headers.host as string, path, query: {}, headers, body: wireQuery(all) }
}

function accepted(req: SignedRequest, secret: string, now: Date, service: string): string | undefined {
  const auth = parseAuth(req)
  if (isSigV4Error(auth)) return `${auth.code}: ${auth.message}`
  return verify(req, auth, secret, { now, services: ['iam', 'sts'].sort((a) => (a === service ? -1 : 1)) })?.message
}

const RUNS = { numRuns: 150 }

describe('requests signed by @smithy/signature-v4', () => {
  it('verify() accepts Authorization-header requests', async () => {
    await fc.assert(
      fc.asyncProperty(queryRequest, credentials, regions, services, when, async (r, creds, region, service, now) => {
        const request = sdkRequest(r, service)
        const signed = (await sdkSigner(creds, region, service).sign(request, { signingDate: now })) as SdkRequest
        const req = asServerSees(signed)
        expect(accepted(req, creds.secretAccessKey, now, service)).toBeUndefined()
        const auth = parseAuth(req)
        expect(isSigV4Error(auth) ? undefined : auth.securityToken).toBe(creds.sessionToken)
      }),
      RUNS
    )
  })

  it('our sign() gives the same Authorization header', async () => {
    await fc.assert(
      fc.asyncProperty(queryRequest, credentials, regions, services, when, async (r, creds, region, service, now) => {
        const request = sdkRequest(r, service)
        const signed = (await sdkSigner(creds, region, service).sign(request, { signingDate: now })) as SdkRequest
        const req = asServerSees(signed)
        const url = new URL(`https://${request.hostname}${req.path}${req.query === '' ? '' : `?${req.query}`}`)
        // The SDK adds x-amz-content-sha256 before signing; give it to ours the same way.
        const given = { ...request.headers, 'x-amz-content-sha256': signed.headers['x-amz-content-sha256'] as string }
        const ours = sign({ method: request.method, url, headers: given, body: req.body }, creds, { region, service }, now)
        expect(ours.authorization).toBe(signed.headers.authorization)
        expect(ours['x-amz-date']).toBe(signed.headers['x-amz-date'])
      }),
      RUNS
    )
  })

  it('verify() accepts presigned URLs, and presign() signs them the same way', async () => {
    const expiresIn = fc.integer({ min: 1, max: 604_800 })
    await fc.assert(
      fc.asyncProperty(queryRequest, credentials, regions, services, when, expiresIn, async (r, creds, region, service, now, expires) => {
        const request = sdkRequest({ ...r, method: 'GET', extraHeader: undefined }, service)
        const presigned = (await sdkSigner(creds, region, service).presign(request, { signingDate: now, expiresIn: expires })) as SdkRequest
        const req = asServerSees(presigned)
        expect(accepted(req, creds.secretAccessKey, now, service)).toBeUndefined()
        const auth = parseAuth(req)
        expect(isSigV4Error(auth) ? undefined : auth.expiresSeconds).toBe(expires)

        const url = new URL(`https://${request.hostname}${request.path}?${wireQuery(request.query)}`)
        const ours = presign(url, creds, { region, service }, now, { expiresSeconds: expires })
        expect(ours.searchParams.get('X-Amz-Signature')).toBe(presigned.query['X-Amz-Signature'])
        expect(accepted(presignedRequest(ours), creds.secretAccessKey, now, service)).toBeUndefined()
      }),
      RUNS
    )
  })

  it('verify() accepts an SDK presigned URL with UNSIGNED-PAYLOAD', async () => {
    const now = new Date('2026-03-01T10:00:00Z')
    const creds = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' }
    const request: SdkRequest = {
      method: 'GET',
      protocol: 'https:',
      hostname: 'sts.amazonaws.com',
      path: '/',
      query: { Action: 'GetCallerIdentity', Version: '2011-06-15' },
      headers: { host: 'sts.amazonaws.com', 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' }
    }
    const presigned = (await sdkSigner(creds, 'us-east-1', 'sts').presign(request, { signingDate: now, expiresIn: 60 })) as SdkRequest
    // The SDK hoists the header into the query under its lower-case name.
    expect(presigned.query['x-amz-content-sha256']).toBe('UNSIGNED-PAYLOAD')
    expect(accepted(asServerSees(presigned), creds.secretAccessKey, now, 'sts')).toBeUndefined()
  })
})
