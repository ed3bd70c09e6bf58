// IAM's action wildcards: `*` any run of characters, `?` any one; case-insensitive. Matched
// without regular expressions (a pattern from a request must not be able to make matching slow):
// the classic two-pointer walk, which returns to the last `*` only, so it stays O(n·m).

export function matchesWildcard(pattern: string, text: string): boolean {
  const p = pattern.toLowerCase()
  const t = text.toLowerCase()
  let pi = 0
  let ti = 0
  let star = -1
  let resume = 0
  while (ti < t.length) {
    if (pi < p.length && (p[pi] === '?' || p[pi] === t[ti])) {
      pi++
      ti++
    } else if (pi < p.length && p[pi] === '*') {
      star = pi++
      resume = ti
    } else if (star >= 0) {
      pi = star + 1
      ti = ++resume
    } else {
      return false
    }
  }
  while (pi < p.length && p[pi] === '*') pi++
  return pi === p.length
}
