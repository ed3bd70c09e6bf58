// Property tests: arbitrary text survives our XML on its way through the SDK's parser, and arbitrary
// text survives the SDK's form encoding on its way into parseInput.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { IAM_MODEL } from './model/iam-model.js'
import { STS_MODEL } from './model/sts-model.js'
import { parseInput } from './query/parse-input.js'
import { readQueryParams } from './query/params.js'
import { resolveOperation } from './query/resolve.js'
import { serializeResponse } from './query/serialize.js'
import { sdkRequest, sdkResponse } from './test-support/sdk.js'

/** Text with what breaks XML and URLs: markup, entities, controls, CR/LF, non-BMP, lone surrogates. */
const awkwardChar = fc.oneof(
  fc.constantFrom('<', '>', '&', '"', "'", ']]>', '&amp;', '&#65;', '&bogus;', '\r', '\n', '\r\n', '\t', ' ', '%', '+', '=', '&&', '😀', '\u2028', '\u0085', '\uFEFF'),
  fc.integer({ min: 0, max: 0x1f }).map((c) => String.fromCharCode(c)),
  fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)),
  fc.constantFrom('\uFFFE', '\uFFFF'),
  fc.string({ unit: 'binary', maxLength: 3 })
)
const awkwardText = fc.array(awkwardChar, { maxLength: 12 }).map((parts) => parts.join(''))
/** Well-formed UTF-16 (what can be form-encoded at all). */
const wellFormedText = fc.string({ unit: 'binary', minLength: 1, maxLength: 60 })

/**
 * What the SDK's XML parser can give back for a text node: all of it, except that text made of
 * whitespace only with a line feed in it reads as '' (its parser takes such text for indentation).
 */
function afterSdkParse(s: string): string {
  return s.trim() === '' && s.includes('\n') ? '' : s
}

describe('our XML through the SDK parser', () => {
  it('keeps arbitrary strings in elements and list members', async () => {
    const op = IAM_MODEL.operations.ListRolePolicies
    if (op === undefined) throw new Error('ListRolePolicies')
    await fc.assert(
      fc.asyncProperty(fc.array(awkwardText, { minLength: 1, maxLength: 5 }), awkwardText, async (names, marker) => {
        const xml = serializeResponse(IAM_MODEL, op, { PolicyNames: names, IsTruncated: true, Marker: marker }, 'req')
        const read = await sdkResponse('iam', 'ListRolePolicies', 200, xml)
        if (!read.ok) throw read.error
        expect(read.output.PolicyNames).toEqual(names.map(afterSdkParse))
        expect(read.output.Marker).toBe(afterSdkParse(marker))
      }),
      { numRuns: 300 }
    )
  })

  it('keeps arbitrary strings in nested structures (tags)', async () => {
    const op = IAM_MODEL.operations.ListUserTags
    if (op === undefined) throw new Error('ListUserTags')
    await fc.assert(
      fc.asyncProperty(fc.array(fc.record({ Key: awkwardText, Value: awkwardText }), { maxLength: 4 }), async (tags) => {
        const xml = serializeResponse(IAM_MODEL, op, { Tags: tags, IsTruncated: false }, 'req')
        const read = await sdkResponse('iam', 'ListUserTags', 200, xml)
        if (!read.ok) throw read.error
        expect(read.output.Tags).toEqual(tags.map((t) => ({ Key: afterSdkParse(t.Key), Value: afterSdkParse(t.Value) })))
      }),
      { numRuns: 200 }
    )
  })

  it('keeps arbitrary instants', async () => {
    const op = STS_MODEL.operations.GetSessionToken
    if (op === undefined) throw new Error('GetSessionToken')
    await fc.assert(
      fc.asyncProperty(fc.date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59Z'), noInvalidDate: true }), async (date) => {
        const xml = serializeResponse(STS_MODEL, op, { Credentials: { AccessKeyId: 'a', SecretAccessKey: 's', SessionToken: 't', Expiration: date } }, 'req')
        const read = await sdkResponse('sts', 'GetSessionToken', 200, xml)
        if (!read.ok) throw read.error
        expect((read.output.Credentials as { Expiration: Date }).Expiration.getTime()).toBe(date.getTime())
      }),
      { numRuns: 100 }
    )
  })
})

describe('SDK requests into parseInput', () => {
  it('keeps arbitrary well-formed strings', async () => {
    await fc.assert(
      fc.asyncProperty(wellFormedText, fc.array(wellFormedText, { maxLength: 3 }), async (url, clientIds) => {
        const input = { Url: url, ClientIDList: clientIds, ThumbprintList: ['c'.repeat(40)] }
        const request = await sdkRequest('iam', 'CreateOpenIDConnectProvider', input)
        const params = readQueryParams('', request.body)
        const resolved = resolveOperation([IAM_MODEL, STS_MODEL], params)
        if (!resolved.ok) throw new Error(resolved.error.message)
        expect(parseInput(IAM_MODEL, resolved.value.operation, params)).toEqual({ ok: true, value: input })
      }),
      { numRuns: 200 }
    )
  })

  it('readQueryParams inverts form encoding, both %20 and + for spaces', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.tuple(wellFormedText, fc.string({ unit: 'binary', maxLength: 20 })), { selector: ([k]) => k, maxLength: 6 }), (pairs) => {
        const plus = new URLSearchParams(pairs).toString()
        const percent = pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&')
        expect([...readQueryParams('', plus).entries()]).toEqual(pairs)
        expect([...readQueryParams(percent, '').entries()]).toEqual(pairs)
      })
    )
  })
})
