// Wildcard matching: every matcher shape compileGlob picks, the ARN-bounded wildcards, agreement
// with a regular-expression reference on small inputs, and linear work on pathological patterns.

import { runInNewContext } from 'node:vm'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { compileGlob, hasWildcard, matchTokens, normalizeTokens, ONE, ONE_IN_SEGMENT, STAR, STAR_IN_SEGMENT, tokenizeSimple, type GlobToken } from './glob.js'
import { PatternTest } from './pattern-test.js'

const glob = (pattern: string): ((s: string) => boolean) => compileGlob(tokenizeSimple(pattern))

/** The meaning of a token list as a regular expression (fine for the small inputs it is used on). */
function reference(tokens: readonly GlobToken[]): RegExp {
  const parts = tokens.map((t) => {
    if (typeof t === 'string') return t.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')
    if (t === STAR) return '[^]*'
    if (t === ONE) return '[^]'
    if (t === STAR_IN_SEGMENT) return '[^:]*'
    return '[^:]'
  })
  return new RegExp(`^(?:${parts.join('')})$`)
}

/**
 * Runs fn and stops it if it has not returned within `ms`. A guard so that a runaway match fails
 * one test instead of blocking the run; the bound is generous and never a speed requirement.
 */
function bounded<T>(fn: () => T, ms = 15_000): T {
  return runInNewContext('run()', { run: fn }, { timeout: ms }) as T
}

type StringMethod = 'charCodeAt' | 'startsWith' | 'endsWith' | 'indexOf' | 'includes'
const COUNTED: readonly StringMethod[] = ['charCodeAt', 'startsWith', 'endsWith', 'indexOf', 'includes']

/**
 * The work a match does, measured as calls to the string primitives the matchers are built on.
 * (Each of them is linear in what it reads; the question is how many times they are called.)
 */
function work(fn: () => boolean): { result: boolean; calls: number } {
  const proto = String.prototype as unknown as Record<StringMethod, (...args: unknown[]) => unknown>
  const saved = COUNTED.map((name) => [name, proto[name]] as const)
  let calls = 0
  for (const [name, original] of saved) {
    proto[name] = function (this: string, ...args: unknown[]) {
      calls++
      return original.apply(this, args)
    }
  }
  try {
    const result = fn()
    return { result, calls }
  } finally {
    for (const [name, original] of saved) proto[name] = original
  }
}

describe('tokens', () => {
  it('tokenizeSimple splits literals from * and ?', () => {
    expect(tokenizeSimple('')).toEqual([])
    expect(tokenizeSimple('abc')).toEqual(['abc'])
    expect(tokenizeSimple('s3:Get*')).toEqual(['s3:Get', STAR])
    expect(tokenizeSimple('*a?b**')).toEqual([STAR, 'a', ONE, 'b', STAR, STAR])
  })

  it('normalizeTokens joins literals, drops empty ones and collapses runs of stars', () => {
    expect(normalizeTokens(['a', '', 'b', STAR, STAR, 'c'])).toEqual(['ab', STAR, 'c'])
    expect(normalizeTokens([STAR, STAR_IN_SEGMENT])).toEqual([STAR])
    expect(normalizeTokens([STAR_IN_SEGMENT, STAR])).toEqual([STAR])
    expect(normalizeTokens([STAR_IN_SEGMENT, STAR_IN_SEGMENT, 'x'])).toEqual([STAR_IN_SEGMENT, 'x'])
    // Single-character wildcards are never merged: each consumes one character.
    expect(normalizeTokens([ONE, ONE, STAR, ONE_IN_SEGMENT])).toEqual([ONE, ONE, STAR, ONE_IN_SEGMENT])
  })

  it('hasWildcard tells literal token lists from patterns', () => {
    expect(hasWildcard(['abc', 'def'])).toBe(false)
    expect(hasWildcard([])).toBe(false)
    expect(hasWildcard(['a', ONE_IN_SEGMENT])).toBe(true)
    // A literal "*" (from an escape or a substituted variable) is not a wildcard.
    expect(hasWildcard(['*'])).toBe(false)
  })
})

describe('matcher shapes', () => {
  it('no tokens: only the empty string', () => {
    const m = compileGlob([])
    expect(m('')).toBe(true)
    expect(m('a')).toBe(false)
  })

  it('exact: the literal and nothing else, case-sensitively', () => {
    const m = glob('s3:GetObject')
    expect(m('s3:GetObject')).toBe(true)
    expect(m('s3:getobject')).toBe(false)
    expect(m('s3:GetObjectAcl')).toBe(false)
    expect(m('xs3:GetObject')).toBe(false)
    expect(m('')).toBe(false)
  })

  it('a literal "*" token is literal, not a wildcard', () => {
    const m = compileGlob(['a', '*', 'b'])
    expect(m('a*b')).toBe(true)
    expect(m('axb')).toBe(false)
  })

  it('a lone star: everything, including the empty string and colons', () => {
    const m = glob('*')
    for (const s of ['', 'x', 'a:b:c', '\n', '😀']) expect(m(s), s).toBe(true)
    expect(glob('***')('anything')).toBe(true)
  })

  it('prefix: literal then star', () => {
    const m = glob('s3:Get*')
    expect(m('s3:Get')).toBe(true)
    expect(m('s3:GetObject')).toBe(true)
    expect(m('s3:Ge')).toBe(false)
    expect(m('S3:GetObject')).toBe(false)
    expect(m('xs3:GetObject')).toBe(false)
  })

  it('suffix: star then literal', () => {
    const m = glob('*Object')
    expect(m('Object')).toBe(true)
    expect(m('s3:GetObject')).toBe(true)
    expect(m('s3:GetObjects')).toBe(false)
    expect(m('bject')).toBe(false)
  })

  it('contains: literal between stars', () => {
    const m = glob('*Bucket*')
    expect(m('Bucket')).toBe(true)
    expect(m('s3:ListBucketVersions')).toBe(true)
    expect(m('s3:ListBucke')).toBe(false)
    expect(m('bucket')).toBe(false)
  })

  it('prefix and suffix: both ends, and they may not overlap', () => {
    const m = glob('ab*ba')
    expect(m('abba')).toBe(true)
    expect(m('abxyzba')).toBe(true)
    // "aba" starts with "ab" and ends with "ba", but only by sharing the middle "b".
    expect(m('aba')).toBe(false)
    expect(m('ab')).toBe(false)
    expect(glob('a*a')('a')).toBe(false)
    expect(glob('a*a')('aa')).toBe(true)
  })

  it('a lone ?: exactly one character', () => {
    const m = glob('?')
    expect(m('x')).toBe(true)
    expect(m(':')).toBe(true)
    expect(m('')).toBe(false)
    expect(m('xy')).toBe(false)
  })

  it('general segments: ? inside pieces, several stars, fixed-length pieces at both ends', () => {
    const m = glob('s3:?et*Obj?ct*')
    expect(m('s3:GetObject')).toBe(true)
    expect(m('s3:SetSomeObjectAcl')).toBe(true)
    expect(m('s3:etObject')).toBe(false)
    expect(m('s3:GetObjct')).toBe(false)

    const n = glob('a?c')
    expect(n('abc')).toBe(true)
    expect(n('a:c')).toBe(true)
    expect(n('ac')).toBe(false)
    expect(n('abbc')).toBe(false)

    const mid = glob('*a?a*b?b*')
    expect(mid('xxaxaxxbxbxx')).toBe(true)
    expect(mid('bxbaxa')).toBe(false)
    // The pieces must appear in order without overlapping.
    expect(glob('*aba*aba*')('ababa')).toBe(false)
    expect(glob('*aba*aba*')('abaaba')).toBe(true)
    expect(glob('?*?')('a')).toBe(false)
    expect(glob('?*?')('ab')).toBe(true)
  })

  it('matchTokens matches a token list directly, like the compiled matcher', () => {
    expect(matchTokens(['arn:aws:s3:::b/', STAR], 'arn:aws:s3:::b/k')).toBe(true)
    expect(matchTokens(['arn:aws:s3:::b/', STAR], 'arn:aws:s3:::c/k')).toBe(false)
    expect(matchTokens([STAR_IN_SEGMENT, ':x'], 'a:b:x')).toBe(false)
  })
})

describe('ARN-bounded wildcards', () => {
  it('STAR_IN_SEGMENT matches any run of characters without a colon', () => {
    const m = compileGlob(['arn:aws:ec2:', STAR_IN_SEGMENT, ':123456789012:instance/', STAR])
    expect(m('arn:aws:ec2:us-east-1:123456789012:instance/i-1')).toBe(true)
    expect(m('arn:aws:ec2::123456789012:instance/i-1')).toBe(true)
    expect(m('arn:aws:ec2:us-east-1:999999999999:123456789012:instance/i-1')).toBe(false)
  })

  it('ONE_IN_SEGMENT matches one character that is not a colon', () => {
    const m = compileGlob(['a', ONE_IN_SEGMENT, 'b'])
    expect(m('axb')).toBe(true)
    expect(m('a:b')).toBe(false)
    expect(m('ab')).toBe(false)
    expect(compileGlob([ONE_IN_SEGMENT])(':')).toBe(false)
    expect(compileGlob([ONE_IN_SEGMENT])('x')).toBe(true)
  })

  it('a lone STAR_IN_SEGMENT matches a whole segment, never two', () => {
    const m = compileGlob([STAR_IN_SEGMENT])
    expect(m('')).toBe(true)
    expect(m('us-east-1')).toBe(true)
    expect(m('a:b')).toBe(false)
  })

  it('bounded and free wildcards combine: the free star still runs past colons', () => {
    const m = compileGlob(['arn:', STAR_IN_SEGMENT, ':s3:', STAR])
    expect(m('arn:aws:s3:::bucket/a:b')).toBe(true)
    expect(m('arn:aws:x:s3:::bucket')).toBe(false)
    const n = compileGlob([STAR, ':', ONE_IN_SEGMENT, ONE_IN_SEGMENT])
    expect(n('a:b:cd')).toBe(true)
    expect(n('a:b:c:')).toBe(false)
  })

  it('a free star next to a bounded one is a free star', () => {
    expect(compileGlob([STAR_IN_SEGMENT, STAR])('a:b:c')).toBe(true)
    expect(compileGlob([STAR, STAR_IN_SEGMENT, 'x'])('a:b:x')).toBe(true)
  })
})

describe('agreement with a regular-expression reference', () => {
  const token: fc.Arbitrary<GlobToken> = fc.oneof(
    { weight: 4, arbitrary: fc.stringMatching(/^[ab:]{1,3}$/) },
    { weight: 2, arbitrary: fc.constant(STAR) },
    { weight: 1, arbitrary: fc.constant(ONE) },
    { weight: 2, arbitrary: fc.constant(STAR_IN_SEGMENT) },
    { weight: 1, arbitrary: fc.constant(ONE_IN_SEGMENT) }
  )
  const input = fc.stringMatching(/^[ab:]{0,12}$/)

  it('free wildcards only (the segment matcher and the shapes)', () => {
    const free = token.filter((t) => t !== STAR_IN_SEGMENT && t !== ONE_IN_SEGMENT)
    fc.assert(
      fc.property(fc.array(free, { maxLength: 7 }), fc.array(input, { minLength: 1, maxLength: 8 }), (tokens, inputs) => {
        const m = compileGlob(tokens)
        const r = reference(tokens)
        for (const s of inputs) expect(m(s), `${JSON.stringify(tokens)} ${JSON.stringify(s)}`).toBe(r.test(s))
      }),
      { numRuns: 500 }
    )
  })

  it('free and bounded wildcards mixed (the automaton)', () => {
    fc.assert(
      fc.property(fc.array(token, { maxLength: 7 }), fc.array(input, { minLength: 1, maxLength: 8 }), (tokens, inputs) => {
        const m = compileGlob(tokens)
        const r = reference(tokens)
        for (const s of inputs) expect(m(s), `${JSON.stringify(tokens)} ${JSON.stringify(s)}`).toBe(r.test(s))
      }),
      { numRuns: 500 }
    )
  })

  it('PatternTest (the matchers evaluation calls) agrees on every shape', () => {
    fc.assert(
      fc.property(fc.array(token, { maxLength: 7 }), fc.array(input, { minLength: 1, maxLength: 8 }), (tokens, inputs) => {
        const p = PatternTest.compile(tokens)
        const r = reference(tokens)
        for (const s of inputs) expect(p.test(s), `${JSON.stringify(tokens)} ${JSON.stringify(s)}`).toBe(r.test(s))
      }),
      { numRuns: 1000 }
    )
  })

  it('a matcher gives the same answer however many times it is used', () => {
    const m = glob('*a?b*')
    const answers = ['xaxb', 'ab', 'aab', 'ba', 'xaxb'].map((s) => m(s))
    expect(answers).toEqual([true, false, true, false, true])
  })
})

describe('linear time on pathological patterns', () => {
  const N = 100_000

  /** Matches pattern against both inputs; the larger one's work must grow about linearly. */
  function scales(tokens: readonly GlobToken[], small: string, large: string): { small: boolean; large: boolean } {
    const m = compileGlob(tokens)
    const a = work(() => m(small))
    const b = bounded(() => work(() => m(large)))
    const ratio = large.length / small.length
    expect(b.calls, `work on ${small.length} chars: ${a.calls}, on ${large.length}: ${b.calls}`).toBeLessThanOrEqual(a.calls * ratio * 1.2 + 1_000)
    return { small: a.result, large: b.result }
  }

  it('a*a*a*a*a*a*a*a*a*b against a run of a (classic exponential backtracking)', () => {
    const tokens = tokenizeSimple('a*a*a*a*a*a*a*a*a*b')
    expect(scales(tokens, 'a'.repeat(N / 10), 'a'.repeat(N))).toEqual({ small: false, large: false })
    expect(compileGlob(tokens)('a'.repeat(N) + 'b')).toBe(true)
  })

  it('*a*a*a*a*a*a*a*a*a*b* (every piece in the middle) against a run of a', () => {
    const tokens = tokenizeSimple('*a*a*a*a*a*a*a*a*a*b*')
    expect(scales(tokens, 'a'.repeat(N / 10), 'a'.repeat(N))).toEqual({ small: false, large: false })
    expect(compileGlob(tokens)(`${'a'.repeat(N)}b${'a'.repeat(N)}`)).toBe(true)
  })

  it('*?*?*?*?*?*?*?*?*?b* and ?*?*?*?*?*?*?*?*?*?b forms against a run of a', () => {
    for (const pattern of ['*?*?*?*?*?*?*?*?*?b*', '?*?*?*?*?*?*?*?*?*?b', '*??????????b*', '*a?a?a?a?a?b*']) {
      const tokens = tokenizeSimple(pattern)
      expect(scales(tokens, 'a'.repeat(N / 10), 'a'.repeat(N)), pattern).toEqual({ small: false, large: false })
      expect(compileGlob(tokens)(`${'a'.repeat(N)}b`), pattern).toBe(true)
    }
  })

  it('200 "*a" pieces against a 100 KB input', () => {
    const tokens = tokenizeSimple(`${'*a'.repeat(200)}*b`)
    expect(scales(tokens, 'a'.repeat(N / 10), 'a'.repeat(N))).toEqual({ small: false, large: false })
    expect(compileGlob(tokens)(`${'a'.repeat(N)}b`)).toBe(true)
    expect(compileGlob(tokens)(`${'a'.repeat(199)}b`)).toBe(false)
  })

  it('bounded-wildcard automaton patterns against long segments', () => {
    const seg = (n: number): GlobToken[] => Array.from({ length: n }, (_, i) => (i % 2 === 0 ? STAR_IN_SEGMENT : 'a'))
    const tokens = [...seg(40), 'b']
    expect(scales(tokens, 'a'.repeat(N / 10), 'a'.repeat(N))).toEqual({ small: false, large: false })
    expect(compileGlob(tokens)(`${'a'.repeat(N)}b`)).toBe(true)
    // The same pattern against input full of colons: every bounded star dies at each colon.
    expect(scales(tokens, 'a:'.repeat(N / 20), 'a:'.repeat(N / 2))).toEqual({ small: false, large: false })

    const mixed: GlobToken[] = []
    for (let i = 0; i < 30; i++) mixed.push(i % 3 === 0 ? STAR : STAR_IN_SEGMENT, 'a', ONE_IN_SEGMENT)
    mixed.push('b')
    expect(scales(mixed, 'aa'.repeat(N / 20), 'aa'.repeat(N / 2))).toEqual({ small: false, large: false })
  })

  it('a long literal prefix or suffix against a near-miss input', () => {
    const lit = 'a'.repeat(5_000)
    expect(scales([lit, STAR, lit, 'b'], 'a'.repeat(N / 10), 'a'.repeat(N))).toEqual({ small: false, large: false })
    expect(scales([STAR, `${lit}b`, STAR], 'a'.repeat(N / 10), 'a'.repeat(N))).toEqual({ small: false, large: false })
  })
})
