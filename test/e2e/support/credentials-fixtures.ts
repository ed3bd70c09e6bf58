// Test material for the credential families: RSA key pairs, self-signed and CA-issued X.509
// certificates (node has no certificate builder, so a minimal DER encoder writes the
// TBSCertificate and node:crypto signs it), and OpenSSH public keys.

import { generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto'

export interface KeyPair {
  readonly privateKey: KeyObject
  readonly publicKey: KeyObject
  /** PKCS#8 PEM. */
  readonly privateKeyPem: string
}

export function rsaKeyPair(bits = 2048): KeyPair {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: bits })
  return { privateKey, publicKey, privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }) as string }
}

// --- DER -----------------------------------------------------------------------------------

function tlv(tag: number, content: Buffer): Buffer {
  const n = content.length
  let length: Buffer
  if (n < 0x80) length = Buffer.from([n])
  else {
    const bytes: number[] = []
    for (let v = n; v > 0; v = Math.floor(v / 256)) bytes.unshift(v % 256)
    length = Buffer.from([0x80 | bytes.length, ...bytes])
  }
  return Buffer.concat([Buffer.from([tag]), length, content])
}

const seq = (...items: Buffer[]) => tlv(0x30, Buffer.concat(items))
const set = (...items: Buffer[]) => tlv(0x31, Buffer.concat(items))
const nul = () => Buffer.from([0x05, 0x00])
const utf8 = (s: string) => tlv(0x0c, Buffer.from(s, 'utf8'))
const explicit = (n: number, inner: Buffer) => tlv(0xa0 + n, inner)
const bitString = (bytes: Buffer) => tlv(0x03, Buffer.concat([Buffer.from([0]), bytes]))

function integer(bytes: Buffer): Buffer {
  let v = bytes
  while (v.length > 1 && v[0] === 0 && ((v[1] as number) & 0x80) === 0) v = v.subarray(1)
  if (((v[0] as number) & 0x80) !== 0) v = Buffer.concat([Buffer.from([0]), v])
  return tlv(0x02, v)
}

function oid(dotted: string): Buffer {
  const arcs = dotted.split('.').map(Number)
  const out = [40 * (arcs[0] as number) + (arcs[1] as number)]
  for (const arc of arcs.slice(2)) {
    const chunk: number[] = []
    let v = arc
    do {
      chunk.unshift(v & 0x7f)
      v = Math.floor(v / 128)
    } while (v > 0)
    for (let i = 0; i < chunk.length - 1; i++) chunk[i] = (chunk[i] as number) | 0x80
    out.push(...chunk)
  }
  return tlv(0x06, Buffer.from(out))
}

function time(d: Date): Buffer {
  const iso = d.toISOString().replace(/[-:T]/g, '').slice(0, 14) + 'Z' // YYYYMMDDHHMMSSZ
  const year = d.getUTCFullYear()
  return year >= 1950 && year < 2050 ? tlv(0x17, Buffer.from(iso.slice(2), 'ascii')) : tlv(0x18, Buffer.from(iso, 'ascii'))
}

const name = (cn: string) => seq(set(seq(oid('2.5.4.3'), utf8(cn))))
const SHA256_WITH_RSA = seq(oid('1.2.840.113549.1.1.11'), nul())

// --- Certificates ----------------------------------------------------------------------------

export interface CertificateOptions {
  readonly subject?: string
  /** The issuer's name and key; a self-signed certificate when absent. */
  readonly issuer?: { readonly name: string; readonly keys: KeyPair }
  readonly notBefore?: Date
  readonly notAfter?: Date
  /** Marks the certificate as a CA (basicConstraints cA=TRUE), for issuers in a chain. */
  readonly ca?: boolean
}

/** A PEM X.509 v3 certificate for `keys`' public key, signed by the issuer (or itself) with SHA-256/RSA. */
export function certificate(keys: KeyPair, options: CertificateOptions = {}): string {
  const subject = options.subject ?? `test-${randomBytes(4).toString('hex')}.example.com`
  const issuer = options.issuer ?? { name: subject, keys }
  const notBefore = options.notBefore ?? new Date(Date.now() - 3_600_000)
  const notAfter = options.notAfter ?? new Date(Date.now() + 365 * 86_400_000)
  const serial = randomBytes(12)
  serial[0] = (serial[0] as number) & 0x7f
  const extensions = options.ca ? [explicit(3, seq(seq(oid('2.5.29.19'), tlv(0x01, Buffer.from([0xff])), tlv(0x04, seq(tlv(0x01, Buffer.from([0xff])))))))] : []
  const tbs = seq(
    explicit(0, integer(Buffer.from([2]))),
    integer(serial),
    SHA256_WITH_RSA,
    name(issuer.name),
    seq(time(notBefore), time(notAfter)),
    name(subject),
    keys.publicKey.export({ type: 'spki', format: 'der' }),
    ...extensions
  )
  const signature = sign('sha256', tbs, issuer.keys.privateKey)
  const der = seq(tbs, SHA256_WITH_RSA, bitString(signature))
  return pem('CERTIFICATE', der)
}

export function pem(label: string, der: Buffer): string {
  const lines = der.toString('base64').match(/.{1,64}/g) ?? []
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`
}

// --- SSH -------------------------------------------------------------------------------------

/** The public key in OpenSSH form: `ssh-rsa <base64> <comment>`. */
export function sshRsaPublicKey(publicKey: KeyObject, comment = 'test@portcullis'): string {
  const jwk = publicKey.export({ format: 'jwk' })
  const field = (b: Buffer) => {
    const length = Buffer.alloc(4)
    length.writeUInt32BE(b.length)
    return Buffer.concat([length, b])
  }
  const mpint = (b64url: string) => {
    const v = Buffer.from(b64url, 'base64url')
    return ((v[0] as number) & 0x80) !== 0 ? Buffer.concat([Buffer.from([0]), v]) : v
  }
  const blob = Buffer.concat([field(Buffer.from('ssh-rsa')), field(mpint(jwk.e as string)), field(mpint(jwk.n as string))])
  return `ssh-rsa ${blob.toString('base64')} ${comment}`
}
