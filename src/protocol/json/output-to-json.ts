// An action's output → JSON shaped as the AWS SDK hands it to a program: walked by the operation's
// output shape exactly as serializeResponse walks it for XML, so only modelled members go out, in
// the model's order. Dates become ISO 8601 strings (as serializeResponse writes them), blobs base64
// strings, maps plain objects; undefined and null members are left out.

import type { OperationModel, ServiceModel, Shape } from '../model/types.js'
import { iso8601 } from '../query/serialize.js'
import { shapeOf } from '../model/shape-of.js'

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue }

export function outputToJson(model: ServiceModel, operation: OperationModel, output: Record<string, unknown> | undefined): Record<string, JsonValue> {
  if (operation.output === undefined || output === undefined) return {}
  return toJson(model, shapeOf(model, operation.output), output, operation.output) as Record<string, JsonValue>
}

const utf8 = new TextEncoder()

function toJson(model: ServiceModel, shape: Shape, value: unknown, name: string): JsonValue {
  switch (shape.type) {
    case 'structure': {
      if (typeof value !== 'object' || value === null) throw new TypeError(`outputToJson: ${name} needs an object`)
      const object = value as Record<string, unknown>
      const out: Record<string, JsonValue> = {}
      for (const [member, ref] of Object.entries(shape.members)) {
        const v = object[member]
        if (v === undefined || v === null) continue
        out[member] = toJson(model, shapeOf(model, ref.shape), v, member)
      }
      return out
    }
    case 'list': {
      if (!Array.isArray(value)) throw new TypeError(`outputToJson: ${name} needs an array`)
      const element = shapeOf(model, shape.member.shape)
      return (value as unknown[]).filter((v) => v !== undefined && v !== null).map((v) => toJson(model, element, v, name))
    }
    case 'map': {
      const entries = value instanceof Map ? [...(value as Map<string, unknown>).entries()] : Object.entries(value as Record<string, unknown>)
      const valueShape = shapeOf(model, shape.value.shape)
      const out: Record<string, JsonValue> = {}
      for (const [k, v] of entries) if (v !== undefined && v !== null) out[k] = toJson(model, valueShape, v, name)
      return out
    }
    case 'timestamp': {
      const ms = value instanceof Date ? value.getTime() : typeof value === 'number' ? value * 1000 : new Date(String(value)).getTime()
      if (Number.isNaN(ms)) throw new TypeError(`outputToJson: ${name} is an invalid date`)
      return iso8601(ms)
    }
    case 'blob':
      if (value instanceof Uint8Array) return Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64')
      return Buffer.from(utf8.encode(String(value))).toString('base64')
    case 'boolean':
      return value === true
    case 'string':
      return String(value)
    default:
      return typeof value === 'number' ? value : Number(value)
  }
}
