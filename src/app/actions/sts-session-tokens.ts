// STS GetSessionToken (a user's or root's own permissions, usually to prove MFA) and
// GetFederationToken (a federated user: the IAM user's permissions intersected with the session
// policies passed, nothing without them). Both need long-term credentials.

import type { GetFederationTokenRequest, GetSessionTokenRequest } from '@aws-sdk/client-sts'
import { requestTagContext } from '../shared/tags.js'
import type { Call } from '../call.js'
import { issueSession } from '../sts/issue-session.js'
import { checkCallerMfa } from '../sts/mfa-check.js'
import { checkSessionPolicies, packedPolicySize, refuseSessionCaller, ROOT_SESSION_MAX_SECONDS, sessionTags, USER_SESSION_DEFAULT_SECONDS } from '../sts/session-rules.js'

/** Root sessions last an hour at most: a longer request is shortened, as AWS documents. */
function sessionSeconds(call: Call, requested: number | undefined): number {
  const seconds = requested ?? (call.caller.kind === 'root' ? ROOT_SESSION_MAX_SECONDS : USER_SESSION_DEFAULT_SECONDS)
  return call.caller.kind === 'root' ? Math.min(seconds, ROOT_SESSION_MAX_SECONDS) : seconds
}

async function getSessionToken(call: Call, raw: unknown) {
  const input = raw as GetSessionTokenRequest
  const caller = call.caller
  // No permission is needed: the operation authenticates (docs/sts-behaviour.md).
  refuseSessionCaller(caller, 'GetSessionToken')
  const mfaAt = await checkCallerMfa(call, input.SerialNumber, input.TokenCode)
  const credentials = issueSession(
    call.ctx,
    { accountId: caller.accountId, origin: 'GetSessionToken', userId: caller.userId, userName: caller.userName, mfaAuthenticatedAt: mfaAt?.getTime() },
    call.now,
    sessionSeconds(call, input.DurationSeconds)
  )
  return { Credentials: credentials }
}

async function getFederationToken(call: Call, raw: unknown) {
  const input = raw as GetFederationTokenRequest
  const caller = call.caller
  const name = input.Name as string
  refuseSessionCaller(caller, 'GetFederationToken')
  const policies = checkSessionPolicies(input)
  const tags = sessionTags(
    (input.Tags ?? []).map((t) => ({ Key: t.Key ?? '', Value: t.Value ?? '' })),
    [],
    undefined
  )
  const federatedArn = `arn:aws:sts::${caller.accountId}:federated-user/${name}`
  await call.authorize({ action: 'sts:GetFederationToken', resource: federatedArn })
  if (tags.tags.length) await call.authorize({ action: 'sts:TagSession', resource: federatedArn, context: requestTagContext(tags.tags) })
  const packed = packedPolicySize(policies, tags.tags)
  const credentials = issueSession(
    call.ctx,
    {
      accountId: caller.accountId,
      origin: 'GetFederationToken',
      userId: caller.userId,
      userName: caller.userName,
      federatedName: name,
      // A federated user without session policies may do nothing: an empty list says so.
      policy: policies.policy,
      policyArns: policies.policyArns,
      tags: tags.tags.length ? tags.tags.map((t) => [t.Key, t.Value] as const) : undefined
    },
    call.now,
    sessionSeconds(call, input.DurationSeconds)
  )
  return {
    Credentials: credentials,
    FederatedUser: { FederatedUserId: `${caller.accountId}:${name}`, Arn: federatedArn },
    PackedPolicySize: packed
  }
}

export const stsSessionTokenActions = {
  GetSessionToken: getSessionToken,
  GetFederationToken: getFederationToken
}
