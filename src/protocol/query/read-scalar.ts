// One Query parameter's text read as its scalar type (numbers, booleans, timestamps, blobs), with
// AWS's MalformedInput when it cannot be: AWS checks types before any constraint.

import type { Shape } from '../model/types.js'
import { malformedInput, type ProtocolError } from './errors.js'

/** Thrown by readers, caught once by parseInput: a malformed value ends the whole parse. */
export class MalformedInputSignal extends Error {
  constructor(readonly error: ProtocolError) {
    super(error.message)
  }
}

export function malformed(message = ''): never {
  throw new MalformedInputSignal(malformedInput(message))
}

const INTEGER = /^[+-]?[0-9]+$/
const DECIMAL = /^[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$/
const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})$/i
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}(?:==)?|[A-Za-z0-9+/]{3}=?)?$/

const INT_RANGE: Readonly<Record<string, readonly [bigint, bigint]>> = {
  byte: [-128n, 127n],
  short: [-32768n, 32767n],
  integer: [-2147483648n, 2147483647n],
  long: [-9223372036854775808n, 9223372036854775807n]
}

export function readScalar(shape: Shape, text: string): unknown {
  switch (shape.type) {
    case 'string':
      return text
    case 'byte':
    case 'short':
    case 'integer':
    case 'long':
    case 'bigInteger': {
      // AWS: "" → "missing value for decimal type"; "abc", "900.0", an int32 overflow → no message.
      if (text === '') malformed('missing value for decimal type')
      if (!INTEGER.test(text)) malformed()
      const range = INT_RANGE[shape.type]
      if (range !== undefined) {
        const big = BigInt(text)
        if (big < range[0] || big > range[1]) malformed()
      }
      // A long beyond 2^53 loses precision as a number; IAM and STS have no longs.
      return Number(text)
    }
    case 'float':
    case 'double':
    case 'bigDecimal': {
      if (text === '') malformed('missing value for decimal type')
      if (text === 'NaN' || text === 'Infinity' || text === '-Infinity') return Number(text)
      if (!DECIMAL.test(text)) malformed()
      return Number(text)
    }
    case 'boolean': {
      const lower = text.toLowerCase()
      if (lower === 'true') return true
      if (lower === 'false') return false
      return malformed()
    }
    case 'timestamp': {
      if (ISO_TIMESTAMP.test(text)) {
        const date = new Date(text)
        if (!Number.isNaN(date.getTime())) return date
      } else if (DECIMAL.test(text)) {
        return new Date(Number(text) * 1000)
      }
      return malformed()
    }
    case 'blob': {
      if (!BASE64.test(text)) malformed()
      return new Uint8Array(Buffer.from(text, 'base64'))
    }
    default:
      throw new Error(`readScalar: ${shape.type} is not a scalar`)
  }
}
