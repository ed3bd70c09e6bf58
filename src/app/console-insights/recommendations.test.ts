import { describe, expect, it } from 'vitest'
import { oldAccessKeys, rootAccessKeys, rootMfa, usersWithoutMfa } from './recommendations.js'

const NOW = new Date('2026-06-01T00:00:00Z')
const daysAgo = (n: number) => new Date(NOW.getTime() - n * 24 * 60 * 60 * 1000)

describe('recommendations', () => {
  it("read the root user's MFA and access keys from GetAccountSummary", () => {
    expect(rootMfa({ AccountMFAEnabled: 1 })).toMatchObject({ id: 'root-mfa', ok: true })
    expect(rootMfa({ AccountMFAEnabled: 0 })).toMatchObject({ id: 'root-mfa', ok: false })
    expect(rootAccessKeys({ AccountAccessKeysPresent: 0 })).toMatchObject({ id: 'root-access-keys', ok: true })
    expect(rootAccessKeys({ AccountAccessKeysPresent: 1 })).toMatchObject({ id: 'root-access-keys', ok: false })
  })

  it('name the users who sign in with a password and have no MFA', () => {
    const users = [
      { userName: 'alice', hasPassword: true, mfaDevices: 0 },
      { userName: 'bob', hasPassword: false, mfaDevices: 0 },
      { userName: 'carol', hasPassword: true, mfaDevices: 1 }
    ]
    expect(usersWithoutMfa(users, false)).toEqual({ id: 'users-without-mfa', ok: false, detail: '1 user with a console password has no MFA: alice.' })
    expect(usersWithoutMfa(users.slice(1), true)).toEqual({
      id: 'users-without-mfa',
      ok: true,
      detail: 'Every IAM user with a console password has MFA (among the first 2 users).'
    })
    const many = Array.from({ length: 12 }, (_, i) => ({ userName: `u${i}`, hasPassword: true, mfaDevices: 0 }))
    expect(usersWithoutMfa(many, false)).toMatchObject({ detail: '12 users with a console password have no MFA: u0, u1, u2, u3, u4, u5, u6, u7, u8, u9 and 2 more.' })
  })

  it('name the active access keys older than 90 days', () => {
    const keys = [
      { userName: 'alice', accessKeyId: 'AKIAOLD', status: 'Active', createDate: daysAgo(120) },
      { userName: 'alice', accessKeyId: 'AKIAOFF', status: 'Inactive', createDate: daysAgo(400) },
      { userName: 'bob', accessKeyId: 'AKIANEW', status: 'Active', createDate: daysAgo(90) }
    ]
    expect(oldAccessKeys(keys, NOW, false, 2)).toEqual({ id: 'old-access-keys', ok: false, detail: '1 active access key is older than 90 days: AKIAOLD of alice (120 days).' })
    expect(oldAccessKeys(keys.slice(1), NOW, false, 2)).toMatchObject({ ok: true, detail: 'No active access key is older than 90 days.' })
  })
})
