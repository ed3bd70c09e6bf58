/**
 * AWS lists validation errors in the iteration order of Java hash collections: the members of a
 * structure in `HashMap` order of their lower-camel-case names, and the several failures of one
 * member in `HashSet` order of their full message text. This reproduces that order, so that our
 * `N validation errors detected: ...` messages match AWS's byte for byte. README.md lists the
 * recorded AWS messages this was checked against.
 */

/** Java's `String.hashCode()` (over UTF-16 code units, 32-bit wrap-around). */
export function javaStringHash(s: string): number {
  let h = 0
  for (let i = 0; i < s.length; i++) h = (Math.imul(h, 31) + s.charCodeAt(i)) | 0
  return h
}

/** The table size a `java.util.HashMap` built by successive `put`s has after `size` entries. */
function tableSize(size: number): number {
  let capacity = 16
  while (size > capacity * 0.75) capacity *= 2
  return capacity
}

/**
 * The order a `java.util.HashMap`/`HashSet` iterates `keys` in, given their insertion order: by
 * bucket index (`(h ^ h >>> 16) & (n - 1)`), then by insertion within a bucket. (Java turns a bucket
 * of eight or more keys into a tree when the table has 64 buckets or more; no AWS structure gets
 * near that, so the linked order is used throughout.)
 */
export function javaHashOrder<T>(items: readonly T[], keyOf: (item: T) => string): T[] {
  if (items.length < 2) return items.slice()
  const mask = tableSize(items.length) - 1
  const keyed = items.map((item, index) => {
    const h = javaStringHash(keyOf(item))
    return { item, index, bucket: (h ^ (h >>> 16)) & mask }
  })
  keyed.sort((a, b) => a.bucket - b.bucket || a.index - b.index)
  return keyed.map((k) => k.item)
}
