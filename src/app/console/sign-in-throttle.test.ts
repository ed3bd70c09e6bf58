import { describe, expect, it } from 'vitest'
import { ADDRESS_RULE, FORGET_AFTER_MS, LOCK_MS, refusedUntil, throttleKeys, USER_RULE, waitMs } from './sign-in-throttle.js'

const at = new Date('2026-01-01T00:00:00Z')
const later = (ms: number) => new Date(at.getTime() + ms)

describe('sign-in throttle rules', () => {
  it('lets a user fail 5 times, then waits 2 s doubling, and never waits while locked', () => {
    expect([0, 4, 5, 6, 9, 10, 11].map((n) => waitMs(USER_RULE, n))).toEqual([0, 0, 2_000, 4_000, 32_000, 0, 0])
    expect(waitMs(ADDRESS_RULE, 19)).toBe(0)
    expect(waitMs(ADDRESS_RULE, 20)).toBe(1_000)
    expect(waitMs(ADDRESS_RULE, 49)).toBe(LOCK_MS)
  })

  it('refuses inside the wait and the lock, and takes attempts again after them', () => {
    const waiting = { failures: 6, lastFailedAt: at, lockedUntil: undefined }
    expect(refusedUntil(USER_RULE, waiting, later(3_999))).toEqual(later(4_000))
    expect(refusedUntil(USER_RULE, waiting, later(4_000))).toBeUndefined()
    const locked = { failures: 10, lastFailedAt: at, lockedUntil: later(LOCK_MS) }
    expect(refusedUntil(USER_RULE, locked, later(LOCK_MS - 1))).toEqual(later(LOCK_MS))
    expect(refusedUntil(USER_RULE, locked, later(LOCK_MS))).toBeUndefined()
    expect(refusedUntil(USER_RULE, undefined, at)).toBeUndefined()
  })

  it('forgets failures an hour after the last one', () => {
    expect(refusedUntil(USER_RULE, { failures: 9, lastFailedAt: at, lockedUntil: undefined }, later(FORGET_AFTER_MS))).toBeUndefined()
  })

  it('keys users case-insensitively, whether or not they exist, and the root user apart', () => {
    expect(throttleKeys('123456789012', 'Bob', '10.0.0.1')).toEqual({ principal: 'user:123456789012:bob', address: 'ip:10.0.0.1' })
    expect(throttleKeys('My-Alias', undefined, '::1')).toEqual({ principal: 'root:my-alias', address: 'ip:::1' })
  })
})
