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
