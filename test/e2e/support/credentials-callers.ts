// Non-root callers for enforcement tests: an IAM user with an inline policy (written straight
// into the store, so these tests do not depend on the inline-policy actions) and an access key
// made with CreateAccessKey.

import { CreateAccessKeyCommand, CreateUserCommand, type IAMClient } from '@aws-sdk/client-iam'
import type { Credentials, TestServer } from './server.js'

export interface TestUser {
  readonly name: string
  readonly arn: string
  readonly credentials: Credentials
  readonly iam: IAMClient
}

export async function userWithPolicy(server: TestServer, name: string, statements: readonly Record<string, unknown>[]): Promise<TestUser> {
  const root = server.iam()
  const created = await root.send(new CreateUserCommand({ UserName: name }))
  const userId = created.User?.UserId as string
  const accountId = server.root.accountId
  const ctx = server.running.ctx
  if (statements.length) {
    const document = JSON.stringify({ Version: '2012-10-17', Statement: statements })
    await ctx.store.transaction((tx) => tx.inlinePolicies.put(accountId, { entityType: 'user', entityId: userId }, 'test-policy', document))
    ctx.authCache.invalidate(accountId)
  }
  const key = await root.send(new CreateAccessKeyCommand({ UserName: name }))
  const credentials = { accessKeyId: key.AccessKey?.AccessKeyId as string, secretAccessKey: key.AccessKey?.SecretAccessKey as string }
  return { name, arn: created.User?.Arn as string, credentials, iam: server.iam(credentials) }
}

/** AWS's AccessDenied message for an implicit deny. */
export function implicitDenial(callerArn: string, action: string, resource: string): string {
  return `User: ${callerArn} is not authorized to perform: ${action} on resource: ${resource} because no identity-based policy allows the ${action} action`
}
