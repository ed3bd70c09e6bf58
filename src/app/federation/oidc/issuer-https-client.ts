// Fetching an OIDC issuer's documents (discovery, JWKS) over HTTPS with IAM's trust rule: the
// issuer's certificate is trusted when it chains to a known certificate authority and names the
// host, or, failing that, when the SHA-1 thumbprint of the top certificate of the chain the
// server presented is in the provider's ThumbprintList (IAM's thumbprint: the top intermediate
// CA, or the certificate itself when it is self-signed) and that chain really links the server's
// certificate to it. This is how a self-hosted issuer with a private CA or a self-signed
// certificate is trusted. Only GET, no redirects, a time limit and a size limit.

import { createHash, X509Certificate } from 'node:crypto'
import { request } from 'node:https'
import { checkServerIdentity, connect, rootCertificates, type DetailedPeerCertificate, type TLSSocket } from 'node:tls'

export interface IssuerTrust {
  /** The provider's ThumbprintList (40 hex characters each, any case). */
  readonly thumbprints: readonly string[]
}

/** Why a fetch failed: the verifier turns each into STS's error. */
export type IssuerFetchFailure = 'untrusted-certificate' | 'unreachable' | 'bad-response'

export class IssuerFetchError extends Error {
  constructor(readonly reason: IssuerFetchFailure) {
    super(`issuer fetch failed: ${reason}`)
    this.name = 'IssuerFetchError'
  }
}

/** What the verifier needs from the network: a JSON document from an https URL. */
export interface IssuerHttpsClient {
  getJson(url: string, trust: IssuerTrust): Promise<unknown>
}

export interface IssuerHttpsClientOptions {
  /** Certificate authorities trusted besides Node's bundled roots (PEM). */
  readonly extraCa?: readonly string[]
  /** AWS gives up on an issuer after about 5 seconds. */
  readonly timeoutMs?: number
  readonly maxBytes?: number
}

const DEFAULT_TIMEOUT_MS = 5000
const DEFAULT_MAX_BYTES = 1024 * 1024

export function issuerHttpsClient(options: IssuerHttpsClientOptions = {}): IssuerHttpsClient {
  const ca = [...rootCertificates, ...(options.extraCa ?? [])]
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES
  return {
    async getJson(url, trust) {
      const target = parseHttpsUrl(url)
      const socket = await trustedSocket(target, ca, trust, timeoutMs)
      const body = await get(socket, target, timeoutMs, maxBytes)
      try {
        return JSON.parse(body) as unknown
      } catch {
        throw new IssuerFetchError('bad-response')
      }
    }
  }
}

function parseHttpsUrl(url: string): URL {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    throw new IssuerFetchError('unreachable')
  }
  if (parsed.protocol !== 'https:') throw new IssuerFetchError('unreachable')
  return parsed
}

/** The TLS hostname and SNI name: URL hostnames keep IPv6 addresses in brackets. */
function hostOf(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, '$1')
}

/**
 * A TLS connection whose certificate passed IAM's rule. Verification is ours
 * (rejectUnauthorized: false), done before a single request byte is sent.
 */
function trustedSocket(url: URL, ca: readonly string[], trust: IssuerTrust, timeoutMs: number): Promise<TLSSocket> {
  const host = hostOf(url)
  const isIp = /^[\d.]+$|:/.test(host)
  return new Promise((resolve, reject) => {
    const socket = connect({ host, port: Number(url.port || 443), servername: isIp ? undefined : host, ca: [...ca], rejectUnauthorized: false })
    const fail = (reason: IssuerFetchFailure) => {
      socket.destroy()
      reject(new IssuerFetchError(reason))
    }
    socket.setTimeout(timeoutMs, () => fail('unreachable'))
    socket.once('error', () => fail('unreachable'))
    socket.once('secureConnect', () => {
      if (certificateTrusted(socket, host, trust)) {
        socket.setTimeout(0)
        socket.removeAllListeners('error')
        resolve(socket)
      } else fail('untrusted-certificate')
    })
  })
}

function certificateTrusted(socket: TLSSocket, host: string, trust: IssuerTrust): boolean {
  const leaf = socket.getPeerCertificate(true)
  if (!leaf || !leaf.raw) return false
  // Node checked the chain against the CAs; the name is ours to check (rejectUnauthorized is off).
  if (socket.authorized) return checkServerIdentity(host, leaf) === undefined
  if (trust.thumbprints.length === 0) return false
  const chain = presentedChain(leaf)
  if (!chainLinks(chain)) return false
  const top = chain[chain.length - 1] as X509Certificate
  const thumbprint = createHash('sha1').update(top.raw).digest('hex')
  if (!trust.thumbprints.some((t) => t.toLowerCase() === thumbprint)) return false
  return checkServerIdentity(host, leaf) === undefined && withinValidity(chain[0] as X509Certificate)
}

/** The chain from the server's certificate up, as the peer certificate's issuer links give it. */
function presentedChain(leaf: DetailedPeerCertificate): X509Certificate[] {
  const chain: X509Certificate[] = []
  const seen = new Set<string>()
  let current: DetailedPeerCertificate | undefined = leaf
  while (current?.raw && !seen.has(current.fingerprint256) && chain.length < 10) {
    seen.add(current.fingerprint256)
    chain.push(new X509Certificate(current.raw))
    current = current.issuerCertificate
  }
  return chain
}

/** Each certificate is signed by the next: the thumbprinted one really vouches for the server's. */
function chainLinks(chain: readonly X509Certificate[]): boolean {
  for (let i = 0; i + 1 < chain.length; i++) {
    const child = chain[i] as X509Certificate
    const parent = chain[i + 1] as X509Certificate
    if (!child.checkIssued(parent) || !child.verify(parent.publicKey)) return false
  }
  const top = chain[chain.length - 1]
  // A self-issued top certificate must carry its own valid signature.
  return top !== undefined && (!top.checkIssued(top) || top.verify(top.publicKey))
}

function withinValidity(cert: X509Certificate): boolean {
  const now = Date.now()
  return new Date(cert.validFrom).getTime() <= now && now < new Date(cert.validTo).getTime()
}

function get(socket: TLSSocket, url: URL, timeoutMs: number, maxBytes: number): Promise<string> {
  return new Promise((resolve, reject) => {
    // No agent: only then does the request run over the socket we verified (createConnection).
    const req = request(
      {
        host: hostOf(url),
        port: Number(url.port || 443),
        path: `${url.pathname}${url.search}`,
        method: 'GET',
        headers: { accept: 'application/json' },
        createConnection: () => socket,
        timeout: timeoutMs
      },
      (res) => {
        if (res.statusCode !== 200) {
          res.resume()
          reject(new IssuerFetchError('bad-response'))
          return
        }
        const chunks: Buffer[] = []
        let size = 0
        res.on('data', (chunk: Buffer) => {
          size += chunk.length
          if (size > maxBytes) {
            req.destroy()
            reject(new IssuerFetchError('bad-response'))
            return
          }
          chunks.push(chunk)
        })
        res.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
        res.on('error', () => reject(new IssuerFetchError('unreachable')))
      }
    )
    req.on('timeout', () => req.destroy(new IssuerFetchError('unreachable')))
    req.on('error', (e) => reject(e instanceof IssuerFetchError ? e : new IssuerFetchError('unreachable')))
    req.end()
  })
}
