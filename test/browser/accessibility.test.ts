// Every page of the console, and its policy dialogs, checked by axe-core (the accessibility rules
// engine browsers' own audits use) in a real browser, signed in as the root user with some data
// on each page: no violation of WCAG 2.1 A and AA rules. A failure lists each rule, its impact
// and the elements.

import { createRequire } from 'node:module'
import { CreateGroupCommand, CreatePolicyCommand, CreateRoleCommand, CreateUserCommand, type IAMClient } from '@aws-sdk/client-iam'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startConsoleHarness, type ConsoleHarness } from './support/console.js'
import { signInAsRoot, STEP_TIMEOUT } from './support/console-steps.js'

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js')

interface AxeViolation {
  readonly id: string
  readonly impact: string | null
  readonly help: string
  readonly nodes: readonly { readonly target: readonly string[] }[]
}

/**
 * Runs axe-core on the page as it is now; returns its WCAG 2.1 A/AA violations, one line each.
 * An audit in which no rule passed checked nothing (the script missing, the tags misspelt), and
 * fails rather than reporting a clean page.
 */
async function violations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE })
  const found = await page.evaluate(async () => {
    type Result = { violations: AxeViolation[]; passes: unknown[] }
    const axe = (window as unknown as { axe: { run: (context: Document, options: unknown) => Promise<Result> } }).axe
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
    return {
      passed: result.passes.length,
      violations: result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) }))
    }
  })
  expect(found.passed).toBeGreaterThan(5)
  return found.violations.map((v) => `${v.id} (${v.impact ?? 'n/a'}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
}

describe('console pages pass axe-core’s WCAG 2.1 A/AA rules', () => {
  let harness: ConsoleHarness
  let iam: IAMClient
  let page: Page
  let policyArn: string

  beforeAll(async () => {
    harness = await startConsoleHarness('accessibility')
    iam = harness.server.iam()
    const document = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::reports/*' }] }
    policyArn = (await iam.send(new CreatePolicyCommand({ PolicyName: 'reports-read', PolicyDocument: JSON.stringify(document) }))).Policy?.Arn ?? ''
    await iam.send(new CreateUserCommand({ UserName: 'dana' }))
    await iam.send(new CreateGroupCommand({ GroupName: 'analysts' }))
    const trust = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }] }
    await iam.send(new CreateRoleCommand({ RoleName: 'worker', AssumeRolePolicyDocument: JSON.stringify(trust) }))
    // The console's Content-Security-Policy refuses injected scripts, axe-core's included: this
    // context alone bypasses it.
    page = await (await harness.browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 800 } })).newPage()
  }, STEP_TIMEOUT)

  afterAll(async () => {
    await harness?.close()
  })

  it(
    'the sign-in page',
    async () => {
      await page.goto(harness.consoleUrl)
      await page.getByRole('tab', { name: 'Root user' }).waitFor()
      expect(await violations(page)).toEqual([])
      await signInAsRoot(harness, page)
    },
    STEP_TIMEOUT
  )

  const pages: [string, () => string, string][] = [
    ['the dashboard', () => '/', 'IAM dashboard'],
    ['the users list', () => '/users', 'Users'],
    ['a user', () => '/users/dana', 'dana'],
    ['adding users', () => '/users/create', 'Add users'],
    ['the groups list', () => '/groups', 'User groups'],
    ['a group', () => '/groups/analysts', 'analysts'],
    ['creating a group', () => '/groups/create', 'Create user group'],
    ['account settings', () => '/account-settings', 'Account settings'],
    ['my security credentials', () => '/security-credentials', 'My security credentials'],
    ['the roles list', () => '/roles', 'Roles'],
    ['a role', () => '/roles/worker', 'worker'],
    ['creating a role', () => '/roles/create', 'Create role'],
    ['the policies list', () => '/policies', 'Policies'],
    ['a policy', () => `/policies/${encodeURIComponent(policyArn)}`, 'reports-read'],
    ['creating a policy', () => '/policies/create', 'Create policy'],
    ['the policy simulator', () => '/simulator', 'Policy simulator']
  ]
  for (const [name, path, heading] of pages) {
    it(
      name,
      async () => {
        await page.goto(`${harness.consoleUrl}${path()}`)
        await page.getByRole('heading', { name: heading, level: 1 }).waitFor()
        await page.waitForLoadState('networkidle')
        expect(await violations(page)).toEqual([])
      },
      STEP_TIMEOUT
    )
  }

  const dialogs: [string, string, string, string][] = [
    ['the create inline policy dialog', '/users/dana', 'Create inline policy', 'Create inline policy for dana'],
    ['the add permissions dialog', '/roles/worker', 'Add permissions', 'Add permissions to worker'],
    ['the permissions boundary dialog', '/roles/worker', 'Set boundary', 'Set permissions boundary for worker']
  ]
  for (const [name, path, button, title] of dialogs) {
    it(
      name,
      async () => {
        await page.goto(`${harness.consoleUrl}${path}`)
        await page.getByRole('button', { name: button }).click()
        await page.getByRole('dialog', { name: title }).waitFor()
        await page.waitForLoadState('networkidle')
        expect(await violations(page)).toEqual([])
        await page.keyboard.press('Escape')
      },
      STEP_TIMEOUT
    )
  }
})
