// The strict JSON parser under the policy parser: source offsets (and the line/column they map
// to), duplicate members kept, strict string and number grammar, Unicode well-formedness, and a
// depth limit that reports instead of throwing.

import { runInNewContext } from 'node:vm'
import { describe, expect, it } from 'vitest'
import type { JsonNode, JsonObject } from './json-node.js'
import { MAX_DEPTH, parseJson, type JsonSyntaxReason } from './parse-json.js'
import { LineMap } from './source-position.js'

function ok(text: string): JsonNode {
  const r = parseJson(text)
  if (!r.ok) throw new Error(`expected ${JSON.stringify(text)} to parse, got ${r.error.reason} at ${r.error.offset}`)
  return r.value
}

function fails(text: string): { reason: JsonSyntaxReason; offset: number } {
  const r = parseJson(text)
  if (r.ok) throw new Error(`expected ${JSON.stringify(text)} to be rejected`)
  return r.error
}

/**
 * Runs fn and stops it if it has not returned within `ms`. A guard so that a hang fails one test
 * instead of blocking the whole run; the bound is generous and never a speed requirement.
 */
function bounded<T>(fn: () => T, ms = 2_000): T {
  return runInNewContext('run()', { run: fn }, { timeout: ms }) as T
}

function str(text: string): string {
  const v = ok(text)
  if (v.kind !== 'string') throw new Error(`not a string: ${v.kind}`)
  return v.value
}

function obj(text: string): JsonObject {
  const v = ok(text)
  if (v.kind !== 'object') throw new Error(`not an object: ${v.kind}`)
  return v
}

describe('values and offsets', () => {
  it('parses every kind of value, agreeing with JSON.parse', () => {
    const text = '{"s": "x", "n": -1.5e3, "t": true, "f": false, "z": null, "a": [1, [], {}], "o": {"k": "v"}}'
    const v = ok(text)
    const plain = (n: JsonNode): unknown => {
      switch (n.kind) {
        case 'object':
          return Object.fromEntries(n.members.map((m) => [m.key, plain(m.value)]))
        case 'array':
          return n.items.map(plain)
        case 'null':
          return null
        default:
          return n.value
      }
    }
    expect(plain(v)).toEqual(JSON.parse(text))
  })

  it('records start and end offsets of every node, and the offset of every key', () => {
    const text = '{ "Effect" : "Allow",\n  "Action": ["s3:Get*", 12] }'
    const root = obj(text)
    expect(root.start).toBe(0)
    expect(root.end).toBe(text.length)
    const [effect, action] = root.members
    expect(effect?.keyStart).toBe(text.indexOf('"Effect"'))
    expect(effect?.value.start).toBe(text.indexOf('"Allow"'))
    expect(effect?.value.end).toBe(text.indexOf('"Allow"') + '"Allow"'.length)
    expect(action?.keyStart).toBe(text.indexOf('"Action"'))
    const arr = action?.value
    if (arr?.kind !== 'array') throw new Error('expected an array')
    expect(arr.start).toBe(text.indexOf('['))
    expect(arr.end).toBe(text.indexOf(']') + 1)
    expect(arr.items.map((i) => [i.start, i.end])).toEqual([
      [text.indexOf('"s3:Get*"'), text.indexOf('"s3:Get*"') + 9],
      [text.indexOf('12'), text.indexOf('12') + 2]
    ])
  })

  it('keeps the offsets of strings with escapes in source units, not decoded units', () => {
    const text = '["\\u0041\\n", "b"]'
    const v = ok(text)
    if (v.kind !== 'array') throw new Error('expected an array')
    expect(v.items[0]).toMatchObject({ kind: 'string', value: 'A\n', start: 1, end: 11 })
    expect(v.items[1]?.start).toBe(text.indexOf('"b"'))
  })

  it('keeps duplicate members, in source order, where JSON.parse keeps only the last', () => {
    const text = '{"Effect": "Allow", "Action": "a", "Effect": "Deny"}'
    const members = obj(text).members
    expect(members.map((m) => m.key)).toEqual(['Effect', 'Action', 'Effect'])
    expect(members.map((m) => (m.value.kind === 'string' ? m.value.value : null))).toEqual(['Allow', 'a', 'Deny'])
    expect(members[2]?.keyStart).toBe(text.lastIndexOf('"Effect"'))
  })

  it('keeps keys that are special to JavaScript objects as ordinary keys', () => {
    const members = obj('{"__proto__": 1, "constructor": 2, "toString": 3}').members
    expect(members.map((m) => m.key)).toEqual(['__proto__', 'constructor', 'toString'])
  })

  it('accepts insignificant whitespace (space, tab, CR, LF) around every token', () => {
    expect(ok(' \t\r\n[ 1 , \n 2 ]\r\n ')).toMatchObject({ kind: 'array', items: [{ value: 1 }, { value: 2 }] })
    expect(obj('{\t"a"\n:\r"b"  }').members[0]?.key).toBe('a')
  })

  it('rejects whitespace JSON does not allow (no-break space, vertical tab, form feed)', () => {
    expect(fails('[1,\u00a02]').reason).toBe('unexpected-character')
    expect(fails('\u000b[]').reason).toBe('unexpected-character')
    expect(fails('[]\f').reason).toBe('trailing-content')
  })
})

describe('LineMap', () => {
  it('maps offsets to 1-based lines and columns', () => {
    const text = 'ab\ncd\n\nef'
    const lines = new LineMap(text)
    expect(lines.position(0)).toEqual({ line: 1, column: 1 })
    expect(lines.position(1)).toEqual({ line: 1, column: 2 })
    // The line break belongs to the line it ends.
    expect(lines.position(2)).toEqual({ line: 1, column: 3 })
    expect(lines.position(3)).toEqual({ line: 2, column: 1 })
    expect(lines.position(6)).toEqual({ line: 3, column: 1 })
    expect(lines.position(7)).toEqual({ line: 4, column: 1 })
    expect(lines.position(8)).toEqual({ line: 4, column: 2 })
  })

  it('counts CRLF as one line break and a lone CR as one', () => {
    const crlf = new LineMap('a\r\nb\r\nc')
    expect(crlf.position(3)).toEqual({ line: 2, column: 1 })
    expect(crlf.position(6)).toEqual({ line: 3, column: 1 })
    const cr = new LineMap('a\rb\rc')
    expect(cr.position(2)).toEqual({ line: 2, column: 1 })
    expect(cr.position(4)).toEqual({ line: 3, column: 1 })
    const mixed = new LineMap('a\nb\rc\r\nd')
    expect(mixed.position(7)).toEqual({ line: 4, column: 1 })
  })

  it('maps the end of the text (where "ends too early" errors point) to the last line', () => {
    const text = '{\n  "a": '
    expect(new LineMap(text).position(text.length)).toEqual({ line: 2, column: 8 })
    expect(new LineMap('').position(0)).toEqual({ line: 1, column: 1 })
  })

  it('agrees with a naive line count on every offset of a mixed text', () => {
    const text = 'x\r\n\ry\n\n z\r'
    const lines = new LineMap(text)
    let line = 1
    let col = 1
    for (let i = 0; i <= text.length; i++) {
      expect(lines.position(i), `offset ${i}`).toEqual({ line, column: col })
      const c = text[i]
      if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) {
        line++
        col = 1
      } else col++
    }
  })

  it('gives the position of a syntax error offset', () => {
    const text = '{\n  "Version": "2012-10-17",\n  "Statement": [ , ]\n}'
    const e = fails(text)
    expect(e.reason).toBe('unexpected-character')
    expect(new LineMap(text).position(e.offset)).toEqual({ line: 3, column: 18 })
  })
})

describe('strings', () => {
  it('decodes every simple escape', () => {
    expect(str('"\\" \\\\ \\/ \\b \\f \\n \\r \\t"')).toBe('" \\ / \b \f \n \r \t')
  })

  it('decodes \\u escapes in either case of hex digit', () => {
    expect(str('"\\u0041\\u00e9\\u00E9\\u20AC"')).toBe('Aéé€')
    expect(str('"\\u0000"')).toBe('\u0000')
  })

  it('keeps text around escapes intact', () => {
    expect(str('"ab\\ncd\\u0021ef"')).toBe('ab\ncd!ef')
    expect(str('""')).toBe('')
  })

  it('accepts raw non-ASCII text and raw surrogate pairs (astral characters)', () => {
    expect(str('"héllo wörld ✓"')).toBe('héllo wörld ✓')
    expect(str('"😀 and 𝄞"')).toBe('😀 and 𝄞')
  })

  it('accepts escaped surrogate pairs and decodes them to one character', () => {
    expect(str('"\\uD83D\\uDE00"')).toBe('😀')
    expect(str('"x\\ud834\\udd1ey"')).toBe('x𝄞y')
  })

  it('rejects raw lone surrogates', () => {
    expect(fails('"a\ud800b"')).toEqual({ reason: 'lone-surrogate', offset: 2 })
    expect(fails('"a\udc00"')).toEqual({ reason: 'lone-surrogate', offset: 2 })
    // A low surrogate first, then a high one: both are lone.
    expect(fails('"\ude00\ud83d"').reason).toBe('lone-surrogate')
    // A high surrogate at the very end of the string.
    expect(fails('"\ud83d"').reason).toBe('lone-surrogate')
  })

  it('rejects escaped lone surrogates', () => {
    expect(fails('"\\uD800"')).toEqual({ reason: 'lone-surrogate', offset: 1 })
    expect(fails('"\\uDC00"')).toEqual({ reason: 'lone-surrogate', offset: 1 })
    expect(fails('"\\uD800x"').reason).toBe('lone-surrogate')
    expect(fails('"\\uD800\\n"').reason).toBe('lone-surrogate')
    // A high surrogate followed by another high surrogate or a non-surrogate escape.
    expect(fails('"\\uD800\\uD800"').reason).toBe('lone-surrogate')
    expect(fails('"\\uD800\\u0041"').reason).toBe('lone-surrogate')
    // Reversed pair.
    expect(fails('"\\uDE00\\uD83D"').reason).toBe('lone-surrogate')
  })

  it('rejects lone surrogates in keys as well as values', () => {
    expect(fails('{"\\uDC00": 1}').reason).toBe('lone-surrogate')
    expect(fails('{"a\ud800": 1}').reason).toBe('lone-surrogate')
  })

  it('rejects unescaped control characters (U+0000 to U+001F), including tab and newline', () => {
    for (let c = 0; c < 0x20; c++) {
      const e = fails(`["ok", "a${String.fromCharCode(c)}b"]`)
      expect(e, `U+${c.toString(16)}`).toEqual({ reason: 'control-character', offset: 9 })
    }
    // DEL and C1 controls are not JSON control characters.
    expect(str('"\u007f\u0085"')).toBe('\u007f\u0085')
  })

  it('rejects escapes JSON does not define', () => {
    for (const bad of ['\\a', '\\x41', '\\u12', '\\u12G4', '\\U0041', '\\0', "\\'"]) {
      expect(fails(`"${bad}"`).reason, bad).toBe('invalid-escape')
    }
  })

  it('rejects a string cut off inside an escape', () => {
    expect(fails('"abc\\').reason).toBe('unterminated-string')
    expect(fails('"\\u00').reason).toBe('invalid-escape')
  })

  // Regression, once broken in parse-json.ts, Parser.string: a string that reaches the end of the text without its
  // closing quote loops forever. `charCodeAt` past the end is NaN, and `NaN < 0x20` is false, so
  // the unterminated-string check never fires and `p` keeps increasing. Any truncated document
  // (`{"Version": "2012`) hangs parsePolicy: a denial of service on every API that takes a policy.
  it('rejects unterminated strings, pointing at the opening quote', () => {
    expect(bounded(() => parseJson('["abc'))).toEqual({ ok: false, error: { reason: 'unterminated-string', offset: 1 } })
    expect(bounded(() => parseJson('{"a": "b}'))).toMatchObject({ ok: false, error: { reason: 'unterminated-string' } })
    expect(bounded(() => parseJson('"'))).toEqual({ ok: false, error: { reason: 'unterminated-string', offset: 0 } })
    expect(bounded(() => parseJson('"😀'))).toMatchObject({ ok: false, error: { reason: 'unterminated-string' } })
  })

  it('rejects single-quoted strings and unquoted keys', () => {
    expect(fails("['a']").reason).toBe('unexpected-character')
    expect(fails('{a: 1}')).toEqual({ reason: 'unexpected-character', offset: 1 })
  })
})

describe('numbers', () => {
  it('accepts every form RFC 8259 allows and keeps the raw text', () => {
    const cases: [string, number][] = [
      ['0', 0],
      ['-0', -0],
      ['7', 7],
      ['-12', -12],
      ['3.25', 3.25],
      ['-0.5', -0.5],
      ['1e3', 1000],
      ['1E3', 1000],
      ['1e+3', 1000],
      ['25e-1', 2.5],
      ['0.5E-2', 0.005],
      ['12345678901234567890', Number('12345678901234567890')]
    ]
    for (const [raw, value] of cases) {
      expect(ok(raw), raw).toEqual({ kind: 'number', value, raw, start: 0, end: raw.length })
    }
  })

  it('keeps numbers beyond double range as written (the value is Infinity)', () => {
    expect(ok('1e400')).toMatchObject({ kind: 'number', raw: '1e400', value: Infinity })
  })

  it('rejects forms RFC 8259 does not allow', () => {
    const bad = ['-', '+1', '.5', '1.', '1.e3', '1e', '1e+', '-.5', '--1', '-a', 'NaN', 'Infinity', '-Infinity', '0x10']
    for (const text of bad) expect(parseJson(text).ok, text).toBe(false)
    for (const text of ['-', '1.', '1e', '1e+', '-.5', '--1']) expect(fails(text), text).toEqual({ reason: 'invalid-number', offset: 0 })
    expect(fails('[1, 2.]')).toEqual({ reason: 'invalid-number', offset: 4 })
  })

  it('rejects leading zeros', () => {
    expect(parseJson('01').ok).toBe(false)
    expect(parseJson('[00]').ok).toBe(false)
    expect(parseJson('-01').ok).toBe(false)
    expect(ok('[0, 0.1, -0.0]')).toMatchObject({ kind: 'array' })
  })
})

describe('structure errors', () => {
  it('rejects empty input and whitespace-only input as ending too early', () => {
    expect(fails('')).toEqual({ reason: 'unexpected-end', offset: 0 })
    expect(fails('  \n ')).toEqual({ reason: 'unexpected-end', offset: 4 })
  })

  it('tolerates a byte-order mark at the start, and only there', () => {
    expect(obj('\ufeff{"a": 1}').members[0]?.key).toBe('a')
    expect(obj('\ufeff \n{"a": 1}').start).toBe(3)
    expect(fails('{"a": 1}\ufeff').reason).toBe('trailing-content')
    expect(fails('[\ufeff1]').reason).toBe('unexpected-character')
    expect(fails('\ufeff')).toEqual({ reason: 'unexpected-end', offset: 1 })
  })

  it('rejects content after the document, pointing at it', () => {
    expect(fails('{} {}')).toEqual({ reason: 'trailing-content', offset: 3 })
    expect(fails('{}x')).toEqual({ reason: 'trailing-content', offset: 2 })
    expect(fails('1 2')).toEqual({ reason: 'trailing-content', offset: 2 })
    expect(fails('"a""b"').reason).toBe('trailing-content')
  })

  it('rejects truncated documents as ending too early', () => {
    for (const text of ['{', '[', '{"a"', '{"a":', '{"a": 1', '{"a": 1,', '[1,', '[1']) {
      expect(fails(text).reason, text).toBe('unexpected-end')
    }
  })

  it('rejects trailing commas, missing commas and missing colons', () => {
    expect(fails('[1,]')).toEqual({ reason: 'unexpected-character', offset: 3 })
    expect(fails('{"a": 1,}')).toEqual({ reason: 'unexpected-character', offset: 8 })
    expect(fails('[1 2]')).toEqual({ reason: 'unexpected-character', offset: 3 })
    expect(fails('{"a" 1}')).toEqual({ reason: 'unexpected-character', offset: 5 })
    expect(fails('{"a": 1 "b": 2}')).toEqual({ reason: 'unexpected-character', offset: 8 })
    expect(fails('[,1]').reason).toBe('unexpected-character')
  })

  it('rejects misspelt and truncated literals', () => {
    for (const text of ['tru', 'True', 'nul', 'fals', '[nulll]', 'undefined']) expect(parseJson(text).ok, text).toBe(false)
  })

  it('rejects comments', () => {
    expect(parseJson('{"a": 1 /* c */}').ok).toBe(false)
    expect(parseJson('// c\n{}').ok).toBe(false)
  })
})

describe('depth limit', () => {
  const nested = (depth: number, open: string, close: string): string => open.repeat(depth) + close.repeat(depth)

  it(`accepts ${MAX_DEPTH} levels of nesting`, () => {
    expect(parseJson(nested(MAX_DEPTH, '[', ']')).ok).toBe(true)
    expect(parseJson(nested(MAX_DEPTH, '{"a":', '}').replace(/:\}/, ':1}')).ok).toBe(true)
  })

  it(`reports too-deep at level ${MAX_DEPTH + 1}, at the bracket that goes too deep`, () => {
    expect(fails(nested(MAX_DEPTH + 1, '[', ']'))).toEqual({ reason: 'too-deep', offset: MAX_DEPTH })
    expect(fails(nested(MAX_DEPTH + 1, '{"a":', '}')).reason).toBe('too-deep')
  })

  it('returns too-deep without throwing for hostile nesting far past any stack', () => {
    for (const text of ['['.repeat(100_000), '{"a":'.repeat(100_000), '[{"a":'.repeat(50_000), nested(20_000, '[', ']')]) {
      let result: ReturnType<typeof parseJson> | undefined
      expect(() => (result = parseJson(text))).not.toThrow()
      expect(result?.ok).toBe(false)
      if (result && !result.ok) expect(result.error.reason).toBe('too-deep')
    }
  })

  it('counts depth, not the number of containers: many siblings are fine', () => {
    const wide = `[${Array.from({ length: 10_000 }, () => '[[{}]]').join(',')}]`
    const v = ok(wide)
    expect(v.kind === 'array' && v.items.length).toBe(10_000)
  })
})
