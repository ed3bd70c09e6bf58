// SAML providers through the AWS SDK against a started server: lifecycle with real IdP metadata,
// ValidUntil, metadata IAM cannot use, tags, AWS's errors, and enforcement as a non-root user.

import {
  CreateSAMLProviderCommand,
  DeleteSAMLProviderCommand,
  GetAccountSummaryCommand,
  GetSAMLProviderCommand,
  ListSAMLProvidersCommand,
  ListSAMLProviderTagsCommand,
  TagSAMLProviderCommand,
  UntagSAMLProviderCommand,
  UpdateSAMLProviderCommand
} from '@aws-sdk/client-iam'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testIdp, type TestIdp } from '../../src/app/federation/test-support/saml-idp.js'
import { implicitDenial, userWithPolicy } from './support/credentials-callers.js'
import { startTestServer, type TestServer } from './support/server.js'

const ACCOUNT = '123456789012'
let server: TestServer
let idp: TestIdp

beforeAll(async () => {
  server = await startTestServer({ accountId: ACCOUNT })
  idp = testIdp()
})
afterAll(async () => {
  await server.close()
})

const arnOf = (name: string) => `arn:aws:iam::${ACCOUNT}:saml-provider/${name}`
const create = (name: string, more: Partial<ConstructorParameters<typeof CreateSAMLProviderCommand>[0]> = {}) =>
  server.iam().send(new CreateSAMLProviderCommand({ Name: name, SAMLMetadataDocument: idp.metadata(), ...more }))

async function expectError(call: Promise<unknown>, name: string, message: string, status: number): Promise<void> {
  await expect(call).rejects.toMatchObject({ name, message, $metadata: { httpStatusCode: status } })
}

/** Well-formed XML of the length the model asks for, but not SAML metadata. */
const NOT_METADATA = `<?xml version="1.0"?><root><!-- ${'x'.repeat(1100)} --></root>`

describe('SAML providers', () => {
  it('creates, reads, updates, lists and deletes a provider', async () => {
    const iam = server.iam()
    const created = await create('Corp', { Tags: [{ Key: 'owner', Value: 'it' }] })
    expect(created).toMatchObject({ SAMLProviderArn: arnOf('Corp'), Tags: [{ Key: 'owner', Value: 'it' }] })
    const got = await iam.send(new GetSAMLProviderCommand({ SAMLProviderArn: arnOf('Corp') }))
    expect(got).toMatchObject({ SAMLMetadataDocument: idp.metadata(), Tags: [{ Key: 'owner', Value: 'it' }] })
    // Metadata without validUntil: valid a hundred years from creation.
    expect(got.ValidUntil?.getUTCFullYear()).toBe((got.CreateDate as Date).getUTCFullYear() + 100)

    const renewed = idp.metadata({ validUntil: '2030-01-01T00:00:00Z' })
    expect(await iam.send(new UpdateSAMLProviderCommand({ SAMLProviderArn: arnOf('Corp'), SAMLMetadataDocument: renewed }))).toMatchObject({ SAMLProviderArn: arnOf('Corp') })
    const updated = await iam.send(new GetSAMLProviderCommand({ SAMLProviderArn: arnOf('Corp') }))
    expect(updated).toMatchObject({ SAMLMetadataDocument: renewed, ValidUntil: new Date('2030-01-01T00:00:00Z') })

    const listed = (await iam.send(new ListSAMLProvidersCommand({}))).SAMLProviderList
    expect(listed).toContainEqual({ Arn: arnOf('Corp'), ValidUntil: new Date('2030-01-01T00:00:00Z'), CreateDate: got.CreateDate })

    await iam.send(new DeleteSAMLProviderCommand({ SAMLProviderArn: arnOf('Corp') }))
    await expectError(iam.send(new GetSAMLProviderCommand({ SAMLProviderArn: arnOf('Corp') })), 'NoSuchEntityException', `Manifest not found for arn ${arnOf('Corp')}`, 404)
    await expectError(iam.send(new DeleteSAMLProviderCommand({ SAMLProviderArn: arnOf('Corp') })), 'NoSuchEntityException', `Manifest not found for arn ${arnOf('Corp')}`, 404)
  })

  it('refuses metadata it cannot use: not SAML, no signing certificate, a broken certificate', async () => {
    await expectError(create('Bad', { SAMLMetadataDocument: NOT_METADATA }), 'InvalidInputException', 'Could not parse metadata', 400)
    const noKey = idp.metadata().replace(/<md:KeyDescriptor[\s\S]*<\/md:KeyDescriptor>/, `<!-- ${'k'.repeat(1200)} -->`)
    await expectError(create('NoKey', { SAMLMetadataDocument: noKey }), 'InvalidInputException', 'Could not parse metadata', 400)
    const brokenCert = idp.metadata().replace(/<ds:X509Certificate>[A-Za-z]{8}/, '<ds:X509Certificate>AAAAAAAA')
    await expectError(create('Broken', { SAMLMetadataDocument: brokenCert }), 'InvalidInputException', 'Could not parse metadata', 400)
    await expectError(create('Truncated', { SAMLMetadataDocument: idp.metadata().slice(0, -30) }), 'InvalidInputException', 'Could not parse metadata', 400)
    await create('Good')
    await expectError(
      server.iam().send(new UpdateSAMLProviderCommand({ SAMLProviderArn: arnOf('Good'), SAMLMetadataDocument: NOT_METADATA })),
      'InvalidInputException',
      'Could not parse metadata',
      400
    )
    await expect(create('Short', { SAMLMetadataDocument: '<md:EntityDescriptor/>' })).rejects.toMatchObject({ name: 'ValidationError', $metadata: { httpStatusCode: 400 } })
  })

  it('refuses a second provider of the same name (in any case)', async () => {
    await create('Dup')
    await expectError(create('dup'), 'EntityAlreadyExistsException', 'Provider with name dup already exists.', 409)
  })

  it('tags with case-sensitive keys and counts providers in GetAccountSummary', async () => {
    const iam = server.iam()
    const before = (await iam.send(new GetAccountSummaryCommand({}))).SummaryMap?.Providers ?? 0
    await create('Tagged')
    expect((await iam.send(new GetAccountSummaryCommand({}))).SummaryMap?.Providers).toBe(before + 1)
    await iam.send(
      new TagSAMLProviderCommand({
        SAMLProviderArn: arnOf('Tagged'),
        Tags: [
          { Key: 'A', Value: '1' },
          { Key: 'a', Value: '2' }
        ]
      })
    )
    await iam.send(new UntagSAMLProviderCommand({ SAMLProviderArn: arnOf('Tagged'), TagKeys: ['A'] }))
    expect(await iam.send(new ListSAMLProviderTagsCommand({ SAMLProviderArn: arnOf('Tagged') }))).toMatchObject({ Tags: [{ Key: 'a', Value: '2' }], IsTruncated: false })
    await expectError(iam.send(new ListSAMLProviderTagsCommand({ SAMLProviderArn: arnOf('Nope') })), 'NoSuchEntityException', `Manifest not found for arn ${arnOf('Nope')}`, 404)
  })

  it("denies a user what its policies do not allow, with AWS's message", async () => {
    await create('Guarded')
    const user = await userWithPolicy(server, 'saml-reader', [{ Effect: 'Allow', Action: ['iam:GetSAMLProvider', 'iam:ListSAMLProviders'], Resource: '*' }])
    expect((await user.iam.send(new GetSAMLProviderCommand({ SAMLProviderArn: arnOf('Guarded') }))).SAMLMetadataDocument).toBe(idp.metadata())
    expect((await user.iam.send(new ListSAMLProvidersCommand({}))).SAMLProviderList?.map((p) => p.Arn)).toContain(arnOf('Guarded'))
    await expectError(
      user.iam.send(new CreateSAMLProviderCommand({ Name: 'Mine', SAMLMetadataDocument: idp.metadata() })),
      'AccessDenied',
      implicitDenial(user.arn, 'iam:CreateSAMLProvider', arnOf('Mine')),
      403
    )
    await expectError(
      user.iam.send(new UpdateSAMLProviderCommand({ SAMLProviderArn: arnOf('Guarded'), SAMLMetadataDocument: idp.metadata() })),
      'AccessDenied',
      implicitDenial(user.arn, 'iam:UpdateSAMLProvider', arnOf('Guarded')),
      403
    )
    await expectError(
      user.iam.send(new DeleteSAMLProviderCommand({ SAMLProviderArn: arnOf('Guarded') })),
      'AccessDenied',
      implicitDenial(user.arn, 'iam:DeleteSAMLProvider', arnOf('Guarded')),
      403
    )
    await expectError(
      user.iam.send(new UntagSAMLProviderCommand({ SAMLProviderArn: arnOf('Guarded'), TagKeys: ['x'] })),
      'AccessDenied',
      implicitDenial(user.arn, 'iam:UntagSAMLProvider', arnOf('Guarded')),
      403
    )
  })
})
