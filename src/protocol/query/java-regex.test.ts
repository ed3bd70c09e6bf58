import { describe, expect, it } from 'vitest'
import { IAM_MODEL } from '../model/iam-model.js'
import { STS_MODEL } from '../model/sts-model.js'
import { javaPatternMatcher, translateJavaRegex } from './java-regex.js'

/** Every pattern IAM and STS use, with values that match and values that do not (as Java decides). */
const CASES: Readonly<Record<string, { yes: readonly string[]; no: readonly string[] }>> = {
  '[\\w._-]+': { yes: ['a_b.c-d', 'ABC123'], no: ['', 'a b', 'é', 'a/b'] },
  '[\\w]+': { yes: ['abc_123'], no: ['', '-', 'ü'] },
  '^[a-z0-9](([a-z0-9]|-(?!-))*[a-z0-9])?$': { yes: ['a', 'my-alias', 'a1-b2'], no: ['', '-a', 'a-', 'a--b', 'A', 'a\n'] },
  '[\\d]+': { yes: ['0123'], no: ['', '1a', '١'] },
  '[\\u0009\\u000A\\u000D\\u0020-\\u00FF]+': { yes: ['pass word\t\r\n', 'ÿ'], no: ['', 'Ā', '😀', '\u0000'] },
  '[\\w+=,.@-]+': { yes: ['a+b=c,d.e@f-g_h'], no: ['', 'bad name', 'a/b', 'a:b'] },
  '[\\u0020-\\u00FF]+': { yes: [' ~ÿ'], no: ['', '\t', 'Ā'] },
  '^o-[0-9a-z]{10,32}\\/r-[0-9a-z]{4,32}[0-9a-z-\\/]*': {
    yes: ['o-abcdefghij/r-abcd', 'o-abcdefghij/r-abcd/ou-ab12-cd/'],
    no: ['o-abc/r-abcd', 'o-abcdefghij/r-abc', 'o-abcdefghij/r-abcdX']
  },
  '^p-[0-9a-zA-Z_]{8,128}$': { yes: ['p-abcd_123'], no: ['p-abc', 'p-abcdefgh-'] },
  '\\u002F[\\u0021-\\u007F]*': { yes: ['/', '/a/b~'], no: ['', 'a/', '/a b'] },
  '(\\u002F)|(\\u002F[\\u0021-\\u007F]+\\u002F)': { yes: ['/', '/a/', '/a/b/'], no: ['', '//x', '/a', 'a/', '/a b/'] },
  '((/[A-Za-z0-9\\.,\\+@=_-]+)*)/': { yes: ['/', '/a/', '/a.b/c+d/'], no: ['', '/a', '//', '/a b/'] },
  'v[1-9][0-9]*(\\.[A-Za-z0-9-]*)?': { yes: ['v1', 'v10', 'v2.rc-1', 'v3.'], no: ['v0', 'v', '1', 'v1.a_b'] },
  '[:\\w]+': { yes: ['aws:username'], no: ['', 'a-b'] },
  '[\\p{L}\\p{M}\\p{Z}\\p{S}\\p{N}\\p{P}]*': { yes: ['', 'Ünïcødé e\u0301 😀 ¢ ½ «»'], no: ['\t', '\n', '\u0000'] },
  '[\\w+=/:,.@-]+': { yes: ['arn:aws:iam::aws:policy/a+b=c,d.e@f'], no: ['', 'a b'] },
  '[\\w-]*': { yes: ['', 'a-b_c'], no: ['a.b'] },
  '[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]+': { yes: ['Key:with/slashes=and+signs@x-y', 'ключ 名'], no: ['', 'a,b', 'a*b', 'e\u0301'] },
  '[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*': { yes: ['', 'value 1'], no: ['a,b', 'SourceIP: 1.2.3.4, UserAgent'] },
  '[\\w]*': { yes: ['', 'abc'], no: ['a b'] },
  '[\\u0009\\u000A\\u000D\\u0020-\\u007E\\u0085\\u00A0-\\uD7FF\\uE000-\\uFFFD\\u10000-\\u10FFFF]+': {
    // Java reads \u10000-\u10FFFF as \u1000, 0-\u10FF, F, F: no supplementary characters (AWS
    // agrees), while the range 0-\u10FF lets DEL and the C1 controls in.
    yes: ['{"Version":"2012-10-17"}\n\t', 'é', '\u0085', '\uFFFD', '\u007F', '\u0090'],
    no: ['', '😀', '\u0000', '\u001F', '\uD800', '\uFFFE']
  },
  '[\\w+=,.@:-]*': { yes: ['', 'a:b'], no: ['a/b'] },
  '[\\w+=,.@:\\/-]*': { yes: ['', 'arn:aws:iam::1:mfa/x'], no: ['a b'] },
  '[\\w+=,.@\\:-]*': { yes: ['', 'a:b-c'], no: ['a/b'] },
  '[\\w+=,.@-]*': { yes: ['', 'a@b'], no: ['bad/name', 'a:b'] },
  '[\\w+=/:,.@-]*': { yes: ['', 'a/b:c'], no: ['a b'] },
  '[\\d]*': { yes: ['', '123'], no: ['a'] }
}

function modelPatterns(): Set<string> {
  const patterns = new Set<string>()
  for (const model of [IAM_MODEL, STS_MODEL]) {
    for (const shape of Object.values(model.shapes)) if (shape.type === 'string' && shape.pattern !== undefined) patterns.add(shape.pattern)
  }
  return patterns
}

describe('the patterns of IAM and STS', () => {
  it('are all covered by a case here', () => {
    expect([...modelPatterns()].filter((p) => !(p in CASES))).toEqual([])
  })

  it.each(Object.entries(CASES))('%s', (pattern, { yes, no }) => {
    const re = javaPatternMatcher(pattern)
    for (const s of yes) expect(re.test(s), JSON.stringify(s)).toBe(true)
    for (const s of no) expect(re.test(s), JSON.stringify(s)).toBe(false)
  })
})

describe('translateJavaRegex', () => {
  it('keeps Java meanings that JavaScript lacks or differs on', () => {
    expect(translateJavaRegex('[\\w+=,.@\\:-]*')).toBe('[\\w+=,.@\\u{3a}-]*')
    expect(javaPatternMatcher('a\\:b').test('a:b')).toBe(true)
    expect(javaPatternMatcher('\\s+').test(' \t\n\u000B\f\r')).toBe(true)
    expect(javaPatternMatcher('\\s').test('\u00A0')).toBe(false)
    expect(javaPatternMatcher('.').test('\u0085')).toBe(false)
    expect(javaPatternMatcher('.').test('😀')).toBe(true)
    expect(javaPatternMatcher('\\p{Alpha}+').test('abcXYZ')).toBe(true)
    expect(javaPatternMatcher('\\p{IsL}').test('ж')).toBe(true)
    expect(javaPatternMatcher('[]a]+').test(']a')).toBe(true)
    expect(javaPatternMatcher('\\x41\\0101\\x{1F600}').test('AA😀')).toBe(true)
  })

  it('matches whole values, as Matcher.matches() does', () => {
    expect(javaPatternMatcher('[a-z]+').test('abc1')).toBe(false)
    expect(javaPatternMatcher('a|b').test('ab')).toBe(false)
    expect(javaPatternMatcher('a|b').test('b')).toBe(true)
  })

  it('refuses what it cannot translate faithfully', () => {
    for (const p of ['[a-z&&[^b]]', '[a[b]]', '\\Qa.b\\E', 'a++', '(?i)a', '\\p{InGreek}', '\\R', '[\\S]']) {
      expect(() => translateJavaRegex(p), p).toThrow()
    }
  })
})
