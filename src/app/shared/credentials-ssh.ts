// SSH public keys as IAM takes them: RSA, at least 2048 bits, in OpenSSH ("ssh-rsa AAAA...
// comment") or PEM (SubjectPublicKeyInfo or PKCS#1) form. The fingerprint is the MD5 of the
// key's OpenSSH wire form, colon-separated hex (what `ssh-keygen -l -E md5` prints), the same
// whichever form was uploaded.

import { createHash, createPublicKey, type KeyObject } from 'node:crypto'
import { AwsError } from '../../core/aws-error.js'

export const MIN_RSA_BITS = 2048

// Wording inferred: AWS's texts for these were not found.
export const invalidPublicKey = () => new AwsError('InvalidPublicKey', 'The public key is malformed or otherwise invalid.', 400)
export const unrecognizedPublicKeyEncoding = () =>
  new AwsError('UnrecognizedPublicKeyEncoding', 'The public key encoding format is unsupported or unrecognized. Use an ssh-rsa or PEM encoded RSA key.', 400)

export interface ParsedSshKey {
  /** The key's OpenSSH wire form (string "ssh-rsa", mpint e, mpint n). */
  readonly blob: Buffer
  readonly fingerprint: string
  readonly bits: number
}

/** Parses an uploaded key body, throwing IAM's errors for what it cannot take. */
export function parseSshPublicKey(body: string): ParsedSshKey {
  const text = body.trim()
  if (text.startsWith('-----BEGIN ')) return fromPem(text)
  const fields = text.split(/\s+/)
  if (fields[0] !== 'ssh-rsa') throw unrecognizedPublicKeyEncoding()
  const b64 = fields[1] ?? ''
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(b64) || b64.length % 4 !== 0) throw invalidPublicKey()
  const blob = Buffer.from(b64, 'base64')
  const parts = readWire(blob)
  if (!parts || parts.length !== 3 || parts[0]?.toString('latin1') !== 'ssh-rsa') throw invalidPublicKey()
  const e = parts[1] as Buffer
  const n = parts[2] as Buffer
  // mpints are two's complement: a set high bit would make the modulus or exponent negative.
  if (((n[0] ?? 0) & 0x80) !== 0 || ((e[0] ?? 0) & 0x80) !== 0) throw invalidPublicKey()
  return finish(blob, e, n)
}

function fromPem(text: string): ParsedSshKey {
  const label = /^-----BEGIN ([A-Z0-9 ]+)-----/.exec(text)?.[1]
  if (label !== 'PUBLIC KEY' && label !== 'RSA PUBLIC KEY') throw unrecognizedPublicKeyEncoding()
  let key: KeyObject
  try {
    key = createPublicKey({ key: text, format: 'pem' })
  } catch {
    throw invalidPublicKey()
  }
  if (key.asymmetricKeyType !== 'rsa') throw unrecognizedPublicKeyEncoding()
  const jwk = key.export({ format: 'jwk' })
  const e = Buffer.from(jwk.e as string, 'base64url')
  const n = Buffer.from(jwk.n as string, 'base64url')
  return finish(sshBlob(e, n), e, n)
}

function finish(blob: Buffer, e: Buffer, n: Buffer): ParsedSshKey {
  const modulus = stripZeros(n)
  if (modulus.length === 0 || stripZeros(e).length === 0) throw invalidPublicKey()
  const bits = (modulus.length - 1) * 8 + bitLength(modulus[0] as number)
  if (bits < MIN_RSA_BITS) throw invalidPublicKey()
  return { blob, bits, fingerprint: md5Fingerprint(blob) }
}

/** The key in the requested encoding: `ssh-rsa <base64>` or a PEM SubjectPublicKeyInfo. */
export function encodeSshPublicKey(body: string, encoding: 'SSH' | 'PEM'): string {
  const text = body.trim()
  const isPem = text.startsWith('-----BEGIN ')
  if (encoding === 'SSH') return isPem ? `ssh-rsa ${parseSshPublicKey(text).blob.toString('base64')}` : text
  if (isPem) return text
  const parts = readWire(parseSshPublicKey(text).blob) as Buffer[]
  const jwk = { kty: 'RSA', e: stripZeros(parts[1] as Buffer).toString('base64url'), n: stripZeros(parts[2] as Buffer).toString('base64url') }
  return (createPublicKey({ key: jwk, format: 'jwk' }).export({ type: 'spki', format: 'pem' }) as string).trim()
}

export function md5Fingerprint(blob: Buffer): string {
  return (createHash('md5').update(blob).digest('hex').match(/../g) as string[]).join(':')
}

/** Length-prefixed fields (uint32 big-endian length, then bytes), or undefined when malformed. */
function readWire(blob: Buffer): Buffer[] | undefined {
  const out: Buffer[] = []
  let at = 0
  while (at < blob.length) {
    if (at + 4 > blob.length) return undefined
    const length = blob.readUInt32BE(at)
    at += 4
    if (at + length > blob.length) return undefined
    out.push(blob.subarray(at, at + length))
    at += length
  }
  return out
}

function sshBlob(e: Buffer, n: Buffer): Buffer {
  const field = (b: Buffer) => {
    const length = Buffer.alloc(4)
    length.writeUInt32BE(b.length)
    return Buffer.concat([length, b])
  }
  const mpint = (b: Buffer) => {
    const v = stripZeros(b)
    return v.length && (v[0] as number) & 0x80 ? Buffer.concat([Buffer.from([0]), v]) : v
  }
  return Buffer.concat([field(Buffer.from('ssh-rsa')), field(mpint(e)), field(mpint(n))])
}

function stripZeros(b: Buffer): Buffer {
  let i = 0
  while (i < b.length && b[i] === 0) i++
  return b.subarray(i)
}

function bitLength(byte: number): number {
  let bits = 0
  while (byte > 0) {
    bits++
    byte >>= 1
  }
  return bits
}
