// X.509 certificates as IAM takes them (signing certificates and server certificates): PEM,
// parsed with node:crypto; server certificates also bring their private key (which must match)
// and optionally the chain of issuers (each certificate signed by the next).

import { createPrivateKey, createPublicKey, X509Certificate, type KeyObject } from 'node:crypto'
import { AwsError } from '../../core/aws-error.js'

const malformed = (message: string) => new AwsError('MalformedCertificate', message, 400)

export const UNPARSEABLE_CERTIFICATE = 'Unable to parse certificate. Please ensure the certificate is in PEM format.'

/** The certificate in a PEM body, or undefined when there is none that parses. */
export function parseCertificate(pem: string): X509Certificate | undefined {
  if (!pem.includes('-----BEGIN CERTIFICATE-----')) return undefined
  try {
    return new X509Certificate(pem)
  } catch {
    return undefined
  }
}

/** When the certificate stops being valid (notAfter). */
export function notAfter(cert: X509Certificate): Date {
  return new Date(cert.validTo)
}

export function notBefore(cert: X509Certificate): Date {
  return new Date(cert.validFrom)
}

/** The same certificate, however its PEM is wrapped or spaced. */
export function sameCertificate(a: X509Certificate, b: X509Certificate): boolean {
  return a.raw.equals(b.raw)
}

/** A signing certificate's body: MalformedCertificate echoes the body (as AWS does); expired ones are InvalidCertificate. */
export function parseSigningCertificate(body: string, now: Date): X509Certificate {
  const cert = parseCertificate(body)
  if (!cert) throw malformed(`Certificate ${body} is malformed.`)
  // Wording inferred.
  if (notAfter(cert).getTime() < now.getTime()) throw new AwsError('InvalidCertificate', 'The certificate has expired.', 400)
  if (notBefore(cert).getTime() > now.getTime()) throw new AwsError('InvalidCertificate', 'The certificate is not yet valid.', 400)
  return cert
}

export interface ServerCertificateParts {
  readonly certificate: X509Certificate
  readonly chain: readonly X509Certificate[]
}

/**
 * Checks a server certificate upload: the body parses, the private key parses and belongs to
 * the body's public key, and each certificate of the chain signed the one before it (the
 * body first). AWS's chain message gives the index, within the chain, of the certificate whose
 * issuer is wrong: -1 for the body.
 */
export function checkServerCertificate(body: string, privateKey: string, chainPem: string | undefined): ServerCertificateParts {
  const certificate = parseCertificate(body)
  if (!certificate) throw malformed(UNPARSEABLE_CERTIFICATE)
  let key: KeyObject
  try {
    key = createPrivateKey({ key: privateKey, format: 'pem' })
  } catch {
    // Wording inferred.
    throw malformed('Unable to parse private key. Please ensure the private key is in PEM format and not encrypted.')
  }
  const fromKey = key.asymmetricKeyType === certificate.publicKey.asymmetricKeyType ? spki(key) : undefined
  if (!fromKey || !fromKey.equals(certificate.publicKey.export({ type: 'spki', format: 'der' }))) {
    // Wording inferred.
    throw new AwsError('KeyPairMismatch', 'The public key certificate and private key do not match.', 400)
  }
  const chain: X509Certificate[] = []
  if (chainPem !== undefined) {
    const blocks = chainPem.match(/-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g) ?? []
    if (blocks.length === 0) throw malformed(UNPARSEABLE_CERTIFICATE)
    for (const block of blocks) {
      const parsed = parseCertificate(block)
      if (!parsed) throw malformed(UNPARSEABLE_CERTIFICATE)
      chain.push(parsed)
    }
    let subject = certificate
    for (const [i, issuer] of chain.entries()) {
      if (!subject.checkIssued(issuer) || !subject.verify(issuer.publicKey)) {
        throw malformed(
          `Unable to validate certificate chain. The certificate chain must start with the immediate signing certificate, followed by any intermediaries in order. The index within the chain of the invalid certificate is: ${i - 1}`
        )
      }
      subject = issuer
    }
  }
  return { certificate, chain }
}

/** The DER SubjectPublicKeyInfo of a private key's public half. */
function spki(privateKey: KeyObject): Buffer {
  return createPublicKey(privateKey).export({ type: 'spki', format: 'der' })
}
