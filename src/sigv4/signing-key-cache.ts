// The signing key, HMAC(HMAC(HMAC(HMAC('AWS4' + secret, date), region), service), 'aws4_request'),
// costs four HMACs; it changes once a day per secret, region and service, so it is kept in a small
// least-recently-used map.

import { createHmac } from 'node:crypto'
import { TERMINATOR } from './canonical.js'

export function deriveSigningKey(secretAccessKey: string, date: string, region: string, service: string): Uint8Array {
  const kDate = createHmac('sha256', `AWS4${secretAccessKey}`).update(date).digest()
  const kRegion = createHmac('sha256', kDate).update(region).digest()
  const kService = createHmac('sha256', kRegion).update(service).digest()
  return createHmac('sha256', kService).update(TERMINATOR).digest()
}

export class SigningKeyCache {
  private readonly keys = new Map<string, Uint8Array>()

  constructor(readonly maxEntries = 1024) {}

  get size(): number {
    return this.keys.size
  }

  get(secretAccessKey: string, date: string, region: string, service: string): Uint8Array {
    // NUL cannot occur in a date, region or service that passed verify(); sign() may be handed one.
    if (date.includes('\0') || region.includes('\0') || service.includes('\0')) {
      return deriveSigningKey(secretAccessKey, date, region, service)
    }
    const id = `${date}\0${region}\0${service}\0${secretAccessKey}`
    const cached = this.keys.get(id)
    if (cached !== undefined) {
      this.keys.delete(id) // move to the most recently used end
      this.keys.set(id, cached)
      return cached
    }
    const key = deriveSigningKey(secretAccessKey, date, region, service)
    if (this.keys.size >= this.maxEntries) {
      const oldest = this.keys.keys().next()
      if (oldest.done !== true) this.keys.delete(oldest.value)
    }
    this.keys.set(id, key)
    return key
  }

  clear(): void {
    this.keys.clear()
  }
}

/** The cache sign() and verify() share. */
export const signingKeys = new SigningKeyCache()
