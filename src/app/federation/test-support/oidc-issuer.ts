// A real OIDC issuer on loopback https for tests: discovery document, JWKS, and ID tokens signed
// with its current RSA key (jose). Keys can rotate; requests are counted so tests can see caching.

import { createServer, type Server } from 'node:https'
import type { AddressInfo } from 'node:net'
import { exportJWK, generateKeyPair, SignJWT, type JWK, type JWTPayload } from 'jose'

export interface TestIssuer {
  /** https://localhost:PORT (no trailing slash): the iss of its tokens. */
  readonly url: string
  /** The provider URL as IAM stores it: localhost:PORT. */
  readonly host: string
  readonly requests: { discovery: number; jwks: number }
  sign(claims: JWTPayload, options?: { readonly kid?: string; readonly alg?: string }): Promise<string>
  /** Replaces the signing key (and the published JWKS) with a new one. */
  rotate(): Promise<void>
  close(): Promise<void>
}

interface SigningKey {
  readonly kid: string
  readonly privateKey: CryptoKey
  readonly jwk: JWK
}

async function newKey(n: number): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true })
  return { kid: `key-${n}`, privateKey, jwk: { ...(await exportJWK(publicKey)), kid: `key-${n}`, alg: 'RS256', use: 'sig' } }
}

export async function startTestIssuer(tls: { readonly key: string; readonly cert: string; readonly chain?: string }): Promise<TestIssuer> {
  let generation = 1
  let key = await newKey(generation)
  const requests = { discovery: 0, jwks: 0 }
  let url = ''
  const server: Server = createServer({ key: tls.key, cert: tls.chain ? `${tls.cert}${tls.chain}` : tls.cert }, (req, res) => {
    res.setHeader('content-type', 'application/json')
    if (req.url === '/.well-known/openid-configuration') {
      requests.discovery++
      res.end(JSON.stringify({ issuer: url, jwks_uri: `${url}/keys` }))
    } else if (req.url === '/keys') {
      requests.jwks++
      res.end(JSON.stringify({ keys: [key.jwk] }))
    } else {
      res.statusCode = 404
      res.end('{}')
    }
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as AddressInfo).port
  url = `https://localhost:${port}`
  return {
    url,
    host: `localhost:${port}`,
    requests,
    sign: (claims, options = {}) => new SignJWT(claims).setProtectedHeader({ alg: options.alg ?? 'RS256', kid: options.kid ?? key.kid, typ: 'JWT' }).sign(key.privateKey),
    async rotate() {
      key = await newKey(++generation)
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve()))
  }
}
