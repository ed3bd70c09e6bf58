// Posts one step of the sign-in flow. The pre-sign-in CSRF token is short-lived: when the
// server refuses it (the page sat open too long), fetch a fresh one and try once more.

import { ApiError, loadSession, post, type SignInStep } from '../../api'

export async function signInStep(path: string, body: Record<string, unknown>): Promise<SignInStep> {
  try {
    return await post<SignInStep>(path, body)
  } catch (e) {
    if (!(e instanceof ApiError && e.code === 'InvalidCsrfToken')) throw e
    await loadSession()
    return post<SignInStep>(path, body)
  }
}
