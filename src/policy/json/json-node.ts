// The JSON tree the policy parser works on: every node keeps its source offsets so that
// validation errors can point at a line and column, and objects keep every member (duplicates
// included) in source order, which JSON.parse would silently collapse.

export type JsonNode = JsonString | JsonNumber | JsonBool | JsonNull | JsonArray | JsonObject

interface NodeBase {
  /** Offset of the node's first character in the source text. */
  readonly start: number
  /** Offset just past the node's last character. */
  readonly end: number
}

export interface JsonString extends NodeBase {
  readonly kind: 'string'
  readonly value: string
}

export interface JsonNumber extends NodeBase {
  readonly kind: 'number'
  readonly value: number
  /** The number as written, so printing it back loses nothing. */
  readonly raw: string
}

export interface JsonBool extends NodeBase {
  readonly kind: 'boolean'
  readonly value: boolean
}

export interface JsonNull extends NodeBase {
  readonly kind: 'null'
}

export interface JsonArray extends NodeBase {
  readonly kind: 'array'
  readonly items: readonly JsonNode[]
}

export interface JsonMember {
  readonly key: string
  readonly keyStart: number
  readonly value: JsonNode
}

export interface JsonObject extends NodeBase {
  readonly kind: 'object'
  readonly members: readonly JsonMember[]
}

export type JsonKind = JsonNode['kind']
