// String operators: StringEquals / StringEqualsIgnoreCase compare literally (policy variables
// allowed); StringLike matches `*` and `?` wildcards, case-sensitively.

import { compileValue, type MatchMode } from '../match/template-matcher.js'
import { hasVariables, parseTemplate, plainText } from '../variables.js'
import { anyOf, type AnyOfTest, type OperatorFamily } from './operand.js'

function family(mode: MatchMode): OperatorFamily {
  return {
    compile(values, variablesEnabled): AnyOfTest {
      if (mode === 'exact' || mode === 'exact-ignore-case') {
        const fast = staticSet(values, variablesEnabled, mode === 'exact-ignore-case')
        if (fast) return fast
      }
      return anyOf(values.map((v) => compileValue(v, mode, variablesEnabled)).map((m) => (input, vars) => m.test(input, vars)))
    }
  }
}

/** Many literal values without variables: one set lookup instead of a scan. */
function staticSet(values: readonly string[], variablesEnabled: boolean, ignoreCase: boolean): AnyOfTest | undefined {
  const texts: string[] = []
  for (const v of values) {
    const parts = parseTemplate(v, variablesEnabled)
    if (hasVariables(parts)) return undefined
    texts.push(ignoreCase ? plainText(parts).toLowerCase() : plainText(parts))
  }
  if (texts.length === 1) {
    const only = texts[0] as string
    return ignoreCase ? (input) => input.toLowerCase() === only : (input) => input === only
  }
  const set = new Set(texts)
  return ignoreCase ? (input) => set.has(input.toLowerCase()) : (input) => set.has(input)
}

export const stringEquals = family('exact')
export const stringEqualsIgnoreCase = family('exact-ignore-case')
export const stringLike = family('glob')
/** ArnEquals and ArnLike behave the same: segment-wise wildcard matching. */
export const arnLike: OperatorFamily = {
  compile(values, variablesEnabled) {
    const tests = values.map((v) => compileValue(v, 'arn-condition', variablesEnabled))
    const any = anyOf(tests.map((m) => (input, vars) => m.test(input, vars)))
    return (input, vars) => isArn(input) && any(input, vars)
  }
}

/** An ARN has six colon-separated parts: arn:partition:service:region:account:resource. */
export function isArn(s: string): boolean {
  if (!s.startsWith('arn:')) return false
  let colons = 0
  for (let i = 0; i < s.length && colons < 5; i++) if (s.charCodeAt(i) === 58) colons++
  return colons >= 5
}
