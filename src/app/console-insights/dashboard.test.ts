// The dashboard run against a real store: everything read through IAM's actions as the caller,
// and each part the caller may not read reported with the AccessDenied message.

import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { rootArn } from '../../core/arn.js'
import { ManualClock } from '../../core/clock.js'
import { openDataDir } from '../../main.js'
import type { Store } from '../../store/ports/repositories.js'
import { createAccount } from '../accounts.js'
import { iamActions } from '../actions/index.js'
import { Call, type ActionInput } from '../call.js'
import type { Caller } from '../caller.js'
import type { AppContext } from '../context.js'
import { dashboard } from './dashboard.js'

const ACCOUNT = '123456789012'
const NOW = new Date('2026-06-01T00:00:00Z')
const DAY = 24 * 60 * 60 * 1000

let dir: string
let ctx: AppContext
let store: Store

const facts = (time: Date) => ({ sourceIp: '127.0.0.1', userAgent: 'test', secureTransport: true, region: 'us-east-1', time })
const root = (time = NOW): Caller => ({ accountId: ACCOUNT, kind: 'root', arn: rootArn(ACCOUNT), principalId: ACCOUNT, tags: [], request: facts(time) })
const run = async (caller: Caller, action: string, input: ActionInput) =>
  (await (iamActions[action] as NonNullable<(typeof iamActions)[string]>)(new Call(ctx, caller, 'req'), input)) ?? {}

async function userCaller(name: string, statements: unknown[]): Promise<Caller> {
  const created = (await run(root(), 'CreateUser', { UserName: name })) as { User: { UserId: string; Arn: string } }
  if (statements.length) await run(root(), 'PutUserPolicy', { UserName: name, PolicyName: 'p', PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: statements }) })
  return { accountId: ACCOUNT, kind: 'user', arn: created.User.Arn, principalId: created.User.UserId, userId: created.User.UserId, userName: name, tags: [], request: facts(NOW) }
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'portcullis-dashboard-'))
  ;({ ctx, store } = await openDataDir(dir, 'enforce', new ManualClock(NOW)))
  await createAccount(ctx, ACCOUNT)
  await run(root(), 'CreateAccountAlias', { AccountAlias: 'example-team' })
  await run(root(), 'CreateUser', { UserName: 'alice' })
  await run(root(), 'CreateLoginProfile', { UserName: 'alice', Password: 'Correct-Horse-Battery-9' })
  await run(root(), 'CreateUser', { UserName: 'bob' })
  await run(root(new Date(NOW.getTime() - 120 * DAY)), 'CreateAccessKey', { UserName: 'bob' })
  await run(root(new Date(NOW.getTime() - 10 * DAY)), 'CreateAccessKey', { UserName: 'bob' })
})
afterAll(async () => {
  await ctx.awsManaged.close()
  await store.close()
  rmSync(dir, { recursive: true, force: true })
})

describe('dashboard', () => {
  it('shows the root user the account, its counts and every recommendation', async () => {
    const d = await dashboard(new Call(ctx, root(), 'req'))
    expect(d).toMatchObject({ accountId: ACCOUNT, accountAlias: 'example-team', summary: { Users: 2, UsersQuota: 5000 } })
    const byId = Object.fromEntries(d.recommendations.map((r) => [r.id, r]))
    expect(byId['root-mfa']).toMatchObject({ ok: false })
    // Account creation gave the root user an access key.
    expect(byId['root-access-keys']).toMatchObject({ ok: false })
    expect(byId['users-without-mfa']).toEqual({ id: 'users-without-mfa', ok: false, detail: '1 user with a console password has no MFA: alice.' })
    expect(byId['old-access-keys']).toMatchObject({ id: 'old-access-keys', ok: false })
    expect((byId['old-access-keys'] as { detail: string }).detail).toMatch(/^1 active access key is older than 90 days: AKIA\w+ of bob \(120 days\)\.$/)
  })

  it('reports what the caller may not read with the AccessDenied message, and the rest', async () => {
    const caller = await userCaller('reader', [{ Effect: 'Allow', Action: ['iam:GetAccountSummary', 'iam:ListUsers', 'iam:ListMFADevices'], Resource: '*' }])
    const d = await dashboard(new Call(ctx, caller, 'req'))
    expect(d.accountAlias).toBeUndefined()
    expect(d.summary).toMatchObject({ Users: 3 })
    const byId = Object.fromEntries(d.recommendations.map((r) => [r.id, r]))
    expect(byId['root-mfa']).toMatchObject({ ok: false })
    expect(byId['users-without-mfa']).toEqual({
      id: 'users-without-mfa',
      denied: expect.stringMatching(/^User: arn:aws:iam::123456789012:user\/reader is not authorized to perform: iam:GetLoginProfile /)
    })
    expect(byId['old-access-keys']).toEqual({ id: 'old-access-keys', denied: expect.stringMatching(/is not authorized to perform: iam:ListAccessKeys /) })
  })

  it('answers a caller without permissions with denials only', async () => {
    const caller = await userCaller('nobody', [])
    const d = await dashboard(new Call(ctx, caller, 'req'))
    expect(d.summary).toEqual({ denied: expect.stringMatching(/is not authorized to perform: iam:GetAccountSummary on resource: \*/) })
    expect(d.recommendations.map((r) => ('denied' in r ? [r.id, 'denied'] : [r.id, r.ok]))).toEqual([
      ['root-mfa', 'denied'],
      ['root-access-keys', 'denied'],
      ['users-without-mfa', 'denied'],
      ['old-access-keys', 'denied']
    ])
  })
})
