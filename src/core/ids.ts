// Identifiers in AWS's formats: a four-letter prefix naming the kind of entity, then upper-case
// letters and digits (AIDA… users, AGPA… groups, AROA… roles, ANPA… policies, AIPA… instance
// profiles, AKIA… access keys, ASIA… temporary keys), and 40-character secret access keys.

import { randomString, type Random } from './random.js'

export const ID_PREFIX = {
  user: 'AIDA',
  group: 'AGPA',
  role: 'AROA',
  policy: 'ANPA',
  instanceProfile: 'AIPA',
  accessKey: 'AKIA',
  temporaryAccessKey: 'ASIA',
  sshPublicKey: 'APKA',
  serverCertificate: 'ASCA',
  serviceSpecificCredential: 'ACCA',
  mfaDevice: 'AIDA'
} as const

export type IdKind = keyof typeof ID_PREFIX

/** AWS's unique-ID alphabet: upper-case letters and digits 2-7 (base32). */
const ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'
const SECRET_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'

/** 21 characters for entity IDs, 20 for access key IDs (prefix included), as AWS issues them. */
export function newId(kind: IdKind, random: Random): string {
  const prefix = ID_PREFIX[kind]
  const length = kind === 'accessKey' || kind === 'temporaryAccessKey' ? 16 : 17
  return prefix + randomString(random, ID_ALPHABET, length)
}

export function newSecretAccessKey(random: Random): string {
  return randomString(random, SECRET_ALPHABET, 40)
}

/** A 12-digit account ID that does not start with 0. */
export function newAccountId(random: Random): string {
  return randomString(random, '123456789', 1) + randomString(random, '0123456789', 11)
}

export function isAccountId(s: string): boolean {
  return /^\d{12}$/.test(s)
}

// Access key IDs AWS issues today carry their account: after the four-letter prefix, 16 base32
// characters are 80 bits, and bits 1 to 40 of them (after one leading bit) hold the account ID
// shifted left by 7. GetAccessKeyInfo reads the account back without looking anything up, which
// is what lets any node answer it for temporary keys, which are stored nowhere.

const ACCOUNT_SHIFT = 7n
const ACCOUNT_MASK = 0x7fffffffff80n

/** A temporary (ASIA…) access key ID that encodes its account. */
export function newTemporaryAccessKeyId(accountId: string, random: Random): string {
  const bytes = random.bytes(10)
  let high = 0n
  for (let i = 0; i < 6; i++) high = (high << 8n) | BigInt(bytes[i] as number)
  high = (high & ~ACCOUNT_MASK & 0x7fn) | ((BigInt(accountId) << ACCOUNT_SHIFT) & ACCOUNT_MASK)
  for (let i = 5; i >= 0; i--) {
    bytes[i] = Number(high & 0xffn)
    high >>= 8n
  }
  return ID_PREFIX.temporaryAccessKey + base32(bytes)
}

/** The account an access key ID encodes, or undefined when it is not in that format. */
export function accountOfAccessKeyId(accessKeyId: string): string | undefined {
  const body = accessKeyId.slice(4)
  if (accessKeyId.length !== 20 || !/^[A-Z2-7]{16}$/.test(body)) return undefined
  const bytes = unbase32(body)
  let high = 0n
  for (let i = 0; i < 6; i++) high = (high << 8n) | BigInt(bytes[i] as number)
  return String((high & ACCOUNT_MASK) >> ACCOUNT_SHIFT).padStart(12, '0')
}

function base32(bytes: Uint8Array): string {
  let bits = 0
  let value = 0
  let out = ''
  for (const byte of bytes) {
    value = (value << 8) | byte
    bits += 8
    while (bits >= 5) {
      out += ID_ALPHABET[(value >>> (bits - 5)) & 31]
      bits -= 5
    }
  }
  return out
}

function unbase32(text: string): Uint8Array {
  const out: number[] = []
  let bits = 0
  let value = 0
  for (const ch of text) {
    value = (value << 5) | ID_ALPHABET.indexOf(ch)
    bits += 5
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff)
      bits -= 8
    }
  }
  return Uint8Array.from(out)
}
