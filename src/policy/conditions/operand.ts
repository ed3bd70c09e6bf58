// What every condition-operator family provides: a test that says whether one request value
// matches any of the statement's values for a key (the positive sense; negation, set
// qualifiers and IfExists are applied around it, in evaluate-condition.ts).

import type { VariableSource } from '../match/template-matcher.js'

export type AnyOfTest = (input: string, vars: VariableSource) => boolean

export interface OperatorFamily {
  /** Compiles the statement's values for one key. Values that cannot be read never match. */
  compile(values: readonly string[], variablesEnabled: boolean): AnyOfTest
}

/** A test that is true when any of the compiled single-value tests is. */
export function anyOf(tests: readonly ((input: string, vars: VariableSource) => boolean)[]): AnyOfTest {
  if (tests.length === 0) return () => false
  if (tests.length === 1) return tests[0] as AnyOfTest
  return (input, vars) => {
    for (const t of tests) if (t(input, vars)) return true
    return false
  }
}

/** A test over values parsed ahead of time, comparing them with the parsed request value. */
export function parsedAnyOf<T>(values: readonly string[], parse: (s: string) => T | undefined, compare: (request: T, policy: T) => boolean): AnyOfTest {
  const parsed: T[] = []
  for (const v of values) {
    const p = parse(v)
    if (p !== undefined) parsed.push(p)
  }
  if (parsed.length === 0) return () => false
  return (input) => {
    const r = parse(input)
    if (r === undefined) return false
    for (const p of parsed) if (compare(r, p)) return true
    return false
  }
}
