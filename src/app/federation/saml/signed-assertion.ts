// Finding the assertion a SAML response's signature vouches for, and refusing anything else.
// Signature wrapping attacks move a valid signature (and the element it signs) aside and put an
// unsigned assertion where the reader looks. So: exactly one Assertion in the whole document, a
// signature only as a direct child of the Response or of that Assertion, each signature must
// reference its own parent element by ID (xml-crypto refuses documents with duplicate IDs), and
// the assertion we hand back is parsed from the bytes the signature verified — never read from
// the document we were given.

import { SignedXml } from 'xml-crypto'
import { children, descendants, isElement, NS, onlyChild, parseXml } from '../xml-document.js'

export type SignedAssertion =
  | { readonly ok: true; readonly assertion: Element; readonly response: Element }
  | { readonly ok: false; readonly reason: 'malformed' | 'encrypted' | 'bad-signature' }

/** Signature algorithms accepted: RSA with SHA-1/256/512 (HMAC is never: the key is public). */
const SIGNATURE_ALGORITHMS = new Set([
  'http://www.w3.org/2000/09/xmldsig#rsa-sha1',
  'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
  'http://www.w3.org/2001/04/xmldsig-more#rsa-sha512'
])

export function signedAssertion(xml: string, certificates: readonly string[]): SignedAssertion {
  const doc = parseXml(xml)
  if (!doc) return { ok: false, reason: 'malformed' }
  const response = doc.documentElement
  if (!isElement(response, NS.protocol, 'Response')) return { ok: false, reason: 'malformed' }
  if (descendants(doc, NS.assertion, 'EncryptedAssertion').length > 0) return { ok: false, reason: 'encrypted' }
  const assertions = descendants(doc, NS.assertion, 'Assertion')
  if (assertions.length !== 1 || assertions[0]?.parentNode !== response) return { ok: false, reason: 'malformed' }
  const assertion = assertions[0] as Element

  const responseSignatures = children(response, NS.dsig, 'Signature')
  const assertionSignatures = children(assertion, NS.dsig, 'Signature')
  const allSignatures = descendants(doc, NS.dsig, 'Signature')
  if (responseSignatures.length > 1 || assertionSignatures.length > 1) return { ok: false, reason: 'bad-signature' }
  if (allSignatures.length !== responseSignatures.length + assertionSignatures.length || allSignatures.length === 0) return { ok: false, reason: 'bad-signature' }

  // Every signature present must verify; the assertion is read from the innermost signed copy.
  let signedResponse: Element | undefined
  let signedAssertionCopy: Element | undefined
  if (responseSignatures[0]) {
    signedResponse = verifiedCopy(xml, responseSignatures[0], response, certificates)
    if (!signedResponse) return { ok: false, reason: 'bad-signature' }
  }
  if (assertionSignatures[0]) {
    signedAssertionCopy = verifiedCopy(xml, assertionSignatures[0], assertion, certificates)
    if (!signedAssertionCopy) return { ok: false, reason: 'bad-signature' }
  }
  const fromResponse = signedResponse ? onlyChild(signedResponse, NS.assertion, 'Assertion') : undefined
  const chosen = signedAssertionCopy ?? fromResponse
  if (!chosen || !isElement(chosen, NS.assertion, 'Assertion')) return { ok: false, reason: 'bad-signature' }
  return { ok: true, assertion: chosen, response: signedResponse ?? response }
}

/**
 * The element `signature` signs, re-parsed from the canonical bytes it verified, when the
 * signature is valid under one of the certificates and references exactly its parent element.
 */
function verifiedCopy(xml: string, signature: Element, parent: Element, certificates: readonly string[]): Element | undefined {
  const id = parent.getAttribute('ID')
  if (!id) return undefined
  for (const certificate of certificates) {
    // No getCertFromKeyInfo: a key the document carries is never trusted, only the metadata's.
    const verifier = new SignedXml({ publicCert: certificate })
    try {
      verifier.loadSignature(signature)
      if (!SIGNATURE_ALGORITHMS.has(verifier.signatureAlgorithm ?? '')) return undefined
      if (!verifier.checkSignature(xml)) continue
    } catch {
      continue
    }
    const references = verifier.getReferences()
    const signed = verifier.getSignedReferences()
    if (references.length !== 1 || references[0]?.uri !== `#${id}` || signed.length !== 1) return undefined
    return parseXml(signed[0] as string)?.documentElement ?? undefined
  }
  return undefined
}
