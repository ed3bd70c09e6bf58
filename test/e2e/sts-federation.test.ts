// AssumeRoleWithWebIdentity and AssumeRoleWithSAML against a started server, with a real OIDC
// issuer on loopback https (trusted by the thumbprint of its self-signed certificate) and a SAML
// identity provider whose responses are signed here. Both requests go unsigned, as the SDK and
// the CLI send them; the token or assertion is the only credential, and every kind of bad one
// gets STS's error.

import { CreateOpenIDConnectProviderCommand, CreateRoleCommand, CreateSAMLProviderCommand, ListUsersCommand, PutRolePolicyCommand, CreateUserCommand } from '@aws-sdk/client-iam'
import { AssumeRoleWithSAMLCommand, AssumeRoleWithWebIdentityCommand, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { selfSignedCertificate } from '../../src/app/federation/test-support/certificates.js'
import { startTestIssuer, type TestIssuer } from '../../src/app/federation/test-support/oidc-issuer.js'
import { encode, testIdp, type ResponseOptions, type TestIdp } from '../../src/app/federation/test-support/saml-idp.js'
import { OffsetClock } from '../../src/core/clock.js'
import { awsCli } from './support/aws-cli.js'
import { rawRequest, errorOf } from './support/raw.js'
import { failure } from './support/failure.js'
import { startTestServer, type Credentials, type TestServer } from './support/server.js'

const ACCOUNT = '123456789012'
const CLIENT_ID = 'portcullis-test-app'
const clock = new OffsetClock()
let server: TestServer
let issuer: TestIssuer
let idp: TestIdp
let oidcProviderArn: string
let samlProviderArn: string
let webRoleArn: string
let samlRoleArn: string

// The SDK names errors by their model shape: the wire code InvalidIdentityToken is the
// InvalidIdentityTokenException shape. Credentials that no account has: if the SDK signed these requests, the server would refuse them.
const nobody = { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' }
const unsignedSts = () => new STSClient({ endpoint: server.url, region: 'us-east-1', credentials: nobody, maxAttempts: 1 })
const allow = (action: string) => JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: action, Resource: '*' }] })
const nowSeconds = () => Math.floor(clock.now().getTime() / 1000)

/** Credentials expire `seconds` after they were issued (to the second), some time between `before` and now. */
function expectExpiresIn(expiration: Date | undefined, seconds: number, before: Date): void {
  const at = expiration?.getTime() ?? 0
  expect(at).toBeGreaterThanOrEqual(Math.floor(before.getTime() / 1000) * 1000 + seconds * 1000)
  expect(at).toBeLessThanOrEqual(Math.floor(clock.now().getTime() / 1000) * 1000 + seconds * 1000)
  expect(at % 1000).toBe(0)
}

const credentialsOf = (c: { AccessKeyId?: string | undefined; SecretAccessKey?: string | undefined; SessionToken?: string | undefined } | undefined): Credentials => ({
  accessKeyId: c?.AccessKeyId as string,
  secretAccessKey: c?.SecretAccessKey as string,
  sessionToken: c?.SessionToken as string
})

beforeAll(async () => {
  server = await startTestServer({ clock })
  const certificate = selfSignedCertificate()
  issuer = await startTestIssuer(certificate)
  idp = testIdp()
  const iam = server.iam()
  const oidc = await iam.send(new CreateOpenIDConnectProviderCommand({ Url: issuer.url, ClientIDList: [CLIENT_ID], ThumbprintList: [certificate.thumbprint] }))
  oidcProviderArn = oidc.OpenIDConnectProviderArn as string
  const saml = await iam.send(new CreateSAMLProviderCommand({ Name: 'corp-idp', SAMLMetadataDocument: idp.metadata() }))
  samlProviderArn = saml.SAMLProviderArn as string

  const webTrust = {
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: { Federated: oidcProviderArn },
        Action: ['sts:AssumeRoleWithWebIdentity', 'sts:TagSession'],
        Condition: { StringEquals: { [`${issuer.host}:aud`]: CLIENT_ID }, StringLike: { [`${issuer.host}:sub`]: 'repo:portcullis/*' } }
      }
    ]
  }
  webRoleArn = (await iam.send(new CreateRoleCommand({ RoleName: 'ci-deployer', AssumeRolePolicyDocument: JSON.stringify(webTrust) }))).Role?.Arn as string
  await iam.send(new PutRolePolicyCommand({ RoleName: 'ci-deployer', PolicyName: 'read', PolicyDocument: allow('iam:ListUsers') }))

  const samlTrust = {
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: { Federated: samlProviderArn },
        Action: 'sts:AssumeRoleWithSAML',
        Condition: { StringEquals: { 'SAML:aud': 'https://signin.aws.amazon.com/saml' } }
      }
    ]
  }
  samlRoleArn = (await iam.send(new CreateRoleCommand({ RoleName: 'corp-admins', AssumeRolePolicyDocument: JSON.stringify(samlTrust), MaxSessionDuration: 7200 }))).Role
    ?.Arn as string
  await iam.send(new PutRolePolicyCommand({ RoleName: 'corp-admins', PolicyName: 'read', PolicyDocument: allow('iam:ListUsers') }))
}, 60_000)

afterAll(async () => {
  await issuer?.close()
  await server?.close()
})

describe('AssumeRoleWithWebIdentity', () => {
  const claims = (more: Record<string, unknown> = {}) => ({
    iss: issuer.url,
    aud: CLIENT_ID,
    sub: 'repo:portcullis/main',
    iat: nowSeconds(),
    exp: nowSeconds() + 600,
    ...more
  })
  const assume = async (token: string, more: Record<string, unknown> = {}) =>
    unsignedSts().send(new AssumeRoleWithWebIdentityCommand({ RoleArn: webRoleArn, RoleSessionName: 'deploy-1', WebIdentityToken: token, ...more }))

  it('gives a role session for a valid token, unsigned, naming the provider, audience and subject', async () => {
    const before = clock.now()
    const out = await assume(await issuer.sign(claims()))
    expect(out.Provider).toBe(oidcProviderArn)
    expect(out.Audience).toBe(CLIENT_ID)
    expect(out.SubjectFromWebIdentityToken).toBe('repo:portcullis/main')
    expect(out.AssumedRoleUser?.Arn).toBe(`arn:aws:sts::${ACCOUNT}:assumed-role/ci-deployer/deploy-1`)
    expect(out.Credentials?.AccessKeyId).toMatch(/^ASIA/)
    expectExpiresIn(out.Credentials?.Expiration, 3600, before)
    const session = credentialsOf(out.Credentials)
    expect((await server.sts(session).send(new GetCallerIdentityCommand({}))).Arn).toBe(out.AssumedRoleUser?.Arn)
    expect((await server.iam(session).send(new ListUsersCommand({}))).Users).toBeDefined()
    expect((await failure(server.iam(session).send(new CreateUserCommand({ UserName: 'intruder' })))).name).toBe('AccessDenied')
  })

  it('refuses a subject or audience the trust policy does not allow, without naming the role', async () => {
    const denied = { name: 'AccessDenied', message: 'Not authorized to perform sts:AssumeRoleWithWebIdentity', status: 403 }
    expect(await failure(assume(await issuer.sign(claims({ sub: 'repo:someone-else/main' }))))).toEqual(denied)
    const missing = `arn:aws:iam::${ACCOUNT}:role/no-such-role`
    expect(await failure(assume(await issuer.sign(claims()), { RoleArn: missing }))).toEqual(denied)
  })

  it('takes session tags from the token, which the trust policy must allow to be set', async () => {
    const tagged = claims({ 'https://aws.amazon.com/tags': { principal_tags: { team: ['platform'] }, transitive_tag_keys: ['team'] } })
    const out = await assume(await issuer.sign(tagged))
    expect(out.PackedPolicySize).toBeGreaterThan(0)
    const broken = claims({ 'https://aws.amazon.com/tags': { principal_tags: { team: 'platform' } } })
    expect(await failure(assume(await issuer.sign(broken)))).toMatchObject({ name: 'InvalidIdentityTokenException', status: 400 })
  })

  it('rejects bad tokens of every kind with STS’s errors', async () => {
    const good = await issuer.sign(claims())
    const [header, payload, signature] = good.split('.') as [string, string, string]
    const forgedPayload = Buffer.from(JSON.stringify(claims({ sub: 'repo:portcullis/admin' }))).toString('base64url')
    const cases: [string, string, string | RegExp][] = [
      ['tampered', `${header}.${forgedPayload}.${signature}`, /could not be validated/],
      ['truncated', good.slice(0, good.length - 10), /could not be validated/],
      ['not a JWT', 'not-a-token', /not a valid JWT/],
      ['wrong audience', await issuer.sign(claims({ aud: 'another-app' })), 'Incorrect token audience'],
      ['unknown issuer', await issuer.sign(claims({ iss: 'https://elsewhere.example.com' })), 'No OpenIDConnect provider found in your account for https://elsewhere.example.com'],
      ['alg none', `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${payload}.`, 'Unsupported signing algorithm: none']
    ]
    for (const [what, token, message] of cases) {
      const got = await failure(assume(token))
      expect(got.name, what).toBe('InvalidIdentityTokenException')
      expect(got.status, what).toBe(400)
      if (typeof message === 'string') expect(got.message, what).toBe(message)
      else expect(got.message, what).toMatch(message)
      expect(got.message, what).not.toContain(token)
    }
    const expired = await failure(assume(await issuer.sign(claims({ iat: nowSeconds() - 7200, exp: nowSeconds() - 60 }))))
    expect(expired).toMatchObject({ name: 'ExpiredTokenException', status: 400 })
  })

  it('looks for the provider in the role’s account: another account’s role finds none', async () => {
    const got = await failure(assume(await issuer.sign(claims()), { RoleArn: 'arn:aws:iam::210987654321:role/ci-deployer' }))
    expect(got).toMatchObject({ name: 'InvalidIdentityTokenException', message: `No OpenIDConnect provider found in your account for ${issuer.url}` })
  })

  it('expires with the clock: the session answers ExpiredToken after its duration', async () => {
    const out = await assume(await issuer.sign(claims()), { DurationSeconds: 900 })
    const session = credentialsOf(out.Credentials)
    clock.advance(901_000)
    try {
      expect((await failure(server.sts(session).send(new GetCallerIdentityCommand({})))).name).toBe('ExpiredToken')
    } finally {
      clock.advance(-901_000)
    }
  })

  it('works from the AWS CLI, which sends it unsigned', async () => {
    const token = await issuer.sign(claims())
    const r = await awsCli(server.url, { accessKeyId: '', secretAccessKey: '' }, [
      'sts',
      'assume-role-with-web-identity',
      '--role-arn',
      webRoleArn,
      '--role-session-name',
      'from-cli',
      '--web-identity-token',
      token
    ])
    expect(r.stderr).toBe('')
    expect(JSON.parse(r.stdout)).toMatchObject({ AssumedRoleUser: { Arn: `arn:aws:sts::${ACCOUNT}:assumed-role/ci-deployer/from-cli` }, Provider: oidcProviderArn })
  })
})

describe('AssumeRoleWithSAML', () => {
  const response = (more: Partial<ResponseOptions> = {}) => idp.responseXml({ roles: [`${samlRoleArn},${samlProviderArn}`], now: clock.now(), ...more })
  const assume = (xml: string, more: Record<string, unknown> = {}) =>
    unsignedSts().send(new AssumeRoleWithSAMLCommand({ RoleArn: samlRoleArn, PrincipalArn: samlProviderArn, SAMLAssertion: encode(xml), ...more }))

  it('gives a role session for a signed response, with the subject, issuer and name qualifier', async () => {
    const before = clock.now()
    const out = await assume(response(), { DurationSeconds: 7200 })
    expect(out).toMatchObject({ Subject: 'alice', SubjectType: 'persistent', Issuer: idp.entityId, Audience: 'https://signin.aws.amazon.com/saml' })
    expect(out.NameQualifier).toMatch(/^[A-Za-z0-9+/]{27}=$/)
    expect(out.AssumedRoleUser?.Arn).toBe(`arn:aws:sts::${ACCOUNT}:assumed-role/corp-admins/alice@example.com`)
    const session = credentialsOf(out.Credentials)
    expect((await server.iam(session).send(new ListUsersCommand({}))).Users).toBeDefined()
    expectExpiresIn(out.Credentials?.Expiration, 7200, before)
    expect(await failure(assume(response(), { DurationSeconds: 7201 }))).toMatchObject({ name: 'ValidationError' })
  })

  it("ends the session at the assertion's SessionNotOnOrAfter when that comes before DurationSeconds", async () => {
    const before = clock.now()
    const sessionEnd = new Date(Math.floor(before.getTime() / 1000) * 1000 + 20 * 60_000)
    const capped = await assume(response({ sessionNotOnOrAfter: sessionEnd }), { DurationSeconds: 3600 })
    expect(capped.Credentials?.Expiration?.getTime()).toBe(sessionEnd.getTime())
    // A later SessionNotOnOrAfter leaves DurationSeconds in charge.
    const later = await assume(response({ sessionNotOnOrAfter: new Date(before.getTime() + 5 * 3600_000) }), { DurationSeconds: 3600 })
    expectExpiresIn(later.Credentials?.Expiration, 3600, before)
    // A session already over is refused.
    const ended = await failure(assume(response({ sessionNotOnOrAfter: new Date(before.getTime() - 1000) })))
    expect(ended).toMatchObject({ name: 'ExpiredTokenException', message: 'The session the SAML assertion grants has ended (SessionNotOnOrAfter).' })
  })

  it('refuses a role the assertion does not grant, and a trust policy that does not allow', async () => {
    const otherRole = `arn:aws:iam::${ACCOUNT}:role/ci-deployer`
    const denied = { name: 'AccessDenied', message: 'Not authorized to perform sts:AssumeRoleWithSAML', status: 403 }
    expect(await failure(assume(response(), { RoleArn: otherRole }))).toEqual(denied)
    // The assertion grants ci-deployer, but that role trusts only the OIDC provider.
    expect(await failure(assume(response({ roles: [`${otherRole},${samlProviderArn}`] }), { RoleArn: otherRole }))).toEqual(denied)
  })

  it('rejects tampered, unsigned, moved-signature, expired and misaddressed responses', async () => {
    const signed = response()
    const signature = /<ds:Signature[\s\S]*<\/ds:Signature>/.exec(signed)?.[0] as string
    const moved = signed.replace(signature, '').replace('</saml:Issuer><samlp:Status>', `</saml:Issuer>${signature}<samlp:Status>`).replace('>alice<', '>admin<')
    const cases: [string, string, string, string | RegExp][] = [
      ['tampered', signed.replace('>alice<', '>admin<'), 'InvalidIdentityTokenException', 'Response signature invalid'],
      ['unsigned', response({ sign: 'none' }), 'InvalidIdentityTokenException', 'Response signature invalid'],
      ['moved signature', moved, 'InvalidIdentityTokenException', 'Response signature invalid'],
      ['other audience', response({ audience: 'https://example.com/sp' }), 'InvalidIdentityTokenException', 'Response does not contain the required audience.'],
      ['expired', response({ now: new Date(clock.now().getTime() - 3600_000) }), 'ExpiredTokenException', /5 minutes|expired/]
    ]
    for (const [what, xml, code, message] of cases) {
      const got = await failure(assume(xml))
      expect(got.name, what).toBe(code)
      if (typeof message === 'string') expect(got.message, what).toBe(message)
      else expect(got.message, what).toMatch(message)
    }
    const noProvider = await failure(assume(response(), { PrincipalArn: `arn:aws:iam::${ACCOUNT}:saml-provider/nobody` }))
    expect(noProvider).toMatchObject({ name: 'InvalidIdentityTokenException', message: "Specified provider doesn't exist." })
  })
})

describe('unsigned requests', () => {
  it('are accepted only by the two federation actions', async () => {
    const body = 'Action=GetCallerIdentity&Version=2011-06-15'
    const r = await rawRequest(server.url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body })
    expect(r.status).toBe(403)
    expect(errorOf(r.body).code).toBe('MissingAuthenticationToken')
  })

  it('answer a bad token with the wire code InvalidIdentityToken', async () => {
    const body = `Action=AssumeRoleWithWebIdentity&Version=2011-06-15&RoleArn=${encodeURIComponent(webRoleArn)}&RoleSessionName=raw&WebIdentityToken=a.b.c`
    const r = await rawRequest(server.url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body })
    expect(r.status).toBe(400)
    expect(errorOf(r.body)).toEqual({ code: 'InvalidIdentityToken', message: 'The ID Token provided is not a valid JWT. (You may see this error if you sent an Access Token)' })
  })
})
