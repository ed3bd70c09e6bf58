// What JSON.parse cannot tell us about a policy's text: whether the object members the
// validators saw are all the text has (JSON.parse silently keeps only the last of duplicate
// keys), and where each statement object starts, for the line numbers explanations cite. Both
// come from the member colons, found by native search rather than by following the text's
// structure character by character (which costs about half of what JSON.parse does).
//
// A colon is a candidate when the nearest non-whitespace character before it is a quote. Every
// member's colon is one (it follows its key); a colon inside a string is one only when the
// string starts with it (or it follows an escaped quote). So candidates >= members in the text
// >= members seen, and when candidates equal the members seen, the candidates are exactly the
// member colons, in document order, and no member was dropped.

import type { SourceLocation } from '../model.js'
import { LineMap } from '../json/source-position.js'

/** Where each statement's first member is, as the validators counted them. */
export interface StatementLayout {
  /** Per statement, how many members (of any object) come before its first one in the text. */
  readonly firstMember: readonly number[]
  /** Per statement, the length of its first member's key. */
  readonly firstKeyLength: readonly number[]
}

const QUOTE = 34
const OPEN_BRACE = 123
const LOWER_A = 97
const LOWER_N = 110
const LOWER_R = 114

/** Candidate colon offsets of the last scan: parsing is synchronous, so one buffer serves all. */
let colons: Int32Array = new Int32Array(1024)

/**
 * The offset of every statement's opening brace, or undefined when the text may hold more
 * members than `seen` (duplicate keys, or a string that starts with a colon): then only the
 * position-keeping parser can tell. `text` must be a document JSON.parse accepted without \u
 * escapes.
 */
export function locateStatements(text: string, seen: number, layout: StatementLayout): number[] | undefined {
  if (candidateColons(text, seen) !== seen) return undefined
  const braces: number[] = []
  for (let i = 0; i < layout.firstMember.length; i++) {
    const member = layout.firstMember[i] as number
    if (member >= seen) return undefined
    // Back from the colon over the key (an element name: no escapes) to the statement's brace.
    const close = skipSpaceBack(text, (colons[member] as number) - 1)
    const open = close - (layout.firstKeyLength[i] as number) - 1
    const brace = skipSpaceBack(text, open - 1)
    if (text.charCodeAt(close) !== QUOTE || text.charCodeAt(open) !== QUOTE || text.charCodeAt(brace) !== OPEN_BRACE) return undefined
    braces.push(brace)
  }
  return braces
}

/** Line and column of each offset (ascending), counting line breaks as they are passed. */
export function lineColumns(text: string, offsets: readonly number[]): SourceLocation[] {
  // A lone CR ends a line too: such texts take the general line table.
  if (text.includes('\r')) {
    const lines = new LineMap(text)
    return offsets.map((o) => lines.position(o))
  }
  const out: SourceLocation[] = []
  let line = 1
  let lineStart = 0
  let next = text.indexOf('\n')
  for (const offset of offsets) {
    while (next >= 0 && next < offset) {
      line++
      lineStart = next + 1
      next = text.indexOf('\n', lineStart)
    }
    out.push({ line, column: offset - lineStart + 1 })
  }
  return out
}

/** Counts candidate colons (see above), keeping their offsets; stops counting past `limit`. */
function candidateColons(text: string, limit: number): number {
  let n = 0
  for (let i = text.indexOf(':'); i >= 0; i = text.indexOf(':', i + 1)) {
    const before = text.charCodeAt(i - 1)
    // Most colons are "key": or sit inside a string after a letter; only whitespace needs a walk back.
    const candidate = before === QUOTE || (isSpace(before) && text.charCodeAt(skipSpaceBack(text, i - 2)) === QUOTE)
    if (!candidate) {
      // Inside a string. An ARN's other four colons are in the same string: going on from the
      // next quote (which closes it, or is escaped within it) skips them.
      if (before === LOWER_N && text.charCodeAt(i - 4) === QUOTE && text.charCodeAt(i - 3) === LOWER_A && text.charCodeAt(i - 2) === LOWER_R) {
        const quote = text.indexOf('"', i + 1)
        if (quote < 0) break
        i = quote
      }
      continue
    }
    if (n === limit) return n + 1
    if (n === colons.length) colons = grow(colons)
    colons[n++] = i
  }
  return n
}

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9
}

/** The offset of the last non-whitespace character at or before `i` (-1 if none). */
function skipSpaceBack(text: string, i: number): number {
  while (isSpace(text.charCodeAt(i))) i--
  return i
}

function grow(a: Int32Array): Int32Array {
  const bigger = new Int32Array(a.length * 2)
  bigger.set(a)
  return bigger
}
