// IpAddress / NotIpAddress: a request address against CIDR blocks or single addresses, IPv4 or
// IPv6. Addresses are parsed by hand (no regular expressions over untrusted input) into 16-bit
// groups; an IPv4 address is kept apart from IPv6 so that the families never cross-match.

import type { OperatorFamily } from './operand.js'

export interface IpAddress {
  readonly v6: boolean
  /** 2 groups for IPv4, 8 for IPv6, each 16 bits. */
  readonly groups: readonly number[]
}

export interface IpBlock extends IpAddress {
  readonly prefix: number
}

const cache = new Map<string, IpAddress | null>()
const CACHE_LIMIT = 1024

export function parseIp(s: string): IpAddress | undefined {
  const hit = cache.get(s)
  if (hit !== undefined) return hit ?? undefined
  const parsed = s.includes(':') ? parseV6(s) : parseV4(s)
  if (cache.size >= CACHE_LIMIT) cache.clear()
  cache.set(s, parsed ?? null)
  return parsed
}

export function parseBlock(s: string): IpBlock | undefined {
  const t = s.trim()
  const slash = t.indexOf('/')
  const address = parseIp(slash < 0 ? t : t.slice(0, slash))
  if (!address) return undefined
  const max = address.v6 ? 128 : 32
  if (slash < 0) return { ...address, prefix: max }
  const digits = t.slice(slash + 1)
  if (!/^\d{1,3}$/.test(digits)) return undefined
  const prefix = Number(digits)
  return prefix > max ? undefined : { ...address, prefix }
}

function parseV4(s: string): IpAddress | undefined {
  const octets = s.split('.')
  if (octets.length !== 4) return undefined
  const bytes: number[] = []
  for (const o of octets) {
    if (!/^\d{1,3}$/.test(o)) return undefined
    const n = Number(o)
    if (n > 255) return undefined
    bytes.push(n)
  }
  const [a, b, c, d] = bytes as [number, number, number, number]
  return { v6: false, groups: [(a << 8) | b, (c << 8) | d] }
}

function parseV6(s: string): IpAddress | undefined {
  if (s.length > 45) return undefined
  const halves = s.split('::')
  if (halves.length > 2) return undefined
  const head = halves[0] ? (halves[0] as string).split(':') : []
  const tail = halves.length === 2 && halves[1] ? (halves[1] as string).split(':') : []
  const groups: number[] = []
  const readGroups = (parts: string[], allowV4Tail: boolean): number[] | undefined => {
    const out: number[] = []
    for (let i = 0; i < parts.length; i++) {
      const part = parts[i] as string
      if (allowV4Tail && i === parts.length - 1 && part.includes('.')) {
        const v4 = parseV4(part)
        if (!v4) return undefined
        out.push(...v4.groups)
      } else {
        if (!/^[0-9A-Fa-f]{1,4}$/.test(part)) return undefined
        out.push(parseInt(part, 16))
      }
    }
    return out
  }
  const headGroups = readGroups(head, halves.length === 1)
  const tailGroups = readGroups(tail, true)
  if (!headGroups || !tailGroups) return undefined
  if (halves.length === 1) {
    if (headGroups.length !== 8) return undefined
    groups.push(...headGroups)
  } else {
    const missing = 8 - headGroups.length - tailGroups.length
    if (missing < 1) return undefined
    groups.push(...headGroups, ...new Array<number>(missing).fill(0), ...tailGroups)
  }
  return { v6: true, groups }
}

// The address last read from a request: a request's aws:SourceIp is usually tested by several
// statements in a row, and this spares each of them the trim and the cache lookup.
let lastInput: string | undefined
let lastAddress: IpAddress | undefined

function requestAddress(input: string): IpAddress | undefined {
  if (input !== lastInput) {
    lastAddress = parseIp(input.trim())
    lastInput = input
  }
  return lastAddress
}

/** A block ready for testing: per 16-bit group it covers, the mask and the group under it. */
interface BlockTest {
  readonly v6: boolean
  readonly masks: readonly number[]
  readonly masked: readonly number[]
}

function blockTest(block: IpBlock): BlockTest {
  const masks: number[] = []
  const masked: number[] = []
  for (let i = 0, bits = block.prefix; i < block.groups.length && bits > 0; i++, bits -= 16) {
    const mask = (0xffff << (16 - Math.min(16, bits))) & 0xffff
    masks.push(mask)
    masked.push((block.groups[i] as number) & mask)
  }
  return { v6: block.v6, masks, masked }
}

export const ipAddress: OperatorFamily = {
  compile(values) {
    const tests: BlockTest[] = []
    for (const v of values) {
      const b = parseBlock(v)
      if (b) tests.push(blockTest(b))
    }
    return (input) => {
      const ip = requestAddress(input)
      if (!ip) return false
      const groups = ip.groups
      for (let t = 0; t < tests.length; t++) {
        const { v6, masks, masked } = tests[t] as BlockTest
        if (v6 !== ip.v6) continue
        let i = 0
        while (i < masks.length && ((groups[i] as number) & (masks[i] as number)) === masked[i]) i++
        if (i === masks.length) return true
      }
      return false
    }
  }
}
