// The signing key, HMAC(HMAC(HMAC(HMAC('AWS4' + secret, date), region), service), 'aws4_request'),
// costs four HMACs; it changes once a day per secret, region and service, so it is kept in a small
// map, with its HMAC pads (hmac.ts). A full map drops its oldest entry: a key dropped while still
// in use is derived again once, which costs less than keeping the map in recency order on every hit.

import { createHmac } from 'node:crypto'
import { TERMINATOR } from './canonical.js'
import { HmacKey } from './hmac.js'

export function deriveSigningKey(secretAccessKey: string, date: string, region: string, service: string): Uint8Array {
  const kDate = createHmac('sha256', `AWS4${secretAccessKey}`).update(date).digest()
  const kRegion = createHmac('sha256', kDate).update(region).digest()
  const kService = createHmac('sha256', kRegion).update(service).digest()
  return createHmac('sha256', kService).update(TERMINATOR).digest()
}

export class SigningKeyCache {
  private readonly keys = new Map<string, HmacKey>()

  constructor(readonly maxEntries = 1024) {}

  get size(): number {
    return this.keys.size
  }

  get(secretAccessKey: string, date: string, region: string, service: string): HmacKey {
    // NUL cannot occur in a date, region or service that passed verify(); sign() may be handed one.
    if (date.includes('\0') || region.includes('\0') || service.includes('\0')) {
      return new HmacKey(deriveSigningKey(secretAccessKey, date, region, service))
    }
    const id = `${date}\0${region}\0${service}\0${secretAccessKey}`
    const cached = this.keys.get(id)
    if (cached !== undefined) return cached
    const key = new HmacKey(deriveSigningKey(secretAccessKey, date, region, service))
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
