// verifyWebIdentityToken against a real issuer on loopback https (self-signed or CA-issued
// certificate), with real RS256 tokens: what passes, and every kind of bad token with STS's error.

import { createServer } from 'node:net'
import { base64url, generateKeyPair, SignJWT, type JWTPayload } from 'jose'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { certificateAuthority, selfSignedCertificate, type TestCertificate } from '../test-support/certificates.js'
import { startTestIssuer, type TestIssuer } from '../test-support/oidc-issuer.js'
import { oidcProvider, oidcProviders } from '../test-support/providers.js'
import { issuerHttpsClient } from './issuer-https-client.js'
import { OidcKeyCache } from './issuer-keys.js'
import { verifyWebIdentityToken, type WebIdentityDeps } from './verify-web-identity-token.js'

const ACCOUNT = '123456789012'
const OTHER = '210987654321'
const CLIENT = 'sts.amazonaws.com'
const NOW = new Date()
const nowSeconds = Math.floor(NOW.getTime() / 1000)

let cert: TestCertificate
let issuer: TestIssuer
let stranger: TestIssuer

beforeAll(async () => {
  cert = selfSignedCertificate()
  issuer = await startTestIssuer(cert)
  stranger = await startTestIssuer(cert)
})
afterAll(async () => {
  await issuer.close()
  await stranger.close()
})

function deps(
  providers = [oidcProvider(ACCOUNT, issuer.host, { clientIds: [CLIENT], thumbprints: [cert.thumbprint] })],
  keys = new OidcKeyCache(issuerHttpsClient())
): WebIdentityDeps {
  return { oidcProviders: oidcProviders(providers), keys }
}

const claims = (more: JWTPayload = {}): JWTPayload => ({
  iss: issuer.url,
  sub: 'repo:acme/app:ref:refs/heads/main',
  aud: CLIENT,
  iat: nowSeconds - 10,
  exp: nowSeconds + 300,
  ...more
})

async function expectFailure(token: string, code: string, message: string | RegExp, d = deps()) {
  const result = await verifyWebIdentityToken(d, { accountId: ACCOUNT, token, now: NOW })
  expect(result.ok).toBe(false)
  if (!result.ok) {
    expect(result.code).toBe(code)
    if (typeof message === 'string') expect(result.message).toBe(message)
    else expect(result.message).toMatch(message)
    expect(result.message).not.toContain(token)
  }
}

describe('verifyWebIdentityToken', () => {
  it('accepts a token signed by the issuer of a provider of the account, trusted by thumbprint', async () => {
    const token = await issuer.sign(claims({ azp: 'web-app', amr: ['pwd', 'mfa'] }))
    const result = await verifyWebIdentityToken(deps(), { accountId: ACCOUNT, token, now: NOW })
    expect(result).toMatchObject({
      ok: true,
      provider: { arn: `arn:aws:iam::${ACCOUNT}:oidc-provider/${issuer.host}`, url: issuer.host },
      subject: 'repo:acme/app:ref:refs/heads/main',
      audience: CLIENT,
      issuer: issuer.url
    })
    if (result.ok) {
      expect(result.conditionKeys).toEqual({
        [`${issuer.host}:sub`]: 'repo:acme/app:ref:refs/heads/main',
        [`${issuer.host}:aud`]: CLIENT,
        [`${issuer.host}:azp`]: 'web-app',
        [`${issuer.host}:amr`]: ['pwd', 'mfa'],
        'aws:FederatedProvider': `arn:aws:iam::${ACCOUNT}:oidc-provider/${issuer.host}`
      })
      expect(result.claims.azp).toBe('web-app')
    }
  })

  it('takes the client ID among several audiences, and shows the others as oaud', async () => {
    const result = await verifyWebIdentityToken(deps(), { accountId: ACCOUNT, token: await issuer.sign(claims({ aud: ['other-api', CLIENT] })), now: NOW })
    expect(result.ok && result.audience).toBe(CLIENT)
    expect(result.ok && result.conditionKeys[`${issuer.host}:oaud`]).toBe('other-api')
  })

  it('refuses a token whose payload was changed after signing', async () => {
    const [header, , signature] = (await issuer.sign(claims())).split('.')
    const forged = base64url.encode(JSON.stringify(claims({ sub: 'repo:acme/app:ref:refs/heads/prod' })))
    await expectFailure(`${header}.${forged}.${signature}`, 'InvalidIdentityToken', /could not be validated/)
  })

  it('refuses a truncated or malformed token', async () => {
    const token = await issuer.sign(claims())
    await expectFailure(
      token.slice(0, token.lastIndexOf('.')),
      'InvalidIdentityToken',
      'The ID Token provided is not a valid JWT. (You may see this error if you sent an Access Token)'
    )
    await expectFailure(token.slice(0, 40), 'InvalidIdentityToken', /not a valid JWT/)
    await expectFailure('not-a-token', 'InvalidIdentityToken', /not a valid JWT/)
  })

  it('refuses a token from an issuer the account has no provider for, or a provider of another account', async () => {
    await expectFailure(await stranger.sign({ ...claims(), iss: stranger.url }), 'InvalidIdentityToken', `No OpenIDConnect provider found in your account for ${stranger.url}`)
    const elsewhere = deps([oidcProvider(OTHER, issuer.host, { clientIds: [CLIENT], thumbprints: [cert.thumbprint] })])
    await expectFailure(await issuer.sign(claims()), 'InvalidIdentityToken', `No OpenIDConnect provider found in your account for ${issuer.url}`, elsewhere)
  })

  it('refuses an expired token with ExpiredTokenException', async () => {
    const exp = nowSeconds - 5
    await expectFailure(await issuer.sign(claims({ exp })), 'ExpiredTokenException', `Token expired: current date/time ${nowSeconds} must be before the expiration date/time${exp}`)
  })

  it('refuses a token that is not valid yet, beyond a minute of clock skew', async () => {
    await expectFailure(await issuer.sign(claims({ nbf: nowSeconds + 600 })), 'InvalidIdentityToken', /not yet valid/)
    const slightlyAhead = await verifyWebIdentityToken(deps(), { accountId: ACCOUNT, token: await issuer.sign(claims({ nbf: nowSeconds + 30 })), now: NOW })
    expect(slightlyAhead.ok).toBe(true)
  })

  it('refuses a token for an audience that is not a client ID of the provider', async () => {
    await expectFailure(await issuer.sign(claims({ aud: 'someone-else' })), 'InvalidIdentityToken', 'Incorrect token audience')
    const withoutAud: Record<string, unknown> = claims()
    delete withoutAud.aud
    await expectFailure(await issuer.sign(withoutAud), 'InvalidIdentityToken', 'Missing a required claim: aud')
  })

  it('refuses an unsigned token (alg none), with or without a signature part', async () => {
    const header = base64url.encode(JSON.stringify({ alg: 'none', typ: 'JWT' }))
    const payload = base64url.encode(JSON.stringify(claims()))
    await expectFailure(`${header}.${payload}.`, 'InvalidIdentityToken', 'Unsupported signing algorithm: none')
    const [, , signature] = (await issuer.sign(claims())).split('.')
    await expectFailure(`${header}.${payload}.${signature}`, 'InvalidIdentityToken', 'Unsupported signing algorithm: none')
  })

  it('refuses HS256 signed with the issuer public key (algorithm confusion)', async () => {
    const jwks = ((await await issuerHttpsClient().getJson(`${issuer.url}/keys`, { thumbprints: [cert.thumbprint] })) as { keys: object[] }).keys
    const secret = new TextEncoder().encode(JSON.stringify(jwks[0]))
    const token = await new SignJWT(claims()).setProtectedHeader({ alg: 'HS256', kid: 'key-1' }).sign(secret)
    await expectFailure(token, 'InvalidIdentityToken', 'Unsupported signing algorithm: HS256')
  })

  it('refuses a token signed with another key under the issuer key ID', async () => {
    const { privateKey } = await generateKeyPair('RS256')
    const header = JSON.parse(Buffer.from((await issuer.sign(claims())).split('.')[0] as string, 'base64url').toString()) as { kid: string }
    const token = await new SignJWT(claims()).setProtectedHeader({ alg: 'RS256', kid: header.kid }).sign(privateKey)
    await expectFailure(token, 'InvalidIdentityToken', /could not be validated/)
  })

  it("answers Couldn't retrieve verification key when the issuer is unreachable", async () => {
    const port = await closedPort()
    const url = `localhost:${port}`
    const token = await issuer.sign({ ...claims(), iss: `https://${url}` })
    const d = deps([oidcProvider(ACCOUNT, url, { clientIds: [CLIENT], thumbprints: [cert.thumbprint] })])
    await expectFailure(
      token,
      'InvalidIdentityToken',
      "Couldn't retrieve verification key from your identity provider,  please reference AssumeRoleWithWebIdentity documentation for requirements",
      d
    )
  })

  it('refuses an issuer whose self-signed certificate is not in the ThumbprintList', async () => {
    const other = selfSignedCertificate()
    const d = deps([oidcProvider(ACCOUNT, issuer.host, { clientIds: [CLIENT], thumbprints: [other.thumbprint] })])
    await expectFailure(await issuer.sign(claims()), 'InvalidIdentityToken', "OpenIDConnect provider's HTTPS certificate doesn't match configured thumbprint", d)
    const none = deps([oidcProvider(ACCOUNT, issuer.host, { clientIds: [CLIENT] })])
    await expectFailure(await issuer.sign(claims()), 'InvalidIdentityToken', "OpenIDConnect provider's HTTPS certificate doesn't match configured thumbprint", none)
  })

  it('trusts a CA-issued certificate through a trusted CA, or through the thumbprint of the CA it presents', async () => {
    const { ca, server } = certificateAuthority()
    const caIssuer = await startTestIssuer({ key: server.key, cert: server.cert, chain: ca.cert })
    try {
      const token = await caIssuer.sign({ ...claims(), iss: caIssuer.url })
      const byCa = deps([oidcProvider(ACCOUNT, caIssuer.host, { clientIds: [CLIENT] })], new OidcKeyCache(issuerHttpsClient({ extraCa: [ca.cert] })))
      expect((await verifyWebIdentityToken(byCa, { accountId: ACCOUNT, token, now: NOW })).ok).toBe(true)
      const byThumbprint = deps([oidcProvider(ACCOUNT, caIssuer.host, { clientIds: [CLIENT], thumbprints: [ca.thumbprint.toUpperCase()] })])
      expect((await verifyWebIdentityToken(byThumbprint, { accountId: ACCOUNT, token, now: NOW })).ok).toBe(true)
      // The server's own certificate is not the top of the chain it presents: IAM's thumbprint is the CA's.
      const byLeaf = deps([oidcProvider(ACCOUNT, caIssuer.host, { clientIds: [CLIENT], thumbprints: [server.thumbprint] })])
      await expectFailure(token, 'InvalidIdentityToken', /doesn't match configured thumbprint/, byLeaf)
    } finally {
      await caIssuer.close()
    }
  })

  it('refuses a server that presents a listed CA certificate it was not issued by', async () => {
    const { ca } = certificateAuthority()
    const impostor = selfSignedCertificate()
    const server = await startTestIssuer({ key: impostor.key, cert: impostor.cert, chain: ca.cert })
    try {
      const d = deps([oidcProvider(ACCOUNT, server.host, { clientIds: [CLIENT], thumbprints: [ca.thumbprint] })])
      await expectFailure(await server.sign({ ...claims(), iss: server.url }), 'InvalidIdentityToken', /doesn't match configured thumbprint/, d)
    } finally {
      await server.close()
    }
  })

  it('caches the issuer keys, and fetches them again when the issuer rotates its key', async () => {
    const keys = new OidcKeyCache(issuerHttpsClient(), { refetchCooldownMs: 0 })
    const d = deps(undefined, keys)
    const before = { ...issuer.requests }
    expect((await verifyWebIdentityToken(d, { accountId: ACCOUNT, token: await issuer.sign(claims()), now: NOW })).ok).toBe(true)
    expect((await verifyWebIdentityToken(d, { accountId: ACCOUNT, token: await issuer.sign(claims()), now: NOW })).ok).toBe(true)
    expect(issuer.requests.jwks - before.jwks).toBe(1)
    await issuer.rotate()
    expect((await verifyWebIdentityToken(d, { accountId: ACCOUNT, token: await issuer.sign(claims()), now: NOW })).ok).toBe(true)
    expect(issuer.requests.jwks - before.jwks).toBe(2)
  })

  it('does not fetch the keys again for unknown key IDs within the cool-down', async () => {
    const keys = new OidcKeyCache(issuerHttpsClient(), { refetchCooldownMs: 60_000 })
    const d = deps(undefined, keys)
    await verifyWebIdentityToken(d, { accountId: ACCOUNT, token: await issuer.sign(claims()), now: NOW })
    const fetched = issuer.requests.jwks
    for (let i = 0; i < 3; i++) await expectFailure(await issuer.sign(claims(), { kid: `made-up-${i}` }), 'InvalidIdentityToken', /Couldn't retrieve verification key/, d)
    expect(issuer.requests.jwks).toBe(fetched)
  })

  it('refuses an ES256 token naming a published RSA key: no key of the issuer verifies it', async () => {
    const { privateKey } = await generateKeyPair('ES256')
    const token = await new SignJWT(claims()).setProtectedHeader({ alg: 'ES256', kid: 'key-1' }).sign(privateKey)
    await expectFailure(token, 'InvalidIdentityToken', /Couldn't retrieve verification key/)
  })
})

function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer()
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port
      s.close(() => resolve(port))
    })
  })
}
