// The console's access pages in a real browser against a started server: the create-role wizard
// (a role another account may assume with an external ID), the policy JSON editor marking an
// error at its line and column, a policy's summary and versions, the policy simulator with the
// deciding statement highlighted, and switching role as an IAM user. Each step is screenshotted
// (test-artifacts/browser/access-flows/). The console must be built first (npm run build).

import { existsSync } from 'node:fs'
import { join } from 'node:path'
import {
  AttachRolePolicyCommand,
  CreateLoginProfileCommand,
  CreateRoleCommand,
  CreateUserCommand,
  GetPolicyCommand,
  GetRoleCommand,
  ListAttachedRolePoliciesCommand,
  ListPoliciesCommand,
  ListPolicyVersionsCommand,
  PutRolePolicyCommand,
  PutUserPolicyCommand
} from '@aws-sdk/client-iam'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startConsoleHarness, type ConsoleHarness } from './support/console.js'
import { followNav, signInAsRoot, signInAsUser } from './support/console-steps.js'

let h: ConsoleHarness
let page: Page
const PARTNER = '111122223333'

beforeAll(async () => {
  if (!existsSync(join(process.cwd(), 'dist', 'console', 'index.html'))) throw new Error('Build the console first: npm run build')
  h = await startConsoleHarness('access-flows')
  page = (await h.newPage()).page
  await signInAsRoot(h, page)
}, 60_000)
afterAll(async () => {
  await h?.close()
})

describe('roles', () => {
  it('creates a role another account may assume with an external ID, through the wizard', async () => {
    await followNav(page, 'Roles')
    await page.getByRole('heading', { level: 1, name: 'Roles' }).waitFor()
    await page.getByRole('link', { name: 'Create role' }).click()
    await page.getByLabel('AWS account', { exact: true }).check()
    await page.getByLabel('Another AWS account').check()
    await page.getByLabel('Account ID', { exact: true }).fill(PARTNER)
    await page.getByLabel('Require external ID').check()
    await page.getByLabel('External ID', { exact: true }).fill('partner-7f3a')
    await h.shot(page, 'role-wizard-trusted-entity')
    await page.getByRole('button', { name: 'Next' }).click()

    await page.getByLabel('Search policies').fill('IAMReadOnlyAccess')
    await page.getByLabel('IAMReadOnlyAccess', { exact: true }).check()
    await h.shot(page, 'role-wizard-permissions')
    await page.getByRole('button', { name: 'Next' }).click()

    await page.getByLabel('Role name').fill('partner-audit')
    await page.getByLabel('Description (optional)').fill('Read-only audit by our partner')
    await page.getByLabel('Maximum session duration').selectOption('2')
    await page.getByRole('button', { name: 'Add new tag' }).click()
    await page.getByLabel('Tag 1 key').fill('team')
    await page.getByLabel('Tag 1 value (optional)').fill('security')
    await page.getByRole('button', { name: 'Next' }).click()

    const trust = page.getByLabel('Trust policy (JSON)')
    await expect.poll(() => trust.inputValue()).toContain('sts:ExternalId')
    await h.shot(page, 'role-wizard-review')
    await page.getByRole('button', { name: 'Create role' }).click()
    await page.getByRole('heading', { level: 1, name: 'partner-audit' }).waitFor()
    await page.getByText('IAMReadOnlyAccess').first().waitFor()
    await h.shot(page, 'role-detail')

    const { Role } = await h.server.iam().send(new GetRoleCommand({ RoleName: 'partner-audit' }))
    expect(JSON.parse(decodeURIComponent(Role?.AssumeRolePolicyDocument ?? ''))).toEqual({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { AWS: `arn:aws:iam::${PARTNER}:root` },
          Action: 'sts:AssumeRole',
          Condition: { StringEquals: { 'sts:ExternalId': 'partner-7f3a' } }
        }
      ]
    })
    expect(Role?.MaxSessionDuration).toBe(7200)
    expect(Role?.Tags).toEqual([{ Key: 'team', Value: 'security' }])
    const attached = await h.server.iam().send(new ListAttachedRolePoliciesCommand({ RoleName: 'partner-audit' }))
    expect(attached.AttachedPolicies?.map((p) => p.PolicyName)).toEqual(['IAMReadOnlyAccess'])

    await page.getByRole('tab', { name: 'Trust relationships' }).click()
    await expect.poll(() => page.getByLabel('Trust policy (JSON)').inputValue()).toContain(PARTNER)
    await h.shot(page, 'role-trust-relationships')
  }, 60_000)

  it('opens a role named "create" from the list, not the Create role wizard', async () => {
    const trust = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }] }
    await h.server.iam().send(new CreateRoleCommand({ RoleName: 'create', AssumeRolePolicyDocument: JSON.stringify(trust) }))
    await followNav(page, 'Roles')
    await page.getByRole('link', { name: 'create', exact: true }).click()
    await page.getByRole('heading', { level: 1, name: 'create', exact: true }).waitFor()
    expect(new URL(page.url()).pathname).toBe('/console/roles/%63reate')
  }, 60_000)
})

// Line 6 names an action without its service prefix: IAM refuses it there.
const BROKEN = `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "ReadReports",
      "Action": ["s3GetObject"],
      "Effect": "Allow",
      "Resource": "arn:aws:s3:::reports/*"
    }
  ]
}`

describe('policies', () => {
  let arn = ''

  it('marks a JSON error at its line and column, then creates the fixed policy', async () => {
    await followNav(page, 'Policies')
    await page.getByRole('link', { name: 'Create policy' }).click()
    await page.getByRole('tab', { name: 'JSON' }).click()
    const editor = page.getByLabel('Policy document (JSON)')
    await editor.fill(BROKEN)
    const error = page.getByRole('button', { name: /^Line 6, column \d+: Actions\/Conditions must be prefaced by a vendor/ })
    await error.waitFor()
    await expect.poll(() => page.locator('.access-editor-gutter .is-error').allTextContents()).toEqual(['6'])
    await expect.poll(() => page.locator('.access-editor-squiggle').allTextContents()).toEqual(['"s3GetObject"'])
    await expect.poll(() => editor.getAttribute('aria-invalid')).toBe('true')
    await h.shot(page, 'policy-json-error-marked')

    // Choosing the error puts the caret on it.
    const column = Number(/column (\d+)/.exec((await error.textContent()) ?? '')?.[1])
    await error.click()
    const caret = await editor.evaluate((el) => (el as HTMLTextAreaElement).selectionStart)
    const lineStart = BROKEN.split('\n').slice(0, 5).join('\n').length + 1
    expect(caret).toBe(lineStart + column - 1)
    expect(BROKEN.slice(caret, caret + 13)).toBe('"s3GetObject"')

    await editor.fill(BROKEN.replace('s3GetObject', 's3:GetObject'))
    await page.getByText('The policy is valid.').waitFor()
    await expect.poll(() => page.locator('.access-editor-gutter .is-error').count()).toBe(0)
    // The editor's tabs work from the keyboard: the arrow key selects the Visual tab.
    await page.getByRole('tab', { name: 'JSON' }).press('ArrowLeft')
    await expect.poll(() => page.getByRole('tab', { name: 'Visual' }).getAttribute('aria-selected')).toBe('true')
    await expect.poll(() => page.getByLabel('Service', { exact: true }).inputValue()).toBe('s3')
    await expect.poll(() => page.getByLabel('GetObject', { exact: true }).isChecked()).toBe(true)
    await h.shot(page, 'policy-visual-editor')
    await page.getByRole('tab', { name: 'JSON' }).click()
    await page.getByRole('button', { name: 'Next' }).click()
    await page.getByLabel('Policy name').fill('reports-read')
    await page.getByLabel('Description (optional)').fill('Reads the reports bucket')
    await page.getByRole('row', { name: /S3/ }).first().waitFor()
    await h.shot(page, 'policy-review')
    await page.getByRole('button', { name: 'Create policy' }).click()
    await page.getByRole('heading', { level: 1, name: 'reports-read' }).waitFor()

    const listed = await h.server.iam().send(new ListPoliciesCommand({ Scope: 'Local' }))
    arn = listed.Policies?.find((p) => p.PolicyName === 'reports-read')?.Arn ?? ''
    expect(arn).toMatch(/:policy\/reports-read$/)
  }, 60_000)

  it("shows the policy's summary by service and access level, and manages its versions", async () => {
    const summary = page.getByRole('table').filter({ has: page.getByRole('columnheader', { name: 'Access level' }) })
    await expect.poll(() => summary.getByRole('row', { name: /S3/ }).textContent()).toMatch(/Allow.*Limited: Read.*reports/)
    await h.shot(page, 'policy-summary')

    await page.getByRole('link', { name: 'Edit', exact: true }).click()
    const editor = page.getByLabel('Policy document (JSON)')
    await expect.poll(() => editor.inputValue()).toContain('s3:GetObject')
    await editor.fill((await editor.inputValue()).replace('"s3:GetObject"', '"s3:GetObject", "s3:ListBucket"'))
    await page.getByText('The policy is valid.').waitFor()
    await page.getByRole('button', { name: 'Save changes' }).click()
    await page.getByRole('heading', { level: 1, name: 'reports-read' }).waitFor()
    await page.getByRole('tab', { name: 'Policy versions' }).click()
    await page.getByRole('cell', { name: 'v2 (default)' }).waitFor()
    await page.getByRole('button', { name: 'View v1' }).click()
    await expect.poll(() => page.getByLabel('Policy document of v1').inputValue()).not.toContain('ListBucket')
    await h.shot(page, 'policy-versions')

    await page.getByRole('button', { name: 'Set v1 as default' }).click()
    await page.getByRole('cell', { name: 'v1 (default)' }).waitFor()
    const policy = await h.server.iam().send(new GetPolicyCommand({ PolicyArn: arn }))
    expect(policy.Policy?.DefaultVersionId).toBe('v1')
    await page.getByRole('button', { name: 'Delete v2' }).click()
    await expect.poll(() => page.getByRole('button', { name: /^View v/ }).count()).toBe(1)
    const versions = await h.server.iam().send(new ListPolicyVersionsCommand({ PolicyArn: arn }))
    expect(versions.Versions?.map((v) => v.VersionId)).toEqual(['v1'])
    await h.shot(page, 'policy-versions-after-delete')
  }, 60_000)
})

const SIMULATED = `{
  "Version": "2012-10-17",
  "Statement": [
    { "Sid": "ReadObjects", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*" },
    { "Sid": "NeverDelete", "Effect": "Deny", "Action": "s3:DeleteObject", "Resource": "*" }
  ]
}`

describe('policy simulator', () => {
  it('simulates a pasted policy and highlights the deciding statement', async () => {
    await followNav(page, 'Policy simulator')
    await page.getByLabel('Policy 1 (JSON)').fill(SIMULATED)
    await page.getByLabel('Actions to simulate (one per line)').fill('s3:GetObject\ns3:PutObject\ns3:DeleteObject')
    await page.getByRole('button', { name: 'Run simulation' }).click()
    const results = page.getByRole('table').filter({ has: page.getByRole('columnheader', { name: 'Decision' }) })
    await expect
      .poll(() => results.getByRole('row').allTextContents())
      .toEqual([
        expect.stringContaining('Decision'),
        expect.stringMatching(/s3:GetObject.*Allowed/),
        expect.stringMatching(/s3:PutObject.*Implicit deny/),
        expect.stringMatching(/s3:DeleteObject.*Explicit deny/)
      ])
    const view = page.locator('.access-editor-wrap').filter({ hasText: 'deciding statement highlighted' })
    await expect.poll(() => view.locator('mark').allTextContents()).toEqual([expect.stringContaining('"ReadObjects"')])
    await expect.poll(() => view.locator('.access-editor-gutter .is-highlight').allTextContents()).toEqual(['4'])
    await h.shot(page, 'simulator-allowed-highlighted')

    await page.getByRole('button', { name: 'Show statement for s3:DeleteObject' }).click()
    await expect.poll(() => view.locator('mark').allTextContents()).toEqual([expect.stringContaining('"NeverDelete"')])
    await h.shot(page, 'simulator-explicit-deny-highlighted')
  }, 60_000)

  it("simulates a user's own policies and highlights the statement in the user's policy", async () => {
    const inline = { Version: '2012-10-17', Statement: [{ Sid: 'ReadTables', Effect: 'Allow', Action: 'dynamodb:GetItem', Resource: '*' }] }
    await h.server.iam().send(new CreateUserCommand({ UserName: 'analyst' }))
    await h.server.iam().send(new PutUserPolicyCommand({ UserName: 'analyst', PolicyName: 'tables', PolicyDocument: JSON.stringify(inline, null, 2) }))
    await page.reload()
    await page.getByLabel('A user, group or role’s policies').check()
    await page.getByLabel('User', { exact: true }).selectOption({ label: 'analyst' })
    await page.getByLabel('Service', { exact: true }).selectOption('dynamodb')
    await page.getByLabel('Action', { exact: true }).selectOption('GetItem')
    await page.getByRole('button', { name: 'Add action' }).click()
    await page.getByLabel('Action', { exact: true }).selectOption('PutItem')
    await page.getByRole('button', { name: 'Add action' }).click()
    await expect.poll(() => page.getByLabel('Actions to simulate (one per line)').inputValue()).toBe('dynamodb:GetItem\ndynamodb:PutItem')
    await page.getByRole('button', { name: 'Run simulation' }).click()
    await page.getByText('1 of 2 allowed.').waitFor()
    const view = page.locator('.access-editor-wrap').filter({ hasText: 'tables (inline policy of user analyst) (deciding statement highlighted)' })
    // The statement spans lines 4 to 9: one mark per line, from its `{` to its `}`.
    await expect
      .poll(async () => (await view.locator('mark').allTextContents()).map((t) => t.trim()))
      .toEqual(['{', '"Sid": "ReadTables",', '"Effect": "Allow",', '"Action": "dynamodb:GetItem",', '"Resource": "*"', '}'])
    await h.shot(page, 'simulator-principal-highlighted')
  }, 60_000)
})

describe('switch role', () => {
  it('lets an IAM user switch into a role of the account, and back', async () => {
    const iam = h.server.iam()
    const account = h.server.root.accountId
    await iam.send(new CreateUserCommand({ UserName: 'switcher' }))
    await iam.send(new CreateLoginProfileCommand({ UserName: 'switcher', Password: 'Switch-Role-Pa55!', PasswordResetRequired: false }))
    const mayAssume = { Effect: 'Allow', Action: 'sts:AssumeRole', Resource: `arn:aws:iam::${account}:role/ops-reader` }
    const mayRead = { Effect: 'Allow', Action: ['iam:GetRole', 'iam:ListRoles', 'iam:ListAttachedRolePolicies', 'iam:ListRolePolicies'], Resource: '*' }
    await iam.send(
      new PutUserPolicyCommand({ UserName: 'switcher', PolicyName: 'switch', PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [mayAssume, mayRead] }) })
    )
    const trust = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${account}:root` }, Action: 'sts:AssumeRole' }] }
    await iam.send(new CreateRoleCommand({ RoleName: 'ops-reader', AssumeRolePolicyDocument: JSON.stringify(trust) }))
    await iam.send(new PutRolePolicyCommand({ RoleName: 'ops-reader', PolicyName: 'roles-only', PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [mayRead] }) }))
    await iam.send(new AttachRolePolicyCommand({ RoleName: 'ops-reader', PolicyArn: 'arn:aws:iam::aws:policy/AWSSupportAccess' }))

    const { page: userPage } = await h.newPage({ width: 390, height: 844 })
    await signInAsUser(h, userPage, 'switcher', 'Switch-Role-Pa55!')
    await userPage.goto(`${h.consoleUrl}/roles/ops-reader`)
    await userPage.getByRole('heading', { level: 1, name: 'ops-reader' }).waitFor()
    await expect.poll(() => userPage.getByLabel('Link to switch roles in console').inputValue()).toContain(`/console/switch-role?account=${account}&roleName=ops-reader`)
    await h.shot(userPage, 'switch-role-link-390px')
    await userPage.getByRole('link', { name: 'Switch to this role' }).click()
    await expect.poll(() => userPage.getByLabel('IAM role name').inputValue()).toBe('ops-reader')
    await expect.poll(() => userPage.getByLabel('Account ID or alias').inputValue()).toBe(account)
    await h.shot(userPage, 'switch-role-form-390px')
    await userPage.getByRole('button', { name: 'Switch role' }).click()
    await expect.poll(() => userPage.getByTestId('identity').textContent()).toContain('ops-reader')
    await h.shot(userPage, 'switched-into-role-390px')

    // The role may read roles but not policies: the policies page says which action is denied.
    await userPage.goto(`${h.consoleUrl}/policies`)
    await expect.poll(() => userPage.getByTestId('access-denied').textContent()).toContain('iam:ListPolicies')
    await h.shot(userPage, 'role-session-access-denied-390px')

    await userPage.getByRole('button', { name: 'Menu' }).isVisible()
    await userPage.getByRole('button', { name: 'Switch back' }).click()
    await expect.poll(() => userPage.getByTestId('identity').textContent()).toContain('switcher')
    await h.shot(userPage, 'switched-back-390px')
  }, 60_000)
})
