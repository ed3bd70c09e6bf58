// The console's sign-in answers (docs/console-api.md). Every failure has the same code and
// message, whatever was wrong, so that nobody learns which accounts, users or passwords exist.

import { AwsError } from '../../core/aws-error.js'

export const SIGN_IN_FAILED_MESSAGE = 'Your authentication information is incorrect. Please try again.'

export const signInFailed = () => new AwsError('SignInFailed', SIGN_IN_FAILED_MESSAGE, 401)

/** Too many failures: the same wording, and how long to wait. */
export class SignInThrottled extends AwsError {
  constructor(readonly retryAfterSeconds: number) {
    super('SignInThrottled', SIGN_IN_FAILED_MESSAGE, 429)
  }
}

/** The right password, expired under a policy with HardExpiry: only an administrator can reset it. (Ours.) */
export const passwordExpired = () => new AwsError('PasswordExpired', 'Your password has expired. Ask your administrator to reset it.', 403)

/** A request body the sign-in endpoints cannot read. */
export const badSignInRequest = (message: string) => new AwsError('ValidationError', message, 400)
