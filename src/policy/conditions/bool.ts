// Bool compares "true"/"false" without regard to case; anything else never matches.

import type { OperatorFamily } from './operand.js'

function parseBool(s: string): 'true' | 'false' | undefined {
  const t = s.toLowerCase()
  return t === 'true' || t === 'false' ? t : undefined
}

export const bool: OperatorFamily = {
  compile(values) {
    let wantTrue = false
    let wantFalse = false
    for (const v of values) {
      const b = parseBool(v)
      if (b === 'true') wantTrue = true
      else if (b === 'false') wantFalse = true
    }
    return (input) => {
      const b = input === 'true' ? 'true' : input === 'false' ? 'false' : parseBool(input)
      return b === 'true' ? wantTrue : b === 'false' ? wantFalse : false
    }
  }
}
