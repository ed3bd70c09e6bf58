// SSH public keys through the AWS SDK: upload in ssh-rsa or PEM form, MD5 fingerprints as
// ssh-keygen prints them, both encodings on Get, duplicates, the quota, and enforcement.

import {
  CreateUserCommand,
  DeleteSSHPublicKeyCommand,
  DeleteUserCommand,
  GetSSHPublicKeyCommand,
  ListSSHPublicKeysCommand,
  UpdateSSHPublicKeyCommand,
  UploadSSHPublicKeyCommand,
  type IAMClient
} from '@aws-sdk/client-iam'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { implicitDenial, userWithPolicy } from './support/credentials-callers.js'
import { rsaKeyPair, sshRsaPublicKey } from './support/credentials-fixtures.js'
import { startTestServer, type TestServer } from './support/server.js'

let server: TestServer
let root: IAMClient
const ACCOUNT = '123456789012'

beforeAll(async () => {
  server = await startTestServer({ accountId: ACCOUNT })
  root = server.iam()
})
afterAll(async () => {
  await server.close()
})

// Made once with `ssh-keygen -t rsa -b 2048`; fingerprint from `ssh-keygen -l -E md5`, PEM from `ssh-keygen -e -m PKCS8`.
const FIXTURE_SSH =
  'ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQC/YhFEwXPcaYmPmCQxJxvAWtcmcizcqeNUbDecqMVGtei/mQk9WVId3CY4NLkyN++c6fH9wuraFxuA6m4eoqf8LkHEuKyDg4eYF1me0mJQzvKSJZOEPaJmfcDdo/kZEuJCZ/8goaiqHcTHdOPi0Iq09JmAweLFQrvVRjEXVYDXCbCzcwolhwmA5ruViTqQzVhE2hAucVPGnKSCePFJAxdgTIFEXd7/yNGAhAernIZiD1TP2pUYYikO42e0lNsfjqyAI08rWv7qvCtFqmSIkqdWVWVxjtoNPt/HoIOh2ypz77AdlU7HpUuBlEpYiI6uUQHgqaf5DKx22B0s8yxujGwl fixture@example.com'
const FIXTURE_FINGERPRINT = 'b0:75:67:27:03:c3:fd:79:c7:50:e4:9e:f7:d6:dd:9c'
const FIXTURE_PEM = `-----BEGIN PUBLIC KEY-----
MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAv2IRRMFz3GmJj5gkMScb
wFrXJnIs3KnjVGw3nKjFRrXov5kJPVlSHdwmODS5MjfvnOnx/cLq2hcbgOpuHqKn
/C5BxLisg4OHmBdZntJiUM7ykiWThD2iZn3A3aP5GRLiQmf/IKGoqh3Ex3Tj4tCK
tPSZgMHixUK71UYxF1WA1wmws3MKJYcJgOa7lYk6kM1YRNoQLnFTxpykgnjxSQMX
YEyBRF3e/8jRgIQHq5yGYg9Uz9qVGGIpDuNntJTbH46sgCNPK1r+6rwrRapkiJKn
VlVlcY7aDT7fx6CDodsqc++wHZVOx6VLgZRKWIiOrlEB4Kmn+QysdtgdLPMsboxs
JQIDAQAB
-----END PUBLIC KEY-----`
const ED25519 = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIG7ZIdpxAd57RgcdLMjcA8W7hO0utTqhAoliNP3z3+1H e'
const RSA_1024 =
  'ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAAAgQDGj6PrpGjRDVrHw1TauyS/5GvTSeDwQOmzsUl6+L6cS4nD8/fYmP+6HKrsdttpRxZf0niq+4RiGkSfw6L38/HclzlsYoXOhJ8v9vMp1S9vKyk41ebNJ099sKkiHu9bCz5KknLJsz6nGO1K5KIekYS+k6961TL2slmO95ZQaBk9iw== s'

describe('SSH public keys', () => {
  it('uploads an ssh-rsa key, fingerprints it as ssh-keygen does, and returns it in either encoding', async () => {
    await root.send(new CreateUserCommand({ UserName: 'git-user' }))
    const uploaded = (await root.send(new UploadSSHPublicKeyCommand({ UserName: 'git-user', SSHPublicKeyBody: FIXTURE_SSH }))).SSHPublicKey
    expect(uploaded).toMatchObject({ UserName: 'git-user', Fingerprint: FIXTURE_FINGERPRINT, SSHPublicKeyBody: FIXTURE_SSH, Status: 'Active' })
    expect(uploaded?.SSHPublicKeyId).toMatch(/^APKA[A-Z2-7]{16}$/)
    expect(uploaded?.UploadDate).toBeInstanceOf(Date)
    const id = uploaded?.SSHPublicKeyId as string
    const asSsh = (await root.send(new GetSSHPublicKeyCommand({ UserName: 'git-user', SSHPublicKeyId: id, Encoding: 'SSH' }))).SSHPublicKey
    expect(asSsh).toMatchObject({ SSHPublicKeyBody: FIXTURE_SSH, Fingerprint: FIXTURE_FINGERPRINT })
    const asPem = (await root.send(new GetSSHPublicKeyCommand({ UserName: 'git-user', SSHPublicKeyId: id, Encoding: 'PEM' }))).SSHPublicKey
    expect(asPem?.SSHPublicKeyBody).toBe(FIXTURE_PEM)

    const listed = await root.send(new ListSSHPublicKeysCommand({ UserName: 'git-user' }))
    expect(listed).toMatchObject({ IsTruncated: false, SSHPublicKeys: [{ UserName: 'git-user', SSHPublicKeyId: id, Status: 'Active' }] })
    expect(listed.SSHPublicKeys?.[0]).not.toHaveProperty('Fingerprint')
    expect(listed.SSHPublicKeys?.[0]).not.toHaveProperty('SSHPublicKeyBody')

    await root.send(new UpdateSSHPublicKeyCommand({ UserName: 'git-user', SSHPublicKeyId: id, Status: 'Inactive' }))
    expect((await root.send(new GetSSHPublicKeyCommand({ UserName: 'git-user', SSHPublicKeyId: id, Encoding: 'SSH' }))).SSHPublicKey?.Status).toBe('Inactive')

    await expect(root.send(new DeleteUserCommand({ UserName: 'git-user' }))).rejects.toMatchObject({
      name: 'DeleteConflictException',
      message: 'Cannot delete entity, must remove referenced objects first.'
    })
    await root.send(new DeleteSSHPublicKeyCommand({ UserName: 'git-user', SSHPublicKeyId: id }))
    expect((await root.send(new ListSSHPublicKeysCommand({ UserName: 'git-user' }))).SSHPublicKeys).toEqual([])
    await root.send(new DeleteUserCommand({ UserName: 'git-user' }))
  })

  it('takes PEM keys, and knows a key already uploaded in the other form', async () => {
    await root.send(new CreateUserCommand({ UserName: 'pem-user' }))
    const uploaded = (await root.send(new UploadSSHPublicKeyCommand({ UserName: 'pem-user', SSHPublicKeyBody: FIXTURE_PEM }))).SSHPublicKey
    expect(uploaded).toMatchObject({ Fingerprint: FIXTURE_FINGERPRINT, SSHPublicKeyBody: FIXTURE_PEM })
    const asSsh = (await root.send(new GetSSHPublicKeyCommand({ UserName: 'pem-user', SSHPublicKeyId: uploaded?.SSHPublicKeyId, Encoding: 'SSH' }))).SSHPublicKey
    expect(asSsh?.SSHPublicKeyBody).toBe(FIXTURE_SSH.split(' ').slice(0, 2).join(' '))
    await expect(root.send(new UploadSSHPublicKeyCommand({ UserName: 'pem-user', SSHPublicKeyBody: FIXTURE_SSH }))).rejects.toMatchObject({
      name: 'DuplicateSSHPublicKeyException',
      $metadata: { httpStatusCode: 400 }
    })
    // Another user may use the same key.
    await root.send(new CreateUserCommand({ UserName: 'pem-user-2' }))
    await root.send(new UploadSSHPublicKeyCommand({ UserName: 'pem-user-2', SSHPublicKeyBody: FIXTURE_SSH }))
  })

  it('refuses keys IAM cannot take', async () => {
    await root.send(new CreateUserCommand({ UserName: 'bad-keys' }))
    const upload = (body: string) => root.send(new UploadSSHPublicKeyCommand({ UserName: 'bad-keys', SSHPublicKeyBody: body }))
    for (const body of [ED25519, 'not a key at all', '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----']) {
      await expect(upload(body)).rejects.toMatchObject({ name: 'UnrecognizedPublicKeyEncodingException', $metadata: { httpStatusCode: 400 } })
    }
    for (const body of [RSA_1024, 'ssh-rsa not-base64!', 'ssh-rsa AAAAB3NzaC1yc2EAAAADAQAB', '-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----']) {
      await expect(upload(body)).rejects.toMatchObject({ name: 'InvalidPublicKeyException', $metadata: { httpStatusCode: 400 } })
    }
    expect((await root.send(new ListSSHPublicKeysCommand({ UserName: 'bad-keys' }))).SSHPublicKeys).toEqual([])
  })

  it('allows five keys per user and pages them', async () => {
    await root.send(new CreateUserCommand({ UserName: 'many-keys' }))
    const ids: string[] = []
    for (let i = 0; i < 5; i++) {
      const body = sshRsaPublicKey(rsaKeyPair().publicKey)
      ids.push((await root.send(new UploadSSHPublicKeyCommand({ UserName: 'many-keys', SSHPublicKeyBody: body }))).SSHPublicKey?.SSHPublicKeyId as string)
    }
    await expect(root.send(new UploadSSHPublicKeyCommand({ UserName: 'many-keys', SSHPublicKeyBody: sshRsaPublicKey(rsaKeyPair().publicKey) }))).rejects.toMatchObject({
      name: 'LimitExceededException',
      message: 'Cannot exceed quota for PublicKeysPerUser: 5',
      $metadata: { httpStatusCode: 409 }
    })
    const first = await root.send(new ListSSHPublicKeysCommand({ UserName: 'many-keys', MaxItems: 3 }))
    expect(first.IsTruncated).toBe(true)
    const rest = await root.send(new ListSSHPublicKeysCommand({ UserName: 'many-keys', MaxItems: 3, Marker: first.Marker }))
    expect(rest.IsTruncated).toBe(false)
    expect([...(first.SSHPublicKeys ?? []), ...(rest.SSHPublicKeys ?? [])].map((k) => k.SSHPublicKeyId)).toEqual(ids)
  })

  it('reports unknown keys and users, and keys of other users as unknown', async () => {
    await root.send(new CreateUserCommand({ UserName: 'ssh-a' }))
    await root.send(new CreateUserCommand({ UserName: 'ssh-b' }))
    const bKey = (await root.send(new UploadSSHPublicKeyCommand({ UserName: 'ssh-b', SSHPublicKeyBody: FIXTURE_SSH }))).SSHPublicKey?.SSHPublicKeyId as string
    const missing = 'APKAAAAAAAAAAAAAAAAA'
    const noKey = (id: string) => ({ name: 'NoSuchEntityException', message: `The Public Key with id ${id} cannot be found.`, $metadata: { httpStatusCode: 404 } })
    await expect(root.send(new GetSSHPublicKeyCommand({ UserName: 'ssh-a', SSHPublicKeyId: missing, Encoding: 'SSH' }))).rejects.toMatchObject(noKey(missing))
    await expect(root.send(new UpdateSSHPublicKeyCommand({ UserName: 'ssh-a', SSHPublicKeyId: bKey, Status: 'Inactive' }))).rejects.toMatchObject(noKey(bKey))
    await expect(root.send(new DeleteSSHPublicKeyCommand({ UserName: 'ssh-a', SSHPublicKeyId: bKey }))).rejects.toMatchObject(noKey(bKey))
    await expect(root.send(new UploadSSHPublicKeyCommand({ UserName: 'nobody', SSHPublicKeyBody: FIXTURE_SSH }))).rejects.toMatchObject({
      name: 'NoSuchEntityException',
      message: 'The user with name nobody cannot be found.'
    })
  })

  it("lists the caller's own keys without a user name, and denies what it may not do", async () => {
    const user = await userWithPolicy(server, 'ssh-self', [
      { Effect: 'Allow', Action: ['iam:UploadSSHPublicKey', 'iam:ListSSHPublicKeys'], Resource: `arn:aws:iam::${ACCOUNT}:user/ssh-self` }
    ])
    await user.iam.send(new UploadSSHPublicKeyCommand({ UserName: 'ssh-self', SSHPublicKeyBody: FIXTURE_SSH }))
    expect((await user.iam.send(new ListSSHPublicKeysCommand({}))).SSHPublicKeys?.map((k) => k.UserName)).toEqual(['ssh-self'])
    expect((await root.send(new ListSSHPublicKeysCommand({}))).SSHPublicKeys).toEqual([])
    await expect(user.iam.send(new ListSSHPublicKeysCommand({ UserName: 'ssh-a' }))).rejects.toMatchObject({
      name: 'AccessDenied',
      message: implicitDenial(user.arn, 'iam:ListSSHPublicKeys', 'user ssh-a'),
      $metadata: { httpStatusCode: 403 }
    })
    await expect(user.iam.send(new DeleteSSHPublicKeyCommand({ UserName: 'ssh-self', SSHPublicKeyId: 'APKAAAAAAAAAAAAAAAAA' }))).rejects.toMatchObject({
      name: 'AccessDenied',
      message: implicitDenial(user.arn, 'iam:DeleteSSHPublicKey', 'user ssh-self')
    })
  })
})
