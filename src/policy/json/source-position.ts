// Turns source offsets into 1-based line and column numbers. The line table is built only
// when a position is actually asked for, so valid documents never pay for it.

export interface SourcePosition {
  readonly line: number
  readonly column: number
}

export class LineMap {
  private starts: number[] | undefined

  constructor(private readonly text: string) {}

  position(offset: number): SourcePosition {
    const starts = (this.starts ??= lineStarts(this.text))
    let lo = 0
    let hi = starts.length - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if ((starts[mid] as number) <= offset) lo = mid
      else hi = mid - 1
    }
    return { line: lo + 1, column: offset - (starts[lo] as number) + 1 }
  }
}

function lineStarts(text: string): number[] {
  const starts = [0]
  if (text.includes('\r')) {
    // Lone CRs end lines too; rare enough to take the character-by-character path.
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i)
      if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) starts.push(i + 1)
    }
    return starts
  }
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1)
  return starts
}
