// The saml:* condition keys a role trust policy sees for AssumeRoleWithSAML (IAM User Guide,
// "Available keys for SAML-based AWS STS federation"): saml:aud (the Recipient), saml:iss,
// saml:sub, saml:sub_type, saml:namequalifier, saml:doc, and the well-known attributes the
// assertion carries under their OIDs (eduPerson, X.500) or Microsoft claim names.

import { createHash } from 'node:crypto'

/** Attribute names (OIDs and claim URIs) IAM maps to saml:* keys. */
const ATTRIBUTE_KEYS: Readonly<Record<string, string>> = {
  'urn:oid:2.5.4.3': 'saml:commonName',
  'urn:oid:1.3.6.1.4.1.5923.1.2.1.2': 'saml:eduorghomepageuri',
  'urn:oid:1.3.6.1.4.1.5923.1.2.1.3': 'saml:eduorgidentityauthnpolicyuri',
  'urn:oid:1.3.6.1.4.1.5923.1.2.1.4': 'saml:eduorglegalname',
  'urn:oid:1.3.6.1.4.1.5923.1.2.1.5': 'saml:eduorgsuperioruri',
  'urn:oid:1.3.6.1.4.1.5923.1.2.1.6': 'saml:eduorgwhitepagesuri',
  'urn:oid:1.3.6.1.4.1.5923.1.1.1.1': 'saml:edupersonaffiliation',
  'urn:oid:1.3.6.1.4.1.5923.1.1.1.11': 'saml:edupersonassurance',
  'urn:oid:1.3.6.1.4.1.5923.1.1.1.7': 'saml:edupersonentitlement',
  'urn:oid:1.3.6.1.4.1.5923.1.1.1.2': 'saml:edupersonnickname',
  'urn:oid:1.3.6.1.4.1.5923.1.1.1.3': 'saml:edupersonorgdn',
  'urn:oid:1.3.6.1.4.1.5923.1.1.1.4': 'saml:edupersonorgunitdn',
  'urn:oid:1.3.6.1.4.1.5923.1.1.1.5': 'saml:edupersonprimaryaffiliation',
  'urn:oid:1.3.6.1.4.1.5923.1.1.1.8': 'saml:edupersonprimaryorgunitdn',
  'urn:oid:1.3.6.1.4.1.5923.1.1.1.6': 'saml:edupersonprincipalname',
  'urn:oid:1.3.6.1.4.1.5923.1.1.1.9': 'saml:edupersonscopedaffiliation',
  'urn:oid:1.3.6.1.4.1.5923.1.1.1.10': 'saml:edupersontargetedid',
  'urn:oid:2.5.4.42': 'saml:givenName',
  'urn:oid:0.9.2342.19200300.100.1.3': 'saml:mail',
  'urn:oid:2.5.4.41': 'saml:name',
  'urn:oid:2.5.4.10': 'saml:organizationStatus',
  'http://schemas.microsoft.com/ws/2008/06/identity/claims/primarygroupsid': 'saml:primaryGroupSID',
  'urn:oid:2.5.4.4': 'saml:surname',
  'urn:oid:0.9.2342.19200300.100.1.1': 'saml:uid',
  'urn:oid:2.5.4.45': 'saml:x500UniqueIdentifier'
}

/** BASE64(SHA1(issuer + accountId + "/" + providerName)): AssumeRoleWithSAML's NameQualifier. */
export function nameQualifier(issuer: string, accountId: string, providerName: string): string {
  return createHash('sha1').update(`${issuer}${accountId}/${providerName}`, 'utf8').digest('base64')
}

/** Format without the SAML 2.0 name ID prefix, as IAM reports SubjectType. */
export function subjectType(format: string | undefined): string {
  const prefix = 'urn:oasis:names:tc:SAML:2.0:nameid-format:'
  if (!format) return 'urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified'
  return format.startsWith(prefix) ? format.slice(prefix.length) : format
}

export interface SamlKeyFacts {
  readonly recipient: string
  readonly issuer: string
  readonly subject: string
  readonly subjectType: string
  readonly nameQualifier: string
  readonly accountId: string
  readonly providerName: string
  readonly providerArn: string
  /** Every attribute of the assertion by Name, values in order. */
  readonly attributes: ReadonlyMap<string, readonly string[]>
}

export function samlConditionKeys(facts: SamlKeyFacts): Record<string, string | string[]> {
  const keys: Record<string, string | string[]> = {
    'saml:aud': facts.recipient,
    'saml:iss': facts.issuer,
    'saml:sub': facts.subject,
    'saml:sub_type': facts.subjectType,
    'saml:namequalifier': facts.nameQualifier,
    'saml:doc': `${facts.accountId}/${facts.providerName}`,
    'aws:FederatedProvider': facts.providerArn
  }
  for (const [name, values] of facts.attributes) {
    const key = ATTRIBUTE_KEYS[name]
    if (key && values.length) keys[key] = values.length === 1 ? (values[0] as string) : [...values]
  }
  return keys
}
