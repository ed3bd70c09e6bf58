// Verifying a SAML response for AssumeRoleWithSAML, as IAM does: the SAML provider the caller
// names (PrincipalArn) must exist in the account; the response must carry one assertion signed
// with a certificate of that provider's metadata (signed-assertion.ts defends against signature
// wrapping); its Issuer must be the metadata's entity ID; it must be within its validity window,
// addressed to an AWS sign-in endpoint (Audience and Recipient); and its Role attribute must
// pair the requested role with this provider. Returns what STS needs to issue the session and
// the condition keys of the trust policy, or STS's error. docs/iam-behaviour.md §23.3 lists the
// messages and which are AWS's own words.

import type { SamlProvidersRepo } from '../../../store/ports/repositories.js'
import type { Tag } from '../../../store/ports/records.js'
import { expiredToken, failure, invalidToken, type FederationFailure } from '../federation-failure.js'
import { providerNameFromArn } from '../provider-arns.js'
import { parseSamlMetadata } from '../saml-metadata.js'
import { children, descendants, NS, onlyChild, textOf } from '../xml-document.js'
import { nameQualifier, samlConditionKeys, subjectType } from './saml-condition-keys.js'
import { signedAssertion } from './signed-assertion.js'

export interface SamlDeps {
  readonly samlProviders: Pick<SamlProvidersRepo, 'byArn'>
  /**
   * Endpoints accepted as Audience and Recipient besides AWS's sign-in endpoints, e.g. this
   * server's own SAML endpoint URL.
   */
  readonly extraEndpoints?: readonly string[]
}

export interface SamlInput {
  readonly accountId: string
  /** The base64 SAMLResponse the IdP posted (AssumeRoleWithSAML's SAMLAssertion). */
  readonly samlResponse: string
  /** The SAML provider ARN the caller passed (PrincipalArn). */
  readonly principalArn: string
  readonly roleArn: string
  readonly now: Date
}

export interface SamlRolePair {
  readonly roleArn: string
  readonly providerArn: string
}

export interface VerifiedSamlResponse {
  readonly ok: true
  readonly provider: { readonly arn: string; readonly name: string }
  readonly issuer: string
  /** NameID of the Subject. */
  readonly subject: string
  readonly subjectType: string
  /** The Recipient: AssumeRoleWithSAML's Audience output. */
  readonly audience: string
  readonly nameQualifier: string
  /** Every role/provider pair of the Role attribute. */
  readonly roles: readonly SamlRolePair[]
  readonly roleSessionName: string
  readonly sessionDuration?: number | undefined
  /** The earliest AuthnStatement SessionNotOnOrAfter: the role session may not outlast it. */
  readonly sessionNotOnOrAfter?: Date | undefined
  readonly sourceIdentity?: string | undefined
  readonly principalTags: readonly Tag[]
  readonly transitiveTagKeys: readonly string[]
  readonly conditionKeys: Record<string, string | string[]>
}

export type SamlResult = VerifiedSamlResponse | FederationFailure

/** How far the IdP's clock may be off ours for NotBefore / NotOnOrAfter. */
export const CLOCK_SKEW_SECONDS = 60
/** IAM redeems a response only within five minutes of its IssueInstant. */
export const REDEEM_WITHIN_SECONDS = 5 * 60
/** AWS's SAML endpoints (global, legacy static, and regional ones) and the legacy audience URN. */
const AWS_ENDPOINTS = ['https://signin.aws.amazon.com/saml', 'https://signin.aws.amazon.com/static/saml']
const REGIONAL_ENDPOINT = /^https:\/\/[a-z]{2}(-[a-z]+)+-\d+\.signin\.aws\.amazon\.com\/saml$/
const LEGACY_AUDIENCE = 'urn:amazon:webservices'

const ATTRIBUTE = 'https://aws.amazon.com/SAML/Attributes/'
const SESSION_NAME = /^[a-zA-Z_0-9+=,.@-]{2,64}$/
const MAX_RESPONSE_CHARS = 200_000

const messages = {
  noProvider: "Specified provider doesn't exist.",
  malformed: 'Invalid SAML response: the document is not a SAML 2.0 Response with one assertion.',
  encrypted: 'Encrypted SAML assertions are not supported by this provider.',
  badSignature: 'Response signature invalid',
  notSuccess: 'The SAML response does not report success.',
  wrongIssuer: 'Issuer not present in specified provider',
  notYetValid: 'The SAML assertion is not yet valid (NotBefore).',
  redeemWindow: 'Token must be redeemed within 5 minutes of issuance',
  expired: 'The SAML assertion has expired (NotOnOrAfter).',
  sessionEnded: 'The session the SAML assertion grants has ended (SessionNotOnOrAfter).',
  audience: 'Response does not contain the required audience.',
  recipient: 'The SAML assertion has no bearer SubjectConfirmation with an accepted Recipient and a NotOnOrAfter.',
  noSubject: 'The SAML assertion has no Subject NameID.',
  notAuthorized: 'Not authorized to perform sts:AssumeRoleWithSAML',
  sessionNameMissing: 'RoleSessionName is required in AuthnResponse',
  sessionNameInvalid: 'RoleSessionName in AuthnResponse must match [a-zA-Z_0-9+=,.@-]{2,64}',
  sessionDuration: 'SessionDuration in AuthnResponse must be an integer between 900 and 43200',
  sourceIdentity: 'Source Identity must match [a-zA-Z_0-9+=,.@-]{2,64} and not begin with "aws:"'
}

export async function verifySamlResponse(deps: SamlDeps, input: SamlInput): Promise<SamlResult> {
  const named = providerNameFromArn(input.principalArn, 'saml-provider')
  const provider = named && named.accountId === input.accountId ? await deps.samlProviders.byArn(input.accountId, input.principalArn) : undefined
  if (!provider || !named) return invalidToken(messages.noProvider)
  const metadata = parseSamlMetadata(provider.metadataDocument)
  if (!metadata) return invalidToken(messages.noProvider)

  const xml = decodeBase64(input.samlResponse)
  if (xml === undefined) return invalidToken(messages.malformed)
  const signed = signedAssertion(xml, metadata.signingCertificates)
  if (!signed.ok) return invalidToken(signed.reason === 'bad-signature' ? messages.badSignature : signed.reason === 'encrypted' ? messages.encrypted : messages.malformed)
  const { assertion, response } = signed

  const status = onlyChild(response, NS.protocol, 'Status')
  const code = status ? onlyChild(status, NS.protocol, 'StatusCode')?.getAttribute('Value') : undefined
  if (code !== 'urn:oasis:names:tc:SAML:2.0:status:Success') return invalidToken(messages.notSuccess)

  const issuer = textOf(onlyChild(assertion, NS.assertion, 'Issuer'))
  if (issuer !== metadata.entityId) return invalidToken(messages.wrongIssuer)

  const timing = checkTiming(assertion, input.now)
  if (timing) return timing
  const endpoints = (value: string) => AWS_ENDPOINTS.includes(value) || REGIONAL_ENDPOINT.test(value) || (deps.extraEndpoints ?? []).includes(value)
  const audiences = descendants(assertion, NS.assertion, 'Audience').map((a) => textOf(a) ?? '')
  if (!audiences.some((a) => endpoints(a) || a === LEGACY_AUDIENCE)) return invalidToken(messages.audience)
  const confirmation = bearerConfirmation(assertion, input.now, endpoints)
  if (typeof confirmation !== 'string') return confirmation
  const sessionNotOnOrAfter = sessionEnd(assertion)
  if (sessionNotOnOrAfter !== undefined && sessionNotOnOrAfter.getTime() <= input.now.getTime()) return expiredToken(messages.sessionEnded)

  const subjectElement = onlyChild(assertion, NS.assertion, 'Subject')
  const nameId = subjectElement ? onlyChild(subjectElement, NS.assertion, 'NameID') : undefined
  const subject = textOf(nameId)
  if (!nameId || !subject) return invalidToken(messages.noSubject)

  const attributes = attributesOf(assertion)
  const roles = rolePairs(attributes.get(`${ATTRIBUTE}Role`) ?? [])
  if (!roles.some((r) => r.roleArn === input.roleArn && r.providerArn === input.principalArn)) return failure('AccessDenied', messages.notAuthorized)

  const roleSessionName = attributes.get(`${ATTRIBUTE}RoleSessionName`)?.[0]
  if (roleSessionName === undefined) return invalidToken(messages.sessionNameMissing)
  if (!SESSION_NAME.test(roleSessionName)) return invalidToken(messages.sessionNameInvalid)
  const durationText = attributes.get(`${ATTRIBUTE}SessionDuration`)?.[0]
  const sessionDuration = durationText === undefined ? undefined : Number(durationText)
  if (sessionDuration !== undefined && (!/^\d+$/.test(durationText ?? '') || sessionDuration < 900 || sessionDuration > 43200)) return invalidToken(messages.sessionDuration)
  const sourceIdentity = attributes.get(`${ATTRIBUTE}SourceIdentity`)?.[0]
  if (sourceIdentity !== undefined && (!SESSION_NAME.test(sourceIdentity) || sourceIdentity.toLowerCase().startsWith('aws:'))) return invalidToken(messages.sourceIdentity)

  const type = subjectType(nameId.getAttribute('Format') ?? undefined)
  const qualifier = nameQualifier(issuer, input.accountId, named.name)
  return {
    ok: true,
    provider: { arn: provider.arn, name: provider.name },
    issuer,
    subject,
    subjectType: type,
    audience: confirmation,
    nameQualifier: qualifier,
    roles,
    roleSessionName,
    sessionDuration,
    sessionNotOnOrAfter,
    sourceIdentity,
    principalTags: principalTags(attributes),
    transitiveTagKeys: [...(attributes.get(`${ATTRIBUTE}TransitiveTagKeys`) ?? [])],
    conditionKeys: samlConditionKeys({
      recipient: confirmation,
      issuer,
      subject,
      subjectType: type,
      nameQualifier: qualifier,
      accountId: input.accountId,
      providerName: named.name,
      providerArn: provider.arn,
      attributes
    })
  }
}

function decodeBase64(text: string): string | undefined {
  const compact = text.replace(/\s+/g, '')
  if (compact.length === 0 || compact.length > MAX_RESPONSE_CHARS || !/^[A-Za-z0-9+/]+={0,2}$/.test(compact)) return undefined
  return Buffer.from(compact, 'base64').toString('utf8')
}

function instant(value: string | null | undefined): number | undefined {
  if (!value) return undefined
  const t = Date.parse(value)
  return Number.isNaN(t) ? undefined : t
}

/**
 * When the IdP says the session must end: the earliest SessionNotOnOrAfter of the assertion's
 * AuthnStatements. AWS keeps a role session to the shorter of DurationSeconds and this.
 */
function sessionEnd(assertion: Element): Date | undefined {
  let end: number | undefined
  for (const statement of children(assertion, NS.assertion, 'AuthnStatement')) {
    const t = instant(statement.getAttribute('SessionNotOnOrAfter'))
    if (t !== undefined && (end === undefined || t < end)) end = t
  }
  return end === undefined ? undefined : new Date(end)
}

/** NotBefore / NotOnOrAfter of the Conditions, and the five-minute redemption window. */
function checkTiming(assertion: Element, now: Date): FederationFailure | undefined {
  const t = now.getTime()
  const skew = CLOCK_SKEW_SECONDS * 1000
  const conditions = onlyChild(assertion, NS.assertion, 'Conditions')
  const notBefore = instant(conditions?.getAttribute('NotBefore'))
  if (notBefore !== undefined && t + skew < notBefore) return invalidToken(messages.notYetValid)
  const issued = instant(assertion.getAttribute('IssueInstant'))
  if (issued === undefined) return invalidToken(messages.malformed)
  if (t > issued + REDEEM_WITHIN_SECONDS * 1000 + skew) return expiredToken(messages.redeemWindow)
  const notOnOrAfter = instant(conditions?.getAttribute('NotOnOrAfter'))
  if (notOnOrAfter !== undefined && t - skew >= notOnOrAfter) return expiredToken(messages.expired)
  return undefined
}

/**
 * The Recipient of the one bearer SubjectConfirmation (IAM requires exactly one, with Recipient
 * and NotOnOrAfter), or the error.
 */
function bearerConfirmation(assertion: Element, now: Date, accepted: (endpoint: string) => boolean): string | FederationFailure {
  const subject = onlyChild(assertion, NS.assertion, 'Subject')
  const confirmations = subject ? children(subject, NS.assertion, 'SubjectConfirmation') : []
  if (confirmations.length !== 1) return invalidToken(messages.recipient)
  const confirmation = confirmations[0] as Element
  if (confirmation.getAttribute('Method') !== 'urn:oasis:names:tc:SAML:2.0:cm:bearer') return invalidToken(messages.recipient)
  const data = onlyChild(confirmation, NS.assertion, 'SubjectConfirmationData')
  const recipient = data?.getAttribute('Recipient') ?? ''
  const notOnOrAfter = instant(data?.getAttribute('NotOnOrAfter'))
  if (!accepted(recipient) || notOnOrAfter === undefined) return invalidToken(messages.recipient)
  if (now.getTime() - CLOCK_SKEW_SECONDS * 1000 >= notOnOrAfter) return expiredToken(messages.expired)
  return recipient
}

/** Attribute values by Name, from every AttributeStatement of the assertion. */
function attributesOf(assertion: Element): Map<string, string[]> {
  const out = new Map<string, string[]>()
  for (const statement of children(assertion, NS.assertion, 'AttributeStatement')) {
    for (const attribute of children(statement, NS.assertion, 'Attribute')) {
      const name = attribute.getAttribute('Name')
      if (!name) continue
      const values = children(attribute, NS.assertion, 'AttributeValue').map((v) => textOf(v) ?? '')
      out.set(name, [...(out.get(name) ?? []), ...values])
    }
  }
  return out
}

/** "roleArn,providerArn" pairs, in either order (IAM accepts both). */
function rolePairs(values: readonly string[]): SamlRolePair[] {
  const pairs: SamlRolePair[] = []
  for (const value of values) {
    const parts = value.split(',').map((p) => p.trim())
    if (parts.length !== 2) continue
    const role = parts.find((p) => /^arn:aws:iam::\d{12}:role\//.test(p))
    const provider = parts.find((p) => /^arn:aws:iam::\d{12}:saml-provider\//.test(p))
    if (role && provider) pairs.push({ roleArn: role, providerArn: provider })
  }
  return pairs
}

function principalTags(attributes: ReadonlyMap<string, readonly string[]>): Tag[] {
  const tags: Tag[] = []
  const prefix = `${ATTRIBUTE}PrincipalTag:`
  for (const [name, values] of attributes) {
    if (name.startsWith(prefix) && name.length > prefix.length) tags.push({ Key: name.slice(prefix.length), Value: values[0] ?? '' })
  }
  return tags
}
