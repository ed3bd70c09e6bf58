// The Query parameters as a tree: `Tags.member.1.Key=a` becomes Tags → member → 1 → Key (value a).
// Readers (parse-input.ts) walk it by the model's shapes; unknown branches are simply never visited.

export interface ParamNode {
  value?: string
  children?: Map<string, ParamNode>
}

export function buildTree(params: Map<string, string>): ParamNode {
  const root: ParamNode = {}
  for (const [key, value] of params) {
    let node = root
    let start = 0
    for (;;) {
      const dot = key.indexOf('.', start)
      const segment = dot < 0 ? key.slice(start) : key.slice(start, dot)
      node.children ??= new Map()
      let child = node.children.get(segment)
      if (child === undefined) {
        child = {}
        node.children.set(segment, child)
      }
      node = child
      if (dot < 0) break
      start = dot + 1
    }
    node.value = value
  }
  return root
}

const INDEX = /^[1-9][0-9]*$/

/** The element nodes of a list or map container, by ascending index (gaps allowed). */
export function indexedChildren(container: ParamNode | undefined): ParamNode[] {
  const children = container?.children
  if (children === undefined) return []
  const indices: number[] = []
  for (const key of children.keys()) if (INDEX.test(key)) indices.push(Number(key))
  indices.sort((a, b) => a - b)
  return indices.map((i) => children.get(String(i)) as ParamNode)
}
