/**
 * Generators of values from the model, for the round-trip tests: inputs that satisfy every
 * constraint (so AWS, and parseInput, accept them) and outputs full of awkward text.
 */
import type { ServiceModel, StringShape } from '../model/types.js'
import { javaPatternMatcher } from '../query/java-regex.js'
import { shapeOf } from '../model/shape-of.js'

/** A small deterministic PRNG (mulberry32), so failures reproduce. */
export function random(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Candidate strings, most awkward first; the first that satisfies a shape's pattern wins. */
const INPUT_SEEDS = [
  'Ünïcødé & <tag> "q" \'s\' % + = ; 😀 \t line\nnext',
  'a+b=c,d.e@f-g_h',
  'arn:aws:iam::123456789012:role/path/Name+=,.@-',
  'Key:with/slashes=and+signs@x',
  '/division_abc/subdivision_xyz/',
  'v1',
  'v2.rc-1',
  'o-abcdefghij/r-abcd/ou-ab12-cdefgh12/',
  'p-abcdefgh12',
  'AKIAIOSFODNN7EXAMPLE',
  '123456',
  'my-name-1',
  'abc',
  '/',
  'x'
]
const PAD = ['a', '0', 'b/', '/', 'x']

function codePoints(s: string): string[] {
  return Array.from(s)
}

function fits(shape: StringShape, s: string): boolean {
  const n = codePoints(s).length
  if (shape.min !== undefined && n < shape.min) return false
  if (shape.max !== undefined && n > shape.max) return false
  return shape.pattern === undefined || javaPatternMatcher(shape.pattern).test(s)
}

/** A string satisfying length, pattern and enum; `offset` picks a different candidate. */
export function validString(shape: StringShape, offset = 0): string {
  if (shape.enum !== undefined && shape.enum.length > 0) return shape.enum[offset % shape.enum.length] as string
  const seeds = [...INPUT_SEEDS.slice(offset % INPUT_SEEDS.length), ...INPUT_SEEDS.slice(0, offset % INPUT_SEEDS.length)]
  for (const seed of seeds) {
    const candidates = [seed]
    const max = shape.max
    if (max !== undefined && codePoints(seed).length > max) candidates.push(codePoints(seed).slice(0, max).join(''))
    if (shape.min !== undefined && codePoints(seed).length < shape.min) {
      for (const pad of PAD) {
        let s = seed
        while (codePoints(s).length < shape.min) s += pad
        candidates.push(
          codePoints(s)
            .slice(0, Math.max(shape.min, codePoints(seed).length))
            .join('')
        )
        candidates.push(s)
      }
    }
    for (const c of candidates) if (fits(shape, c)) return c
  }
  throw new Error(`validString: no candidate fits ${JSON.stringify(shape)}`)
}

export interface GenerateOptions {
  /** Include optional members (true) or only required ones (false). */
  readonly full: boolean
  /** Varies choices (strings, list sizes, numbers). */
  readonly variant: number
}

/** An input value for `shapeName` that satisfies every constraint of the model. */
export function validInput(model: ServiceModel, shapeName: string, options: GenerateOptions, depth = 0): unknown {
  const shape = shapeOf(model, shapeName)
  const v = options.variant
  switch (shape.type) {
    case 'structure': {
      const out: Record<string, unknown> = {}
      const required = new Set(shape.required ?? [])
      let i = 0
      for (const [name, ref] of Object.entries(shape.members)) {
        i++
        if (!required.has(name) && (!options.full || depth > 6)) continue
        out[name] = validInput(model, ref.shape, { ...options, variant: v + i }, depth + 1)
      }
      return out
    }
    case 'list': {
      const min = shape.min ?? 0
      const max = shape.max ?? 3
      let n = v % 3 === 2 ? min : Math.min(Math.max(2, min), max)
      if (depth > 6) n = min
      const out: unknown[] = []
      for (let i = 0; i < n; i++) out.push(validInput(model, shape.member.shape, { ...options, variant: v + i + 1 }, depth + 1))
      return out
    }
    case 'map': {
      const out: Record<string, unknown> = Object.create(null) as Record<string, unknown>
      const keyShape = shapeOf(model, shape.key.shape)
      for (let i = 0; i < 2; i++) {
        const key = keyShape.type === 'string' ? validString(keyShape, v + i) + (keyShape.enum ? '' : String(i)) : String(i)
        out[key] = validInput(model, shape.value.shape, { ...options, variant: v + i }, depth + 1)
      }
      return out
    }
    case 'string':
      return validString(shape, v)
    case 'boolean':
      return v % 2 === 0
    case 'timestamp':
      return new Date(Date.UTC(2026, 10, 28, 18, 0, v % 60))
    case 'blob':
      return new Uint8Array([0, 1, 2, 250, 255, v & 0xff])
    default: {
      const min = shape.min ?? (shape.type === 'float' || shape.type === 'double' ? -1.5 : 0)
      const max = shape.max ?? min + 1000
      const choice = v % 3
      return choice === 0 ? min : choice === 1 ? max : Math.floor((min + max) / 2)
    }
  }
}

/** Awkward output text: markup, entities, quotes, CR/LF/tab, non-BMP, lookalike references. */
const OUTPUT_STRINGS = [
  'plain',
  '<a href="x">&amp; \'q\'</a>',
  ']]> &#65; &lt; & < >',
  'tab\there\r\nCRLF\rCR\nLF',
  'Ünïcødé 😀 𝄞 \u2028\u0085',
  '  leading and trailing  ',
  '%7B%22Version%22%3A%222012-10-17%22%7D',
  ''
]

/** An output value for `shapeName`: every member present, strings awkward. */
export function sampleOutput(model: ServiceModel, shapeName: string, variant: number, depth = 0): unknown {
  const shape = shapeOf(model, shapeName)
  switch (shape.type) {
    case 'structure': {
      const out: Record<string, unknown> = {}
      let i = 0
      for (const [name, ref] of Object.entries(shape.members)) {
        i++
        if (depth > 5 && !(shape.required ?? []).includes(name)) continue
        out[name] = sampleOutput(model, ref.shape, variant + i, depth + 1)
      }
      return out
    }
    case 'list': {
      const n = depth > 5 ? 0 : variant % 4 === 3 ? 0 : 2
      const out: unknown[] = []
      for (let i = 0; i < n; i++) out.push(sampleOutput(model, shape.member.shape, variant + i + 1, depth + 1))
      return out
    }
    case 'map': {
      const out: Record<string, unknown> = Object.create(null) as Record<string, unknown>
      const keyShape = shapeOf(model, shape.key.shape)
      const n = variant % 4 === 3 ? 0 : 2
      for (let i = 0; i < n; i++) {
        const key = keyShape.type === 'string' && keyShape.enum ? (keyShape.enum[(variant + i) % keyShape.enum.length] as string) : `key-${i}-<&>`
        out[key] = sampleOutput(model, shape.value.shape, variant + i, depth + 1)
      }
      return out
    }
    case 'string':
      if (shape.enum !== undefined && shape.enum.length > 0) return shape.enum[variant % shape.enum.length]
      return OUTPUT_STRINGS[variant % OUTPUT_STRINGS.length]
    case 'boolean':
      return variant % 2 === 1
    case 'timestamp':
      return variant % 2 === 0 ? new Date(Date.UTC(2026, 10, 28, 18, 0, 0)) : new Date(Date.UTC(2025, 0, 2, 3, 4, 5, 678))
    case 'blob':
      return new TextEncoder().encode(`blob ${variant} <&> ✓`)
    default: {
      const min = shape.min ?? 0
      const max = shape.max ?? 2147483647
      return variant % 2 === 0 ? min : max
    }
  }
}
