// Randomness as an input: production uses the platform's CSPRNG (Web Crypto, global in Node 20),
// tests inject a seeded source so identifiers are reproducible.

export interface Random {
  /** `n` cryptographically random bytes (or deterministic ones in tests). */
  bytes(n: number): Uint8Array
}

export const systemRandom: Random = {
  bytes(n) {
    const out = new Uint8Array(n)
    globalThis.crypto.getRandomValues(out)
    return out
  }
}

/** A deterministic source for tests (xorshift; not for secrets). */
export function seededRandom(seed: number): Random {
  let s = seed >>> 0 || 1
  return {
    bytes(n) {
      const out = new Uint8Array(n)
      for (let i = 0; i < n; i++) {
        s ^= s << 13
        s ^= s >>> 17
        s ^= s << 5
        out[i] = s & 0xff
      }
      return out
    }
  }
}

/** Uniformly chosen characters of `alphabet` (rejection sampling: no modulo bias). */
export function randomString(random: Random, alphabet: string, length: number): string {
  const limit = 256 - (256 % alphabet.length)
  let out = ''
  while (out.length < length) {
    for (const b of random.bytes(length * 2)) {
      if (b >= limit) continue
      out += alphabet[b % alphabet.length]
      if (out.length === length) break
    }
  }
  return out
}
