// BinaryEquals compares base64-encoded bytes (so differently padded encodings of the same bytes
// match); a value that is not base64 never matches.

import { parsedAnyOf, type OperatorFamily } from './operand.js'

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/

function decode(s: string): string | undefined {
  const t = s.trim()
  if (!BASE64.test(t) || t.length % 4 === 1) return undefined
  try {
    return atob(t)
  } catch {
    return undefined
  }
}

export const binaryEquals: OperatorFamily = {
  compile: (values) => parsedAnyOf(values, decode, (r, p) => r === p)
}
