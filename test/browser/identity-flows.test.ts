// The identity pages in a real browser against a started server: the root user signs in with
// MFA, creates a group with a policy and a user with the Add users wizard, gives the user an MFA
// device through the console; the user then signs in through MFA and the forced password change
// and meets the access-denied panel where its policy stops it. Each step leaves a screenshot
// under test-artifacts/browser/identity-flows/.

import { readFile } from 'node:fs/promises'
import {
  CreatePolicyCommand,
  CreateVirtualMFADeviceCommand,
  EnableMFADeviceCommand,
  GetLoginProfileCommand,
  GetUserCommand,
  ListAccessKeysCommand,
  ListAttachedGroupPoliciesCommand,
  ListGroupsForUserCommand,
  ListMFADevicesCommand,
  ListUserTagsCommand,
  type IAMClient
} from '@aws-sdk/client-iam'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { codeAt, consecutiveCodes, seedOf } from '../e2e/support/mfa-codes.js'
import { startConsoleHarness, type ConsoleHarness } from './support/console.js'
import { enterMfaCodes, followNav, STEP_TIMEOUT, submitRootSignIn, submitUserSignIn } from './support/console-steps.js'

/** A code for the next 30-second step: the current one was used to enable the device, and replays are refused. */
const nextCode = (seed: string) => codeAt(seed, Date.now() + 30_000)

describe('identity pages in the browser', () => {
  let harness: ConsoleHarness
  let iam: IAMClient
  let page: Page
  let accountId: string
  let rootSeed: string
  const alice = { password: '', accessKeyId: '', seed: '' }

  beforeAll(async () => {
    harness = await startConsoleHarness('identity-flows')
    iam = harness.server.iam()
    accountId = harness.server.root.accountId
    // The root user's MFA device, through the API (the root user names its account ID, docs/iam-behaviour.md §18.4).
    const device = await iam.send(new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: 'root-device' }))
    rootSeed = seedOf(device.VirtualMFADevice?.Base32StringSeed)
    await iam.send(new EnableMFADeviceCommand({ UserName: accountId, SerialNumber: device.VirtualMFADevice?.SerialNumber, ...consecutiveCodes(rootSeed) }))
    const document = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'iam:ListUsers', Resource: '*' }] }
    await iam.send(new CreatePolicyCommand({ PolicyName: 'ListUsersOnly', PolicyDocument: JSON.stringify(document) }))
    page = (await harness.newPage()).page
  }, STEP_TIMEOUT)

  afterAll(async () => {
    await harness?.close()
  })

  it(
    'signs the root user in with an MFA code, after a refused password',
    async () => {
      await page.goto(harness.consoleUrl)
      await submitRootSignIn(page, accountId, 'not-the-password')
      await expect.poll(() => page.getByRole('alert').textContent()).toContain('Your authentication information is incorrect')
      await harness.shot(page, 'root-sign-in-refused')

      await submitRootSignIn(page, accountId, harness.server.root.password)
      await page.getByRole('heading', { name: 'Multi-factor authentication' }).waitFor()
      await page.getByLabel('MFA code').fill(nextCode(rootSeed))
      await harness.shot(page, 'root-mfa-code')
      await page.getByRole('button', { name: 'Submit' }).click()

      await page.getByRole('heading', { name: 'IAM dashboard' }).waitFor()
      await page.getByRole('heading', { name: 'Security recommendations' }).waitFor()
      expect(await page.getByTestId('account-id').textContent()).toBe(accountId)
      expect(await page.getByTestId('identity').textContent()).toContain('MFA')
      await expect.poll(() => page.locator('.rec-ok').first().textContent()).toContain('Root user has MFA')
      await harness.shot(page, 'root-dashboard')
      await page.setViewportSize({ width: 390, height: 844 })
      await harness.shot(page, 'root-dashboard-390px')
      await page.setViewportSize({ width: 1280, height: 800 })
    },
    STEP_TIMEOUT
  )

  it(
    'creates a group with a customer managed policy attached',
    async () => {
      await followNav(page, 'User groups')
      await page.getByRole('link', { name: 'Create group' }).click()
      await page.getByLabel('User group name').fill('readers')
      await page.getByLabel('Search policies').fill('ListUsersOnly')
      await page.getByRole('checkbox', { name: 'ListUsersOnly' }).check()
      await harness.shot(page, 'create-group')
      await page.getByRole('button', { name: 'Create user group' }).click()

      await page.getByRole('heading', { name: 'readers', level: 1 }).waitFor()
      await page.getByRole('tab', { name: 'Permissions' }).click()
      await page.getByRole('button', { name: 'Remove ListUsersOnly' }).waitFor()
      await harness.shot(page, 'group-permissions')
      const attached = await iam.send(new ListAttachedGroupPoliciesCommand({ GroupName: 'readers' }))
      expect(attached.AttachedPolicies?.map((p) => p.PolicyName)).toEqual(['ListUsersOnly'])
    },
    STEP_TIMEOUT
  )

  it(
    'adds a user with the wizard: console password with reset, access key, group, tags',
    async () => {
      await followNav(page, 'Users')
      await page.getByRole('link', { name: 'Add users' }).click()
      await page.getByLabel('User name').fill('alice')
      await page.getByLabel('Programmatic access').check()
      await page.getByLabel('Console access').check()
      expect(await page.getByLabel('Autogenerated password').isChecked()).toBe(true)
      expect(await page.getByLabel('Require password reset').isChecked()).toBe(true)
      await harness.shot(page, 'wizard-details')
      await page.getByRole('button', { name: 'Next: Permissions' }).click()

      await page.getByRole('checkbox', { name: 'readers' }).check()
      await harness.shot(page, 'wizard-permissions')
      await page.getByRole('button', { name: 'Next: Tags' }).click()

      await page.getByRole('button', { name: 'Add new tag' }).click()
      await page.getByLabel('Tag 1 key').fill('team')
      await page.getByLabel('Tag 1 value (optional)').fill('blue')
      await harness.shot(page, 'wizard-tags')
      await page.getByRole('button', { name: 'Next: Review' }).click()
      await page.getByText('readers').waitFor()
      await harness.shot(page, 'wizard-review')
      await page.getByRole('button', { name: 'Create user' }).click()

      await page.getByRole('heading', { name: 'Credentials' }).waitFor()
      await page.getByRole('button', { name: 'Show password of alice' }).click()
      await page.getByRole('button', { name: 'Show secret access key of alice' }).click()
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download .csv' }).click()])
      expect(download.suggestedFilename()).toBe('credentials.csv')
      const csv = (await readFile(await download.path(), 'utf8')).trim().split('\r\n')
      expect(csv[0]).toBe('User name,Password,Access key ID,Secret access key,Console sign-in link')
      const [name, password, accessKeyId, secret, link] = (csv[1] ?? '').split(',')
      expect(name).toBe('alice')
      expect(secret).toMatch(/^[A-Za-z0-9/+]{40}$/)
      expect(link).toBe(`${harness.consoleUrl}/?account=${accountId}`)
      alice.password = password ?? ''
      alice.accessKeyId = accessKeyId ?? ''
      // The password shown on the page is the one in the file.
      expect(await page.getByRole('row', { name: /alice/ }).textContent()).toContain(password)
      await harness.shot(page, 'wizard-results')

      const user = await iam.send(new GetUserCommand({ UserName: 'alice' }))
      expect(user.User?.UserName).toBe('alice')
      const groups = await iam.send(new ListGroupsForUserCommand({ UserName: 'alice' }))
      expect(groups.Groups?.map((g) => g.GroupName)).toEqual(['readers'])
      const tags = await iam.send(new ListUserTagsCommand({ UserName: 'alice' }))
      expect(tags.Tags).toEqual([{ Key: 'team', Value: 'blue' }])
      const keys = await iam.send(new ListAccessKeysCommand({ UserName: 'alice' }))
      expect(keys.AccessKeyMetadata?.map((k) => k.AccessKeyId)).toEqual([accessKeyId])
      const profile = await iam.send(new GetLoginProfileCommand({ UserName: 'alice' }))
      expect(profile.LoginProfile?.PasswordResetRequired).toBe(true)
    },
    STEP_TIMEOUT
  )

  it(
    'assigns a virtual MFA device to the user from the QR code page’s secret key',
    async () => {
      await page.getByRole('link', { name: 'alice' }).click()
      await page.getByRole('heading', { name: 'alice', level: 1 }).waitFor()
      await page.getByRole('tab', { name: 'Security credentials' }).click()
      await page.getByRole('button', { name: 'Assign MFA device' }).click()
      const dialog = page.getByRole('dialog', { name: 'Assign MFA device' })
      expect(await dialog.getByLabel('Device name').inputValue()).toBe('alice')
      await dialog.getByRole('button', { name: 'Next' }).click()

      const qr = dialog.getByRole('img', { name: /QR code/ })
      await qr.waitFor()
      // The PNG really rendered (the page's CSP lets data: images through).
      await expect.poll(() => qr.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true)
      alice.seed = await enterMfaCodes(dialog)
      expect(alice.seed).toMatch(/^[A-Z2-7]+=*$/)
      await harness.shot(page, 'assign-mfa')
      await dialog.getByRole('button', { name: 'Add MFA' }).click()

      await dialog.waitFor({ state: 'detached' })
      await page.getByRole('cell', { name: `arn:aws:iam::${accountId}:mfa/alice`, exact: true }).waitFor()
      await harness.shot(page, 'user-security-credentials')
      const devices = await iam.send(new ListMFADevicesCommand({ UserName: 'alice' }))
      expect(devices.MFADevices?.map((d) => d.SerialNumber)).toEqual([`arn:aws:iam::${accountId}:mfa/alice`])
    },
    STEP_TIMEOUT
  )

  it(
    'signs out',
    async () => {
      await page.getByRole('button', { name: 'Sign out' }).click()
      await page.getByRole('heading', { name: 'Sign in to Portcullis IAM' }).waitFor()
      await harness.shot(page, 'signed-out')
    },
    STEP_TIMEOUT
  )

  it(
    'signs the new user in through MFA and the forced password change',
    async () => {
      await submitUserSignIn(page, accountId, 'alice', alice.password)
      await page.getByRole('heading', { name: 'Multi-factor authentication' }).waitFor()
      await page.getByLabel('MFA code').fill(nextCode(alice.seed))
      await page.getByRole('button', { name: 'Submit' }).click()

      await page.getByRole('heading', { name: 'Choose a new password' }).waitFor()
      await page.getByLabel('New password', { exact: true }).fill('Blue-team-2024!')
      await page.getByLabel('Confirm new password').fill('Blue-team-2024?')
      await page.getByRole('button', { name: 'Confirm password change' }).click()
      await page.getByText('The passwords do not match.').waitFor()
      await harness.shot(page, 'new-password-mismatch')
      await page.getByLabel('Confirm new password').fill('Blue-team-2024!')
      await harness.shot(page, 'new-password')
      await page.getByRole('button', { name: 'Confirm password change' }).click()

      await page.getByRole('heading', { name: 'IAM dashboard' }).waitFor()
      expect(await page.getByTestId('identity').textContent()).toContain('alice')
      await page.getByRole('heading', { name: 'Security recommendations' }).waitFor()
      await harness.shot(page, 'user-dashboard')
    },
    STEP_TIMEOUT
  )

  it(
    'shows the access-denied panel where the user’s policy stops it',
    async () => {
      await followNav(page, 'Users')
      await page.getByRole('link', { name: 'alice' }).waitFor()
      await harness.shot(page, 'user-lists-users')

      await followNav(page, 'User groups')
      const denied = page.getByTestId('access-denied')
      await denied.waitFor()
      expect(await denied.textContent()).toContain('iam:ListGroups')
      await harness.shot(page, 'user-denied-list-groups')

      await page.goto(`${harness.consoleUrl}/groups/readers`)
      await denied.waitFor()
      expect(await denied.getByRole('heading').textContent()).toBe('Access denied')
      expect(await denied.textContent()).toContain('iam:GetGroup')
      await harness.shot(page, 'user-denied-group-page')
    },
    STEP_TIMEOUT
  )
})
