// A SAML 2.0 metadata document as IAM reads it: the identity provider's entity ID, the
// certificates its responses are signed with, and how long the metadata is valid.
// CreateSAMLProvider and UpdateSAMLProvider refuse a document without them ("Could not parse
// metadata"); AssumeRoleWithSAML verifies signatures against these certificates only (never
// against a certificate the response itself carries).

import { X509Certificate } from 'node:crypto'
import { children, descendants, isElement, NS, onlyChild, parseXml, textOf } from './xml-document.js'

export interface SamlMetadata {
  /** The IdP's entityID: SAML responses must name it as their Issuer. */
  readonly entityId: string
  /** Signing certificates, PEM: any one of them may have signed a response (key rollover). */
  readonly signingCertificates: readonly string[]
  /** The EntityDescriptor's validUntil attribute, when it has one. */
  readonly validUntil: Date | undefined
}

/** The metadata, or undefined when the document is not usable SAML 2.0 IdP metadata. */
export function parseSamlMetadata(text: string): SamlMetadata | undefined {
  const doc = parseXml(text)
  if (!doc) return undefined
  const entity = identityProviderEntity(doc.documentElement)
  if (!entity) return undefined
  const entityId = entity.getAttribute('entityID') ?? ''
  if (entityId.trim() === '') return undefined
  const idp = onlyChild(entity, NS.metadata, 'IDPSSODescriptor')
  if (!idp) return undefined
  const certificates = signingCertificates(idp)
  if (certificates === undefined || certificates.length === 0) return undefined
  const validUntilText = entity.getAttribute('validUntil')
  let validUntil: Date | undefined
  if (validUntilText) {
    validUntil = new Date(validUntilText)
    if (Number.isNaN(validUntil.getTime())) return undefined
  }
  return { entityId: entityId.trim(), signingCertificates: certificates, validUntil }
}

/** The EntityDescriptor with an IDPSSODescriptor: the root, or the only one in an EntitiesDescriptor. */
function identityProviderEntity(root: Element): Element | undefined {
  if (isElement(root, NS.metadata, 'EntityDescriptor')) return root
  if (!isElement(root, NS.metadata, 'EntitiesDescriptor')) return undefined
  const idps = children(root, NS.metadata, 'EntityDescriptor').filter((e) => children(e, NS.metadata, 'IDPSSODescriptor').length > 0)
  return idps.length === 1 ? idps[0] : undefined
}

/**
 * PEM certificates of the KeyDescriptors meant for signing (use="signing", or no use at all);
 * undefined when one of them is not a parseable X.509 certificate.
 */
function signingCertificates(idp: Element): string[] | undefined {
  const out: string[] = []
  for (const key of children(idp, NS.metadata, 'KeyDescriptor')) {
    const use = key.getAttribute('use')
    if (use && use !== 'signing') continue
    for (const cert of descendants(key, NS.dsig, 'X509Certificate')) {
      const pem = toPem(textOf(cert) ?? '')
      if (!pem) return undefined
      out.push(pem)
    }
  }
  return out
}

function toPem(base64: string): string | undefined {
  const compact = base64.replace(/\s+/g, '')
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(compact)) return undefined
  try {
    const cert = new X509Certificate(Buffer.from(compact, 'base64'))
    return cert.toString()
  } catch {
    return undefined
  }
}
