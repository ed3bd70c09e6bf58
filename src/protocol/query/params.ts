/**
 * Reading the flat `application/x-www-form-urlencoded` parameters of an AWS Query request.
 *
 * - The URL query string and the POST body are read as one list, the query string first.
 * - A parameter given twice keeps its FIRST value: AWS STS answered `Action=GetCallerIdentity&
 *   Action=NoSuchAction` with GetCallerIdentity, and `DurationSeconds=899&DurationSeconds=900` with
 *   the error for 899 (README.md, "Duplicates").
 * - `+` is a space (botocore sends `+`, the JS SDK `%20`); a key without `=` has the value `''`.
 * - Decoding is lenient: a `%` not followed by two hex digits stays as it is, and bytes that are not
 *   UTF-8 become U+FFFD. (A request so mangled will not carry a valid SigV4 signature anyway.)
 */

const utf8 = new TextDecoder('utf-8', { fatal: false })
const encoder = new TextEncoder()

function isHex(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102)
}

function lenientDecode(s: string): string {
  const bytes: number[] = []
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if (c === 37 && i + 2 < s.length && isHex(s.charCodeAt(i + 1)) && isHex(s.charCodeAt(i + 2))) {
      bytes.push(parseInt(s.slice(i + 1, i + 3), 16))
      i += 2
    } else if (c < 0x80) {
      bytes.push(c)
    } else {
      const cp = s.codePointAt(i) ?? c
      const ch = String.fromCodePoint(cp)
      for (const b of encoder.encode(ch)) bytes.push(b)
      i += ch.length - 1
    }
  }
  return utf8.decode(new Uint8Array(bytes))
}

/** Decodes one form-encoded component. */
export function decodeFormComponent(s: string): string {
  const plus = s.includes('+') ? s.replaceAll('+', ' ') : s
  if (!plus.includes('%')) return plus
  try {
    return decodeURIComponent(plus)
  } catch {
    return lenientDecode(plus)
  }
}

function addAll(into: Map<string, string>, text: string): void {
  if (text === '') return
  let start = 0
  const n = text.length
  while (start <= n) {
    let end = text.indexOf('&', start)
    if (end < 0) end = n
    if (end > start) {
      const eq = text.indexOf('=', start)
      let key: string
      let value: string
      if (eq < 0 || eq > end) {
        key = decodeFormComponent(text.slice(start, end))
        value = ''
      } else {
        key = decodeFormComponent(text.slice(start, eq))
        value = decodeFormComponent(text.slice(eq + 1, end))
      }
      if (!into.has(key)) into.set(key, value)
    }
    start = end + 1
  }
}

/** Form-encoded POST body and/or URL query string → flat parameters (first value wins, as AWS). */
export function readQueryParams(query: string, body: string): Map<string, string> {
  const params = new Map<string, string>()
  addAll(params, query.startsWith('?') ? query.slice(1) : query)
  addAll(params, body)
  return params
}
