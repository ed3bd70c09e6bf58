// Test certificates made with the openssl command line: self-signed ones, and a small CA that
// issues server certificates, each with the SHA-1 thumbprint IAM would compute.

import { execFileSync } from 'node:child_process'
import { createHash, X509Certificate } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export interface TestCertificate {
  readonly key: string
  readonly cert: string
  /** Hex SHA-1 of the DER certificate: IAM's thumbprint. */
  readonly thumbprint: string
}

const SAN = 'subjectAltName=DNS:localhost,IP:127.0.0.1'

function withDir<T>(work: (dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'portcullis-certs-'))
  try {
    return work(dir)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

function openssl(args: string[]): void {
  execFileSync('openssl', args, { stdio: 'pipe' })
}

function loaded(keyFile: string, certFile: string): TestCertificate {
  const cert = readFileSync(certFile, 'utf8')
  return { key: readFileSync(keyFile, 'utf8'), cert, thumbprint: createHash('sha1').update(new X509Certificate(cert).raw).digest('hex') }
}

/** A self-signed certificate for localhost and 127.0.0.1 (or the subject given). */
export function selfSignedCertificate(subject = '/CN=localhost'): TestCertificate {
  return withDir((dir) => {
    const key = join(dir, 'key.pem')
    const cert = join(dir, 'cert.pem')
    openssl(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '2', '-subj', subject, '-addext', SAN])
    return loaded(key, cert)
  })
}

/** A certificate authority and a localhost server certificate it issued. */
export function certificateAuthority(): { readonly ca: TestCertificate; readonly server: TestCertificate } {
  return withDir((dir) => {
    const f = (name: string) => join(dir, name)
    openssl([
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      f('ca.key'),
      '-out',
      f('ca.pem'),
      '-days',
      '2',
      '-subj',
      '/CN=Portcullis Test CA',
      '-addext',
      'basicConstraints=critical,CA:TRUE',
      '-addext',
      'keyUsage=critical,keyCertSign,cRLSign'
    ])
    openssl(['req', '-newkey', 'rsa:2048', '-nodes', '-keyout', f('server.key'), '-out', f('server.csr'), '-subj', '/CN=localhost'])
    writeFileSync(f('ext.cnf'), `${SAN}\n`)
    openssl(['x509', '-req', '-in', f('server.csr'), '-CA', f('ca.pem'), '-CAkey', f('ca.key'), '-CAcreateserial', '-out', f('server.pem'), '-days', '2', '-extfile', f('ext.cnf')])
    return { ca: loaded(f('ca.key'), f('ca.pem')), server: loaded(f('server.key'), f('server.pem')) }
  })
}
