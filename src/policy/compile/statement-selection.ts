// The statements one action reaches within a group, and a narrowing by resource: when there
// are many, their resources' literal prefixes go into a radix tree, so a request only tests the
// statements whose resources could match it (plus those that match any resource).

import type { CompiledStatement } from './compile-statement.js'
import { PrefixTree } from './prefix-tree.js'

/** Below this many statements a linear scan is cheaper than the tree. */
const TREE_THRESHOLD = 12

export class StatementSelection {
  private tree: PrefixTree<CompiledStatement> | undefined
  private anyResource: CompiledStatement[] = []
  private built = false

  /** `all` must be in statement order. */
  constructor(readonly all: readonly CompiledStatement[]) {}

  get size(): number {
    return this.all.length
  }

  /**
   * Appends the statements that may match `resource` to `out`, or returns false when the caller
   * should simply scan `all` in order (small selections).
   */
  narrow(resource: string, out: CompiledStatement[]): boolean {
    if (this.all.length < TREE_THRESHOLD) return false
    if (!this.built) this.build()
    for (const s of this.anyResource) out.push(s)
    this.tree?.collect(resource, out)
    return true
  }

  private build(): void {
    const tree = new PrefixTree<CompiledStatement>()
    let indexed = 0
    for (const s of this.all) {
      if (s.resources === null || s.notResource || s.resources.some((r) => r.prefix === '')) {
        this.anyResource.push(s)
        continue
      }
      const seen = new Set<string>()
      for (const r of s.resources) {
        if (seen.has(r.prefix)) continue
        seen.add(r.prefix)
        tree.insert(r.prefix, s)
        indexed++
      }
    }
    if (indexed > 0) this.tree = tree
    this.built = true
  }
}
