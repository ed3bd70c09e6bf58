// Policy variables: `${aws:username}`, `${aws:PrincipalTag/team, 'none'}` and the escapes
// `${*}`, `${?}`, `${$}`. A value is split once, at compile time, into parts; evaluation only
// looks up the variables' values. Under Version 2008-10-17 (or no Version) nothing is a variable.

import { flat } from './match/text-at.js'

export type TemplatePart =
  /** Text as written: `*` and `?` in it are wildcards where the operator matches patterns. */
  | { readonly kind: 'text'; readonly text: string }
  /** An escaped character: always literal. */
  | { readonly kind: 'literal'; readonly text: string }
  | VariablePart

export interface VariablePart {
  readonly kind: 'variable'
  /** The key as written, tried first against the request context. */
  readonly key: string
  readonly keyLower: string
  readonly fallback?: string
}

const ESCAPES: Readonly<Record<string, string>> = { '*': '*', '?': '?', $: '$' }

// `${` key [ , 'default' ] `}`; keys are vendor:name with an optional /suffix (tag keys).
const VARIABLE = /^\$\{\s*([A-Za-z0-9_.-]+:[A-Za-z0-9_.:/+=@-]+?)\s*(?:,\s*'([^']*)'\s*)?\}/

export function parseTemplate(value: string, variablesEnabled: boolean): TemplatePart[] {
  if (!variablesEnabled || !value.includes('${')) return [{ kind: 'text', text: value }]
  const parts: TemplatePart[] = []
  let text = ''
  let i = 0
  while (i < value.length) {
    const open = value.indexOf('${', i)
    if (open < 0) break
    text += value.slice(i, open)
    const escaped = value[open + 3] === '}' ? ESCAPES[value[open + 2] as string] : undefined
    if (escaped !== undefined) {
      if (text) parts.push({ kind: 'text', text })
      text = ''
      parts.push({ kind: 'literal', text: escaped })
      i = open + 4
      continue
    }
    const m = VARIABLE.exec(value.slice(open))
    if (!m) {
      // Not a variable: the characters stand for themselves.
      text += '${'
      i = open + 2
      continue
    }
    if (text) parts.push({ kind: 'text', text })
    text = ''
    // Internalized, as condition keys are: looking a key up in the request context first
    // internalizes it, which an internalized key skips.
    const key = flat(m[1] as string)
    const keyLower = flat(key.toLowerCase())
    const fallback = m[2]
    parts.push(fallback === undefined ? { kind: 'variable', key, keyLower } : { kind: 'variable', key, keyLower, fallback })
    i = open + m[0].length
  }
  text += value.slice(i)
  if (text) parts.push({ kind: 'text', text })
  return parts
}

/**
 * Where a Resource entry's resource part starts: after the ARN's fifth colon, the only place
 * policy variables work in a Resource ("You can't use a variable to replace parts of the ARN
 * before the fifth colon, such as the service or account", IAM User Guide, policy variables).
 * Undefined when the value has fewer than five colons (then it holds no variable at all).
 */
export function resourcePartStart(value: string): number | undefined {
  let colon = -1
  for (let n = 0; n < 5; n++) {
    colon = value.indexOf(':', colon + 1)
    if (colon < 0) return undefined
  }
  return colon + 1
}

export function hasVariables(parts: readonly TemplatePart[]): boolean {
  return parts.some((p) => p.kind === 'variable')
}

/** The value with escapes applied, when it has no variables. */
export function plainText(parts: readonly TemplatePart[]): string {
  let s = ''
  for (const p of parts) if (p.kind !== 'variable') s += p.text
  return s
}
