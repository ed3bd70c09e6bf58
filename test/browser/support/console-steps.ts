// Steps the browser tests take through the console's own pages: signing in with the sign-in
// form (root user or IAM user), following the side navigation, and typing an MFA device's codes
// in the Assign MFA device dialog.

import type { Locator, Page } from 'playwright-core'
import { consecutiveCodes } from '../../e2e/support/mfa-codes.js'
import type { ConsoleHarness } from './console.js'

/** A test drives several pages of a real browser; each gets this long. */
export const STEP_TIMEOUT = 60_000

/** Fills and submits the root user's form on the sign-in page; what comes next is the caller's. */
export async function submitRootSignIn(page: Page, account: string, password: string): Promise<void> {
  await page.getByRole('tab', { name: 'Root user' }).click()
  const form = page.getByRole('form', { name: 'Sign in as root user' })
  await form.getByLabel('Account ID or account alias').fill(account)
  await form.getByLabel('Root user password').fill(password)
  await form.getByRole('button', { name: 'Sign in' }).click()
}

/** Fills and submits the IAM user's form on the sign-in page; what comes next is the caller's. */
export async function submitUserSignIn(page: Page, account: string, userName: string, password: string): Promise<void> {
  await page.getByRole('tab', { name: 'IAM user' }).click()
  const form = page.getByRole('form', { name: 'Sign in as IAM user' })
  await form.getByLabel('Account ID or account alias').fill(account)
  await form.getByLabel('IAM user name').fill(userName)
  await form.getByLabel('Password').fill(password)
  await form.getByRole('button', { name: 'Sign in' }).click()
}

/** Opens the console and signs in as the root user (who has no MFA device yet). */
export async function signInAsRoot(h: ConsoleHarness, page: Page): Promise<void> {
  await page.goto(h.consoleUrl)
  await submitRootSignIn(page, h.server.root.accountId, h.server.root.password)
  await page.getByTestId('identity').waitFor()
}

/** Opens the console and signs in as an IAM user (without MFA or a required new password). */
export async function signInAsUser(h: ConsoleHarness, page: Page, userName: string, password: string): Promise<void> {
  await page.goto(h.consoleUrl)
  await submitUserSignIn(page, h.server.root.accountId, userName, password)
  await page.getByTestId('identity').waitFor()
}

/** Follows a link of the side navigation (the dashboard has links with the same names). */
export const followNav = (page: Page, name: string): Promise<void> => page.getByRole('navigation', { name: 'IAM' }).getByRole('link', { name, exact: true }).click()

/** In the Assign MFA device dialog's second step: reads the secret key and types two consecutive codes; returns the key. */
export async function enterMfaCodes(dialog: Locator): Promise<string> {
  await dialog.getByRole('button', { name: 'Show secret key' }).click()
  const seed = (await dialog.getByTestId('mfa-secret-key').textContent()) ?? ''
  const codes = consecutiveCodes(seed)
  await dialog.getByLabel('MFA code 1').fill(codes.AuthenticationCode1)
  await dialog.getByLabel('MFA code 2').fill(codes.AuthenticationCode2)
  return seed
}
