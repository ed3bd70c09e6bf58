// A radix tree from literal prefixes to values: given a string, it yields every value whose
// prefix the string starts with, in time proportional to the number of branch points on the
// path, not to the number of prefixes. Used to narrow the statements a resource can match.

import { flat, hasAt } from '../match/text-at.js'

interface Edge<T> {
  label: string
  node: PrefixNode<T>
}

interface PrefixNode<T> {
  values: T[]
  edges: Map<number, Edge<T>> | undefined
}

export class PrefixTree<T> {
  private readonly root: PrefixNode<T> = { values: [], edges: undefined }

  insert(prefix: string, value: T): void {
    let node = this.root
    let pos = 0
    while (pos < prefix.length) {
      const edges = (node.edges ??= new Map())
      const c = prefix.charCodeAt(pos)
      const edge = edges.get(c)
      if (edge === undefined) {
        const leaf: PrefixNode<T> = { values: [], edges: undefined }
        edges.set(c, { label: flat(prefix.slice(pos)), node: leaf })
        node = leaf
        pos = prefix.length
        break
      }
      const common = commonLength(edge.label, prefix, pos)
      if (common < edge.label.length) {
        // Split the edge where the new prefix departs from it.
        const middle: PrefixNode<T> = { values: [], edges: new Map([[edge.label.charCodeAt(common), { label: flat(edge.label.slice(common)), node: edge.node }]]) }
        edge.label = flat(edge.label.slice(0, common))
        edge.node = middle
      }
      node = edge.node
      pos += common
    }
    node.values.push(value)
  }

  /**
   * Writes every value whose prefix `s` (read from offset `start`) starts with, shortest
   * prefixes first, into `out` from index `from`; returns the index after the last one written.
   * The values of the empty prefix are left out unless `withEmptyPrefix`.
   */
  collect(s: string, out: T[], from: number, start = 0, withEmptyPrefix = true): number {
    let n = from
    let node: PrefixNode<T> | undefined = this.root
    let pos = start
    if (!withEmptyPrefix) {
      const edge: Edge<T> | undefined = node.edges?.get(s.charCodeAt(pos))
      if (edge === undefined || !hasAt(s, edge.label, pos)) return n
      pos += edge.label.length
      node = edge.node
    }
    while (node !== undefined) {
      const values = node.values
      for (let i = 0; i < values.length; i++) out[n++] = values[i] as T
      const edge: Edge<T> | undefined = node.edges?.get(s.charCodeAt(pos))
      if (edge === undefined || !hasAt(s, edge.label, pos)) return n
      pos += edge.label.length
      node = edge.node
    }
    return n
  }
}

function commonLength(label: string, prefix: string, pos: number): number {
  let i = 0
  while (i < label.length && pos + i < prefix.length && label.charCodeAt(i) === prefix.charCodeAt(pos + i)) i++
  return i
}
