// The users list's search in a real browser when the account has more users than one page: the
// search first covers the loaded page, and "Search all users" loads the rest so that a user on a
// later page is found. Screenshots under test-artifacts/browser/users-search/.

import { CreateUserCommand } from '@aws-sdk/client-iam'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startConsoleHarness, type ConsoleHarness } from './support/console.js'
import { followNav, signInAsRoot, STEP_TIMEOUT } from './support/console-steps.js'

describe('users search beyond the first page', () => {
  let harness: ConsoleHarness
  let page: Page

  beforeAll(async () => {
    harness = await startConsoleHarness('users-search')
    const iam = harness.server.iam()
    // 120 users fill the first page (100); the one searched for sorts last, on the second.
    for (let i = 0; i < 120; i++) await iam.send(new CreateUserCommand({ UserName: `filler-${String(i).padStart(3, '0')}` }))
    await iam.send(new CreateUserCommand({ UserName: 'zed-on-page-two' }))
    page = (await harness.newPage()).page
    await signInAsRoot(harness, page)
    await page.getByRole('heading', { name: 'IAM dashboard' }).waitFor()
  }, STEP_TIMEOUT)

  afterAll(async () => {
    await harness?.close()
  })

  it(
    'finds a user on a later page once the rest is loaded',
    async () => {
      await followNav(page, 'Users')
      await page.getByRole('link', { name: 'filler-000' }).waitFor()
      await page.getByLabel('Search users').fill('zed')
      await page.getByText('No loaded user matches the search.').waitFor()
      expect(await page.getByRole('link', { name: 'zed-on-page-two' }).count()).toBe(0)

      await page.getByRole('button', { name: 'Search all users' }).click()
      await page.getByRole('link', { name: 'zed-on-page-two' }).waitFor()
      // Everything is loaded now: no "Load more", and the count has no "+".
      expect(await page.getByRole('button', { name: 'Load more users' }).count()).toBe(0)
      expect(await page.getByRole('heading', { name: /Users \(121\)/ }).count()).toBe(1)
      await harness.shot(page, 'search-all-users')
    },
    STEP_TIMEOUT
  )
})
