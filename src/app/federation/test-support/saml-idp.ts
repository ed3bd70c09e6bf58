// A SAML identity provider for tests: its metadata document, and SAML responses built and
// signed here with xml-crypto (on the assertion, the response, or both) with options to make
// each kind of bad response the verifier must refuse.

import { SignedXml } from 'xml-crypto'
import { selfSignedCertificate, type TestCertificate } from './certificates.js'

export const AWS_SAML_ENDPOINT = 'https://signin.aws.amazon.com/saml'

export interface ResponseOptions {
  readonly roles: readonly string[]
  readonly now: Date
  readonly issuer?: string
  readonly audience?: string
  readonly recipient?: string
  readonly nameId?: string
  readonly nameIdFormat?: string
  readonly issueInstant?: Date
  readonly notBefore?: Date
  readonly notOnOrAfter?: Date
  /** The AuthnStatement's SessionNotOnOrAfter (absent unless given). */
  readonly sessionNotOnOrAfter?: Date
  /** Extra attributes by name (RoleSessionName is set unless given as null). */
  readonly attributes?: Readonly<Record<string, readonly string[] | null>>
  readonly sign?: 'assertion' | 'response' | 'both' | 'none'
  /** Sign with this key instead of the IdP's. */
  readonly signer?: TestCertificate
}

export interface TestIdp {
  readonly entityId: string
  readonly certificate: TestCertificate
  metadata(options?: { readonly validUntil?: string }): string
  /** The response XML (not encoded). */
  responseXml(options: ResponseOptions): string
}

const ATTR = 'https://aws.amazon.com/SAML/Attributes/'
const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
const pemBody = (pem: string) => pem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, '')
const iso = (d: Date) => d.toISOString()

export function testIdp(entityId = 'https://idp.example.com/metadata', certificate = selfSignedCertificate('/CN=idp.example.com')): TestIdp {
  return {
    entityId,
    certificate,
    metadata(options = {}) {
      const validUntil = options.validUntil ? ` validUntil="${options.validUntil}"` : ''
      return `<?xml version="1.0" encoding="UTF-8"?>
<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" xmlns:ds="http://www.w3.org/2000/09/xmldsig#" entityID="${escape(entityId)}"${validUntil}>
  <md:IDPSSODescriptor WantAuthnRequestsSigned="false" protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">
    <md:KeyDescriptor use="signing">
      <ds:KeyInfo><ds:X509Data><ds:X509Certificate>${pemBody(certificate.cert)}</ds:X509Certificate></ds:X509Data></ds:KeyInfo>
    </md:KeyDescriptor>
    <md:NameIDFormat>urn:oasis:names:tc:SAML:2.0:nameid-format:persistent</md:NameIDFormat>
    <md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="https://idp.example.com/sso"/>
  </md:IDPSSODescriptor>
</md:EntityDescriptor>
`
    },
    responseXml(o) {
      const issueInstant = o.issueInstant ?? o.now
      const notOnOrAfter = o.notOnOrAfter ?? new Date(o.now.getTime() + 5 * 60_000)
      const notBefore = o.notBefore ?? new Date(o.now.getTime() - 60_000)
      const attributes: Record<string, readonly string[] | null> = { [`${ATTR}RoleSessionName`]: ['alice@example.com'], [`${ATTR}Role`]: o.roles, ...(o.attributes ?? {}) }
      const statements = Object.entries(attributes)
        .filter((e): e is [string, readonly string[]] => e[1] !== null)
        .map(([name, values]) => `<saml:Attribute Name="${escape(name)}">${values.map((v) => `<saml:AttributeValue>${escape(v)}</saml:AttributeValue>`).join('')}</saml:Attribute>`)
        .join('')
      const xml = `<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="_response1" Version="2.0" IssueInstant="${iso(issueInstant)}" Destination="${escape(o.recipient ?? AWS_SAML_ENDPOINT)}"><saml:Issuer>${escape(o.issuer ?? entityId)}</saml:Issuer><samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/></samlp:Status><saml:Assertion ID="_assertion1" Version="2.0" IssueInstant="${iso(issueInstant)}"><saml:Issuer>${escape(o.issuer ?? entityId)}</saml:Issuer><saml:Subject><saml:NameID Format="${escape(o.nameIdFormat ?? 'urn:oasis:names:tc:SAML:2.0:nameid-format:persistent')}">${escape(o.nameId ?? 'alice')}</saml:NameID><saml:SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer"><saml:SubjectConfirmationData NotOnOrAfter="${iso(notOnOrAfter)}" Recipient="${escape(o.recipient ?? AWS_SAML_ENDPOINT)}"/></saml:SubjectConfirmation></saml:Subject><saml:Conditions NotBefore="${iso(notBefore)}" NotOnOrAfter="${iso(notOnOrAfter)}"><saml:AudienceRestriction><saml:Audience>${escape(o.audience ?? AWS_SAML_ENDPOINT)}</saml:Audience></saml:AudienceRestriction></saml:Conditions><saml:AuthnStatement AuthnInstant="${iso(issueInstant)}"${o.sessionNotOnOrAfter ? ` SessionNotOnOrAfter="${iso(o.sessionNotOnOrAfter)}"` : ''}><saml:AuthnContext><saml:AuthnContextClassRef>urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport</saml:AuthnContextClassRef></saml:AuthnContext></saml:AuthnStatement><saml:AttributeStatement>${statements}</saml:AttributeStatement></saml:Assertion></samlp:Response>`
      const signer = o.signer ?? certificate
      const sign = o.sign ?? 'assertion'
      let out = xml
      if (sign === 'assertion' || sign === 'both') out = signed(out, signer, '_assertion1', "//*[local-name(.)='Assertion']/*[local-name(.)='Issuer']")
      if (sign === 'response' || sign === 'both') out = signed(out, signer, '_response1', "/*[local-name(.)='Response']/*[local-name(.)='Issuer']")
      return out
    }
  }
}

/** Signs the element with this ID, putting the signature right after `after` (as IdPs do). */
function signed(xml: string, signer: TestCertificate, id: string, after: string): string {
  const sig = new SignedXml({
    privateKey: signer.key,
    publicCert: signer.cert,
    signatureAlgorithm: 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
    canonicalizationAlgorithm: 'http://www.w3.org/2001/10/xml-exc-c14n#'
  })
  sig.addReference({
    xpath: `//*[@ID='${id}']`,
    transforms: ['http://www.w3.org/2000/09/xmldsig#enveloped-signature', 'http://www.w3.org/2001/10/xml-exc-c14n#'],
    digestAlgorithm: 'http://www.w3.org/2001/04/xmlenc#sha256'
  })
  sig.computeSignature(xml, { prefix: 'ds', location: { reference: after, action: 'after' } })
  return sig.getSignedXml()
}

export const encode = (xml: string) => Buffer.from(xml, 'utf8').toString('base64')
