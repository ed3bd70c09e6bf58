// Tampering: any change to what was signed — a body byte, a signed header, the query, the date,
// the method, the path, the scope — turns a valid request into SignatureDoesNotMatch (or into the
// specific error for the date window). Changes outside the signature (header order, query order,
// unsigned headers) do not.

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { isSigV4Error, parseAuth, presign, verify, type SignedRequest, type SigV4Error } from './index.js'
import { presignedRequest, signedRequest } from './test-support/requests.js'

const SECRET = 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY'
const TOKEN = 'IQoJb3JpZ2luX2VjEXAMPLETOKEN+/=='
const creds = { accessKeyId: 'ASIAEXAMPLE', secretAccessKey: SECRET, sessionToken: TOKEN }
const NOW = new Date('2026-11-28T12:00:00Z')
const IAM = { region: 'us-east-1', service: 'iam' }
const MISMATCH = { code: 'SignatureDoesNotMatch', status: 403, message: expect.stringMatching(/^The request signature we calculated/) }

function check(req: SignedRequest): SigV4Error | undefined {
  const auth = parseAuth(req)
  return isSigV4Error(auth) ? auth : verify(req, auth, SECRET, { now: NOW, services: ['iam', 'sts'] })
}

function setHeader(req: SignedRequest, name: string, value: string): SignedRequest {
  return { ...req, headers: { ...req.headers, [name]: value } }
}

const formBody = fc
  .dictionary(fc.string({ minLength: 1, maxLength: 8 }), fc.string({ maxLength: 12 }), { minKeys: 1, maxKeys: 5 })
  .map((params) => new URLSearchParams({ Action: 'CreateUser', Version: '2010-05-08', ...params }).toString())

function postRequest(body: string, url = 'https://iam.amazonaws.com/'): SignedRequest {
  return signedRequest({ method: 'POST', url: new URL(url), headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' }, body }, creds, IAM, NOW)
}

describe('Authorization-header requests', () => {
  it('any single changed body byte is caught', () => {
    fc.assert(
      fc.property(formBody, fc.nat(), fc.integer({ min: 1, max: 255 }), (body, at, delta) => {
        const req = postRequest(body)
        expect(check(req)).toBeUndefined()
        const bytes = Uint8Array.from(req.body)
        const i = at % bytes.length
        bytes[i] = ((bytes[i] as number) + delta) % 256
        expect(check({ ...req, body: bytes })).toEqual(MISMATCH)
      }),
      { numRuns: 200 }
    )
  })

  it('a truncated or extended body is caught', () => {
    const req = postRequest('Action=ListUsers&Version=2010-05-08')
    expect(check({ ...req, body: req.body.subarray(0, req.body.length - 1) })).toEqual(MISMATCH)
    expect(check({ ...req, body: Uint8Array.from([...req.body, 0x26]) })).toEqual(MISMATCH)
  })

  it('a changed signed header is caught', () => {
    const req = postRequest('Action=ListUsers&Version=2010-05-08')
    expect(check(setHeader(req, 'content-type', 'application/json'))).toEqual(MISMATCH)
    expect(check(setHeader(req, 'host', 'evil.example.com'))).toEqual(MISMATCH)
    expect(check(setHeader(req, 'x-amz-security-token', `${TOKEN}x`))).toEqual(MISMATCH)
    expect(check(setHeader(req, 'x-amz-date', '20261128T120001Z'))).toEqual(MISMATCH)
  })

  it('a removed signed header is caught', () => {
    const req = postRequest('Action=ListUsers&Version=2010-05-08')
    const headers = { ...req.headers }
    delete headers['content-type']
    expect(check({ ...req, headers })).toEqual(MISMATCH)
  })

  it('a date moved out of the window gets the window error instead', () => {
    const req = setHeader(postRequest('Action=ListUsers'), 'x-amz-date', '20261128T100000Z')
    expect(check(req)).toMatchObject({ code: 'SignatureDoesNotMatch', message: expect.stringMatching(/^Signature expired: 20261128T100000Z/) })
  })

  it('a changed method, path or query is caught', () => {
    const req = postRequest('Action=ListUsers&Version=2010-05-08')
    expect(check({ ...req, method: 'PUT' })).toEqual(MISMATCH)
    expect(check({ ...req, path: '/x' })).toEqual(MISMATCH)
    expect(check({ ...req, query: 'Action=DeleteUser' })).toEqual(MISMATCH)
  })

  it('a changed query value, name or extra parameter is caught; parameter order is not', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.string({ minLength: 1, maxLength: 6 }), { minLength: 2, maxLength: 5 }), (values) => {
        const params = new URLSearchParams({ Action: 'ListUsers', Version: '2010-05-08' })
        values.forEach((v, i) => params.append(`P${i}`, v))
        const req = signedRequest({ method: 'GET', url: new URL(`https://iam.amazonaws.com/?${params.toString()}`) }, creds, IAM, NOW)
        expect(check(req)).toBeUndefined()
        const reversed = req.query.split('&').reverse().join('&')
        expect(check({ ...req, query: reversed })).toBeUndefined()
        const changed = new URLSearchParams(req.query)
        changed.set('P0', values[1] as string)
        expect(check({ ...req, query: changed.toString() })).toEqual(MISMATCH)
        expect(check({ ...req, query: `${req.query}&Extra=1` })).toEqual(MISMATCH)
        expect(check({ ...req, query: req.query.replace('P1=', 'Q1=') })).toEqual(MISMATCH)
      }),
      { numRuns: 100 }
    )
  })

  it('a changed scope is caught', () => {
    const req = postRequest('Action=ListUsers')
    const authorization = req.headers.authorization as string
    expect(check(setHeader(req, 'authorization', authorization.replace('/us-east-1/', '/eu-west-1/')))).toEqual(MISMATCH)
    expect(check(setHeader(req, 'authorization', authorization.replace('/iam/', '/sts/')))).toEqual(MISMATCH)
    expect(check(setHeader(req, 'authorization', authorization.replace('SignedHeaders=content-type;', 'SignedHeaders=')))).toEqual(MISMATCH)
  })

  it('an unsigned header may be added, and headers may come in any order', () => {
    const req = postRequest('Action=ListUsers')
    expect(check(setHeader(req, 'user-agent', 'aws-cli/2'))).toBeUndefined()
    const reordered = Object.fromEntries(Object.entries(req.headers).reverse())
    expect(check({ ...req, headers: reordered })).toBeUndefined()
  })
})

describe('presigned URLs', () => {
  const url = new URL('https://sts.amazonaws.com/?Action=GetCallerIdentity&Version=2011-06-15')
  const STS = { region: 'us-east-1', service: 'sts' }

  it('a changed parameter is caught', () => {
    const signed = presign(url, creds, STS, NOW, { expiresSeconds: 300 })
    expect(check(presignedRequest(signed))).toBeUndefined()
    for (const [name, value] of [
      ['Action', 'AssumeRole'],
      ['X-Amz-Expires', '301'],
      ['X-Amz-Date', '20261128T120001Z'],
      ['X-Amz-Security-Token', `${TOKEN}x`],
      ['X-Amz-SignedHeaders', 'host;x-amz-date']
    ] as const) {
      const tampered = new URL(signed.href)
      tampered.searchParams.set(name, value)
      expect(check(presignedRequest(tampered))).toEqual(MISMATCH)
    }
    const withoutToken = new URL(signed.href)
    withoutToken.searchParams.delete('X-Amz-Security-Token')
    expect(check(presignedRequest(withoutToken))).toEqual(MISMATCH)
  })

  it('another host or method is caught', () => {
    const signed = presign(url, creds, STS, NOW)
    expect(check({ ...presignedRequest(signed), headers: { host: 'evil.example.com' } })).toEqual(MISMATCH)
    expect(check(presignedRequest(signed, 'POST'))).toEqual(MISMATCH)
  })
})
