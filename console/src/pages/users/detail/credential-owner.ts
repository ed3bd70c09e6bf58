// Whose security credentials a section manages: an IAM user, or the signed-in root user (who
// names its own account ID as UserName for its MFA device, docs/iam-behaviour.md §18.4, and
// omits UserName for its own access keys).

export type CredentialOwner = { readonly kind: 'user'; readonly userName: string } | { readonly kind: 'root'; readonly accountId: string }

/** The UserName member for list and key actions (absent for the caller's own, root's). */
export const ownerInput = (o: CredentialOwner): Record<string, string> => (o.kind === 'user' ? { UserName: o.userName } : {})

/** The UserName that EnableMFADevice and DeactivateMFADevice take. */
export const mfaUserName = (o: CredentialOwner): string => (o.kind === 'user' ? o.userName : o.accountId)

export const ownerLabel = (o: CredentialOwner): string => (o.kind === 'user' ? o.userName : 'the root user')
