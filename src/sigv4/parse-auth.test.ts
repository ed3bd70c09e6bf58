import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseAuth } from './parse-auth.js'
import type { ParsedAuth, SigV4Error } from './types.js'

/**
 * The Authorization header's elements read the plain way: split on commas, trim each element,
 * its name and its value; the last of a repeated name counts. parseAuth reads them by offsets
 * and must agree on every header, odd spacing and Unicode whitespace included.
 */
function referenceElements(header: string): Record<string, string> | { missingEquals: string } {
  const trimmedHeader = header.trim()
  const space = trimmedHeader.search(/\s/)
  const rest = space < 0 ? '' : trimmedHeader.slice(space + 1)
  const found: Record<string, string> = {}
  for (const raw of rest.split(',')) {
    const element = raw.trim()
    if (element === '') continue
    const eq = element.indexOf('=')
    if (eq < 0) return { missingEquals: element }
    const name = element.slice(0, eq).trim()
    if (name === 'Credential' || name === 'SignedHeaders' || name === 'Signature') found[name] = element.slice(eq + 1).trim()
  }
  return found
}

const CREDENTIAL = 'AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request'
const request = (authorization: string) => ({
  method: 'POST',
  path: '/',
  query: '',
  headers: { authorization, host: 'iam.amazonaws.com', 'x-amz-date': '20150830T123600Z' },
  body: new Uint8Array()
})

const space = fc.constantFrom('', ' ', '  ', '\t', '\u00a0', '\u2003', '\ufeff')
const value = fc.constantFrom(CREDENTIAL, 'host;x-amz-date', 'Host;X-Amz-Date;;', 'abc123', '', 'a=b', 'x y')
const name = fc.constantFrom('Credential', 'SignedHeaders', 'Signature', 'credential', 'Other', '')
const element = fc.oneof(
  fc.tuple(space, name, space, space, value, space).map(([a, n, b, c, v, d]) => `${a}${n}${b}=${c}${v}${d}`),
  fc.tuple(space, value, space).map(([a, v, b]) => `${a}${v.replace(/=/g, '')}${b}`)
)
const header = fc.tuple(space, space, fc.array(element, { maxLength: 5 })).map(([lead, gap, elements]) => `${lead}AWS4-HMAC-SHA256${gap === '' ? ' ' : gap}${elements.join(',')}`)

describe('parseAuth reads Authorization elements by offsets', () => {
  it('agrees with splitting and trimming on any header', () => {
    fc.assert(
      fc.property(header, (text) => {
        const expected = referenceElements(text)
        const parsed = parseAuth(request(text))
        if ('missingEquals' in expected) {
          expect((parsed as SigV4Error).message).toContain(`'${expected.missingEquals as string}' not a valid key=value pair`)
          return
        }
        const complete = expected.Credential !== undefined && expected.SignedHeaders !== undefined && expected.Signature !== undefined
        if (!complete || expected.Credential !== CREDENTIAL) {
          expect('code' in parsed).toBe(true)
          return
        }
        const auth = parsed as ParsedAuth
        expect(auth.signature).toBe(expected.Signature)
        expect(auth.signedHeaders).toEqual(
          (expected.SignedHeaders as string)
            .toLowerCase()
            .split(';')
            .filter((n) => n !== '')
        )
      }),
      { numRuns: 2000 }
    )
  })

  it('reports a missing equals sign with the element as sent', () => {
    const parsed = parseAuth(request(`AWS4-HMAC-SHA256 Credential=${CREDENTIAL},  SignedHeaders  , Signature=abc`)) as SigV4Error
    expect(parsed.code).toBe('IncompleteSignature')
    expect(parsed.message).toContain(`'SignedHeaders' not a valid key=value pair (missing equal-sign)`)
  })
})
