// Sign-in: IAM user or root user, then MFA or a new password when the server asks for one.
// (Filled in by the sign-in work; see docs/console-api.md.)

export function SignInPage(_props: { onSignedIn: () => Promise<void> }) {
  return <p>Sign-in is not built yet.</p>
}
