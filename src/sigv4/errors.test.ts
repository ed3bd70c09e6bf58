// Every error path: code, message and HTTP status exactly as README.md lists them.

import { describe, expect, it } from 'vitest'
import { expiredToken, invalidClientTokenId, isSigV4Error, parseAuth, presign, verify, type ParsedAuth, type SignedRequest, type SigV4Error, type VerifyOptions } from './index.js'
import { sha256Hex } from './canonical.js'
import { presignedRequest, signedRequest, utf8 } from './test-support/requests.js'

const SECRET = 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY'
const creds = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: SECRET }
const NOW = new Date('2013-05-24T00:30:00Z')
const options: VerifyOptions = { now: NOW, services: ['iam', 'sts'] }
const IAM = { region: 'us-east-1', service: 'iam' }
const URL_IAM = new URL('https://iam.amazonaws.com/')
const BODY = 'Action=ListUsers&Version=2010-05-08'
const MISMATCH =
  'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.'

function post(at: Date = NOW, scope = IAM, headers: Record<string, string> = {}): SignedRequest {
  return signedRequest({ method: 'POST', url: URL_IAM, headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8', ...headers }, body: BODY }, creds, scope, at)
}

function withHeaders(req: SignedRequest, changes: Record<string, string | undefined>): SignedRequest {
  const headers: Record<string, string | string[] | undefined> = { ...req.headers }
  for (const [name, value] of Object.entries(changes)) {
    if (value === undefined) delete headers[name]
    else headers[name] = value
  }
  return { ...req, headers }
}

function parsed(req: SignedRequest): ParsedAuth {
  const auth = parseAuth(req)
  if (isSigV4Error(auth)) throw new Error(`unexpected ${auth.code}: ${auth.message}`)
  return auth
}

/** The first error, from parseAuth() or else verify(). */
function check(req: SignedRequest, opts: VerifyOptions = options): SigV4Error | undefined {
  const auth = parseAuth(req)
  return isSigV4Error(auth) ? auth : verify(req, auth, SECRET, opts)
}

function expectError(actual: SigV4Error | undefined, code: string, status: number, message: string): void {
  expect(actual).toEqual({ code, status, message })
}

const authHeader = (parts: string): string => `AWS4-HMAC-SHA256 ${parts}`
const CREDENTIAL = 'Credential=AKIDEXAMPLE/20130524/us-east-1/iam/aws4_request'
const SIGNED = 'SignedHeaders=content-type;host;x-amz-date'
const SIGNATURE = `Signature=${'0'.repeat(64)}`

describe('a valid request', () => {
  it('passes', () => {
    expect(check(post())).toBeUndefined()
  })
})

describe('no authentication', () => {
  it('MissingAuthenticationToken without an Authorization header or presigned query', () => {
    const req = withHeaders(post(), { authorization: undefined })
    expectError(check(req), 'MissingAuthenticationToken', 403, 'Request is missing Authentication Token')
  })

  it('MissingAuthenticationToken for an empty Authorization header', () => {
    expectError(check(withHeaders(post(), { authorization: '  ' })), 'MissingAuthenticationToken', 403, 'Request is missing Authentication Token')
  })

  it('MissingAuthenticationToken for a presigned algorithm other than SigV4', () => {
    const req = presignedRequest(new URL('https://sts.amazonaws.com/?Action=GetCallerIdentity&X-Amz-Algorithm=AWS4-HMAC-SHA1'))
    expectError(check(req), 'MissingAuthenticationToken', 403, 'Request is missing Authentication Token')
  })
})

describe('malformed Authorization header (IncompleteSignature)', () => {
  it('lists every missing part', () => {
    const req = withHeaders(post(), { authorization: 'AWS4-HMAC-SHA256', 'x-amz-date': undefined })
    expectError(
      check(req),
      'IncompleteSignature',
      400,
      "Authorization header requires 'Credential' parameter. Authorization header requires 'Signature' parameter. " +
        "Authorization header requires 'SignedHeaders' parameter. Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. " +
        'Authorization=AWS4-HMAC-SHA256'
    )
  })

  it('names only what is missing', () => {
    const req = withHeaders(post(), { authorization: authHeader(`${CREDENTIAL}, ${SIGNED}`) })
    expectError(check(req), 'IncompleteSignature', 400, "Authorization header requires 'Signature' parameter. Authorization=AWS4-HMAC-SHA256")
  })

  it('treats another scheme as a SigV4 header lacking everything, without echoing its credentials', () => {
    const req = withHeaders(post(), { authorization: 'Basic dXNlcjpwYXNzd29yZA==' })
    expectError(
      check(req),
      'IncompleteSignature',
      400,
      "Authorization header requires 'Credential' parameter. Authorization header requires 'Signature' parameter. " +
        "Authorization header requires 'SignedHeaders' parameter. Authorization=Basic"
    )
  })

  it('rejects a parameter without an equal sign', () => {
    const header = authHeader(`${CREDENTIAL}, SignedHeaders, ${SIGNATURE}`)
    expectError(
      check(withHeaders(post(), { authorization: header })),
      'IncompleteSignature',
      400,
      `'SignedHeaders' not a valid key=value pair (missing equal-sign) in Authorization header: '${header}'.`
    )
  })

  it('rejects an unsupported algorithm', () => {
    const req = withHeaders(post(), { authorization: `AWS4-HMAC-SHA512 ${CREDENTIAL}, ${SIGNED}, ${SIGNATURE}` })
    expectError(check(req), 'IncompleteSignature', 400, "Unsupported AWS 'algorithm': 'AWS4-HMAC-SHA512' (only AWS4-HMAC-SHA256 for now). ")
  })

  it('rejects a credential without five parts', () => {
    const req = withHeaders(post(), { authorization: authHeader(`Credential=AKIDEXAMPLE/20130524/us-east-1/iam, ${SIGNED}, ${SIGNATURE}`) })
    expectError(
      check(req),
      'IncompleteSignature',
      400,
      "Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term, got 'AKIDEXAMPLE/20130524/us-east-1/iam'"
    )
  })
})

describe('request date', () => {
  it('X-Amz-Date not in ISO 8601 basic format', () => {
    const req = withHeaders(post(), { 'x-amz-date': '2013-05-24T00:30:00Z' })
    expectError(check(req), 'IncompleteSignature', 400, "Date must be in ISO-8601 'basic format'. Got '2013-05-24T00:30:00Z'. See http://en.wikipedia.org/wiki/ISO_8601")
  })

  it('X-Amz-Date that is not a real time', () => {
    const req = withHeaders(post(), { 'x-amz-date': '20130231T003000Z' })
    expectError(check(req), 'IncompleteSignature', 400, "Date must be in ISO-8601 'basic format'. Got '20130231T003000Z'. See http://en.wikipedia.org/wiki/ISO_8601")
  })

  it('an HTTP Date header stands in for X-Amz-Date', () => {
    const req = withHeaders(post(), { 'x-amz-date': undefined, date: 'Fri, 24 May 2013 00:30:00 GMT' })
    expect(parsed(req).amzDate).toBe('20130524T003000Z')
  })

  it('too old: Signature expired', () => {
    expectError(
      check(post(new Date('2013-05-24T00:00:00Z'))),
      'SignatureDoesNotMatch',
      403,
      'Signature expired: 20130524T000000Z is now earlier than 20130524T001500Z (20130524T003000Z - 15 min.)'
    )
  })

  it('too far ahead: Signature not yet current', () => {
    expectError(
      check(post(new Date('2013-05-24T01:00:00Z'))),
      'SignatureDoesNotMatch',
      403,
      'Signature not yet current: 20130524T010000Z is still later than 20130524T004500Z (20130524T003000Z + 15 min.)'
    )
  })

  it('exactly 15 minutes either way is still current', () => {
    expect(check(post(new Date('2013-05-24T00:15:00Z')))).toBeUndefined()
    expect(check(post(new Date('2013-05-24T00:45:00Z')))).toBeUndefined()
  })

  it('the window follows maxSkewSeconds', () => {
    expectError(
      check(post(new Date('2013-05-24T00:20:00Z')), { ...options, maxSkewSeconds: 300 }),
      'SignatureDoesNotMatch',
      403,
      'Signature expired: 20130524T002000Z is now earlier than 20130524T002500Z (20130524T003000Z - 5 min.)'
    )
  })
})

describe('signed headers', () => {
  it('host must be signed', () => {
    const req = withHeaders(post(), { authorization: authHeader(`${CREDENTIAL}, SignedHeaders=content-type;x-amz-date, ${SIGNATURE}`) })
    expectError(check(req), 'SignatureDoesNotMatch', 403, "'Host' must be a 'SignedHeader' in the AWS Authorization.")
  })

  it('x-amz-date must be signed when it carries the date', () => {
    const req = withHeaders(post(), { authorization: authHeader(`${CREDENTIAL}, SignedHeaders=content-type;host, ${SIGNATURE}`) })
    expectError(check(req), 'SignatureDoesNotMatch', 403, "'X-Amz-Date' must be a 'SignedHeader' in the AWS Authorization.")
  })

  it('date must be signed when it carries the date', () => {
    const req = withHeaders(post(), {
      'x-amz-date': undefined,
      date: 'Fri, 24 May 2013 00:30:00 GMT',
      authorization: authHeader(`${CREDENTIAL}, SignedHeaders=content-type;host;x-amz-date, ${SIGNATURE}`)
    })
    expectError(check(req), 'SignatureDoesNotMatch', 403, "'Date' must be a 'SignedHeader' in the AWS Authorization.")
  })

  it('x-amz-security-token need not be signed (as AWS, apart from S3)', () => {
    const req = withHeaders(post(), { 'x-amz-security-token': 'FQoGZXIvYXdzEXAMPLE' })
    expect(check(req)).toBeUndefined()
    expect(parsed(req).securityToken).toBe('FQoGZXIvYXdzEXAMPLE')
  })
})

describe('credential scope', () => {
  it('wrong service', () => {
    expectError(check(post(NOW, { region: 'us-east-1', service: 's3' })), 'SignatureDoesNotMatch', 403, "Credential should be scoped to correct service: 'iam'. ")
  })

  it('the service named is the first the endpoint serves', () => {
    expectError(
      check(post(NOW, { region: 'us-east-1', service: 'ec2' }), { ...options, services: ['sts', 'iam'] }),
      'SignatureDoesNotMatch',
      403,
      "Credential should be scoped to correct service: 'sts'. "
    )
  })

  it('malformed region', () => {
    expectError(check(post(NOW, { region: 'us_east_1', service: 'iam' })), 'SignatureDoesNotMatch', 403, "Credential should be scoped to a valid region, not 'us_east_1'. ")
  })

  it('any region SDKs sign IAM and STS with is accepted', () => {
    for (const region of ['us-east-1', 'aws-global', 'us-gov-west-1', 'cn-north-1', 'eu-central-2', 'local']) {
      expect(check(post(NOW, { region, service: 'iam' }))).toBeUndefined()
    }
  })

  it('scope date not the date of X-Amz-Date', () => {
    const req = withHeaders(post(), { authorization: authHeader(`Credential=AKIDEXAMPLE/20130523/us-east-1/iam/aws4_request, ${SIGNED}, ${SIGNATURE}`) })
    expectError(
      check(req),
      'SignatureDoesNotMatch',
      403,
      "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '20130523' != '20130524', from '20130524T003000Z'."
    )
  })

  it('wrong terminator', () => {
    const req = withHeaders(post(), { authorization: authHeader(`Credential=AKIDEXAMPLE/20130524/us-east-1/iam/aws5_request, ${SIGNED}, ${SIGNATURE}`) })
    expectError(check(req), 'SignatureDoesNotMatch', 403, "Credential should be scoped with a valid terminator: 'aws4_request', not 'aws5_request'. ")
  })

  it('every scope mismatch in one message', () => {
    const req = withHeaders(post(), { authorization: authHeader(`Credential=AKIDEXAMPLE/20130523/not a region/s3/aws4_request, ${SIGNED}, ${SIGNATURE}`) })
    expectError(
      check(req),
      'SignatureDoesNotMatch',
      403,
      "Credential should be scoped to a valid region, not 'not a region'. Credential should be scoped to correct service: 'iam'. " +
        "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '20130523' != '20130524', from '20130524T003000Z'."
    )
  })
})

describe('signature and payload', () => {
  it('wrong secret', () => {
    const auth = parsed(post())
    expectError(verify(post(), auth, 'not the secret', options), 'SignatureDoesNotMatch', 403, MISMATCH)
  })

  it('a signature of another length', () => {
    const req = withHeaders(post(), { authorization: (post().headers.authorization as string).replace(/Signature=\w+/, 'Signature=abc') })
    expectError(check(req), 'SignatureDoesNotMatch', 403, MISMATCH)
  })

  it('x-amz-content-sha256 that is not the hash of the body', () => {
    const req = post(NOW, IAM, { 'x-amz-content-sha256': 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855' })
    expectError(check(req), 'SignatureDoesNotMatch', 403, MISMATCH)
  })

  it('x-amz-content-sha256 that is the hash of the body passes, until the body changes', () => {
    const req = post(NOW, IAM, { 'x-amz-content-sha256': sha256Hex(utf8(BODY)) })
    expect(check(req)).toBeUndefined()
    expectError(check({ ...req, body: utf8(`${BODY}&x=1`) }), 'SignatureDoesNotMatch', 403, MISMATCH)
  })

  it('UNSIGNED-PAYLOAD with an Authorization header', () => {
    const req = post(NOW, IAM, { 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' })
    expectError(check(req), 'SignatureDoesNotMatch', 403, MISMATCH)
  })

  it('both an Authorization header and a presigned query', () => {
    const req = { ...post(), query: 'X-Amz-Algorithm=AWS4-HMAC-SHA256' }
    expectError(check(req), 'SignatureDoesNotMatch', 403, MISMATCH)
  })
})

describe('presigned URLs', () => {
  const STS = { region: 'us-east-1', service: 'sts' }
  const url = new URL('https://sts.amazonaws.com/?Action=GetCallerIdentity&Version=2011-06-15')

  function presigned(at: Date, expiresSeconds = 60): SignedRequest {
    return presignedRequest(presign(url, creds, STS, at, { expiresSeconds }))
  }

  function withQuery(req: SignedRequest, name: string, value: string | undefined): SignedRequest {
    const params = new URLSearchParams(req.query)
    if (value === undefined) params.delete(name)
    else params.set(name, value)
    return { ...req, query: params.toString() }
  }

  it('a valid one passes', () => {
    expect(check(presigned(NOW))).toBeUndefined()
    expect(check(presigned(new Date('2013-05-24T00:29:01Z')))).toBeUndefined()
  })

  it('lists the missing query parameters', () => {
    const req = presignedRequest(new URL('https://sts.amazonaws.com/?Action=GetCallerIdentity&X-Amz-Algorithm=AWS4-HMAC-SHA256'))
    expectError(
      check(req),
      'IncompleteSignature',
      400,
      "AWS query-string parameters must include 'X-Amz-Credential'. AWS query-string parameters must include 'X-Amz-Signature'. " +
        "AWS query-string parameters must include 'X-Amz-SignedHeaders'. AWS query-string parameters must include 'X-Amz-Date'. " +
        'Re-examine the query-string parameters.'
    )
  })

  it('past X-Amz-Date + X-Amz-Expires', () => {
    expectError(check(presigned(new Date('2013-05-24T00:28:59Z'))), 'AccessDenied', 403, 'Request has expired')
  })

  it('X-Amz-Expires of 0', () => {
    expectError(check(withQuery(presigned(NOW), 'X-Amz-Expires', '0')), 'AccessDenied', 403, 'Request has expired')
  })

  it('dated too far ahead', () => {
    expectError(
      check(presigned(new Date('2013-05-24T01:00:00Z'))),
      'SignatureDoesNotMatch',
      403,
      'Signature not yet current: 20130524T010000Z is still later than 20130524T004500Z (20130524T003000Z + 15 min.)'
    )
  })

  it('without X-Amz-Expires the 15-minute window applies', () => {
    const req = withQuery(presigned(new Date('2013-05-24T00:10:00Z')), 'X-Amz-Expires', undefined)
    expectError(check(req), 'SignatureDoesNotMatch', 403, 'Signature expired: 20130524T001000Z is now earlier than 20130524T001500Z (20130524T003000Z - 15 min.)')
  })

  it('X-Amz-Expires not a number', () => {
    expectError(check(withQuery(presigned(NOW), 'X-Amz-Expires', '1h')), 'AuthorizationQueryParametersError', 400, 'X-Amz-Expires should be a number')
  })

  it('X-Amz-Expires negative', () => {
    expectError(check(withQuery(presigned(NOW), 'X-Amz-Expires', '-1')), 'AuthorizationQueryParametersError', 400, 'X-Amz-Expires must be non-negative')
  })

  it('X-Amz-Expires over a week', () => {
    expectError(
      check(withQuery(presigned(NOW), 'X-Amz-Expires', '604801')),
      'AuthorizationQueryParametersError',
      400,
      'X-Amz-Expires must be less than a week (in seconds); that is, the given X-Amz-Expires must be less than 604800 seconds'
    )
  })

  it('a week exactly is allowed', () => {
    expect(check(presigned(NOW, 604_800))).toBeUndefined()
  })

  it('host must be signed', () => {
    expectError(check(withQuery(presigned(NOW), 'X-Amz-SignedHeaders', 'x-amz-date')), 'SignatureDoesNotMatch', 403, "'Host' must be a 'SignedHeader' in the AWS Authorization.")
  })

  it('UNSIGNED-PAYLOAD only for GET', () => {
    const signed = presign(url, creds, STS, NOW, { method: 'POST', unsignedPayload: true })
    expectError(check(presignedRequest(signed, 'POST')), 'SignatureDoesNotMatch', 403, MISMATCH)
    expect(check(presignedRequest(presign(url, creds, STS, NOW, { unsignedPayload: true })))).toBeUndefined()
  })

  it('presign() refuses a lifetime outside 1..604800', () => {
    expect(() => presign(url, creds, STS, NOW, { expiresSeconds: 0 })).toThrow(RangeError)
    expect(() => presign(url, creds, STS, NOW, { expiresSeconds: 604_801 })).toThrow(RangeError)
  })
})

describe('errors for the caller', () => {
  it('InvalidClientTokenId for an unknown access key', () => {
    expectError(invalidClientTokenId(), 'InvalidClientTokenId', 403, 'The security token included in the request is invalid.')
  })

  it('InvalidClientTokenId for a session token that does not belong to the key', () => {
    expectError(invalidClientTokenId('session-token'), 'InvalidClientTokenId', 403, 'The security token included in the request is invalid')
  })

  it('ExpiredToken', () => {
    expectError(expiredToken(), 'ExpiredToken', 403, 'The security token included in the request is expired')
  })

  it('isSigV4Error tells the two results of parseAuth apart', () => {
    expect(isSigV4Error(parseAuth(post()))).toBe(false)
    expect(isSigV4Error(parseAuth(withHeaders(post(), { authorization: undefined })))).toBe(true)
  })
})
