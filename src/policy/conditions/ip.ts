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

export function contains(block: IpBlock, ip: IpAddress): boolean {
  if (block.v6 !== ip.v6) return false
  let bits = block.prefix
  for (let i = 0; i < block.groups.length && bits > 0; i++) {
    const take = Math.min(16, bits)
    const mask = (0xffff << (16 - take)) & 0xffff
    if (((block.groups[i] as number) & mask) !== ((ip.groups[i] as number) & mask)) return false
    bits -= take
  }
  return true
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

export const ipAddress: OperatorFamily = {
  compile(values) {
    const blocks: IpBlock[] = []
    for (const v of values) {
      const b = parseBlock(v)
      if (b) blocks.push(b)
    }
    return (input) => {
      const ip = parseIp(input.trim())
      if (!ip) return false
      for (const b of blocks) if (contains(b, ip)) return true
      return false
    }
  }
}
