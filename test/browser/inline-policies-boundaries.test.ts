// Inline policies and permissions boundaries in a real browser, as the root user: an inline
// policy created from the Permissions tab (a broken document refused before it is sent), then
// edited; a role's boundary set from the policy picker, changed and removed, and a user's set.
// Each step is checked through the API. Screenshots under
// test-artifacts/browser/inline-policies-boundaries/.

import {
  CreatePolicyCommand,
  CreateRoleCommand,
  CreateUserCommand,
  GetRoleCommand,
  GetUserCommand,
  GetUserPolicyCommand,
  ListUserPoliciesCommand,
  type IAMClient
} from '@aws-sdk/client-iam'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startConsoleHarness, type ConsoleHarness } from './support/console.js'
import { followNav, signInAsRoot, STEP_TIMEOUT } from './support/console-steps.js'

const READ_OWN = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'iam:GetUser', Resource: 'arn:aws:iam::*:user/${aws:username}' }] }
const READ_AND_LIST = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['iam:GetUser', 'iam:ListUsers'], Resource: '*' }] }

describe('inline policies and permissions boundaries in the browser', () => {
  let harness: ConsoleHarness
  let iam: IAMClient
  let page: Page
  let boundaryArn: string

  beforeAll(async () => {
    harness = await startConsoleHarness('inline-policies-boundaries')
    iam = harness.server.iam()
    const boundary = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'iam:Get*', Resource: '*' }] }
    boundaryArn = (await iam.send(new CreatePolicyCommand({ PolicyName: 'DevBoundary', PolicyDocument: JSON.stringify(boundary) }))).Policy?.Arn ?? ''
    await iam.send(new CreateUserCommand({ UserName: 'carol' }))
    const trust = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }] }
    await iam.send(new CreateRoleCommand({ RoleName: 'builder', AssumeRolePolicyDocument: JSON.stringify(trust) }))
    page = (await harness.newPage()).page
    await signInAsRoot(harness, page)
  }, STEP_TIMEOUT)

  afterAll(async () => {
    await harness?.close()
  })

  it(
    'creates an inline policy for a user, refusing a broken document, then edits it',
    async () => {
      await followNav(page, 'Users')
      await page.getByRole('link', { name: 'carol' }).click()
      await page.getByRole('heading', { name: 'carol', level: 1 }).waitFor()
      await page.getByRole('button', { name: 'Create inline policy' }).click()
      const dialog = page.getByRole('dialog', { name: 'Create inline policy for carol' })
      await dialog.getByLabel('Policy name').fill('read-own')
      await dialog.getByRole('tab', { name: 'JSON' }).click()
      const editor = dialog.getByLabel('Policy document (JSON)')
      await editor.fill(JSON.stringify(READ_OWN, null, 2).replace('iam:GetUser', 'iamGetUser'))
      await dialog.getByRole('button', { name: /^Line 6, column \d+: Actions\/Conditions must be prefaced by a vendor/ }).waitFor()
      expect(await dialog.getByRole('button', { name: 'Create policy' }).isDisabled()).toBe(true)
      await harness.shot(page, 'inline-policy-dialog-error')
      await editor.fill(JSON.stringify(READ_OWN, null, 2))
      await dialog.getByText('The policy is valid.').waitFor()
      await dialog.getByRole('button', { name: 'Create policy' }).click()
      await page.getByRole('button', { name: 'Edit read-own' }).waitFor()
      await harness.shot(page, 'user-inline-policy')
      const created = await iam.send(new GetUserPolicyCommand({ UserName: 'carol', PolicyName: 'read-own' }))
      expect(JSON.parse(decodeURIComponent(created.PolicyDocument ?? ''))).toEqual(READ_OWN)

      await page.getByRole('button', { name: 'Edit read-own' }).click()
      const edit = page.getByRole('dialog', { name: 'Edit read-own' })
      const editEditor = edit.getByLabel('Policy document (JSON)')
      expect(JSON.parse(await editEditor.inputValue())).toEqual(READ_OWN)
      await editEditor.fill(JSON.stringify(READ_AND_LIST, null, 2))
      await edit.getByText('The policy is valid.').waitFor()
      await edit.getByRole('button', { name: 'Save changes' }).click()
      await edit.waitFor({ state: 'detached' })
      const edited = await iam.send(new GetUserPolicyCommand({ UserName: 'carol', PolicyName: 'read-own' }))
      expect(JSON.parse(decodeURIComponent(edited.PolicyDocument ?? ''))).toEqual(READ_AND_LIST)
      expect((await iam.send(new ListUserPoliciesCommand({ UserName: 'carol' }))).PolicyNames).toEqual(['read-own'])
    },
    STEP_TIMEOUT
  )

  it(
    'sets a user’s permissions boundary from the policy picker',
    async () => {
      await page.getByRole('button', { name: 'Set boundary' }).click()
      const dialog = page.getByRole('dialog', { name: 'Set permissions boundary for carol' })
      await dialog.getByLabel('Search policies').fill('DevBoundary')
      await dialog.getByRole('radio', { name: 'DevBoundary' }).check()
      await dialog.getByRole('button', { name: 'Set boundary' }).click()
      await page.getByRole('button', { name: 'Change boundary' }).waitFor()
      expect((await iam.send(new GetUserCommand({ UserName: 'carol' }))).User?.PermissionsBoundary?.PermissionsBoundaryArn).toBe(boundaryArn)
    },
    STEP_TIMEOUT
  )

  it(
    'sets, changes and removes a role’s permissions boundary',
    async () => {
      await followNav(page, 'Roles')
      await page.getByRole('link', { name: 'builder' }).click()
      await page.getByRole('heading', { name: 'builder', level: 1 }).waitFor()
      await page.getByText('No permissions boundary is set.').waitFor()
      await page.getByRole('button', { name: 'Set boundary' }).click()
      let dialog = page.getByRole('dialog', { name: 'Set permissions boundary for builder' })
      await dialog.getByLabel('Search policies').fill('DevBoundary')
      await dialog.getByRole('radio', { name: 'DevBoundary' }).check()
      await dialog.getByRole('button', { name: 'Set boundary' }).click()
      await page.getByRole('link', { name: 'DevBoundary' }).waitFor()
      await harness.shot(page, 'role-boundary')
      const boundaryOf = async () => (await iam.send(new GetRoleCommand({ RoleName: 'builder' }))).Role?.PermissionsBoundary?.PermissionsBoundaryArn
      expect(await boundaryOf()).toBe(boundaryArn)

      await page.getByRole('button', { name: 'Change boundary' }).click()
      dialog = page.getByRole('dialog', { name: 'Set permissions boundary for builder' })
      await dialog.getByLabel('Search policies').fill('ReadOnlyAccess')
      await dialog.getByRole('radio', { name: 'ReadOnlyAccess', exact: true }).check()
      await dialog.getByRole('button', { name: 'Set boundary' }).click()
      await page.getByRole('link', { name: 'ReadOnlyAccess', exact: true }).waitFor()
      expect(await boundaryOf()).toBe('arn:aws:iam::aws:policy/ReadOnlyAccess')

      await page.getByRole('button', { name: 'Remove boundary' }).click()
      await page.getByText('No permissions boundary is set.').waitFor()
      expect(await boundaryOf()).toBeUndefined()
    },
    STEP_TIMEOUT
  )
})
