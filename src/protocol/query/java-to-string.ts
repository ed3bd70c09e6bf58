// How AWS's Java services print a value inside a ValidationError message (`Value '[a, b]' at ...`).

import { shapeOf } from '../model/shape-of.js'
import type { ServiceModel, Shape } from '../model/types.js'
import { javaHashOrder } from './java-order.js'

/**
 * Java's `toString()` of a value, as AWS prints it inside `Value '...'`: strings as they are,
 * numbers and booleans in Java's form, lists of scalars as `[a, b]`, maps of scalars as `{k=v}`.
 * For structures, timestamps, blobs and collections holding them AWS's rendering is not known to us:
 * undefined, and the message says `Value at 'path'` (as AWS does for sensitive members).
 */
export function javaToString(model: ServiceModel, shape: Shape, value: unknown): string | undefined {
  switch (shape.type) {
    case 'string':
      return value as string
    case 'boolean':
      return value ? 'true' : 'false'
    case 'float':
    case 'double':
      return javaDouble(value as number)
    case 'list': {
      const element = shapeOf(model, shape.member.shape)
      const parts: string[] = []
      for (const item of value as unknown[]) {
        const text = javaToString(model, element, item)
        if (text === undefined) return undefined
        parts.push(text)
      }
      return `[${parts.join(', ')}]`
    }
    case 'map': {
      const valueShape = shapeOf(model, shape.value.shape)
      const entries = javaHashOrder(Object.entries(value as Record<string, unknown>), ([k]) => k)
      const parts: string[] = []
      for (const [k, v] of entries) {
        const text = javaToString(model, valueShape, v)
        if (text === undefined) return undefined
        parts.push(`${k}=${text}`)
      }
      return `{${parts.join(', ')}}`
    }
    case 'structure':
    case 'timestamp':
    case 'blob':
      return undefined
    default:
      return String(value)
  }
}

function javaDouble(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e7) return n.toFixed(1)
  return String(n)
}
