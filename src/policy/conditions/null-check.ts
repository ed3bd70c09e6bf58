// Null asks whether a key is absent ("true") or present ("false"), not what its value is.

export interface NullExpectation {
  readonly absentMatches: boolean
  readonly presentMatches: boolean
}

export function compileNull(values: readonly string[]): NullExpectation {
  let absentMatches = false
  let presentMatches = false
  for (const v of values) {
    const t = v.toLowerCase()
    if (t === 'true') absentMatches = true
    else if (t === 'false') presentMatches = true
  }
  return { absentMatches, presentMatches }
}
