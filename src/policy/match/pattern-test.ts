// A compiled pattern as data rather than as a closure, for the matchers evaluation calls once
// per statement it tests (Resource entries, condition values). With a closure per pattern,
// every call site that tests statements saw a different function each time: a megamorphic,
// generic call per test. Every PatternTest shares one test(), which the optimizing compiler
// inlines at such a call site. The commonest shapes (literal text and free `*` only: nearly
// every Resource) are decided here, as glob.ts decides them; the others keep the closure
// compileGlob builds for them.

import { compileGlob, normalizeTokens, STAR, type GlobToken, type Matcher } from './glob.js'
import { literalPieces, matchesPieces, type LiteralPieces } from './literal-pieces.js'
import { hasPrefix } from './text-at.js'

const EXACT = 0
const ANYTHING = 1
const PREFIX = 2
/** Literal pieces between free stars: `first*middle*...*last` (first or last may be empty). */
const PIECES = 3
const OTHER = 4

export class PatternTest {
  private constructor(
    private readonly shape: number,
    /** EXACT: the text; PREFIX: the literal start. */
    private readonly text: string,
    /** PREFIX: the literal start's last character, which rejects most inputs without a call. */
    private readonly textEnd: number,
    private readonly pieces: LiteralPieces | null,
    private readonly other: Matcher | null
  ) {}

  static compile(raw: readonly GlobToken[]): PatternTest {
    const tokens = normalizeTokens(raw)
    const [a, b] = tokens
    if (tokens.length === 0) return new PatternTest(EXACT, '', 0, null, null)
    if (tokens.length === 1 && typeof a === 'string') return new PatternTest(EXACT, a, 0, null, null)
    if (tokens.length === 1 && a === STAR) return new PatternTest(ANYTHING, '', 0, null, null)
    if (tokens.length === 2 && typeof a === 'string' && b === STAR) return new PatternTest(PREFIX, a, a.charCodeAt(a.length - 1), null, null)
    if (tokens.every((t) => typeof t === 'string' || t === STAR)) return new PatternTest(PIECES, '', 0, literalPieces(tokens), null)
    return new PatternTest(OTHER, '', 0, null, compileGlob(tokens))
  }

  test(s: string): boolean {
    switch (this.shape) {
      case EXACT:
        return s === this.text
      case ANYTHING:
        return true
      case PREFIX: {
        const n = this.text.length
        return s.length >= n && s.charCodeAt(n - 1) === this.textEnd && hasPrefix(s, this.text)
      }
      case PIECES:
        return matchesPieces(this.pieces as LiteralPieces, s)
      default:
        return (this.other as Matcher)(s)
    }
  }
}
