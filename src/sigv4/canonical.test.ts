// Unit tests of the pieces: URI and query encoding, header values, dates, the signing-key cache.

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { formatAmzDate, parseAmzDate, parseHttpDate } from './amz-date.js'
import { canonicalHeaders, canonicalHeaderValue } from './canonical.js'
import { canonicalQuery, canonicalUri, queryParameters, uriEncode } from './encoding.js'
import { deriveSigningKey, SigningKeyCache } from './signing-key-cache.js'

describe('uriEncode', () => {
  it('keeps only the unreserved characters', () => {
    expect(uriEncode('AZaz09-._~')).toBe('AZaz09-._~')
    expect(uriEncode(' !"#$%&\'()*+,/:;<=>?@[\\]^`{|}')).toBe('%20%21%22%23%24%25%26%27%28%29%2A%2B%2C%2F%3A%3B%3C%3D%3E%3F%40%5B%5C%5D%5E%60%7B%7C%7D')
    expect(uriEncode('ü😀')).toBe('%C3%BC%F0%9F%98%80')
  })

  it("agrees with encodeURIComponent plus !'()*", () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        const reference = encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
        expect(uriEncode(s)).toBe(reference)
      })
    )
  })
})

describe('canonicalUri', () => {
  it('normalizes and encodes each segment again', () => {
    expect(canonicalUri('')).toBe('/')
    expect(canonicalUri('/')).toBe('/')
    expect(canonicalUri('/a/./b/../c/')).toBe('/a/c/')
    expect(canonicalUri('/../..')).toBe('/')
    expect(canonicalUri('/a%20b/c d')).toBe('/a%2520b/c%20d')
  })
})

describe('canonicalQuery', () => {
  it('decodes, encodes strictly and sorts by name, then value', () => {
    expect(canonicalQuery('b=2&a=1&a=0', false)).toBe('a=0&a=1&b=2')
    expect(canonicalQuery('a-b=2&a=1', false)).toBe('a=1&a-b=2')
    expect(canonicalQuery('x=%7e+%2a%20*', false)).toBe('x=~%20%2A%20%2A')
    expect(canonicalQuery('flag&&=v', false)).toBe('=v&flag=')
    expect(canonicalQuery('p=100%&q=%zz', false)).toBe('p=100%25&q=%25zz')
  })

  it('leaves out X-Amz-Signature only for presigned requests', () => {
    expect(canonicalQuery('X-Amz-Signature=abc&a=1', true)).toBe('a=1')
    expect(canonicalQuery('X-Amz-Signature=abc&a=1', false)).toBe('X-Amz-Signature=abc&a=1')
  })

  it('is the same for every wire form of the same parameters', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'grapheme' }))), (pairs) => {
        const form = new URLSearchParams(pairs).toString() // spaces as '+', '~' as %7E
        const strict = pairs.map(([n, v]) => `${uriEncode(n)}=${uriEncode(v)}`).join('&')
        expect(canonicalQuery(form, false)).toBe(canonicalQuery(strict, false))
      })
    )
  })

  it('queryParameters decodes and keeps the first of each name', () => {
    const params = queryParameters('X-Amz-Credential=AKID%2F20150830%2Fus-east-1&a=1&a=2&b=x+y')
    expect(params.get('X-Amz-Credential')).toBe('AKID/20150830/us-east-1')
    expect(params.get('a')).toBe('1')
    expect(params.get('b')).toBe('x y')
  })
})

describe('canonical headers', () => {
  it('trims and collapses spaces and tabs, joins repeated headers with commas', () => {
    expect(canonicalHeaderValue('  a \t  b  ')).toBe('a b')
    expect(canonicalHeaders({ 'x-a': [' 1 ', '2'], host: 'h' }, ['host', 'x-a'])).toBe('host:h\nx-a:1,2\n')
  })

  it('signs an absent header as empty and never reads inherited properties', () => {
    expect(canonicalHeaders({}, ['constructor', '__proto__', 'toString'])).toBe('constructor:\n__proto__:\ntoString:\n')
  })

  it("uses HTTP/2's :authority when host is absent", () => {
    expect(canonicalHeaders({ ':authority': 'iam.example.com' }, ['host'])).toBe('host:iam.example.com\n')
  })
})

describe('dates', () => {
  it('parses and formats the basic format', () => {
    expect(parseAmzDate('20150830T123600Z')).toBe(Date.UTC(2015, 7, 30, 12, 36, 0))
    expect(formatAmzDate(Date.UTC(2015, 7, 30, 12, 36, 0, 999))).toBe('20150830T123600Z')
    for (const bad of ['20150230T123600Z', '20151330T123600Z', '20150830T243600Z', '20150830T123660Z', '2015-08-30T12:36:00Z', '20150830T123600', ' 20150830T123600Z']) {
      expect(parseAmzDate(bad)).toBeUndefined()
    }
    // Years below 100 are years below 100, not 19xx.
    expect(formatAmzDate(parseAmzDate('00010101T000000Z') as number)).toBe('00010101T000000Z')
  })

  it('round-trips every time', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59Z'), noInvalidDate: true }), (d) => {
        const seconds = Math.floor(d.getTime() / 1000) * 1000
        expect(parseAmzDate(formatAmzDate(d.getTime()))).toBe(seconds)
      })
    )
  })

  it('parses an HTTP date', () => {
    expect(parseHttpDate('Sun, 30 Aug 2015 12:36:00 GMT')).toBe(Date.UTC(2015, 7, 30, 12, 36, 0))
    expect(parseHttpDate('Sunday, 30-Aug-15 12:36:00 GMT')).toBeUndefined()
  })
})

describe('signing keys', () => {
  it('the cache returns the derived key and stays bounded, dropping the oldest entry', () => {
    const cache = new SigningKeyCache(2)
    const a = cache.get('secret-a', '20150830', 'us-east-1', 'iam')
    expect(Buffer.from(a.bytes)).toEqual(Buffer.from(deriveSigningKey('secret-a', '20150830', 'us-east-1', 'iam')))
    const b = cache.get('secret-b', '20150830', 'us-east-1', 'iam')
    expect(cache.get('secret-a', '20150830', 'us-east-1', 'iam')).toBe(a) // a hit
    cache.get('secret-c', '20150830', 'us-east-1', 'iam') // evicts secret-a, the oldest
    expect(cache.size).toBe(2)
    expect(cache.get('secret-b', '20150830', 'us-east-1', 'iam')).toBe(b)
    const again = cache.get('secret-a', '20150830', 'us-east-1', 'iam')
    expect(again).not.toBe(a)
    expect(Buffer.from(again.bytes)).toEqual(Buffer.from(a.bytes))
  })

  it('keys differ by secret, date, region and service', () => {
    const cache = new SigningKeyCache()
    const keys = [
      cache.get('s', '20150830', 'us-east-1', 'iam'),
      cache.get('t', '20150830', 'us-east-1', 'iam'),
      cache.get('s', '20150831', 'us-east-1', 'iam'),
      cache.get('s', '20150830', 'eu-west-1', 'iam'),
      cache.get('s', '20150830', 'us-east-1', 'sts'),
      cache.get('s', '20150830', 'us-east-1\0x', 'iam')
    ].map((k) => Buffer.from(k.bytes).toString('hex'))
    expect(new Set(keys).size).toBe(keys.length)
  })
})
