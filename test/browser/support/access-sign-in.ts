// Signing in through the console's own sign-in form (root user or IAM user), for the access
// pages' browser tests.

import type { Page } from 'playwright-core'
import type { ConsoleHarness } from './console.js'

export async function signInAsRoot(h: ConsoleHarness, p: Page): Promise<void> {
  await p.goto(h.consoleUrl)
  await p.getByRole('tab', { name: 'Root user' }).click()
  const form = p.getByRole('form', { name: 'Sign in as root user' })
  await form.getByLabel('Account ID or account alias').fill(h.server.root.accountId)
  await form.getByLabel('Root user password').fill(h.server.root.password)
  await form.getByRole('button', { name: 'Sign in' }).click()
  await p.getByTestId('identity').waitFor()
}

export async function signInAsUser(h: ConsoleHarness, p: Page, userName: string, password: string): Promise<void> {
  await p.goto(h.consoleUrl)
  await p.getByRole('tab', { name: 'IAM user' }).click()
  const form = p.getByRole('form', { name: 'Sign in as IAM user' })
  await form.getByLabel('Account ID or account alias').fill(h.server.root.accountId)
  await form.getByLabel('IAM user name').fill(userName)
  await form.getByLabel('Password').fill(password)
  await form.getByRole('button', { name: 'Sign in' }).click()
  await p.getByTestId('identity').waitFor()
}

/** Follows a link of the side navigation. */
export const followNav = (p: Page, name: string) => p.getByRole('navigation', { name: 'IAM' }).getByRole('link', { name, exact: true }).click()
