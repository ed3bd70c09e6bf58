// STS AssumeRoleWithSAML: a role session for whoever holds a SAML response from an identity
// provider registered in the role's account. The request is unsigned; the response's signature,
// issuer, audience, recipient, validity and Role attribute are verified (federation/saml) and the
// role's trust policy decides, with the saml:* condition keys. The session lasts DurationSeconds
// or until the assertion's SessionNotOnOrAfter, whichever comes first, as in AWS.

import type { AssumeRoleWithSAMLRequest } from '@aws-sdk/client-sts'
import type { Call } from '../call.js'
import { verifySamlResponse } from '../federation/saml/verify-saml-response.js'
import { assumeRoleAsFederated, federationError } from '../sts/federated-sessions.js'
import { assumedRoleUser, roleArnParts } from '../sts/role-sessions.js'
import { checkSessionPolicies } from '../sts/session-rules.js'

export async function assumeRoleWithSaml(call: Call, raw: unknown) {
  const input = raw as AssumeRoleWithSAMLRequest
  const roleArn = input.RoleArn as string
  const parts = roleArnParts(roleArn)
  const policies = checkSessionPolicies(input)
  const verified = await verifySamlResponse(
    { samlProviders: call.read.samlProviders, extraEndpoints: call.ctx.federation.samlEndpoints },
    { accountId: parts.account, samlResponse: input.SAMLAssertion as string, principalArn: input.PrincipalArn as string, roleArn, now: call.now }
  )
  if (!verified.ok) throw federationError(verified)

  const session = await assumeRoleAsFederated(call, {
    origin: 'AssumeRoleWithSAML',
    providerArn: verified.provider.arn,
    role: parts,
    sessionName: verified.roleSessionName,
    durationSeconds: input.DurationSeconds,
    notAfter: verified.sessionNotOnOrAfter,
    policies,
    tags: verified.principalTags,
    transitiveTagKeys: verified.transitiveTagKeys,
    sourceIdentity: verified.sourceIdentity,
    conditionKeys: verified.conditionKeys
  })
  return {
    Credentials: session.credentials,
    AssumedRoleUser: assumedRoleUser(session.role, verified.roleSessionName),
    ...(session.packedPolicySize === undefined ? {} : { PackedPolicySize: session.packedPolicySize }),
    Subject: verified.subject,
    SubjectType: verified.subjectType,
    Issuer: verified.issuer,
    Audience: verified.audience,
    NameQualifier: verified.nameQualifier,
    ...(verified.sourceIdentity === undefined ? {} : { SourceIdentity: verified.sourceIdentity })
  }
}
