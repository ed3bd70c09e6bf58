// Literal comparisons for matchers, and flat literals for them to compare with.
//
// Node 20's optimizing compiler turns `s.startsWith(p)` with a non-constant `p` into a loop
// that re-examines both strings' representation on every character: on ARN-length prefixes it
// cost about 2.5 times what `lastIndexOf(p, 0)` does, which runs natively and can only succeed
// at offset 0. (With any other offset lastIndexOf would search leftwards on a mismatch, so
// comparisons elsewhere compare a slice instead: the work stays linear in the literal.)

/** Whether `s` starts with `prefix`. */
export function hasPrefix(s: string, prefix: string): boolean {
  return s.length >= prefix.length && s.lastIndexOf(prefix, 0) === 0
}

/** Whether `s` contains `part` at offset `pos`, like `s.startsWith(part, pos)`. */
export function hasAt(s: string, part: string, pos: number): boolean {
  const n = part.length
  if (n === 0) return true
  // A differing first character rejects most candidates without building the slice.
  return s.length - pos >= n && s.charCodeAt(pos) === part.charCodeAt(0) && s.slice(pos, pos + n) === part
}

/**
 * The same text as a flat, internalized string. Slices and concatenations are views onto other
 * strings that every comparison must see through (and slices keep their parent alive); a
 * property key is always stored flat. (`[s].join('')` returns `s` itself, view and all.)
 */
export function flat(s: string): string {
  return Object.keys({ [s]: 0 })[0] as string
}
