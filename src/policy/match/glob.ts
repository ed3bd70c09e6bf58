// Wildcard matching for actions, resources and StringLike/ArnLike values, in time linear in
// the input for a given pattern: no regular expressions, no backtracking. A pattern is a list of
// tokens (literal text and wildcards) so that escaped or substituted text stays literal.
//
// Free wildcards (`*`, `?`) match any characters. Bounded ones do not match a colon: they are
// used inside the first five segments of an ARN, where a wildcard stays within its segment.

import { literalPieces, matchesPieces } from './literal-pieces.js'
import { flat, hasAt, hasPrefix } from './text-at.js'

export const STAR = -1
export const ONE = -2
export const STAR_IN_SEGMENT = -3
export const ONE_IN_SEGMENT = -4

export type GlobToken = string | typeof STAR | typeof ONE | typeof STAR_IN_SEGMENT | typeof ONE_IN_SEGMENT

export type Matcher = (input: string) => boolean

const COLON = 58

/**
 * Joins adjacent literals (flat, see text-at.ts) and collapses runs of stars, so shapes can be
 * recognised.
 */
export function normalizeTokens(tokens: readonly GlobToken[]): GlobToken[] {
  const out: GlobToken[] = []
  let literal = ''
  for (const t of tokens) {
    if (typeof t === 'string') {
      literal += t
      continue
    }
    if (literal !== '') {
      out.push(flat(literal))
      literal = ''
    }
    const last = out[out.length - 1]
    if (t === STAR && (last === STAR || last === STAR_IN_SEGMENT)) out[out.length - 1] = STAR
    else if (t !== STAR_IN_SEGMENT || (last !== STAR && last !== STAR_IN_SEGMENT)) out.push(t)
  }
  if (literal !== '') out.push(flat(literal))
  return out
}

/** Tokenizes a plain pattern where every `*` and `?` is a free wildcard. */
export function tokenizeSimple(pattern: string): GlobToken[] {
  const tokens: GlobToken[] = []
  let run = 0
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i] as string
    if (c !== '*' && c !== '?') continue
    if (i > run) tokens.push(pattern.slice(run, i))
    run = i + 1
    tokens.push(c === '*' ? STAR : ONE)
  }
  if (run < pattern.length) tokens.push(pattern.slice(run))
  return tokens
}

export function hasWildcard(tokens: readonly GlobToken[]): boolean {
  return tokens.some((t) => typeof t !== 'string')
}

/** Compiles tokens into the cheapest matcher that decides them. */
export function compileGlob(raw: readonly GlobToken[]): Matcher {
  const tokens = normalizeTokens(raw)
  const [a, b, c] = tokens
  switch (tokens.length) {
    case 0:
      return (s) => s === ''
    case 1:
      if (typeof a === 'string') return (s) => s === a
      if (a === STAR) return () => true
      break
    case 2:
      if (typeof a === 'string' && b === STAR) return prefixMatcher(a)
      if (a === STAR && typeof b === 'string') return suffixMatcher(b)
      break
    case 3:
      if (a === STAR && typeof b === 'string' && c === STAR) return (s) => s.includes(b)
      if (typeof a === 'string' && b === STAR && typeof c === 'string') return prefixSuffixMatcher(a, c)
      break
  }
  if (tokens.every((t) => t !== STAR_IN_SEGMENT && t !== ONE_IN_SEGMENT)) return segmentMatcher(tokens)
  return automatonMatcher(tokens)
}

// Most tests fail, and on the last character of a prefix (the first of a suffix) more often
// than not: reading that one character first rejects them without a call.

function prefixMatcher(prefix: string): Matcher {
  const n = prefix.length
  const last = prefix.charCodeAt(n - 1)
  return (s) => s.length >= n && s.charCodeAt(n - 1) === last && hasPrefix(s, prefix)
}

function suffixMatcher(suffix: string): Matcher {
  const n = suffix.length
  const first = suffix.charCodeAt(0)
  return (s) => s.length >= n && s.charCodeAt(s.length - n) === first && s.endsWith(suffix)
}

/** `prefix*suffix`: both ends, which may not overlap. */
function prefixSuffixMatcher(prefix: string, suffix: string): Matcher {
  const min = prefix.length + suffix.length
  const last = prefix.charCodeAt(prefix.length - 1)
  return (s) => s.length >= min && s.charCodeAt(prefix.length - 1) === last && s.endsWith(suffix) && hasPrefix(s, prefix)
}

/** Matches tokens against input directly, for patterns built per request (policy variables). */
export function matchTokens(tokens: readonly GlobToken[], input: string): boolean {
  return compileGlob(tokens)(input)
}

// ---- free wildcards: greedy leftmost placement of the pieces between stars ----

/** A run of literal text and single-character wildcards of fixed length. */
type Piece = readonly (string | typeof ONE)[]

function segmentMatcher(tokens: readonly GlobToken[]): Matcher {
  if (!tokens.includes(ONE)) return literalSegmentMatcher(tokens)
  const pieces: Piece[] = [[]]
  for (const t of tokens) {
    if (t === STAR) pieces.push([])
    else (pieces[pieces.length - 1] as (string | typeof ONE)[]).push(t as string | typeof ONE)
  }
  const first = pieces[0] as Piece
  const last = pieces[pieces.length - 1] as Piece
  const middle = pieces.slice(1, -1).filter((p) => p.length > 0)
  const firstLen = pieceLength(first)
  const lastLen = pieceLength(last)
  const single = pieces.length === 1
  return (s) => {
    if (single) return s.length === firstLen && pieceAt(first, s, 0)
    if (s.length < firstLen + lastLen) return false
    if (!pieceAt(first, s, 0)) return false
    const tailStart = s.length - lastLen
    if (!pieceAt(last, s, tailStart)) return false
    let pos = firstLen
    for (const piece of middle) {
      const found = findPiece(piece, s, pos, tailStart)
      if (found < 0) return false
      pos = found + pieceLength(piece)
    }
    return true
  }
}

/** Stars and literal text only (literal-pieces.ts). */
function literalSegmentMatcher(tokens: readonly GlobToken[]): Matcher {
  const pieces = literalPieces(tokens)
  return (s) => matchesPieces(pieces, s)
}

function pieceLength(piece: Piece): number {
  let n = 0
  for (const part of piece) n += part === ONE ? 1 : part.length
  return n
}

function pieceAt(piece: Piece, s: string, pos: number): boolean {
  for (const part of piece) {
    if (part === ONE) {
      if (pos >= s.length) return false
      pos++
    } else {
      if (!hasAt(s, part, pos)) return false
      pos += part.length
    }
  }
  return true
}

/** Leftmost position >= from where piece fits entirely before limit, or -1. */
function findPiece(piece: Piece, s: string, from: number, limit: number): number {
  const len = pieceLength(piece)
  const head = piece[0]
  if (typeof head === 'string') {
    // Let indexOf (a fast substring search) propose candidates for the leading literal.
    for (let at = s.indexOf(head, from); at >= 0 && at + len <= limit; at = s.indexOf(head, at + 1)) {
      if (pieceAt(piece, s, at)) return at
    }
    return -1
  }
  for (let at = from; at + len <= limit; at++) if (pieceAt(piece, s, at)) return at
  return -1
}

// ---- bounded wildcards: a position-set automaton over the tokens ----

const CHAR = 0
const ANY = 1
const ANY_BUT_COLON = 2
const ANY_RUN = 3
const RUN_WITHOUT_COLON = 4

function automatonMatcher(tokens: readonly GlobToken[]): Matcher {
  const kinds: number[] = []
  const chars: number[] = []
  for (const t of tokens) {
    if (typeof t === 'string') {
      for (let i = 0; i < t.length; i++) {
        kinds.push(CHAR)
        chars.push(t.charCodeAt(i))
      }
      continue
    }
    kinds.push(t === STAR ? ANY_RUN : t === STAR_IN_SEGMENT ? RUN_WITHOUT_COLON : t === ONE ? ANY : ANY_BUT_COLON)
    chars.push(0)
  }
  const n = kinds.length
  const kind = Uint8Array.from(kinds)
  const ch = Int32Array.from(chars)
  // The position sets live as long as the matcher: a match runs to completion without calling
  // out, so one pair serves every call.
  const sets = [new Uint8Array(n + 1), new Uint8Array(n + 1)] as const
  return (s) => {
    // active[i] means "the first i steps have consumed the input read so far".
    let active = sets[0]
    let next = sets[1]
    active.fill(0)
    active[0] = 1
    closeOverStars(kind, active)
    for (let p = 0; p < s.length; p++) {
      const c = s.charCodeAt(p)
      next.fill(0)
      let any = false
      for (let i = 0; i < n; i++) {
        if (active[i] === 0) continue
        switch (kind[i]) {
          case CHAR:
            if (c !== ch[i]) continue
            next[i + 1] = 1
            break
          case ANY:
            next[i + 1] = 1
            break
          case ANY_BUT_COLON:
            if (c === COLON) continue
            next[i + 1] = 1
            break
          case ANY_RUN:
            next[i] = 1
            break
          default:
            if (c === COLON) continue
            next[i] = 1
        }
        any = true
      }
      if (!any) return false
      closeOverStars(kind, next)
      const swap = active
      active = next
      next = swap
    }
    return active[n] === 1
  }
}

/** A star may match nothing: whoever reaches it may also step past it. */
function closeOverStars(kind: Uint8Array, set: Uint8Array): void {
  for (let i = 0; i < kind.length; i++) {
    if (set[i] === 1 && (kind[i] === ANY_RUN || kind[i] === RUN_WITHOUT_COLON)) set[i + 1] = 1
  }
}
