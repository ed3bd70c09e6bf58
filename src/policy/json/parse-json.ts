// A small, strict JSON parser (RFC 8259) that keeps source offsets and duplicate members.
// IAM needs both: errors must name a line and column, and duplicate keys must be seen rather
// than resolved the way JSON.parse resolves them. It is iterative over strings and recursive
// over containers, bounded by MAX_DEPTH so hostile nesting cannot exhaust the stack.

import type { JsonArray, JsonMember, JsonNode, JsonObject } from './json-node.js'

export const MAX_DEPTH = 64

export interface JsonSyntaxError {
  readonly reason: JsonSyntaxReason
  readonly offset: number
}

export type JsonSyntaxReason =
  | 'unexpected-character'
  | 'unexpected-end'
  | 'unterminated-string'
  | 'invalid-escape'
  | 'control-character'
  | 'lone-surrogate'
  | 'invalid-number'
  | 'too-deep'
  | 'trailing-content'

export type JsonParseResult = { readonly ok: true; readonly value: JsonNode } | { readonly ok: false; readonly error: JsonSyntaxError }

class SyntaxFailure {
  constructor(
    readonly reason: JsonSyntaxReason,
    readonly offset: number
  ) {}
}

export function parseJson(text: string): JsonParseResult {
  const parser = new Parser(text)
  try {
    const value = parser.document()
    return { ok: true, value }
  } catch (e) {
    if (e instanceof SyntaxFailure) return { ok: false, error: { reason: e.reason, offset: e.offset } }
    // A RangeError here could only be the engine's own stack limit; MAX_DEPTH keeps us far from it.
    if (e instanceof RangeError) return { ok: false, error: { reason: 'too-deep', offset: parser.pos } }
    throw e
  }
}

const enum Ch {
  Tab = 9,
  Lf = 10,
  Cr = 13,
  Space = 32,
  Quote = 34,
  Plus = 43,
  Comma = 44,
  Minus = 45,
  Dot = 46,
  Zero = 48,
  Nine = 57,
  Colon = 58,
  UpperE = 69,
  Backslash = 92,
  LBracket = 91,
  RBracket = 93,
  LowerE = 101,
  LBrace = 123,
  RBrace = 125
}

class Parser {
  pos = 0
  private depth = 0

  constructor(private readonly text: string) {}

  document(): JsonNode {
    // A byte-order mark is tolerated, as IAM's console and CLI files often carry one.
    if (this.text.charCodeAt(0) === 0xfeff) this.pos = 1
    this.skipWhitespace()
    const value = this.value()
    this.skipWhitespace()
    if (this.pos < this.text.length) this.fail('trailing-content')
    return value
  }

  private fail(reason: JsonSyntaxReason, offset = this.pos): never {
    throw new SyntaxFailure(reason, offset)
  }

  private skipWhitespace(): void {
    const t = this.text
    let p = this.pos
    for (;;) {
      const c = t.charCodeAt(p)
      if (c === Ch.Space || c === Ch.Lf || c === Ch.Cr || c === Ch.Tab) p++
      else break
    }
    this.pos = p
  }

  private value(): JsonNode {
    const c = this.text.charCodeAt(this.pos)
    switch (c) {
      case Ch.LBrace:
        return this.object()
      case Ch.LBracket:
        return this.array()
      case Ch.Quote: {
        const start = this.pos
        const value = this.string()
        return { kind: 'string', value, start, end: this.pos }
      }
      case 116: // t
        return this.literal('true', { kind: 'boolean', value: true, start: this.pos, end: this.pos + 4 })
      case 102: // f
        return this.literal('false', { kind: 'boolean', value: false, start: this.pos, end: this.pos + 5 })
      case 110: // n
        return this.literal('null', { kind: 'null', start: this.pos, end: this.pos + 4 })
      default:
        if (c === Ch.Minus || (c >= Ch.Zero && c <= Ch.Nine)) return this.number()
        if (Number.isNaN(c)) this.fail('unexpected-end')
        return this.fail('unexpected-character')
    }
  }

  private literal(word: string, node: JsonNode): JsonNode {
    if (!this.text.startsWith(word, this.pos)) this.fail('unexpected-character')
    this.pos += word.length
    return node
  }

  private enter(): void {
    if (++this.depth > MAX_DEPTH) this.fail('too-deep')
  }

  private object(): JsonObject {
    const start = this.pos
    this.enter()
    this.pos++
    const members: JsonMember[] = []
    this.skipWhitespace()
    if (this.text.charCodeAt(this.pos) === Ch.RBrace) {
      this.pos++
    } else {
      for (;;) {
        if (this.text.charCodeAt(this.pos) !== Ch.Quote) this.failHere()
        const keyStart = this.pos
        const key = this.string()
        this.skipWhitespace()
        if (this.text.charCodeAt(this.pos) !== Ch.Colon) this.failHere()
        this.pos++
        this.skipWhitespace()
        members.push({ key, keyStart, value: this.value() })
        this.skipWhitespace()
        const c = this.text.charCodeAt(this.pos)
        this.pos++
        if (c === Ch.RBrace) break
        if (c !== Ch.Comma) this.failAt(this.pos - 1)
        this.skipWhitespace()
      }
    }
    this.depth--
    return { kind: 'object', members, start, end: this.pos }
  }

  private array(): JsonArray {
    const start = this.pos
    this.enter()
    this.pos++
    const items: JsonNode[] = []
    this.skipWhitespace()
    if (this.text.charCodeAt(this.pos) === Ch.RBracket) {
      this.pos++
    } else {
      for (;;) {
        items.push(this.value())
        this.skipWhitespace()
        const c = this.text.charCodeAt(this.pos)
        this.pos++
        if (c === Ch.RBracket) break
        if (c !== Ch.Comma) this.failAt(this.pos - 1)
        this.skipWhitespace()
      }
    }
    this.depth--
    return { kind: 'array', items, start, end: this.pos }
  }

  private failHere(): never {
    return this.failAt(this.pos)
  }

  private failAt(offset: number): never {
    return this.fail(offset >= this.text.length ? 'unexpected-end' : 'unexpected-character', offset)
  }

  /** Reads a string token starting at the opening quote; leaves pos after the closing quote. */
  private string(): string {
    const t = this.text
    const open = this.pos
    let p = open + 1
    let chunkStart = p
    let out = ''
    for (;;) {
      const c = t.charCodeAt(p)
      if (c === Ch.Quote) {
        out += t.slice(chunkStart, p)
        this.pos = p + 1
        return out
      }
      if (c === Ch.Backslash) {
        out += t.slice(chunkStart, p)
        p = this.escape(p, (s) => (out += s))
        chunkStart = p
        continue
      }
      // Past the end charCodeAt gives NaN, which no comparison catches: test it first.
      if (Number.isNaN(c)) this.fail('unterminated-string', open)
      if (c < 0x20) this.fail('control-character', p)
      if (c >= 0xd800 && c <= 0xdfff) {
        // A raw surrogate must be a high surrogate followed by a low one.
        const next = t.charCodeAt(p + 1)
        if (c > 0xdbff || !(next >= 0xdc00 && next <= 0xdfff)) this.fail('lone-surrogate', p)
        p += 2
        continue
      }
      p++
    }
  }

  /** Decodes the escape at p (a backslash); returns the offset after it. */
  private escape(p: number, emit: (s: string) => void): number {
    const t = this.text
    const c = t.charCodeAt(p + 1)
    switch (c) {
      case Ch.Quote:
        emit('"')
        return p + 2
      case Ch.Backslash:
        emit('\\')
        return p + 2
      case 47:
        emit('/')
        return p + 2
      case 98:
        emit('\b')
        return p + 2
      case 102:
        emit('\f')
        return p + 2
      case 110:
        emit('\n')
        return p + 2
      case 114:
        emit('\r')
        return p + 2
      case 116:
        emit('\t')
        return p + 2
      case 117: {
        const unit = this.hex4(p + 2)
        if (unit >= 0xdc00 && unit <= 0xdfff) this.fail('lone-surrogate', p)
        if (unit >= 0xd800 && unit <= 0xdbff) {
          // A high surrogate escape must be followed by a low surrogate escape.
          if (t.charCodeAt(p + 6) !== Ch.Backslash || t.charCodeAt(p + 7) !== 117) this.fail('lone-surrogate', p)
          const low = this.hex4(p + 8)
          if (low < 0xdc00 || low > 0xdfff) this.fail('lone-surrogate', p)
          emit(String.fromCharCode(unit, low))
          return p + 12
        }
        emit(String.fromCharCode(unit))
        return p + 6
      }
      default:
        return this.fail(Number.isNaN(c) ? 'unterminated-string' : 'invalid-escape', p)
    }
  }

  private hex4(p: number): number {
    let v = 0
    for (let i = 0; i < 4; i++) {
      const c = this.text.charCodeAt(p + i)
      let d: number
      if (c >= 48 && c <= 57) d = c - 48
      else if (c >= 65 && c <= 70) d = c - 55
      else if (c >= 97 && c <= 102) d = c - 87
      else return this.fail('invalid-escape', p - 2)
      v = v * 16 + d
    }
    return v
  }

  private number(): JsonNode {
    const t = this.text
    const start = this.pos
    let p = start
    if (t.charCodeAt(p) === Ch.Minus) p++
    const first = t.charCodeAt(p)
    if (first === Ch.Zero) p++
    else if (first >= 49 && first <= Ch.Nine) p = this.digits(p)
    else this.fail('invalid-number', start)
    if (t.charCodeAt(p) === Ch.Dot) {
      const afterDot = this.digits(p + 1)
      if (afterDot === p + 1) this.fail('invalid-number', start)
      p = afterDot
    }
    const e = t.charCodeAt(p)
    if (e === Ch.LowerE || e === Ch.UpperE) {
      p++
      const sign = t.charCodeAt(p)
      if (sign === Ch.Plus || sign === Ch.Minus) p++
      const afterExp = this.digits(p)
      if (afterExp === p) this.fail('invalid-number', start)
      p = afterExp
    }
    this.pos = p
    const raw = t.slice(start, p)
    return { kind: 'number', value: Number(raw), raw, start, end: p }
  }

  private digits(p: number): number {
    const t = this.text
    for (;;) {
      const c = t.charCodeAt(p)
      if (c >= Ch.Zero && c <= Ch.Nine) p++
      else return p
    }
  }
}
