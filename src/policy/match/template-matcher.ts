// One compiled policy value (a Resource entry, a StringLike or ArnLike value, a StringEquals
// value) that may contain policy variables. Values without variables compile to a matcher once;
// values with variables resolve them per request and cache the matcher for each resolution.

import { hasVariables, parseTemplate, plainText, type TemplatePart, type VariablePart } from '../variables.js'
import { compileGlob, ONE, ONE_IN_SEGMENT, STAR, STAR_IN_SEGMENT, tokenizeSimple, type GlobToken, type Matcher } from './glob.js'

/**
 * How a value is compared: literally; as a free glob (StringLike); as a Resource ARN, where a
 * `*` ending one of the first five segments may run past colons; or as an ArnLike value, where
 * every wildcard of the first five segments stays within its segment.
 */
export type MatchMode = 'exact' | 'exact-ignore-case' | 'glob' | 'arn' | 'arn-condition'

/** Looks up a policy variable's value in the request; undefined when it cannot be resolved. */
export interface VariableSource {
  resolve(variable: VariablePart): string | undefined
}

export interface ValueMatcher {
  /** True when the input matches; false when it does not or a variable cannot be resolved. */
  test(input: string, vars: VariableSource): boolean
  /** Literal text every matching input starts with (before the first wildcard or variable). */
  readonly prefix: string
}

const DYNAMIC_CACHE_LIMIT = 256

export function compileValue(value: string, mode: MatchMode, variablesEnabled: boolean): ValueMatcher {
  const parts = parseTemplate(value, variablesEnabled)
  if (!hasVariables(parts)) return staticMatcher(parts, mode)
  return new DynamicMatcher(parts, mode)
}

function literalPrefix(parts: readonly TemplatePart[], mode: MatchMode): string {
  if (mode === 'exact-ignore-case') return ''
  let prefix = ''
  for (const p of parts) {
    if (p.kind === 'variable') return prefix
    if (p.kind === 'literal' || mode === 'exact') {
      prefix += p.text
      continue
    }
    const wild = p.text.search(/[*?]/)
    if (wild >= 0) return prefix + p.text.slice(0, wild)
    prefix += p.text
  }
  return prefix
}

function staticMatcher(parts: readonly TemplatePart[], mode: MatchMode): ValueMatcher {
  const prefix = literalPrefix(parts, mode)
  if (mode === 'exact') {
    const text = plainText(parts)
    return { prefix, test: (input) => input === text }
  }
  if (mode === 'exact-ignore-case') {
    const text = plainText(parts).toLowerCase()
    return { prefix, test: (input) => input.toLowerCase() === text }
  }
  const match = compileGlob(toTokens(parts, mode, []))
  return { prefix, test: (input) => match(input) }
}

class DynamicMatcher implements ValueMatcher {
  private readonly variables: VariablePart[]
  private readonly cache = new Map<string, Matcher>()
  readonly prefix: string

  constructor(
    private readonly parts: readonly TemplatePart[],
    private readonly mode: MatchMode
  ) {
    this.variables = parts.filter((p): p is VariablePart => p.kind === 'variable')
    this.prefix = literalPrefix(parts, mode)
  }

  test(input: string, vars: VariableSource): boolean {
    const values: string[] = []
    for (const v of this.variables) {
      const resolved = vars.resolve(v)
      if (resolved === undefined) return false
      values.push(resolved)
    }
    if (this.mode === 'exact' || this.mode === 'exact-ignore-case') {
      let text = ''
      let k = 0
      for (const p of this.parts) text += p.kind === 'variable' ? (values[k++] as string) : p.text
      return this.mode === 'exact' ? input === text : input.toLowerCase() === text.toLowerCase()
    }
    const key = values.length === 1 ? (values[0] as string) : values.join('\u0000')
    let match = this.cache.get(key)
    if (match === undefined) {
      if (this.cache.size >= DYNAMIC_CACHE_LIMIT) this.cache.clear()
      match = compileGlob(toTokens(this.parts, this.mode, values))
      this.cache.set(key, match)
    }
    return match(input)
  }
}

/**
 * Turns parts into glob tokens. Escapes and variable values become literal text. In the ARN modes
 * the wildcards of the first five segments stay inside their segment, except (for Resource) a `*`
 * that ends its segment, which AWS documents as able to match past the colons.
 */
function toTokens(parts: readonly TemplatePart[], mode: MatchMode, values: readonly string[]): GlobToken[] {
  const arnMode = (mode === 'arn' || mode === 'arn-condition') && startsWithArn(parts)
  if (!arnMode) {
    const tokens: GlobToken[] = []
    let k = 0
    for (const p of parts) {
      if (p.kind === 'text') tokens.push(...tokenizeSimple(p.text))
      else tokens.push(p.kind === 'variable' ? (values[k++] as string) : p.text)
    }
    return tokens
  }
  const tokens: GlobToken[] = []
  let colons = 0
  let k = 0
  for (let pi = 0; pi < parts.length; pi++) {
    const p = parts[pi] as TemplatePart
    if (p.kind !== 'text') {
      tokens.push(p.kind === 'variable' ? (values[k++] as string) : p.text)
      continue
    }
    const text = p.text
    let run = 0
    for (let i = 0; i < text.length; i++) {
      const c = text[i] as string
      if (c === ':') colons++
      if (c !== '*' && c !== '?') continue
      // Slices keep literal runs as flat strings (char-by-char concatenation would not).
      if (i > run) tokens.push(text.slice(run, i))
      run = i + 1
      const inPrefix = colons < 5
      if (!inPrefix) tokens.push(c === '*' ? STAR : ONE)
      else if (c === '?') tokens.push(ONE_IN_SEGMENT)
      else tokens.push(mode === 'arn' && endsSegment(text, i, parts[pi + 1]) ? STAR : STAR_IN_SEGMENT)
    }
    if (run < text.length) tokens.push(text.slice(run))
  }
  return tokens
}

function startsWithArn(parts: readonly TemplatePart[]): boolean {
  const first = parts[0]
  return first !== undefined && first.kind === 'text' && first.text.startsWith('arn:')
}

/** Whether the `*` at index i of text (followed by part next) is the last character of its ARN segment. */
function endsSegment(text: string, i: number, next: TemplatePart | undefined): boolean {
  if (i + 1 < text.length) return text[i + 1] === ':'
  if (next === undefined) return true
  return next.kind === 'text' && next.text.startsWith(':')
}
