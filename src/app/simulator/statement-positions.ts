// Where each statement of a policy sits, as the policy simulator reports it in MatchedStatements
// (StartPosition, EndPosition: 1-based Line and Column).
//
// AWS's positions are those of a streaming JSON parser read *between* tokens: the start is where
// the parser stood just before reading the statement's opening brace, the end where it stood just
// after the closing one. Inferred from AWS's published examples (the AWS CLI's
// simulate-custom-policy and simulate-principal-policy examples):
//   - `"Statement":{...}` starts just after its `{` (the parser reads a member's name, colon and the
//     value's first token together), and ends just after its `}`;
//   - in `"Statement":[{...},{...}]` the first statement starts just after the `[`, each later one
//     just after the previous statement's `}` (the comma is read with the next token).
// Columns therefore count the character before the position as column - 1.

export interface Position {
  readonly Line: number
  readonly Column: number
}

export interface StatementSpan {
  readonly start: Position
  readonly end: Position
}

/**
 * The span of each statement, by its index in the Statement element (one entry when Statement is
 * a single object). Expects text the policy parser accepted; answers [] for anything else.
 */
export function statementSpans(text: string): StatementSpan[] {
  const lines = new LineIndex(text)
  const scan = new Scanner(text)
  if (scan.skipSpace() !== '{') return []
  scan.i++
  for (;;) {
    if (scan.skipSpace() !== '"') return []
    const keyStart = scan.i
    scan.skipValue()
    const key = decodeKey(text.slice(keyStart, scan.i))
    if (scan.skipSpace() !== ':') return []
    scan.i++
    const valueChar = scan.skipSpace()
    if (key === 'Statement') return spansOf(scan, valueChar, lines)
    scan.skipValue()
    if (scan.skipSpace() !== ',') return []
    scan.i++
  }
}

function spansOf(scan: Scanner, first: string | undefined, lines: LineIndex): StatementSpan[] {
  if (first === '{') {
    const open = scan.i
    scan.skipValue()
    return [{ start: lines.after(open), end: lines.after(scan.i - 1) }]
  }
  if (first !== '[') return []
  const spans: StatementSpan[] = []
  // The offset of the last character the parser had read before the next statement.
  let before = scan.i
  scan.i++
  for (;;) {
    const c = scan.skipSpace()
    if (c === ']' || c === undefined) return spans
    if (c === ',') {
      scan.i++
      continue
    }
    scan.skipValue()
    spans.push({ start: lines.after(before), end: lines.after(scan.i - 1) })
    before = scan.i - 1
  }
}

function decodeKey(quoted: string): string {
  try {
    return JSON.parse(quoted) as string
  } catch {
    return ''
  }
}

/** A cursor over JSON text that steps over whole values without building them. */
class Scanner {
  i = 0

  constructor(private readonly text: string) {}

  /** Skips whitespace; returns the character now under the cursor. */
  skipSpace(): string | undefined {
    const t = this.text
    while (this.i < t.length && (t[this.i] === ' ' || t[this.i] === '\t' || t[this.i] === '\n' || t[this.i] === '\r')) this.i++
    return t[this.i]
  }

  /** Moves past the value under the cursor (iteratively: nesting depth costs no stack). */
  skipValue(): void {
    const t = this.text
    let depth = 0
    do {
      const c = t[this.i]
      if (c === undefined) return
      if (c === '"') this.i = closingQuote(t, this.i)
      else if (c === '{' || c === '[') depth++
      else if (c === '}' || c === ']') depth--
      else if (depth === 0) {
        // A number or literal: up to the next delimiter.
        while (this.i + 1 < t.length && !',}] \t\r\n'.includes(t[this.i + 1] as string)) this.i++
      }
      this.i++
    } while (depth > 0)
  }
}

/** Offset of the quote closing the string that opens at `open`. */
function closingQuote(text: string, open: number): number {
  for (let i = open + 1; i < text.length; i++) {
    if (text[i] === '\\') i++
    else if (text[i] === '"') return i
  }
  return text.length
}

/** Line starts, for turning offsets into positions (CRLF is one line break, as is a lone CR). */
class LineIndex {
  private readonly starts: number[] = [0]

  constructor(text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text[i]
      if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) this.starts.push(i + 1)
    }
  }

  /** The position just after the character at `offset`. */
  after(offset: number): Position {
    let lo = 0
    let hi = this.starts.length - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if ((this.starts[mid] as number) <= offset) lo = mid
      else hi = mid - 1
    }
    return { Line: lo + 1, Column: offset - (this.starts[lo] as number) + 2 }
  }
}
