// A glob of literal text and free stars only (`first*middle*...*last`, the shape of nearly every
// Resource ARN): the ends anchored, the pieces between placed leftmost. Linear in the input:
// each piece is searched for once, from where the previous one ended.

import type { GlobToken } from './glob.js'
import { hasPrefix } from './text-at.js'

export interface LiteralPieces {
  readonly first: string
  readonly last: string
  /** The non-empty pieces between the first and the last. */
  readonly middle: readonly string[]
  /** The shortest input that can match. */
  readonly min: number
  /** The first piece's last character (NaN when it is empty): it rejects most inputs without a call. */
  readonly firstEnd: number
}

/** `tokens` must be normalized (at most one literal between two stars) and hold no wildcard but free stars. */
export function literalPieces(tokens: readonly GlobToken[]): LiteralPieces {
  const pieces: string[] = ['']
  for (const t of tokens) {
    if (typeof t === 'string') pieces[pieces.length - 1] = t
    else pieces.push('') // a star
  }
  const first = pieces[0] as string
  const last = pieces[pieces.length - 1] as string
  const middle = pieces.slice(1, -1).filter((p) => p.length > 0)
  const min = first.length + last.length + middle.reduce((n, p) => n + p.length, 0)
  return { first, last, middle, min, firstEnd: first.charCodeAt(first.length - 1) }
}

export function matchesPieces(p: LiteralPieces, s: string): boolean {
  const first = p.first
  const last = p.last
  const n = first.length
  if (s.length < p.min || (n > 0 && s.charCodeAt(n - 1) !== p.firstEnd)) return false
  if ((last !== '' && !s.endsWith(last)) || (n > 0 && !hasPrefix(s, first))) return false
  const middle = p.middle
  let pos = n
  const limit = s.length - last.length
  for (let i = 0; i < middle.length; i++) {
    const piece = middle[i] as string
    const at = s.indexOf(piece, pos)
    if (at < 0 || at + piece.length > limit) return false
    pos = at + piece.length
  }
  return true
}
