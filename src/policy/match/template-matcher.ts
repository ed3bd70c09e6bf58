// One compiled policy value (a Resource entry, a StringLike or ArnLike value, a StringEquals
// value) that may contain policy variables. Values without variables compile to a matcher once;
// values with variables resolve them per request and cache the matcher for each resolution.

import { hasVariables, parseTemplate, plainText, resourcePartStart, type TemplatePart, type VariablePart } from '../variables.js'
import { ONE, ONE_IN_SEGMENT, STAR, STAR_IN_SEGMENT, tokenizeSimple, type GlobToken } from './glob.js'
import { PatternTest } from './pattern-test.js'

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
  /**
   * For ARN patterns whose partition and service are literal: the service, and the literal start
   * of the resource part (after the fifth colon), which every matching ARN's resource part
   * starts with. Used to index statements by resource; undefined when the pattern cannot be.
   */
  readonly indexKey: ResourceIndexKey | undefined
}

export interface ResourceIndexKey {
  readonly service: string
  readonly resourcePrefix: string
}

const DYNAMIC_CACHE_LIMIT = 256

export function compileValue(value: string, mode: MatchMode, variablesEnabled: boolean): ValueMatcher {
  const parts = mode === 'arn' ? resourceTemplate(value, variablesEnabled) : parseTemplate(value, variablesEnabled)
  if (!hasVariables(parts)) return staticMatcher(parts, mode)
  return new DynamicMatcher(parts, mode)
}

/** A Resource entry's parts: before its resource part (variables.ts), `${...}` is plain text. */
function resourceTemplate(value: string, variablesEnabled: boolean): TemplatePart[] {
  if (!variablesEnabled || !value.includes('${')) return parseTemplate(value, variablesEnabled)
  const start = resourcePartStart(value)
  if (start === undefined) return parseTemplate(value, false)
  const head = value.slice(0, start)
  const tail = parseTemplate(value.slice(start), true)
  const first = tail[0]
  if (first?.kind === 'text') return [{ kind: 'text', text: head + first.text }, ...tail.slice(1)]
  return [{ kind: 'text', text: head }, ...tail]
}

function indexKeyOf(parts: readonly TemplatePart[], mode: MatchMode): ResourceIndexKey | undefined {
  if (mode !== 'arn') return undefined
  const segments = ['', '', '']
  let resourcePrefix = ''
  let colons = 0
  const literal = (c: string): void => {
    if (colons < 3) segments[colons] += c
    else if (colons >= 5) resourcePrefix += c
  }
  for (const p of parts) {
    if (p.kind === 'variable') {
      if (colons < 3) return undefined
      if (colons >= 5) break
      continue
    }
    if (p.kind === 'literal') {
      if (colons >= 5) resourcePrefix += p.text
      else if (colons < 3) return undefined
      continue
    }
    let wildcard = false
    for (const c of p.text) {
      if (c === ':' && colons < 5) colons++
      else if (c === '*' || c === '?') {
        if (colons < 3) return undefined
        if (colons >= 5) {
          wildcard = true
          break
        }
      } else literal(c)
    }
    if (wildcard) break
  }
  if (colons < 5 || segments[0] !== 'arn') return undefined
  return { service: segments[2] as string, resourcePrefix }
}

function staticMatcher(parts: readonly TemplatePart[], mode: MatchMode): ValueMatcher {
  const indexKey = indexKeyOf(parts, mode)
  if (mode === 'exact') return new StaticMatcher(indexKey, false, PatternTest.compile([plainText(parts)]))
  if (mode === 'exact-ignore-case') return new StaticMatcher(indexKey, true, PatternTest.compile([plainText(parts).toLowerCase()]))
  return new StaticMatcher(indexKey, false, PatternTest.compile(toTokens(parts, mode, [])))
}

/** A value without variables: one class for all of them, so call sites stay monomorphic. */
class StaticMatcher implements ValueMatcher {
  constructor(
    readonly indexKey: ResourceIndexKey | undefined,
    private readonly ignoreCase: boolean,
    private readonly pattern: PatternTest
  ) {}

  test(input: string): boolean {
    return this.pattern.test(this.ignoreCase ? input.toLowerCase() : input)
  }
}

class DynamicMatcher implements ValueMatcher {
  private readonly variables: VariablePart[]
  private readonly cache = new Map<string, PatternTest>()
  private lastKey: string | undefined = undefined
  private lastMatch: PatternTest | undefined = undefined
  /** The values of a one-variable pattern, refilled by each test (which keeps no reference). */
  private readonly single: string[] = ['']
  readonly indexKey: ResourceIndexKey | undefined

  constructor(
    private readonly parts: readonly TemplatePart[],
    private readonly mode: MatchMode
  ) {
    this.variables = parts.filter((p): p is VariablePart => p.kind === 'variable')
    this.indexKey = indexKeyOf(parts, mode)
  }

  test(input: string, vars: VariableSource): boolean {
    const variables = this.variables
    let values: string[]
    let key: string
    if (variables.length === 1) {
      const resolved = vars.resolve(variables[0] as VariablePart)
      if (resolved === undefined) return false
      values = this.single
      values[0] = resolved
      key = resolved
    } else {
      values = []
      for (const v of variables) {
        const resolved = vars.resolve(v)
        if (resolved === undefined) return false
        values.push(resolved)
      }
      // Length-prefixed, so no two different resolutions share a key whatever the values contain.
      key = values.map((v) => `${v.length}:${v}`).join('')
    }
    if (this.mode === 'exact' || this.mode === 'exact-ignore-case') {
      let text = ''
      let k = 0
      for (const p of this.parts) text += p.kind === 'variable' ? (values[k++] as string) : p.text
      return this.mode === 'exact' ? input === text : input.toLowerCase() === text.toLowerCase()
    }
    // A compiled set serves one principal, so its variables mostly resolve as they did last time.
    let match = key === this.lastKey ? this.lastMatch : this.cache.get(key)
    if (match === undefined) {
      if (this.cache.size >= DYNAMIC_CACHE_LIMIT) this.cache.clear()
      match = PatternTest.compile(toTokens(this.parts, this.mode, values))
      this.cache.set(key, match)
    }
    this.lastKey = key
    this.lastMatch = match
    return match.test(input)
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
