// URI encoding for the canonical request: RFC 3986, where only the unreserved characters
// (A-Z a-z 0-9 - . _ ~) stay as they are and every other byte of the UTF-8 form becomes %XX.

const HEX = '0123456789ABCDEF'
const UNRESERVED = new Uint8Array(128)
for (const c of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~') UNRESERVED[c.charCodeAt(0)] = 1

const utf8Encoder = new TextEncoder()
const utf8Decoder = new TextDecoder()

function isUnreserved(code: number): boolean {
  return code < 128 && UNRESERVED[code] === 1
}

function allUnreserved(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (!isUnreserved(s.charCodeAt(i))) return false
  return true
}

/** %XX-encodes every byte that is not unreserved. */
export function encodeBytes(bytes: Uint8Array): string {
  let out = ''
  for (const b of bytes) out += isUnreserved(b) ? String.fromCharCode(b) : `%${HEX[b >> 4]}${HEX[b & 15]}`
  return out
}

/** RFC 3986 encoding of a string's UTF-8 bytes ('%' too, so an encoded string is encoded again). */
export function uriEncode(s: string): string {
  return allUnreserved(s) ? s : encodeBytes(utf8Encoder.encode(s))
}

function hexValue(code: number): number {
  if (code >= 48 && code <= 57) return code - 48
  if (code >= 65 && code <= 70) return code - 55
  if (code >= 97 && code <= 102) return code - 87
  return -1
}

/**
 * The bytes a query-string name or value stands for: %XX decoded, '+' read as a space (form
 * encoding), other characters as UTF-8. A '%' not followed by two hex digits stands for itself.
 */
export function decodeQueryComponent(raw: string): Uint8Array {
  const bytes: number[] = []
  for (let i = 0; i < raw.length; i++) {
    const code = raw.charCodeAt(i)
    if (code === 0x25 && i + 2 < raw.length) {
      const hi = hexValue(raw.charCodeAt(i + 1))
      const lo = hexValue(raw.charCodeAt(i + 2))
      if (hi >= 0 && lo >= 0) {
        bytes.push(hi * 16 + lo)
        i += 2
        continue
      }
    }
    if (code === 0x2b) bytes.push(0x20)
    else if (code < 0x80) bytes.push(code)
    else {
      const point = raw.codePointAt(i) as number
      for (const b of utf8Encoder.encode(String.fromCodePoint(point))) bytes.push(b)
      if (point > 0xffff) i++
    }
  }
  return Uint8Array.from(bytes)
}

/** A query-string name or value decoded to text (invalid UTF-8 becomes U+FFFD). */
export function decodeQueryText(raw: string): string {
  return allUnreserved(raw) ? raw : utf8Decoder.decode(decodeQueryComponent(raw))
}

function canonicalQueryComponent(raw: string): string {
  return allUnreserved(raw) ? raw : encodeBytes(decodeQueryComponent(raw))
}

/** The raw query string as name/value pairs, in order ('a' alone is a = ''; empty parts are skipped). */
function splitQuery(rawQuery: string): Array<[string, string]> {
  const pairs: Array<[string, string]> = []
  for (const part of rawQuery.split('&')) {
    if (part === '') continue
    const eq = part.indexOf('=')
    pairs.push(eq < 0 ? [part, ''] : [part.slice(0, eq), part.slice(eq + 1)])
  }
  return pairs
}

/** Decoded query parameters, first value of each name (the presigned-URL parameters are read from here). */
export function queryParameters(rawQuery: string): Map<string, string> {
  const params = new Map<string, string>()
  if (rawQuery === '') return params
  for (const [rawName, rawValue] of splitQuery(rawQuery)) {
    const name = decodeQueryText(rawName)
    if (!params.has(name)) params.set(name, decodeQueryText(rawValue))
  }
  return params
}

const SIGNATURE_PARAMETER = 'X-Amz-Signature'

/**
 * The canonical query string: each name and value decoded and encoded again (RFC 3986, '%20' for a
 * space), sorted by encoded name then encoded value, joined as name=value&... A presigned request
 * leaves out its own X-Amz-Signature.
 */
export function canonicalQuery(rawQuery: string, withoutSignature: boolean): string {
  if (rawQuery === '') return ''
  const pairs: Array<[string, string]> = []
  for (const [rawName, rawValue] of splitQuery(rawQuery)) {
    const name = canonicalQueryComponent(rawName)
    if (withoutSignature && name === SIGNATURE_PARAMETER) continue
    pairs.push([name, canonicalQueryComponent(rawValue)])
  }
  pairs.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0))
  let out = ''
  for (const [name, value] of pairs) out += `${out === '' ? '' : '&'}${name}=${value}`
  return out
}

/**
 * The canonical URI of a raw request path, as AWS computes it for every service but S3: empty and
 * '.' segments dropped, '..' removes the segment before it, and each segment URI-encoded (so a path
 * that arrives encoded, '/a%20b', is encoded a second time, '/a%2520b', as the SDKs sign it).
 */
export function canonicalUri(rawPath: string): string {
  if (rawPath === '/' || rawPath === '') return '/'
  const segments: string[] = []
  for (const segment of rawPath.split('/')) {
    if (segment === '' || segment === '.') continue
    if (segment === '..') segments.pop()
    else segments.push(uriEncode(segment))
  }
  if (segments.length === 0) return '/'
  return `/${segments.join('/')}${rawPath.endsWith('/') ? '/' : ''}`
}
