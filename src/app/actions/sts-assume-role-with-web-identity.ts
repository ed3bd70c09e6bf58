// STS AssumeRoleWithWebIdentity: a role session for whoever holds an OIDC ID token from a
// provider registered in the role's account. The request is unsigned; the token is verified
// (federation/oidc) and the role's trust policy decides, with the provider's condition keys.
// Session tags and a source identity may come in the token's AWS claims.

import type { AssumeRoleWithWebIdentityRequest } from '@aws-sdk/client-sts'
import type { JWTPayload } from 'jose'
import type { Tag } from '../../store/ports/records.js'
import type { Call } from '../call.js'
import { verifyWebIdentityToken } from '../federation/oidc/verify-web-identity-token.js'
import { invalidToken } from '../federation/federation-failure.js'
import { assumeRoleAsFederated, federationError } from '../sts/federated-sessions.js'
import { assumedRoleUser, roleArnParts } from '../sts/role-sessions.js'
import { checkSessionPolicies } from '../sts/session-rules.js'

/** Claims an issuer sets to pass session tags and a source identity (IAM User Guide, session tags). */
const TAGS_CLAIM = 'https://aws.amazon.com/tags'
const SOURCE_IDENTITY_CLAIM = 'https://aws.amazon.com/source_identity'

export async function assumeRoleWithWebIdentity(call: Call, raw: unknown) {
  const input = raw as AssumeRoleWithWebIdentityRequest
  const parts = roleArnParts(input.RoleArn as string)
  const policies = checkSessionPolicies(input)
  const verified = await verifyWebIdentityToken(
    { oidcProviders: call.read.oidcProviders, keys: call.ctx.federation.oidcKeys },
    { accountId: parts.account, token: input.WebIdentityToken as string, now: call.now }
  )
  if (!verified.ok) throw federationError(verified)
  const tags = tokenSessionTags(verified.claims)
  const sourceIdentity = verified.claims[SOURCE_IDENTITY_CLAIM]
  if (sourceIdentity !== undefined && typeof sourceIdentity !== 'string') throw federationError(invalidToken(`Invalid claim: ${SOURCE_IDENTITY_CLAIM}`))

  const sessionName = input.RoleSessionName as string
  const session = await assumeRoleAsFederated(call, {
    origin: 'AssumeRoleWithWebIdentity',
    providerArn: verified.provider.arn,
    role: parts,
    sessionName,
    durationSeconds: input.DurationSeconds,
    policies,
    tags: tags.tags,
    transitiveTagKeys: tags.transitiveTagKeys,
    sourceIdentity,
    conditionKeys: verified.conditionKeys
  })
  return {
    Credentials: session.credentials,
    SubjectFromWebIdentityToken: verified.subject,
    AssumedRoleUser: assumedRoleUser(session.role, sessionName),
    ...(session.packedPolicySize === undefined ? {} : { PackedPolicySize: session.packedPolicySize }),
    Provider: verified.provider.arn,
    Audience: verified.audience,
    ...(sourceIdentity === undefined ? {} : { SourceIdentity: sourceIdentity })
  }
}

/**
 * The tags claim: `{"principal_tags": {"Key": ["value"]}, "transitive_tag_keys": ["Key"]}`. Each
 * tag has exactly one value; anything else in the claim makes the token invalid.
 */
function tokenSessionTags(claims: JWTPayload): { tags: Tag[]; transitiveTagKeys: string[] } {
  const claim = claims[TAGS_CLAIM]
  if (claim === undefined) return { tags: [], transitiveTagKeys: [] }
  const bad = () => federationError(invalidToken(`Invalid claim: ${TAGS_CLAIM}`))
  if (typeof claim !== 'object' || claim === null || Array.isArray(claim)) throw bad()
  const { principal_tags: principalTags, transitive_tag_keys: transitive } = claim as Record<string, unknown>
  const tags: Tag[] = []
  if (principalTags !== undefined) {
    if (typeof principalTags !== 'object' || principalTags === null || Array.isArray(principalTags)) throw bad()
    for (const [key, values] of Object.entries(principalTags as Record<string, unknown>)) {
      if (!Array.isArray(values) || values.length !== 1 || typeof values[0] !== 'string') throw bad()
      tags.push({ Key: key, Value: values[0] })
    }
  }
  if (transitive !== undefined && (!Array.isArray(transitive) || !transitive.every((k) => typeof k === 'string'))) throw bad()
  return { tags, transitiveTagKeys: (transitive as string[] | undefined) ?? [] }
}
