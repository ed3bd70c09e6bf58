import { randomBytes } from 'node:crypto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ManualClock } from '../../core/clock.js'
import { seededRandom } from '../../core/random.js'
import type { Store } from '../../store/ports/repositories.js'
import type { MfaDeviceRecord, MfaOwner } from '../../store/ports/records.js'
import { openSqliteStore } from '../../store/sql/sqlite.js'
import { aesGcmBox } from '../secrets.js'
import { LOCK_MS } from './attempt-limits.js'
import { newBase32Seed } from './seed.js'
import { timeStepAt, totpCode } from './totp.js'
import { verifyMfaCode } from './verify-code.js'

const ACCOUNT = '111111111111'
const SERIAL = `arn:aws:iam::${ACCOUNT}:mfa/alice`
const ALICE: MfaOwner = { kind: 'user', userId: 'AIDAALICE' }

let store: Store
let clock: ManualClock
const secrets = aesGcmBox(randomBytes(32))
const seed = newBase32Seed(seededRandom(3))
const ctx = () => ({ store, secrets, clock })
const codeNow = (offset = 0) => totpCode(seed, timeStepAt(clock.now()) + offset)
const verify = (code: string, owner: MfaOwner = ALICE, serialNumber = SERIAL) => verifyMfaCode(ctx(), { accountId: ACCOUNT, serialNumber, code, owner })

function device(owner: MfaOwner | undefined, serialNumber = SERIAL, name = 'alice'): MfaDeviceRecord {
  return {
    id: `MFA-${name}`,
    accountId: ACCOUNT,
    name,
    path: '/',
    serialNumber,
    seedCipher: secrets.seal(seed),
    createdAt: clock.now(),
    owner,
    enabledAt: owner ? clock.now() : undefined,
    codes: { lastUsedStep: undefined, driftSteps: 0, failedAttempts: 0, lastFailedAt: undefined, lockedUntil: undefined }
  }
}

beforeEach(async () => {
  clock = new ManualClock(new Date('2026-05-01T12:00:10Z'))
  store = await openSqliteStore({ file: ':memory:' })
  await store.transaction((tx) => tx.mfaDevices.insert(device(ALICE)))
})
afterEach(async () => {
  await store.close()
})

describe('verifyMfaCode', () => {
  it("accepts the current code of the owner's enabled device and records its step", async () => {
    const result = await verify(codeNow())
    expect(result).toMatchObject({ ok: true, device: { serialNumber: SERIAL, codes: { lastUsedStep: timeStepAt(clock.now()) } } })
  })

  it('never accepts a code twice, nor an earlier one, even in the same time step', async () => {
    expect((await verify(codeNow())).ok).toBe(true)
    expect(await verify(codeNow())).toEqual({ ok: false, reason: 'replayed' })
    expect(await verify(codeNow(-1))).toEqual({ ok: false, reason: 'replayed' })
    clock.advance(30_000)
    expect((await verify(codeNow())).ok).toBe(true)
  })

  it('accepts a code one step either side of now, not two', async () => {
    expect((await verify(codeNow(-1))).ok).toBe(true)
    expect((await verify(codeNow(1))).ok).toBe(true)
    expect(await verify(codeNow(2))).toEqual({ ok: false, reason: 'invalid-code' })
  })

  it('refuses unknown devices, devices of another owner, and devices not enabled', async () => {
    await store.transaction(async (tx) => {
      await tx.mfaDevices.insert(device(undefined, `arn:aws:iam::${ACCOUNT}:mfa/spare`, 'spare'))
      await tx.mfaDevices.insert(device({ kind: 'root' }, `arn:aws:iam::${ACCOUNT}:mfa/root`, 'root'))
    })
    expect(await verify(codeNow(), ALICE, `arn:aws:iam::${ACCOUNT}:mfa/nobody`)).toEqual({ ok: false, reason: 'no-such-device' })
    expect(await verifyMfaCode(ctx(), { accountId: '222222222222', serialNumber: SERIAL, code: codeNow(), owner: ALICE })).toEqual({ ok: false, reason: 'no-such-device' })
    expect(await verify(codeNow(), { kind: 'user', userId: 'AIDABOB' })).toEqual({ ok: false, reason: 'not-owner' })
    expect(await verify(codeNow(), { kind: 'root' })).toEqual({ ok: false, reason: 'not-owner' })
    expect(await verify(codeNow(), ALICE, `arn:aws:iam::${ACCOUNT}:mfa/spare`)).toEqual({ ok: false, reason: 'not-owner' })
    expect((await verify(codeNow(), { kind: 'root' }, `arn:aws:iam::${ACCOUNT}:mfa/root`)).ok).toBe(true)
    // Attempts on a device that is not the caller's do not count against it.
    expect((await store.read.mfaDevices.bySerial(ACCOUNT, SERIAL))?.codes.failedAttempts).toBe(0)
  })

  it('counts wrong codes in the store, and backs off after the third', async () => {
    const wrong = wrongCode()
    for (let i = 1; i <= 3; i++) expect(await verify(wrong)).toEqual({ ok: false, reason: 'invalid-code' })
    expect((await store.read.mfaDevices.bySerial(ACCOUNT, SERIAL))?.codes).toMatchObject({ failedAttempts: 3, lastFailedAt: clock.now() })
    // Inside the back-off even the right code is refused unchecked, and the refusal does not count.
    expect(await verify(codeNow())).toEqual({ ok: false, reason: 'locked' })
    expect((await store.read.mfaDevices.bySerial(ACCOUNT, SERIAL))?.codes.failedAttempts).toBe(3)
    clock.advance(5_000)
    expect((await verify(codeNow())).ok).toBe(true)
    expect((await store.read.mfaDevices.bySerial(ACCOUNT, SERIAL))?.codes).toMatchObject({ failedAttempts: 0, lastFailedAt: undefined })
  })

  it('locks the device for 15 minutes after ten wrong codes; a right code then resets it', async () => {
    const wrong = wrongCode()
    for (let i = 1; i <= 10; i++) {
      expect(await verify(wrong)).toEqual({ ok: false, reason: 'invalid-code' })
      clock.advance(320_000) // past the longest back-off
    }
    clock.advance(-320_000)
    const lockedUntil = new Date(clock.now().getTime() + LOCK_MS)
    expect((await store.read.mfaDevices.bySerial(ACCOUNT, SERIAL))?.codes).toMatchObject({ failedAttempts: 10, lockedUntil })
    clock.advance(LOCK_MS - 1_000)
    expect(await verify(codeNow())).toEqual({ ok: false, reason: 'locked' })
    clock.advance(1_000)
    expect((await verify(codeNow())).ok).toBe(true)
    expect((await store.read.mfaDevices.bySerial(ACCOUNT, SERIAL))?.codes).toMatchObject({ failedAttempts: 0, lockedUntil: undefined })
  })

  it('counts a replayed code as a failure', async () => {
    const code = codeNow()
    await verify(code)
    await verify(code)
    expect((await store.read.mfaDevices.bySerial(ACCOUNT, SERIAL))?.codes.failedAttempts).toBe(1)
  })
})

/** A six-digit code that none of the steps near now produce. */
function wrongCode(): string {
  const near = new Set([-3, -2, -1, 0, 1, 2, 3].map((d) => codeNow(d)))
  for (let i = 0; ; i++) {
    const candidate = String(i).padStart(6, '0')
    if (!near.has(candidate)) return candidate
  }
}
