// The identity pages' management screens in a real browser, as the root user (no MFA yet):
// account settings (password policy with every field, account alias), a user's tabs
// (permissions, groups, tags, console password, access keys), keyboard tabs, the root user's
// own MFA device from "My security credentials", and deleting a user with everything it has.
// Screenshots under test-artifacts/browser/identity-management/.

import {
  AttachGroupPolicyCommand,
  CreateGroupCommand,
  CreatePolicyCommand,
  CreateUserCommand,
  GetAccountPasswordPolicyCommand,
  GetLoginProfileCommand,
  GetUserCommand,
  ListAccessKeysCommand,
  ListAccountAliasesCommand,
  ListAttachedUserPoliciesCommand,
  ListGroupsForUserCommand,
  ListMFADevicesCommand,
  ListUserTagsCommand,
  type IAMClient
} from '@aws-sdk/client-iam'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startConsoleHarness, type ConsoleHarness } from './support/console.js'
import { enterMfaCodes, followNav, signInAsRoot, STEP_TIMEOUT } from './support/console-steps.js'

describe('identity management pages in the browser', () => {
  let harness: ConsoleHarness
  let iam: IAMClient
  let page: Page
  let accountId: string
  let policyArn: string

  beforeAll(async () => {
    harness = await startConsoleHarness('identity-management')
    iam = harness.server.iam()
    accountId = harness.server.root.accountId
    const document = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'iam:ListUsers', Resource: '*' }] }
    policyArn = (await iam.send(new CreatePolicyCommand({ PolicyName: 'ListUsersOnly', PolicyDocument: JSON.stringify(document) }))).Policy?.Arn ?? ''
    await iam.send(new CreateUserCommand({ UserName: 'bob' }))
    await iam.send(new CreateGroupCommand({ GroupName: 'auditors' }))
    await iam.send(new AttachGroupPolicyCommand({ GroupName: 'auditors', PolicyArn: policyArn }))
    page = (await harness.newPage()).page
    await signInAsRoot(harness, page)
    await page.getByRole('heading', { name: 'IAM dashboard' }).waitFor()
  }, STEP_TIMEOUT)

  afterAll(async () => {
    await harness?.close()
  })

  it(
    'sets a custom password policy with every field, then an account alias',
    async () => {
      await followNav(page, 'Account settings')
      expect(await page.getByTestId('password-policy-kind').textContent()).toContain('IAM default')
      await page.getByRole('button', { name: 'Edit', exact: true }).click()
      await page.getByLabel('Custom').check()
      await page.getByLabel('Minimum password length').fill('12')
      await page.getByLabel(/uppercase letter/).check()
      await page.getByLabel('Require at least one number').check()
      await page.getByLabel(/non-alphanumeric/).check()
      await page.getByLabel('Turn on password expiration').check()
      await page.getByLabel('Expire passwords in (days)').fill('90')
      await page.getByLabel('Password expiration requires administrator reset').check()
      await page.getByLabel('Allow users to change their own password').check()
      await page.getByLabel('Prevent password reuse').check()
      await page.getByLabel('Remember previous passwords').fill('5')
      await harness.shot(page, 'password-policy-form')
      await page.getByRole('button', { name: 'Save changes' }).click()
      await page.getByText('This account uses a custom password policy').waitFor()
      const { PasswordPolicy: policy } = await iam.send(new GetAccountPasswordPolicyCommand({}))
      expect(policy).toMatchObject({
        MinimumPasswordLength: 12,
        RequireUppercaseCharacters: true,
        RequireLowercaseCharacters: false,
        RequireNumbers: true,
        RequireSymbols: true,
        MaxPasswordAge: 90,
        HardExpiry: true,
        AllowUsersToChangePassword: true,
        PasswordReusePrevention: 5
      })

      await page.getByRole('button', { name: 'Create alias' }).click()
      await page.getByRole('textbox', { name: 'Account alias' }).fill('example-corp')
      await page.getByRole('button', { name: 'Save changes' }).click()
      await expect.poll(() => page.getByTestId('identity').textContent()).toContain('example-corp')
      await expect.poll(() => page.getByTestId('account-alias').textContent()).toBe('example-corp')
      expect((await iam.send(new ListAccountAliasesCommand({}))).AccountAliases).toEqual(['example-corp'])
      await harness.shot(page, 'account-settings')
    },
    STEP_TIMEOUT
  )

  it(
    'manages a user’s permissions, groups and tags; tabs answer the arrow keys',
    async () => {
      await followNav(page, 'Users')
      await page.getByLabel('Search users').fill('bo')
      await page.getByRole('link', { name: 'bob' }).click()
      await page.getByRole('heading', { name: 'bob', level: 1 }).waitFor()

      await page.getByRole('button', { name: 'Add permissions' }).click()
      const attach = page.getByRole('dialog', { name: 'Add permissions to bob' })
      await attach.getByLabel('Search policies').fill('ListUsersOnly')
      await attach.getByRole('checkbox', { name: 'ListUsersOnly' }).check()
      await attach.getByRole('button', { name: 'Add permissions' }).click()
      await page.getByRole('button', { name: 'Remove ListUsersOnly' }).waitFor()
      await harness.shot(page, 'user-permissions')
      expect((await iam.send(new ListAttachedUserPoliciesCommand({ UserName: 'bob' }))).AttachedPolicies?.map((p) => p.PolicyArn)).toEqual([policyArn])

      // Keyboard: from the selected tab, ArrowRight selects the next one.
      await page.getByRole('tab', { name: 'Permissions' }).focus()
      await page.keyboard.press('ArrowRight')
      expect(await page.getByRole('tab', { name: 'Groups' }).getAttribute('aria-selected')).toBe('true')
      await page.getByRole('button', { name: 'Add user to groups' }).click()
      const groups = page.getByRole('dialog', { name: 'Add bob to groups' })
      await groups.getByRole('checkbox', { name: 'auditors' }).check()
      await groups.getByRole('button', { name: 'Add to groups' }).click()
      await page.getByRole('link', { name: 'auditors' }).waitFor()
      expect((await iam.send(new ListGroupsForUserCommand({ UserName: 'bob' }))).Groups?.map((g) => g.GroupName)).toEqual(['auditors'])

      await page.getByRole('tab', { name: 'Tags' }).click()
      await page.getByRole('button', { name: 'Manage tags' }).click()
      await page.getByRole('button', { name: 'Add new tag' }).click()
      await page.getByLabel('Tag 1 key').fill('cost-center')
      await page.getByLabel('Tag 1 value (optional)').fill('42')
      await page.getByRole('button', { name: 'Save changes' }).click()
      await page.getByText('Tags saved.').waitFor()
      await harness.shot(page, 'user-tags')
      expect((await iam.send(new ListUserTagsCommand({ UserName: 'bob' }))).Tags).toEqual([{ Key: 'cost-center', Value: '42' }])
      await page.setViewportSize({ width: 390, height: 844 })
      await harness.shot(page, 'user-tags-390px')
      await page.setViewportSize({ width: 1280, height: 800 })
    },
    STEP_TIMEOUT
  )

  it(
    'enables console access and manages an access key (shown once, deactivated)',
    async () => {
      await page.getByRole('tab', { name: 'Security credentials' }).click()
      expect(await page.getByTestId('console-access').textContent()).toBe('Disabled')
      await page.getByRole('button', { name: 'Enable console access' }).click()
      const access = page.getByRole('dialog', { name: 'Enable console access' })
      await access.getByRole('button', { name: 'Apply' }).click()
      const done = page.getByRole('dialog', { name: 'Console access updated' })
      await done.getByRole('button', { name: 'Show console password of bob' }).click()
      // The autogenerated password meets the custom policy set above (12+ characters, symbols, numbers, uppercase).
      expect(((await done.locator('code').textContent()) ?? '').length).toBeGreaterThanOrEqual(20)
      await harness.shot(page, 'console-password-created')
      await done.getByRole('button', { name: 'Close' }).click()
      await expect.poll(() => page.getByTestId('console-access').textContent()).toBe('Enabled')
      expect((await iam.send(new GetLoginProfileCommand({ UserName: 'bob' }))).LoginProfile?.PasswordResetRequired).toBe(true)

      await page.getByRole('button', { name: 'Create access key' }).click()
      const created = page.getByRole('dialog', { name: 'Retrieve access key' })
      const keyId = (await created.getByTestId('new-access-key-id').textContent()) ?? ''
      expect(keyId).toMatch(/^AKIA/)
      await created.getByRole('button', { name: 'Show secret access key' }).click()
      await harness.shot(page, 'access-key-created')
      await created.getByRole('button', { name: 'Done' }).click()
      await page.getByRole('button', { name: `Deactivate ${keyId}` }).click()
      await page.getByRole('button', { name: `Activate ${keyId}` }).waitFor()
      await harness.shot(page, 'access-key-inactive')
      const keys = await iam.send(new ListAccessKeysCommand({ UserName: 'bob' }))
      expect(keys.AccessKeyMetadata?.map((k) => [k.AccessKeyId, k.Status])).toEqual([[keyId, 'Inactive']])

      await page.getByRole('button', { name: `Delete ${keyId}` }).click()
      const confirm = page.getByRole('dialog', { name: 'Delete access key?' })
      await confirm.getByRole('textbox').fill(keyId)
      await confirm.getByRole('button', { name: 'Delete' }).click()
      await page.getByText('No access keys.').waitFor()
      expect((await iam.send(new ListAccessKeysCommand({ UserName: 'bob' }))).AccessKeyMetadata).toEqual([])
    },
    STEP_TIMEOUT
  )

  it(
    'adds two users at once with a custom password, copying the first user’s permissions',
    async () => {
      await followNav(page, 'Users')
      await page.getByRole('link', { name: 'Add users' }).click()
      await page.getByLabel('User name').fill('carol')
      await page.getByRole('button', { name: 'Add another user' }).click()
      await page.getByRole('textbox', { name: 'User name 2' }).fill('dave')
      await page.getByLabel('Console access').check()
      await page.getByLabel('Custom password').check()
      await page.getByLabel('Password', { exact: true }).fill('Correct-Horse-42!')
      await page.getByLabel('Require password reset').uncheck()
      await page.getByRole('button', { name: 'Next: Permissions' }).click()
      await page.getByLabel('Copy permissions from existing user').check()
      await page.getByRole('radio', { name: 'bob' }).check()
      await page.getByRole('button', { name: 'Next: Tags' }).click()
      await page.getByRole('button', { name: 'Next: Review' }).click()
      await page.getByText('ListUsersOnly').waitFor()
      await harness.shot(page, 'wizard-copy-review')
      await page.getByRole('button', { name: 'Create users' }).click()
      await page.getByText('Created 2 users.').waitFor()
      await harness.shot(page, 'wizard-copy-results')
      for (const name of ['carol', 'dave']) {
        expect((await iam.send(new ListGroupsForUserCommand({ UserName: name }))).Groups?.map((g) => g.GroupName)).toEqual(['auditors'])
        expect((await iam.send(new ListAttachedUserPoliciesCommand({ UserName: name }))).AttachedPolicies?.map((p) => p.PolicyArn)).toEqual([policyArn])
        expect((await iam.send(new GetLoginProfileCommand({ UserName: name }))).LoginProfile?.PasswordResetRequired).toBe(false)
      }
      await page.goto(`${harness.consoleUrl}/users/bob?tab=security`)
      await page.getByRole('heading', { name: 'bob', level: 1 }).waitFor()
    },
    STEP_TIMEOUT
  )

  it(
    'deletes the user with its password, key, group membership and policies',
    async () => {
      await page.getByRole('button', { name: 'Delete user' }).click()
      const dialog = page.getByRole('dialog', { name: 'Delete bob?' })
      expect(await dialog.getByRole('button', { name: 'Delete' }).isDisabled()).toBe(true)
      await dialog.getByLabel('To confirm, type “bob”').fill('bob')
      await harness.shot(page, 'delete-user')
      await dialog.getByRole('button', { name: 'Delete' }).click()
      await page.getByRole('heading', { name: /^Users/, level: 1 }).waitFor()
      await expect(iam.send(new GetUserCommand({ UserName: 'bob' }))).rejects.toMatchObject({ name: 'NoSuchEntityException' })
    },
    STEP_TIMEOUT
  )

  it(
    'deletes a group that has members and a policy',
    async () => {
      await followNav(page, 'User groups')
      await page.getByRole('link', { name: 'auditors' }).click()
      await page.getByRole('link', { name: 'carol' }).waitFor()
      await harness.shot(page, 'group-users')
      await page.getByRole('button', { name: 'Delete group' }).click()
      const dialog = page.getByRole('dialog', { name: 'Delete auditors?' })
      await dialog.getByRole('textbox').fill('auditors')
      await dialog.getByRole('button', { name: 'Delete' }).click()
      await page.getByText('No groups yet.').waitFor()
      expect((await iam.send(new ListGroupsForUserCommand({ UserName: 'carol' }))).Groups).toEqual([])
    },
    STEP_TIMEOUT
  )

  it(
    'gives the root user an MFA device from My security credentials',
    async () => {
      await followNav(page, 'Dashboard')
      await page.getByRole('link', { name: 'Add MFA' }).click()
      await page.getByRole('heading', { name: 'My security credentials' }).waitFor()
      await page.getByRole('button', { name: 'Assign MFA device' }).click()
      const dialog = page.getByRole('dialog', { name: 'Assign MFA device' })
      await dialog.getByRole('button', { name: 'Next' }).click()
      await enterMfaCodes(dialog)
      await dialog.getByRole('button', { name: 'Add MFA' }).click()
      await dialog.waitFor({ state: 'detached' })
      const serial = `arn:aws:iam::${accountId}:mfa/root-account-mfa-device`
      await page.getByRole('cell', { name: serial, exact: true }).waitFor()
      await harness.shot(page, 'root-security-credentials')
      expect((await iam.send(new ListMFADevicesCommand({}))).MFADevices?.map((d) => d.SerialNumber)).toEqual([serial])

      // Remove deactivates and deletes the device.
      await page.getByRole('button', { name: `Remove MFA device ${serial}` }).click()
      const confirm = page.getByRole('dialog', { name: 'Remove MFA device?' })
      await confirm.getByRole('textbox').fill('root-account-mfa-device')
      await confirm.getByRole('button', { name: 'Remove' }).click()
      await page.getByTestId('mfa-none').waitFor()
      expect((await iam.send(new ListMFADevicesCommand({}))).MFADevices).toEqual([])
    },
    STEP_TIMEOUT
  )
})
