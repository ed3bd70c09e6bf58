// OpenID Connect providers through the AWS SDK against a started server: lifecycle, client IDs
// and thumbprints, tags (case-sensitive keys), AWS's errors, GetAccountSummary's Providers count,
// and enforcement as a non-root user.

import {
  AddClientIDToOpenIDConnectProviderCommand,
  CreateOpenIDConnectProviderCommand,
  DeleteOpenIDConnectProviderCommand,
  GetAccountSummaryCommand,
  GetOpenIDConnectProviderCommand,
  ListOpenIDConnectProvidersCommand,
  ListOpenIDConnectProviderTagsCommand,
  RemoveClientIDFromOpenIDConnectProviderCommand,
  TagOpenIDConnectProviderCommand,
  UntagOpenIDConnectProviderCommand,
  UpdateOpenIDConnectProviderThumbprintCommand
} from '@aws-sdk/client-iam'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { implicitDenial, userWithPolicy } from './support/credentials-callers.js'
import { startTestServer, type TestServer } from './support/server.js'

const ACCOUNT = '123456789012'
const A = 'a'.repeat(40)
const B = 'B'.repeat(40)
let server: TestServer

beforeAll(async () => {
  server = await startTestServer({ accountId: ACCOUNT })
})
afterAll(async () => {
  await server.close()
})

const arnOf = (url: string) => `arn:aws:iam::${ACCOUNT}:oidc-provider/${url}`
const create = (url: string, more: Partial<ConstructorParameters<typeof CreateOpenIDConnectProviderCommand>[0]> = {}) =>
  server.iam().send(new CreateOpenIDConnectProviderCommand({ Url: url, ThumbprintList: [A], ...more }))

async function expectError(call: Promise<unknown>, name: string, message: string, status: number): Promise<void> {
  await expect(call).rejects.toMatchObject({ name, message, $metadata: { httpStatusCode: status } })
}

describe('OIDC providers', () => {
  it('creates, reads, lists, updates and deletes a provider named by its URL', async () => {
    const iam = server.iam()
    const created = await create('https://token.example.com/org/1', { ClientIDList: ['sts.amazonaws.com', 'app'], Tags: [{ Key: 'team', Value: 'ci' }] })
    const arn = arnOf('token.example.com/org/1')
    expect(created).toMatchObject({ OpenIDConnectProviderArn: arn, Tags: [{ Key: 'team', Value: 'ci' }] })
    const got = await iam.send(new GetOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: arn }))
    expect(got).toMatchObject({ Url: 'token.example.com/org/1', ClientIDList: ['sts.amazonaws.com', 'app'], ThumbprintList: [A], Tags: [{ Key: 'team', Value: 'ci' }] })
    expect(got.CreateDate).toBeInstanceOf(Date)
    expect((await iam.send(new ListOpenIDConnectProvidersCommand({}))).OpenIDConnectProviderList).toContainEqual({ Arn: arn })

    // Adding a client ID that is there, or removing one that is not, changes nothing and succeeds.
    await iam.send(new AddClientIDToOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: arn, ClientID: 'third' }))
    await iam.send(new AddClientIDToOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: arn, ClientID: 'app' }))
    await iam.send(new RemoveClientIDFromOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: arn, ClientID: 'sts.amazonaws.com' }))
    await iam.send(new RemoveClientIDFromOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: arn, ClientID: 'never-added' }))
    await iam.send(new UpdateOpenIDConnectProviderThumbprintCommand({ OpenIDConnectProviderArn: arn, ThumbprintList: [B, A] }))
    expect(await iam.send(new GetOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: arn }))).toMatchObject({ ClientIDList: ['app', 'third'], ThumbprintList: [B, A] })

    await iam.send(new DeleteOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: arn }))
    await expectError(
      iam.send(new GetOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: arn })),
      'NoSuchEntityException',
      `OpenIDConnect Provider not found for arn ${arn}`,
      404
    )
    await expectError(
      iam.send(new DeleteOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: arn })),
      'NoSuchEntityException',
      `OpenId connect Provider ${arn} cannot be found.`,
      404
    )
  })

  it('shows Tags on Get even when there are none, and echoes them on Create only when given', async () => {
    const created = await create('https://untagged.example.com')
    expect(created.Tags).toBeUndefined()
    expect((await server.iam().send(new GetOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: created.OpenIDConnectProviderArn }))).Tags).toEqual([])
  })

  it('refuses a URL that is not https, a second provider for a URL, and too many thumbprints or client IDs', async () => {
    await expectError(create('http://plain.example.com'), 'ValidationError', 'Invalid Open ID Connect Provider URL', 400)
    await expectError(create('example.org'), 'ValidationError', 'Invalid Open ID Connect Provider URL', 400)
    await expectError(create('https://query.example.com/?a=1'), 'ValidationError', 'Invalid Open ID Connect Provider URL', 400)
    await create('https://dup.example.com')
    await expectError(create('https://dup.example.com'), 'EntityAlreadyExistsException', 'Provider with url https://dup.example.com already exists.', 409)
    await expectError(
      create('https://thumbs.example.com', { ThumbprintList: ['a', 'b', 'c', 'd', 'e', 'f'].map((c) => c.repeat(40)) }),
      'InvalidInputException',
      'Thumbprint list must contain fewer than 5 entries.',
      400
    )
    await expectError(
      create('https://clients.example.com', { ClientIDList: Array.from({ length: 101 }, (_, i) => `c${i}`) }),
      'LimitExceededException',
      'Cannot exceed quota for ClientIdsPerOpenIdConnectProvider: 100',
      409
    )
    await expect(create('https://short.example.com', { ThumbprintList: ['abc'] })).rejects.toMatchObject({ name: 'ValidationError', $metadata: { httpStatusCode: 400 } })
    await expectError(
      server.iam().send(new GetOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: `arn:aws:iam::${ACCOUNT}:role/not-a-provider` })),
      'InvalidInputException',
      `ARN arn:aws:iam::${ACCOUNT}:role/not-a-provider is not valid.`,
      400
    )
  })

  it('tags with case-sensitive keys, pages the tags, and caps them at 50', async () => {
    const iam = server.iam()
    const arn = (await create('https://tags.example.com')).OpenIDConnectProviderArn as string
    await iam.send(
      new TagOpenIDConnectProviderCommand({
        OpenIDConnectProviderArn: arn,
        Tags: [
          { Key: 'Env', Value: 'a' },
          { Key: 'env', Value: 'b' }
        ]
      })
    )
    const first = await iam.send(new ListOpenIDConnectProviderTagsCommand({ OpenIDConnectProviderArn: arn, MaxItems: 1 }))
    expect(first).toMatchObject({ Tags: [{ Key: 'Env', Value: 'a' }], IsTruncated: true })
    const second = await iam.send(new ListOpenIDConnectProviderTagsCommand({ OpenIDConnectProviderArn: arn, Marker: first.Marker }))
    expect(second).toMatchObject({ Tags: [{ Key: 'env', Value: 'b' }], IsTruncated: false })
    await iam.send(new UntagOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: arn, TagKeys: ['Env'] }))
    expect((await iam.send(new ListOpenIDConnectProviderTagsCommand({ OpenIDConnectProviderArn: arn }))).Tags).toEqual([{ Key: 'env', Value: 'b' }])
    const many = Array.from({ length: 50 }, (_, i) => ({ Key: `k${i}`, Value: 'v' }))
    await expectError(
      iam.send(new TagOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: arn, Tags: many })),
      'LimitExceededException',
      'The number of tags has reached the maximum limit.',
      409
    )
    await expectError(
      iam.send(new TagOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: arnOf('missing.example.com'), Tags: [{ Key: 'k', Value: 'v' }] })),
      'NoSuchEntityException',
      `OpenIDConnect Provider not found for arn ${arnOf('missing.example.com')}`,
      404
    )
  })

  it('counts providers in GetAccountSummary', async () => {
    const before = (await server.iam().send(new GetAccountSummaryCommand({}))).SummaryMap?.Providers ?? 0
    const arn = (await create('https://counted.example.com')).OpenIDConnectProviderArn as string
    expect((await server.iam().send(new GetAccountSummaryCommand({}))).SummaryMap?.Providers).toBe(before + 1)
    await server.iam().send(new DeleteOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: arn }))
    expect((await server.iam().send(new GetAccountSummaryCommand({}))).SummaryMap?.Providers).toBe(before)
  })

  it("denies a user what its policies do not allow, with AWS's message, and honours resource tags", async () => {
    const arn = (await create('https://guarded.example.com', { Tags: [{ Key: 'team', Value: 'blue' }] })).OpenIDConnectProviderArn as string
    const user = await userWithPolicy(server, 'oidc-reader', [
      { Effect: 'Allow', Action: ['iam:GetOpenIDConnectProvider', 'iam:ListOpenIDConnectProviders'], Resource: '*' },
      { Effect: 'Allow', Action: 'iam:TagOpenIDConnectProvider', Resource: '*', Condition: { StringEquals: { 'aws:ResourceTag/team': 'red' } } }
    ])
    expect((await user.iam.send(new GetOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: arn }))).Url).toBe('guarded.example.com')
    expect((await user.iam.send(new ListOpenIDConnectProvidersCommand({}))).OpenIDConnectProviderList).toContainEqual({ Arn: arn })
    await expectError(
      user.iam.send(new CreateOpenIDConnectProviderCommand({ Url: 'https://new.example.com', ThumbprintList: [A] })),
      'AccessDenied',
      implicitDenial(user.arn, 'iam:CreateOpenIDConnectProvider', arnOf('new.example.com')),
      403
    )
    await expectError(
      user.iam.send(new DeleteOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: arn })),
      'AccessDenied',
      implicitDenial(user.arn, 'iam:DeleteOpenIDConnectProvider', arn),
      403
    )
    await expectError(
      user.iam.send(new TagOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: arn, Tags: [{ Key: 'k', Value: 'v' }] })),
      'AccessDenied',
      implicitDenial(user.arn, 'iam:TagOpenIDConnectProvider', arn),
      403
    )
    // A provider that does not exist is denied the same way: no answer reveals whether it does.
    await expectError(
      user.iam.send(new UpdateOpenIDConnectProviderThumbprintCommand({ OpenIDConnectProviderArn: arnOf('nothing.example.com'), ThumbprintList: [A] })),
      'AccessDenied',
      implicitDenial(user.arn, 'iam:UpdateOpenIDConnectProviderThumbprint', arnOf('nothing.example.com')),
      403
    )
  })
})
