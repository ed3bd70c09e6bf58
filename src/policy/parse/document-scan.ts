// One quick pass over a policy's text that JSON.parse cannot do for us: it counts object members
// (colons outside strings; JSON.parse silently drops duplicate keys, so a count that differs
// from the parsed one reveals them) and finds where each statement object starts (for the line
// numbers explanations cite). Strings are skipped with indexOf, so the pass costs little more
// than the document's punctuation and indentation.

export interface DocumentScan {
  /** Colons outside strings: one per object member, duplicates included. */
  readonly members: number
  /** Where the statement objects' opening braces are (1-based line and column), in order. */
  readonly statementStarts: readonly { readonly line: number; readonly column: number }[]
}

const QUOTE = 34
const BACKSLASH = 92
const COLON = 58
const LBRACE = 123
const RBRACE = 125
const LBRACKET = 91
const RBRACKET = 93
const NEWLINE = 10
const RETURN = 13

/** Scans text that JSON.parse accepted. */
export function scanDocument(text: string): DocumentScan {
  let members = 0
  let depth = 0
  // Whether the container at depth 1 (inside the root object) is an array: Statement's value.
  let depth1IsArray = false
  // Strings hold no raw line breaks, so lines can be counted here too.
  let line = 1
  let lineStart = 0
  const statementStarts: { line: number; column: number }[] = []
  const n = text.length
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i)
    if (c === QUOTE) {
      i = closingQuote(text, i)
    } else if (c === COLON) {
      members++
    } else if (c === NEWLINE || (c === RETURN && text.charCodeAt(i + 1) !== NEWLINE)) {
      line++
      lineStart = i + 1
    } else if (c === LBRACE) {
      if (depth === 1 || (depth === 2 && depth1IsArray)) statementStarts.push({ line, column: i - lineStart + 1 })
      depth++
    } else if (c === LBRACKET) {
      if (depth === 1) depth1IsArray = true
      depth++
    } else if (c === RBRACE || c === RBRACKET) {
      depth--
    }
  }
  return { members, statementStarts }
}

/** Offset of the quote that closes the string opening at `open`. */
function closingQuote(text: string, open: number): number {
  let q = text.indexOf('"', open + 1)
  while (q > 0) {
    let backslashes = 0
    while (text.charCodeAt(q - 1 - backslashes) === BACKSLASH) backslashes++
    if (backslashes % 2 === 0) return q
    q = text.indexOf('"', q + 1)
  }
  return text.length
}
