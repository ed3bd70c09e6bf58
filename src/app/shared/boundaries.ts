// A permissions boundary must be an existing managed policy (customer managed in this account,
// or AWS managed).

import { iamErrors } from '../../core/aws-error.js'
import type { Call } from '../call.js'

export async function requireBoundaryPolicy(call: Call, arn: string): Promise<void> {
  if (!/^arn:aws:iam::(aws|\d{12}):policy\/.+$/.test(arn)) throw iamErrors.invalidInput(`ARN ${arn} is not valid.`)
  if (call.ctx.awsManaged.byArn(arn)) return
  const policy = await call.read.policies.byArn(arn)
  if (!policy || policy.accountId !== call.accountId) throw iamErrors.noSuchEntity(`Scope ARN: ${arn} does not exist or is not attachable.`)
}
