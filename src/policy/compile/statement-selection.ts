// The statements one action reaches within a group, and a narrowing by resource. When there are
// many, each statement is filed under its resources' service and the literal start of their
// resource part (after the fifth colon) in a radix tree per service, so a request only tests
// the statements whose resources could match it, plus those that match any resource.

import type { ResourceIndexKey } from '../match/template-matcher.js'
import type { CompiledStatement } from './compile-statement.js'
import { PrefixTree } from './prefix-tree.js'

/** Below this many statements a linear scan is cheaper than the tree. */
const TREE_THRESHOLD = 12

/** Stamps for de-duplicating within one narrow() call. */
let visitEpoch = 0

/** Where a request's resource can be looked up: its service and where its resource part may start. */
export interface ResourceLookup {
  readonly service: string
  /**
   * Offsets after the fifth colon and after each later one: a `*` that ends an ARN segment may
   * run past colons, so a pattern's resource part may begin at any of them.
   */
  readonly starts: readonly number[]
}

export class StatementSelection {
  private trees: Map<string, PrefixTree<CompiledStatement>> | undefined
  private anyResource: CompiledStatement[] = []
  private built = false

  /** `all` must be in statement order. */
  constructor(readonly all: readonly CompiledStatement[]) {}

  get size(): number {
    return this.all.length
  }

  /**
   * Writes the statements that may match the resource to `out` from index 0 and returns how
   * many, or returns -1 when the caller should simply scan `all` in order (small selections).
   */
  narrow(resource: string, request: { lookup(): ResourceLookup | undefined }, out: CompiledStatement[]): number {
    if (this.all.length < TREE_THRESHOLD) return -1
    if (!this.built) this.build()
    const any = this.anyResource
    let n = 0
    for (; n < any.length; n++) out[n] = any[n] as CompiledStatement
    const where = this.trees ? request.lookup() : undefined
    const tree = where ? this.trees?.get(where.service) : undefined
    if (!where || !tree) return n
    const first = n
    const starts = where.starts
    for (let k = 0; k < starts.length; k++) n = tree.collect(resource, out, n, starts[k] as number, k === 0)
    // A statement filed under several prefixes may come back more than once: keep one of each,
    // so every statement is matched at most once however many colons the resource has.
    if (starts.length === 1 && n - first <= 1) return n
    const epoch = ++visitEpoch
    let kept = first
    for (let i = first; i < n; i++) {
      const st = out[i] as CompiledStatement
      if (st.visit.epoch === epoch) continue
      st.visit.epoch = epoch
      out[kept++] = st
    }
    return kept
  }

  private build(): void {
    const trees = new Map<string, PrefixTree<CompiledStatement>>()
    for (const s of this.all) {
      const keys = s.resources === null || s.notResource ? undefined : indexKeys(s.resources.map((r) => r.indexKey))
      if (!keys) {
        this.anyResource.push(s)
        continue
      }
      const seen = new Set<string>()
      for (const key of keys) {
        const id = `${key.service}\u0000${key.resourcePrefix}`
        if (seen.has(id)) continue
        seen.add(id)
        let tree = trees.get(key.service)
        if (!tree) trees.set(key.service, (tree = new PrefixTree()))
        tree.insert(key.resourcePrefix, s)
      }
    }
    if (trees.size > 0) this.trees = trees
    this.built = true
  }
}

function indexKeys(keys: readonly (ResourceIndexKey | undefined)[]): ResourceIndexKey[] | undefined {
  return keys.every((k) => k !== undefined) ? (keys as ResourceIndexKey[]) : undefined
}

/** The lookup for a resource ARN, or undefined when it is not one. */
export function resourceLookup(resource: string): ResourceLookup | undefined {
  if (!resource.startsWith('arn:')) return undefined
  let colon = 3
  const colons: number[] = []
  for (let k = 1; k < 5; k++) {
    colon = resource.indexOf(':', colon + 1)
    if (colon < 0) return undefined
    colons.push(colon)
  }
  const starts = [(colons[3] as number) + 1]
  for (let c = resource.indexOf(':', (colons[3] as number) + 1); c >= 0; c = resource.indexOf(':', c + 1)) starts.push(c + 1)
  return { service: resource.slice((colons[0] as number) + 1, colons[1] as number), starts }
}
