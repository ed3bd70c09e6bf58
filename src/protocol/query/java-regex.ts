/**
 * botocore's `pattern` constraints are Java regular expressions, and AWS applies them the Java way:
 * to the whole value (`Matcher.matches()`), over code points. This module translates the subset of
 * Java syntax that AWS models use into an equivalent JavaScript RegExp with the `u` flag.
 *
 * Semantics kept from Java:
 * - `\uXXXX` takes exactly four hex digits, so `\u10000-\u10FFFF` (as written in IAM/STS models) means
 *   `\u1000`, the range `0`-`\u10FF` and two `F`s, not the supplementary planes. JavaScript's `\uXXXX`
 *   in `u` mode reads the same way, and AWS does reject an emoji in such a member (see README).
 * - `\w`, `\d`, `\s`, `\b` are ASCII-only (Java's default). `\s` is Java's `[ \t\n\x0B\f\r]`.
 * - `.` excludes Java's line terminators (`\n`, `\r`, `\u0085`, `\u2028`, `\u2029`).
 * - `\p{L}`-style general categories map to `\p{L}` (JavaScript knows the same short names).
 *
 * Unsupported Java features (nested classes, `&&` intersections, `\Q...\E`, possessive quantifiers,
 * inline flags) throw, so a new model pattern cannot silently change meaning.
 */

const JAVA_LINE_TERMINATORS = '\\n\\r\\u0085\\u2028\\u2029'
const JAVA_SPACE = '\\t\\n\\u000B\\f\\r '

/** JavaScript's SyntaxCharacter plus `/`: the characters `\X` may escape in `u` mode outside a class. */
const JS_SYNTAX = new Set(['^', '$', '\\', '.', '*', '+', '?', '(', ')', '[', ']', '{', '}', '|', '/'])

/** Java POSIX and java.lang.Character classes used in AWS models, as JavaScript class contents. */
const JAVA_NAMED_CLASSES: Readonly<Record<string, string>> = {
  Lower: 'a-z',
  Upper: 'A-Z',
  ASCII: '\\u0000-\\u007F',
  Alpha: 'a-zA-Z',
  Digit: '0-9',
  Alnum: 'a-zA-Z0-9',
  Punct: '!-\\/:-@\\[-`{-~',
  Graph: '!-~',
  Print: ' -~',
  Blank: ' \\t',
  Cntrl: '\\u0000-\\u001F\\u007F',
  XDigit: '0-9a-fA-F',
  Space: JAVA_SPACE
}

const GENERAL_CATEGORY = /^(?:L[ultmo]?|M[nce]?|N[dlo]?|P[cdseifo]?|S[mcko]?|Z[slp]?|C[cfson]?)$/

function codePointEscape(ch: string): string {
  return `\\u{${(ch.codePointAt(0) ?? 0).toString(16)}}`
}

/** `\p{...}` / `\P{...}` body → JavaScript property escape or class contents. */
function translateProperty(name: string, negated: boolean, inClass: boolean, pattern: string): string {
  let body = name
  if (body.startsWith('Is') && GENERAL_CATEGORY.test(body.slice(2))) body = body.slice(2)
  if (GENERAL_CATEGORY.test(body)) return `\\${negated ? 'P' : 'p'}{${body}}`
  if (body.startsWith('Is') || body.startsWith('In')) {
    // Scripts (IsLatin) and blocks (InGreek) differ in JavaScript; none are used by IAM/STS.
    throw new Error(`unsupported Java property \\p{${name}} in pattern ${pattern}`)
  }
  const named = JAVA_NAMED_CLASSES[body]
  if (named === undefined) throw new Error(`unsupported Java property \\p{${name}} in pattern ${pattern}`)
  if (negated) {
    if (inClass) throw new Error(`unsupported negated class \\P{${name}} inside [] in pattern ${pattern}`)
    return `[^${named}]`
  }
  return inClass ? named : `[${named}]`
}

/** Translates a Java regex to the source of an equivalent JavaScript `u`-mode regex (not anchored). */
export function translateJavaRegex(pattern: string): string {
  let out = ''
  let inClass = false
  let classStart = -1
  const n = pattern.length
  for (let i = 0; i < n; i++) {
    const ch = pattern[i] as string
    if (ch === '\\') {
      const next = pattern[i + 1]
      if (next === undefined) throw new Error(`trailing backslash in pattern ${pattern}`)
      i++
      switch (next) {
        case 'u': {
          const hex = pattern.slice(i + 1, i + 5)
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) throw new Error(`bad \\u escape in pattern ${pattern}`)
          out += `\\u${hex}`
          i += 4
          break
        }
        case 'x': {
          if (pattern[i + 1] === '{') {
            const end = pattern.indexOf('}', i)
            if (end < 0) throw new Error(`bad \\x{} escape in pattern ${pattern}`)
            out += `\\u{${pattern.slice(i + 2, end)}}`
            i = end
          } else {
            const hex = pattern.slice(i + 1, i + 3)
            if (!/^[0-9a-fA-F]{2}$/.test(hex)) throw new Error(`bad \\x escape in pattern ${pattern}`)
            out += `\\x${hex}`
            i += 2
          }
          break
        }
        case 'p':
        case 'P': {
          let name: string
          if (pattern[i + 1] === '{') {
            const end = pattern.indexOf('}', i)
            if (end < 0) throw new Error(`bad \\p{} in pattern ${pattern}`)
            name = pattern.slice(i + 2, end)
            i = end
          } else {
            name = pattern[i + 1] ?? ''
            i++
          }
          out += translateProperty(name, next === 'P', inClass, pattern)
          break
        }
        case 'w':
        case 'W':
        case 'd':
        case 'D':
        case 'b':
        case 'B':
          if (inClass && (next === 'b' || next === 'B')) throw new Error(`unsupported \\${next} in class in pattern ${pattern}`)
          out += `\\${next}`
          break
        case 's':
          out += inClass ? JAVA_SPACE : `[${JAVA_SPACE}]`
          break
        case 'S':
          if (inClass) throw new Error(`unsupported \\S inside [] in pattern ${pattern}`)
          out += `[^${JAVA_SPACE}]`
          break
        case 't':
        case 'n':
        case 'r':
        case 'f':
          out += `\\${next}`
          break
        case 'a':
          out += '\\u0007'
          break
        case 'e':
          out += '\\u001B'
          break
        case '0': {
          // Java octal: \0n, \0nn, \0mnn
          const m = /^[0-7]{1,3}/.exec(pattern.slice(i + 1))
          if (!m) throw new Error(`bad octal escape in pattern ${pattern}`)
          out += codePointEscape(String.fromCodePoint(parseInt(m[0], 8)))
          i += m[0].length
          break
        }
        case 'Q':
        case 'E':
        case 'G':
        case 'Z':
        case 'z':
        case 'A':
        case 'R':
        case 'X':
        case 'h':
        case 'H':
        case 'v':
        case 'V':
        case 'k':
          throw new Error(`unsupported Java escape \\${next} in pattern ${pattern}`)
        default:
          if (/[0-9]/.test(next)) {
            if (inClass) throw new Error(`unsupported backreference in class in pattern ${pattern}`)
            out += `\\${next}`
          } else if (/[A-Za-z]/.test(next)) {
            throw new Error(`unsupported Java escape \\${next} in pattern ${pattern}`)
          } else if (JS_SYNTAX.has(next) || (inClass && next === '-')) {
            out += `\\${next}`
          } else {
            // Java lets any non-alphabetic character be escaped; `u` mode does not (e.g. `\:`).
            out += codePointEscape(next)
          }
      }
      continue
    }
    if (inClass) {
      if (ch === '[') throw new Error(`unsupported nested character class in pattern ${pattern}`)
      if (ch === '&' && pattern[i + 1] === '&') throw new Error(`unsupported class intersection in pattern ${pattern}`)
      if (ch === ']' && i > classStart) {
        inClass = false
        out += ']'
        continue
      }
      out += ch
      continue
    }
    switch (ch) {
      case '[': {
        inClass = true
        out += '['
        if (pattern[i + 1] === '^') {
          out += '^'
          i++
        }
        // Java (like JS without `u`) takes a `]` right after `[` or `[^` literally.
        if (pattern[i + 1] === ']') {
          out += '\\]'
          i++
        }
        classStart = i + 1
        break
      }
      case '.':
        out += `[^${JAVA_LINE_TERMINATORS}]`
        break
      case '(':
        if (pattern[i + 1] === '?') {
          const kind = pattern[i + 2]
          if (kind === ':' || kind === '=' || kind === '!') {
            out += `(?${kind}`
            i += 2
          } else if (kind === '<' && (pattern[i + 3] === '=' || pattern[i + 3] === '!')) {
            out += `(?<${pattern[i + 3]}`
            i += 3
          } else {
            throw new Error(`unsupported group syntax in pattern ${pattern}`)
          }
        } else {
          out += '('
        }
        break
      case '+':
      case '*':
      case '?':
      case '}':
        out += ch
        if (pattern[i + 1] === '+') throw new Error(`unsupported possessive quantifier in pattern ${pattern}`)
        break
      default:
        out += ch
    }
  }
  if (inClass) throw new Error(`unterminated character class in pattern ${pattern}`)
  return out
}

const cache = new Map<string, RegExp>()

/** A RegExp that tests whether a whole value matches the Java pattern, as AWS does. */
export function javaPatternMatcher(pattern: string): RegExp {
  let re = cache.get(pattern)
  if (re === undefined) {
    re = new RegExp(`^(?:${translateJavaRegex(pattern)})$`, 'u')
    cache.set(pattern, re)
  }
  return re
}
