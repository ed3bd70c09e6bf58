// Policy documents as text: IAM hands them out URL-encoded (as the SDK leaves them), the pages
// show them pretty-printed, and the editor and simulator speak in 1-based lines and columns.

export interface TextPosition {
  readonly line: number
  readonly column: number
}

/** The JSON of a policy document as IAM returns it (URL-encoded) or as it was sent. */
export function decodePolicyDocument(doc: string | undefined): string {
  if (!doc) return ''
  const trimmed = doc.trim()
  if (trimmed.startsWith('{')) return doc
  try {
    return decodeURIComponent(trimmed)
  } catch {
    return doc
  }
}

/** Two-space JSON when the text parses, else the text as it is. */
export function prettyJson(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2)
  } catch {
    return text
  }
}

export const prettyPolicy = (doc: string | undefined): string => prettyJson(decodePolicyDocument(doc))

/** The offset of a 1-based line and column in the text, clamped to the line and the text. */
export function offsetOf(text: string, pos: TextPosition): number {
  let offset = 0
  for (let line = 1; line < pos.line; line++) {
    const nl = text.indexOf('\n', offset)
    if (nl < 0) return text.length
    offset = nl + 1
  }
  const end = text.indexOf('\n', offset)
  const lineEnd = end < 0 ? text.length : end
  return Math.min(offset + Math.max(0, pos.column - 1), lineEnd)
}

/** The 1-based line of an offset. */
export function lineOf(text: string, offset: number): number {
  let line = 1
  for (let i = 0; i < offset && i < text.length; i++) if (text[i] === '\n') line++
  return line
}

/** The offset just past the value that starts at `start` ({…}, […] or "…"), skipping strings. */
export function endOfValue(text: string, start: number): number {
  const open = text[start]
  if (open !== '{' && open !== '[') return Math.min(text.length, start + 1)
  let depth = 0
  let inString = false
  for (let i = start; i < text.length; i++) {
    const c = text[i]
    if (inString) {
      if (c === '\\') i++
      else if (c === '"') inString = false
    } else if (c === '"') inString = true
    else if (c === '{' || c === '[') depth++
    else if (c === '}' || c === ']') {
      depth--
      if (depth === 0) return i + 1
    }
  }
  return text.length
}

/**
 * The [start, end) offsets of a statement the simulator names by its positions. AWS's positions
 * sit between tokens: the start just after the `[` or the previous statement's `}` (or, for a
 * single Statement object, just after its own `{`), the end just after the closing `}`. So the
 * statement is found from the start, its `{` forward past spaces and commas (or just behind), then
 * brace for brace to its `}`; the end position is used only when there is no `{` to be found.
 */
export function statementRange(text: string, start: TextPosition, end?: TextPosition): [number, number] {
  const at = offsetOf(text, start)
  let from = at
  while (from < text.length && /[\s,[]/.test(text[from] as string)) from++
  if (text[from] !== '{' && text[at - 1] === '{') from = at - 1
  if (text[from] === '{') return [from, endOfValue(text, from)]
  const to = end ? offsetOf(text, end) : at + 1
  return [at, Math.max(to, at + 1)]
}
