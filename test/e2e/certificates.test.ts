// Signing and server certificates through the AWS SDK, with certificates made on the fly:
// parsing and validation errors, key matching, chains, quotas, renames, tags and enforcement.

import {
  CreateUserCommand,
  DeleteServerCertificateCommand,
  DeleteSigningCertificateCommand,
  DeleteUserCommand,
  GetServerCertificateCommand,
  ListServerCertificatesCommand,
  ListServerCertificateTagsCommand,
  ListSigningCertificatesCommand,
  TagServerCertificateCommand,
  UntagServerCertificateCommand,
  UpdateServerCertificateCommand,
  UpdateSigningCertificateCommand,
  UploadServerCertificateCommand,
  UploadSigningCertificateCommand,
  type IAMClient
} from '@aws-sdk/client-iam'
import { X509Certificate } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { implicitDenial, userWithPolicy } from './support/credentials-callers.js'
import { certificate, rsaKeyPair, type KeyPair } from './support/credentials-fixtures.js'
import { startTestServer, type TestServer } from './support/server.js'

let server: TestServer
let root: IAMClient
let keys: KeyPair
let otherKeys: KeyPair
const ACCOUNT = '123456789012'

beforeAll(async () => {
  server = await startTestServer({ accountId: ACCOUNT })
  root = server.iam()
  keys = rsaKeyPair()
  otherKeys = rsaKeyPair()
})
afterAll(async () => {
  await server.close()
})

const PARSE_ERROR = 'Unable to parse certificate. Please ensure the certificate is in PEM format.'
const chainError = (index: number) =>
  `Unable to validate certificate chain. The certificate chain must start with the immediate signing certificate, followed by any intermediaries in order. The index within the chain of the invalid certificate is: ${index}`

describe('signing certificates', () => {
  it('uploads, lists (with the body), deactivates and deletes a certificate', async () => {
    await root.send(new CreateUserCommand({ UserName: 'signer' }))
    const body = certificate(keys)
    const uploaded = (await root.send(new UploadSigningCertificateCommand({ UserName: 'signer', CertificateBody: body }))).Certificate
    expect(uploaded).toMatchObject({ UserName: 'signer', CertificateBody: body.trimEnd(), Status: 'Active' })
    expect(uploaded?.CertificateId).toMatch(/^[A-Z0-9]{28}$/)
    expect(uploaded?.UploadDate).toBeInstanceOf(Date)
    const id = uploaded?.CertificateId as string
    expect(await root.send(new ListSigningCertificatesCommand({ UserName: 'signer' }))).toMatchObject({
      IsTruncated: false,
      Certificates: [{ UserName: 'signer', CertificateId: id, CertificateBody: body.trimEnd(), Status: 'Active' }]
    })
    await root.send(new UpdateSigningCertificateCommand({ UserName: 'signer', CertificateId: id, Status: 'Inactive' }))
    expect((await root.send(new ListSigningCertificatesCommand({ UserName: 'signer' }))).Certificates?.[0]?.Status).toBe('Inactive')
    await expect(root.send(new DeleteUserCommand({ UserName: 'signer' }))).rejects.toMatchObject({
      name: 'DeleteConflictException',
      message: 'Cannot delete entity, must delete certificates first.'
    })
    await root.send(new DeleteSigningCertificateCommand({ UserName: 'signer', CertificateId: id }))
    expect((await root.send(new ListSigningCertificatesCommand({ UserName: 'signer' }))).Certificates).toEqual([])
    await root.send(new DeleteUserCommand({ UserName: 'signer' }))
  })

  it('refuses malformed, expired and duplicate certificates, and a third one', async () => {
    await root.send(new CreateUserCommand({ UserName: 'sc-a' }))
    await root.send(new CreateUserCommand({ UserName: 'sc-b' }))
    const upload = (UserName: string, CertificateBody: string) => root.send(new UploadSigningCertificateCommand({ UserName, CertificateBody }))
    await expect(upload('sc-a', 'invalid-certificate-body')).rejects.toMatchObject({
      name: 'MalformedCertificateException',
      message: 'Certificate invalid-certificate-body is malformed.',
      $metadata: { httpStatusCode: 400 }
    })
    const expired = certificate(keys, { notBefore: new Date(Date.now() - 2 * 86_400_000), notAfter: new Date(Date.now() - 86_400_000) })
    await expect(upload('sc-a', expired)).rejects.toMatchObject({ name: 'InvalidCertificateException', $metadata: { httpStatusCode: 400 } })
    const shared = certificate(keys)
    await upload('sc-a', shared)
    // The same certificate, even re-wrapped, for any user of the account.
    const rewrapped = shared.replace(/\n/g, '\r\n') + '\n\n'
    await expect(upload('sc-b', rewrapped)).rejects.toMatchObject({ name: 'DuplicateCertificateException', $metadata: { httpStatusCode: 409 } })
    await upload('sc-a', certificate(keys))
    await expect(upload('sc-a', certificate(keys))).rejects.toMatchObject({
      name: 'LimitExceededException',
      message: 'Cannot exceed quota for CertificatesPerUser: 2',
      $metadata: { httpStatusCode: 409 }
    })
  })

  it('reports unknown certificates and users', async () => {
    await root.send(new CreateUserCommand({ UserName: 'sc-c' }))
    const missing = 'NONEXISTENTCERTID12345678901'
    for (const command of [
      new UpdateSigningCertificateCommand({ UserName: 'sc-c', CertificateId: missing, Status: 'Inactive' }),
      new DeleteSigningCertificateCommand({ UserName: 'sc-c', CertificateId: missing })
    ]) {
      await expect(root.send(command as DeleteSigningCertificateCommand)).rejects.toMatchObject({
        name: 'NoSuchEntityException',
        message: `The Certificate with id ${missing} cannot be found.`,
        $metadata: { httpStatusCode: 404 }
      })
    }
    await expect(root.send(new DeleteSigningCertificateCommand({ UserName: 'nonexistent-user', CertificateId: missing }))).rejects.toMatchObject({
      name: 'NoSuchEntityException',
      message: 'The user with name nonexistent-user cannot be found.'
    })
    await expect(root.send(new ListSigningCertificatesCommand({ UserName: 'nonexistent-user' }))).rejects.toMatchObject({ name: 'NoSuchEntityException' })
  })

  it("keeps the root user's own certificates when root omits UserName", async () => {
    const body = certificate(keys)
    const uploaded = (await root.send(new UploadSigningCertificateCommand({ CertificateBody: body }))).Certificate
    expect(uploaded?.UserName).toBeUndefined()
    const listed = await root.send(new ListSigningCertificatesCommand({}))
    expect(listed.Certificates?.map((c) => c.CertificateId)).toEqual([uploaded?.CertificateId])
    await root.send(new DeleteSigningCertificateCommand({ CertificateId: uploaded?.CertificateId }))
    expect((await root.send(new ListSigningCertificatesCommand({}))).Certificates).toEqual([])
  })

  it('denies what the caller may not do, naming the user', async () => {
    const user = await userWithPolicy(server, 'sc-limited', [{ Effect: 'Allow', Action: 'iam:ListSigningCertificates', Resource: '*' }])
    expect((await user.iam.send(new ListSigningCertificatesCommand({}))).Certificates).toEqual([])
    await expect(user.iam.send(new UploadSigningCertificateCommand({ CertificateBody: certificate(keys) }))).rejects.toMatchObject({
      name: 'AccessDenied',
      message: implicitDenial(user.arn, 'iam:UploadSigningCertificate', 'user sc-limited'),
      $metadata: { httpStatusCode: 403 }
    })
  })
})

describe('server certificates', () => {
  it('uploads with a path, tags and chain; gets it back without the private key; lists by path', async () => {
    const ca = rsaKeyPair()
    const caPem = certificate(ca, { subject: 'Test CA', ca: true })
    const notAfter = new Date(Math.floor(Date.now() / 1000) * 1000 + 90 * 86_400_000)
    const body = certificate(keys, { subject: 'www.example.com', issuer: { name: 'Test CA', keys: ca }, notAfter })
    const uploaded = await root.send(
      new UploadServerCertificateCommand({
        ServerCertificateName: 'www',
        Path: '/cloudfront/',
        CertificateBody: body + '\n\n',
        PrivateKey: keys.privateKeyPem,
        CertificateChain: caPem,
        Tags: [{ Key: 'env', Value: 'prod' }]
      })
    )
    expect(uploaded.ServerCertificateMetadata).toMatchObject({
      Path: '/cloudfront/',
      ServerCertificateName: 'www',
      Arn: `arn:aws:iam::${ACCOUNT}:server-certificate/cloudfront/www`,
      Expiration: notAfter
    })
    expect(uploaded.ServerCertificateMetadata?.ServerCertificateId).toMatch(/^ASCA[A-Z2-7]{17}$/)
    expect(uploaded.ServerCertificateMetadata?.UploadDate).toBeInstanceOf(Date)
    expect(uploaded.Tags).toEqual([{ Key: 'env', Value: 'prod' }])

    const got = (await root.send(new GetServerCertificateCommand({ ServerCertificateName: 'www' }))).ServerCertificate
    expect(got).toMatchObject({ CertificateBody: body.trimEnd(), CertificateChain: caPem.trimEnd(), Tags: [{ Key: 'env', Value: 'prod' }] })
    expect(got?.ServerCertificateMetadata).toEqual(uploaded.ServerCertificateMetadata)
    expect(JSON.stringify(got)).not.toContain('PRIVATE KEY')
    const stored = await server.running.ctx.store.read.serverCertificates.byName(ACCOUNT, 'www')
    expect(stored?.privateKeyCipher).not.toContain('PRIVATE KEY')
    expect(server.running.ctx.secrets.open(stored?.privateKeyCipher as string)).toBe(keys.privateKeyPem)

    const plain = await root.send(new UploadServerCertificateCommand({ ServerCertificateName: 'plain', CertificateBody: certificate(keys), PrivateKey: keys.privateKeyPem }))
    expect(plain.ServerCertificateMetadata?.Arn).toBe(`arn:aws:iam::${ACCOUNT}:server-certificate/plain`)
    expect(plain.Tags).toBeUndefined()
    const plainGot = (await root.send(new GetServerCertificateCommand({ ServerCertificateName: 'plain' }))).ServerCertificate
    expect(plainGot?.Tags).toEqual([])
    expect(plainGot?.CertificateChain).toBeUndefined()

    expect((await root.send(new ListServerCertificatesCommand({ PathPrefix: '/cloudfront/' }))).ServerCertificateMetadataList?.map((c) => c.ServerCertificateName)).toEqual(['www'])
    const all = await root.send(new ListServerCertificatesCommand({}))
    expect(all.ServerCertificateMetadataList?.map((c) => c.ServerCertificateName)).toEqual(['plain', 'www'])
    const page = await root.send(new ListServerCertificatesCommand({ MaxItems: 1 }))
    expect(page).toMatchObject({ IsTruncated: true, ServerCertificateMetadataList: [{ ServerCertificateName: 'plain' }] })
    const next = await root.send(new ListServerCertificatesCommand({ MaxItems: 1, Marker: page.Marker }))
    expect(next).toMatchObject({ IsTruncated: false, ServerCertificateMetadataList: [{ ServerCertificateName: 'www' }] })
    for (const name of ['www', 'plain']) await root.send(new DeleteServerCertificateCommand({ ServerCertificateName: name }))
  })

  it('refuses unparseable certificates, a private key of another pair, and broken chains', async () => {
    const upload = (CertificateBody: string, PrivateKey: string, CertificateChain?: string) =>
      root.send(new UploadServerCertificateCommand({ ServerCertificateName: 'broken', CertificateBody, PrivateKey, CertificateChain }))
    const body = certificate(keys)
    await expect(upload('not a certificate', keys.privateKeyPem)).rejects.toMatchObject({
      name: 'MalformedCertificateException',
      message: PARSE_ERROR,
      $metadata: { httpStatusCode: 400 }
    })
    await expect(upload(body, otherKeys.privateKeyPem)).rejects.toMatchObject({ name: 'KeyPairMismatchException', $metadata: { httpStatusCode: 400 } })
    await expect(upload(body, 'not a key')).rejects.toMatchObject({ name: 'MalformedCertificateException', $metadata: { httpStatusCode: 400 } })
    // The chain must start with the body's issuer, then that one's issuer, and so on.
    const rootCa = rsaKeyPair()
    const intermediate = rsaKeyPair()
    const rootPem = certificate(rootCa, { subject: 'Root CA', ca: true })
    const intermediatePem = certificate(intermediate, { subject: 'Intermediate CA', issuer: { name: 'Root CA', keys: rootCa }, ca: true })
    const leaf = certificate(keys, { subject: 'leaf.example.com', issuer: { name: 'Intermediate CA', keys: intermediate } })
    await expect(upload(leaf, keys.privateKeyPem, rootPem)).rejects.toMatchObject({ name: 'MalformedCertificateException', message: chainError(-1) })
    await expect(upload(leaf, keys.privateKeyPem, intermediatePem + certificate(otherKeys))).rejects.toMatchObject({
      name: 'MalformedCertificateException',
      message: chainError(0)
    })
    await expect(upload(leaf, keys.privateKeyPem, 'garbage')).rejects.toMatchObject({ name: 'MalformedCertificateException', message: PARSE_ERROR })
    await expect(root.send(new GetServerCertificateCommand({ ServerCertificateName: 'broken' }))).rejects.toMatchObject({ name: 'NoSuchEntityException' })
    await upload(leaf, keys.privateKeyPem, intermediatePem + rootPem)
    expect(new X509Certificate((await root.send(new GetServerCertificateCommand({ ServerCertificateName: 'broken' }))).ServerCertificate?.CertificateBody as string).subject).toBe(
      'CN=leaf.example.com'
    )
    await root.send(new DeleteServerCertificateCommand({ ServerCertificateName: 'broken' }))
  })

  it('renames and moves, refusing taken names; deletes', async () => {
    const upload = (name: string) =>
      root.send(new UploadServerCertificateCommand({ ServerCertificateName: name, CertificateBody: certificate(keys), PrivateKey: keys.privateKeyPem }))
    await upload('old-name')
    await upload('taken')
    await expect(upload('taken')).rejects.toMatchObject({
      name: 'EntityAlreadyExistsException',
      message: 'The Server Certificate with name taken already exists.',
      $metadata: { httpStatusCode: 409 }
    })
    await expect(root.send(new UpdateServerCertificateCommand({ ServerCertificateName: 'old-name', NewServerCertificateName: 'taken' }))).rejects.toMatchObject({
      name: 'EntityAlreadyExistsException',
      message: 'The Server Certificate with name taken already exists.'
    })
    await root.send(new UpdateServerCertificateCommand({ ServerCertificateName: 'old-name', NewServerCertificateName: 'new-name', NewPath: '/elb/' }))
    expect((await root.send(new GetServerCertificateCommand({ ServerCertificateName: 'new-name' }))).ServerCertificate?.ServerCertificateMetadata).toMatchObject({
      Path: '/elb/',
      Arn: `arn:aws:iam::${ACCOUNT}:server-certificate/elb/new-name`
    })
    const gone = { name: 'NoSuchEntityException', message: 'The Server Certificate with name old-name cannot be found.', $metadata: { httpStatusCode: 404 } }
    await expect(root.send(new GetServerCertificateCommand({ ServerCertificateName: 'old-name' }))).rejects.toMatchObject(gone)
    await expect(root.send(new UpdateServerCertificateCommand({ ServerCertificateName: 'old-name', NewPath: '/x/' }))).rejects.toMatchObject(gone)
    await expect(root.send(new DeleteServerCertificateCommand({ ServerCertificateName: 'old-name' }))).rejects.toMatchObject(gone)
    for (const name of ['new-name', 'taken']) await root.send(new DeleteServerCertificateCommand({ ServerCertificateName: name }))
    expect((await root.send(new ListServerCertificatesCommand({}))).ServerCertificateMetadataList).toEqual([])
  })

  it('tags with case-sensitive keys and lists them by key', async () => {
    await root.send(new UploadServerCertificateCommand({ ServerCertificateName: 'tagged', CertificateBody: certificate(keys), PrivateKey: keys.privateKeyPem }))
    await root.send(
      new TagServerCertificateCommand({
        ServerCertificateName: 'tagged',
        Tags: [
          { Key: 'team', Value: 'a' },
          { Key: 'Env', Value: 'prod' },
          { Key: 'env', Value: 'dev' }
        ]
      })
    )
    await root.send(new TagServerCertificateCommand({ ServerCertificateName: 'tagged', Tags: [{ Key: 'team', Value: 'b' }] }))
    expect((await root.send(new ListServerCertificateTagsCommand({ ServerCertificateName: 'tagged' }))).Tags).toEqual([
      { Key: 'Env', Value: 'prod' },
      { Key: 'env', Value: 'dev' },
      { Key: 'team', Value: 'b' }
    ])
    const page = await root.send(new ListServerCertificateTagsCommand({ ServerCertificateName: 'tagged', MaxItems: 2 }))
    expect(page).toMatchObject({ IsTruncated: true })
    await root.send(new UntagServerCertificateCommand({ ServerCertificateName: 'tagged', TagKeys: ['env', 'absent'] }))
    expect((await root.send(new GetServerCertificateCommand({ ServerCertificateName: 'tagged' }))).ServerCertificate?.Tags).toEqual([
      { Key: 'team', Value: 'b' },
      { Key: 'Env', Value: 'prod' }
    ])
    await expect(
      root.send(
        new TagServerCertificateCommand({
          ServerCertificateName: 'tagged',
          Tags: [
            { Key: 'k', Value: '1' },
            { Key: 'k', Value: '2' }
          ]
        })
      )
    ).rejects.toMatchObject({ name: 'InvalidInputException', message: 'Duplicate tag keys found.' })
    await expect(root.send(new TagServerCertificateCommand({ ServerCertificateName: 'missing', Tags: [{ Key: 'k', Value: 'v' }] }))).rejects.toMatchObject({
      name: 'NoSuchEntityException',
      message: 'The Server Certificate with name missing cannot be found.'
    })
    await root.send(new DeleteServerCertificateCommand({ ServerCertificateName: 'tagged' }))
  })

  it('allows 20 per account', async () => {
    const names = Array.from({ length: 20 }, (_, i) => `quota-${i}`)
    const body = certificate(keys)
    for (const name of names) await root.send(new UploadServerCertificateCommand({ ServerCertificateName: name, CertificateBody: body, PrivateKey: keys.privateKeyPem }))
    await expect(root.send(new UploadServerCertificateCommand({ ServerCertificateName: 'quota-20', CertificateBody: body, PrivateKey: keys.privateKeyPem }))).rejects.toMatchObject(
      {
        name: 'LimitExceededException',
        message: 'Cannot exceed quota for ServerCertificatesPerAccount: 20',
        $metadata: { httpStatusCode: 409 }
      }
    )
    for (const name of names) await root.send(new DeleteServerCertificateCommand({ ServerCertificateName: name }))
  })

  it('authorizes on the certificate ARN, the new one too when renaming', async () => {
    const user = await userWithPolicy(server, 'cert-admin', [
      { Effect: 'Allow', Action: ['iam:ListServerCertificates', 'iam:GetServerCertificate'], Resource: '*' },
      { Effect: 'Allow', Action: 'iam:UpdateServerCertificate', Resource: `arn:aws:iam::${ACCOUNT}:server-certificate/mine/*` }
    ])
    await root.send(new UploadServerCertificateCommand({ ServerCertificateName: 'site', Path: '/mine/', CertificateBody: certificate(keys), PrivateKey: keys.privateKeyPem }))
    expect((await user.iam.send(new ListServerCertificatesCommand({}))).ServerCertificateMetadataList?.map((c) => c.ServerCertificateName)).toEqual(['site'])
    await expect(
      user.iam.send(new UploadServerCertificateCommand({ ServerCertificateName: 'new', Path: '/p/', CertificateBody: certificate(keys), PrivateKey: keys.privateKeyPem }))
    ).rejects.toMatchObject({
      name: 'AccessDenied',
      message: implicitDenial(user.arn, 'iam:UploadServerCertificate', `arn:aws:iam::${ACCOUNT}:server-certificate/p/new`),
      $metadata: { httpStatusCode: 403 }
    })
    await user.iam.send(new UpdateServerCertificateCommand({ ServerCertificateName: 'site', NewServerCertificateName: 'site2' }))
    await expect(user.iam.send(new UpdateServerCertificateCommand({ ServerCertificateName: 'site2', NewPath: '/theirs/' }))).rejects.toMatchObject({
      name: 'AccessDenied',
      message: implicitDenial(user.arn, 'iam:UpdateServerCertificate', `arn:aws:iam::${ACCOUNT}:server-certificate/theirs/site2`)
    })
    await expect(user.iam.send(new DeleteServerCertificateCommand({ ServerCertificateName: 'nope' }))).rejects.toMatchObject({
      name: 'AccessDenied',
      message: implicitDenial(user.arn, 'iam:DeleteServerCertificate', `arn:aws:iam::${ACCOUNT}:server-certificate/nope`)
    })
    await root.send(new DeleteServerCertificateCommand({ ServerCertificateName: 'site2' }))
  })
})
