// Wildcard matching for actions, resources and StringLike/ArnLike values, in time linear in
// the input for a given pattern: no regular expressions, no backtracking. A pattern is a list of
// tokens (literal text and wildcards) so that escaped or substituted text stays literal.
//
// Free wildcards (`*`, `?`) match any characters. Bounded ones do not match a colon: they are
// used inside the first five segments of an ARN, where a wildcard stays within its segment.

export const STAR = -1
export const ONE = -2
export const STAR_IN_SEGMENT = -3
export const ONE_IN_SEGMENT = -4

export type GlobToken = string | typeof STAR | typeof ONE | typeof STAR_IN_SEGMENT | typeof ONE_IN_SEGMENT

export type Matcher = (input: string) => boolean

const COLON = 58

/** Joins adjacent literals and collapses runs of stars, so shapes can be recognised. */
export function normalizeTokens(tokens: readonly GlobToken[]): GlobToken[] {
  const out: GlobToken[] = []
  for (const t of tokens) {
    const last = out[out.length - 1]
    if (typeof t === 'string') {
      if (t === '') continue
      if (typeof last === 'string') out[out.length - 1] = flat(last + t)
      else out.push(t)
    } else if (t === STAR && (last === STAR || last === STAR_IN_SEGMENT)) {
      out[out.length - 1] = STAR
    } else if (t === STAR_IN_SEGMENT && (last === STAR || last === STAR_IN_SEGMENT)) {
      continue
    } else {
      out.push(t)
    }
  }
  return out
}

/**
 * A concatenation is a rope that some string operations re-walk on every call; matchers keep
 * their literals flat. (Array join always produces a flat string.)
 */
function flat(s: string): string {
  return [s].join('')
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
      if (typeof a === 'string' && b === STAR) return startsWith(a)
      if (a === STAR && typeof b === 'string') return endsWith(b)
      break
    case 3:
      if (a === STAR && typeof b === 'string' && c === STAR) return (s) => s.includes(b)
      if (typeof a === 'string' && b === STAR && typeof c === 'string') {
        const min = a.length + c.length
        const head = startsWith(a)
        const tail = endsWith(c)
        return (s) => s.length >= min && head(s) && tail(s)
      }
      break
  }
  if (tokens.every((t) => t !== STAR_IN_SEGMENT && t !== ONE_IN_SEGMENT)) return segmentMatcher(tokens)
  return automatonMatcher(tokens)
}

// The string builtins cost far more per call than an inlined character read, and most tests
// fail: checking the last character of a prefix (the first of a suffix) first rejects them cheaply.

function startsWith(prefix: string): Matcher {
  const n = prefix.length
  if (n === 0) return () => true
  const last = prefix.charCodeAt(n - 1)
  return (s) => s.length >= n && s.charCodeAt(n - 1) === last && s.startsWith(prefix)
}

function endsWith(suffix: string): Matcher {
  const n = suffix.length
  if (n === 0) return () => true
  const first = suffix.charCodeAt(0)
  return (s) => s.length >= n && s.charCodeAt(s.length - n) === first && s.endsWith(suffix)
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

/** Stars and literal text only: anchored ends, and leftmost placement of the middle pieces. */
function literalSegmentMatcher(tokens: readonly GlobToken[]): Matcher {
  const pieces: string[] = ['']
  for (const t of tokens) {
    if (t === STAR) pieces.push('')
    else pieces[pieces.length - 1] += t as string
  }
  const first = pieces[0] as string
  const last = pieces[pieces.length - 1] as string
  const middle = pieces
    .slice(1, -1)
    .filter((p) => p.length > 0)
    .map(flat)
  const head = startsWith(flat(first))
  const tail = endsWith(flat(last))
  const min = first.length + last.length + middle.reduce((n, p) => n + p.length, 0)
  return (s) => {
    if (s.length < min || !head(s) || !tail(s)) return false
    let pos = first.length
    const limit = s.length - last.length
    for (let i = 0; i < middle.length; i++) {
      const piece = middle[i] as string
      const at = s.indexOf(piece, pos)
      if (at < 0 || at + piece.length > limit) return false
      pos = at + piece.length
    }
    return true
  }
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
      if (!s.startsWith(part, pos)) return false
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

interface Step {
  readonly kind: 'char' | 'one' | 'oneSeg' | 'star' | 'starSeg'
  readonly ch: number
}

function automatonMatcher(tokens: readonly GlobToken[]): Matcher {
  const steps: Step[] = []
  for (const t of tokens) {
    if (typeof t === 'string') for (let i = 0; i < t.length; i++) steps.push({ kind: 'char', ch: t.charCodeAt(i) })
    else if (t === STAR) steps.push({ kind: 'star', ch: 0 })
    else if (t === STAR_IN_SEGMENT) steps.push({ kind: 'starSeg', ch: 0 })
    else if (t === ONE) steps.push({ kind: 'one', ch: 0 })
    else steps.push({ kind: 'oneSeg', ch: 0 })
  }
  const n = steps.length
  return (s) => {
    // active[i] means "the first i steps have consumed the input read so far".
    let active = new Uint8Array(n + 1)
    let next = new Uint8Array(n + 1)
    active[0] = 1
    closeOverStars(steps, active)
    for (let p = 0; p < s.length; p++) {
      const c = s.charCodeAt(p)
      next.fill(0)
      let any = false
      for (let i = 0; i < n; i++) {
        if (!active[i]) continue
        const step = steps[i] as Step
        switch (step.kind) {
          case 'char':
            if (c === step.ch) {
              next[i + 1] = 1
              any = true
            }
            break
          case 'one':
            next[i + 1] = 1
            any = true
            break
          case 'oneSeg':
            if (c !== COLON) {
              next[i + 1] = 1
              any = true
            }
            break
          case 'star':
            next[i] = 1
            any = true
            break
          case 'starSeg':
            if (c !== COLON) {
              next[i] = 1
              any = true
            }
            break
        }
      }
      if (!any) return false
      closeOverStars(steps, next)
      const swap = active
      active = next
      next = swap
    }
    return active[n] === 1
  }
}

/** A star may match nothing: whoever reaches it may also step past it. */
function closeOverStars(steps: readonly Step[], set: Uint8Array): void {
  for (let i = 0; i < steps.length; i++) {
    const kind = (steps[i] as Step).kind
    if (set[i] && (kind === 'star' || kind === 'starSeg')) set[i + 1] = 1
  }
}
