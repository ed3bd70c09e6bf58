// STS AssumeRole: temporary credentials for a role. The role's trust policy and the caller's own
// policies are both evaluated (same account: either may grant when the trust policy names the
// caller; across accounts: both must), with sts:ExternalId, sts:RoleSessionName,
// sts:SourceIdentity, session tags (sts:TagSession) and MFA in the context.

import type { AssumeRoleRequest } from '@aws-sdk/client-sts'
import { AwsError } from '../../core/aws-error.js'
import type { Decision, RawContext } from '../../policy/index.js'
import type { Call } from '../call.js'
import { requestTagContext, tagsOf } from '../shared/tags.js'
import { AccessDenied, requestContext } from '../auth/authorize.js'
import { encodeDenial } from '../sts/authorization-messages.js'
import { issueSession } from '../sts/issue-session.js'
import { checkCallerMfa } from '../sts/mfa-check.js'
import { assumedRoleUser, findRole, notAuthorizedToAssume, roleArnParts, roleSessionSeconds, trustPolicy } from '../sts/role-sessions.js'
import { checkSessionPolicies, packedPolicySize, refuseSessionCaller, sessionTags, stsValidationError } from '../sts/session-rules.js'

export async function assumeRole(call: Call, raw: unknown) {
  const input = raw as AssumeRoleRequest
  const caller = call.caller
  const roleArn = input.RoleArn as string
  const sessionName = input.RoleSessionName as string
  if (caller.kind === 'root') throw new AwsError('AccessDenied', 'Roles may not be assumed by root accounts.', 403)
  refuseSessionCaller(caller, 'AssumeRole')
  const parts = roleArnParts(roleArn)
  const policies = checkSessionPolicies(input)
  const chained = caller.kind === 'role-session'
  const tags = sessionTags(
    (input.Tags ?? []).map((t) => ({ Key: t.Key ?? '', Value: t.Value ?? '' })),
    input.TransitiveTagKeys ?? [],
    chained ? caller.session : undefined
  )
  const sourceIdentity = chosenSourceIdentity(caller.session?.sourceIdentity, input.SourceIdentity)
  const mfaAt = await checkCallerMfa(call, input.SerialNumber, input.TokenCode)

  const role = await findRole(call.ctx, parts)
  const trust = role && trustPolicy(role)
  if (!role || !trust) {
    const why = role ? 'because the role’s trust policy no longer parses' : 'because no role has this ARN'
    throw refusal(call, 'sts:AssumeRole', roleArn, parts.account, {}, why)
  }
  const seconds = roleSessionSeconds(input.DurationSeconds, role, { chained })
  const context: Record<string, string | string[]> = { 'sts:RoleSessionName': sessionName, ...requestTagContext(tagsOf(input.Tags)) }
  if (input.ExternalId !== undefined) context['sts:ExternalId'] = input.ExternalId
  if (input.SourceIdentity !== undefined) context['sts:SourceIdentity'] = input.SourceIdentity
  if (input.TransitiveTagKeys?.length) context['sts:TransitiveTagKeys'] = input.TransitiveTagKeys
  if (mfaAt) {
    context['aws:MultiFactorAuthPresent'] = 'true'
    context['aws:MultiFactorAuthAge'] = '0'
  }
  const resourcePolicy = { policy: trust, kind: 'trust' as const, account: role.accountId }
  // The role's tags are aws:ResourceTag/* for policies that allow assuming roles by tag.
  const resourceTags = await call.ctx.authCache.identity(role.accountId, `role-tags/${role.id}`, () => call.read.tags.list('role', role.id))
  const authorizeAction = async (action: string) => {
    try {
      await call.authorize({ action, resource: role.arn, resourceTags, context: context as RawContext, resourcePolicy })
    } catch (e) {
      if (e instanceof AccessDenied) throw refusal(call, action, roleArn, role.accountId, context, e.decision)
      throw e
    }
  }
  await authorizeAction('sts:AssumeRole')
  if (input.Tags?.length) await authorizeAction('sts:TagSession')
  if (input.SourceIdentity !== undefined) await authorizeAction('sts:SetSourceIdentity')

  const packed = packedPolicySize(policies, tags.tags)
  const credentials = issueSession(
    call.ctx,
    {
      accountId: role.accountId,
      origin: 'AssumeRole',
      roleId: role.id,
      roleArn: role.arn,
      sessionName,
      mfaAuthenticatedAt: mfaAt?.getTime(),
      policy: policies.policy,
      policyArns: policies.policyArns.length ? policies.policyArns : undefined,
      tags: tags.tags.length ? tags.tags.map((t) => [t.Key, t.Value] as const) : undefined,
      transitiveTagKeys: tags.transitiveTagKeys.length ? tags.transitiveTagKeys : undefined,
      sourceIdentity,
      chained: chained || undefined
    },
    call.now,
    seconds
  )
  return {
    Credentials: credentials,
    AssumedRoleUser: assumedRoleUser(role, sessionName),
    ...(input.Policy !== undefined || policies.policyArns.length || tags.tags.length ? { PackedPolicySize: packed } : {}),
    ...(sourceIdentity === undefined ? {} : { SourceIdentity: sourceIdentity })
  }
}

/**
 * AWS names the ARN as given and adds no reason, so a refusal and a missing role look alike. In
 * the caller's own account Portcullis appends the reason encoded: an administrator of that account
 * (allowed sts:DecodeAuthorizationMessage) can read it; nobody learns about another account's roles.
 */
function refusal(call: Call, action: string, roleArn: string, roleAccount: string, context: Record<string, string | string[]>, decision: Decision | string): AwsError {
  const plain = notAuthorizedToAssume(call.caller.arn, action, roleArn)
  if (roleAccount !== call.accountId) return plain
  const encoded = encodeDenial(call.ctx.authorizationMessages, {
    caller: call.caller,
    action,
    resource: roleArn,
    context: requestContext(call.caller, { action, resource: roleArn, context: context as RawContext }),
    decision
  })
  return new AwsError('AccessDenied', `${plain.message}. Encoded authorization failure message: ${encoded}`, 403)
}

/** A source identity, once set, stays for the rest of a role chain. */
function chosenSourceIdentity(inherited: string | undefined, requested: string | undefined): string | undefined {
  if (inherited !== undefined && requested !== undefined && inherited !== requested) {
    throw stsValidationError('The source identity is already set for this assume role session')
  }
  return inherited ?? requested
}
