// Managed policies and their versions and tags, through the AWS SDK against a started server:
// customer managed policies made from a document, AWS managed ones read from the catalog (and
// refused for writes), the errors and quotas AWS has, listing across both kinds, and
// enforcement for a non-root caller.

import { readFileSync } from 'node:fs'
import {
  AttachUserPolicyCommand,
  CreatePolicyCommand,
  CreatePolicyVersionCommand,
  DeletePolicyCommand,
  DeletePolicyVersionCommand,
  DetachUserPolicyCommand,
  GetPolicyCommand,
  GetPolicyVersionCommand,
  ListPoliciesCommand,
  ListPolicyTagsCommand,
  ListPolicyVersionsCommand,
  PutUserPermissionsBoundaryCommand,
  DeleteUserPermissionsBoundaryCommand,
  CreateUserCommand,
  SetDefaultPolicyVersionCommand,
  TagPolicyCommand,
  UntagPolicyCommand,
  type ListPoliciesCommandInput,
  type Policy
} from '@aws-sdk/client-iam'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer, type TestServer } from './support/server.js'
import { ACCOUNT, policyDocument, userWithKey } from './support/policy-fixtures.js'

const S3_READ_ONLY = readFileSync(new URL('../../examples/s3-read-only.json', import.meta.url), 'utf8')
const ADMIN = 'arn:aws:iam::aws:policy/AdministratorAccess'
const policyArn = (name: string, path = '/') => `arn:aws:iam::${ACCOUNT}:policy${path}${name}`

let server: TestServer

beforeAll(async () => {
  server = await startTestServer()
})
afterAll(async () => {
  await server.close()
})

describe('customer managed policies', () => {
  it('creates a policy from a document and reads it back', async () => {
    const iam = server.iam()
    const created = await iam.send(
      new CreatePolicyCommand({ PolicyName: 'S3ReadOnly', Path: '/app/', PolicyDocument: S3_READ_ONLY, Description: 'read the bucket', Tags: [{ Key: 'team', Value: 'data' }] })
    )
    expect(created.Policy).toMatchObject({
      PolicyName: 'S3ReadOnly',
      Arn: policyArn('S3ReadOnly', '/app/'),
      Path: '/app/',
      DefaultVersionId: 'v1',
      AttachmentCount: 0,
      PermissionsBoundaryUsageCount: 0,
      IsAttachable: true,
      Tags: [{ Key: 'team', Value: 'data' }]
    })
    expect(created.Policy?.PolicyId).toMatch(/^ANPA[A-Z2-7]{17}$/)
    expect(created.Policy?.Description).toBeUndefined()
    expect(created.Policy?.UpdateDate).toEqual(created.Policy?.CreateDate)

    const got = await iam.send(new GetPolicyCommand({ PolicyArn: policyArn('S3ReadOnly', '/app/') }))
    expect(got.Policy).toMatchObject({ PolicyName: 'S3ReadOnly', Description: 'read the bucket', Tags: [{ Key: 'team', Value: 'data' }], PolicyId: created.Policy?.PolicyId })

    const version = await iam.send(new GetPolicyVersionCommand({ PolicyArn: policyArn('S3ReadOnly', '/app/'), VersionId: 'v1' }))
    expect(version.PolicyVersion).toMatchObject({ VersionId: 'v1', IsDefaultVersion: true })
    // URL-encoded, byte for byte the document given (whitespace and all).
    expect(decodeURIComponent(version.PolicyVersion?.Document ?? '')).toBe(S3_READ_ONLY)
    expect(version.PolicyVersion?.Document).toContain('%7B%0A%20%20%22Version%22%3A')
  })

  it('answers GetPolicy with Tags even when the policy has none', async () => {
    const iam = server.iam()
    await iam.send(new CreatePolicyCommand({ PolicyName: 'untagged', PolicyDocument: S3_READ_ONLY }))
    const got = await iam.send(new GetPolicyCommand({ PolicyArn: policyArn('untagged') }))
    expect(got.Policy?.Tags).toEqual([])
    expect(got.Policy?.Description).toBeUndefined()
  })

  it('refuses a second policy whose name differs only in case, whatever its path', async () => {
    const iam = server.iam()
    await iam.send(new CreatePolicyCommand({ PolicyName: 'Dup', PolicyDocument: S3_READ_ONLY }))
    await expect(iam.send(new CreatePolicyCommand({ PolicyName: 'dup', Path: '/other/', PolicyDocument: S3_READ_ONLY }))).rejects.toMatchObject({
      name: 'EntityAlreadyExistsException',
      message: 'A policy called dup already exists. Duplicate names are not allowed.',
      $metadata: { httpStatusCode: 409 }
    })
  })

  it('validates documents: grammar, kind and size', async () => {
    const iam = server.iam()
    await expect(iam.send(new CreatePolicyCommand({ PolicyName: 'bad', PolicyDocument: '{not json' }))).rejects.toMatchObject({
      name: 'MalformedPolicyDocumentException',
      message: 'Syntax errors in policy.',
      $metadata: { httpStatusCode: 400 }
    })
    const withPrincipal = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: '*' }] })
    await expect(iam.send(new CreatePolicyCommand({ PolicyName: 'bad', PolicyDocument: withPrincipal }))).rejects.toMatchObject({
      name: 'MalformedPolicyDocumentException',
      message: 'Policy document should not specify a principal.'
    })
    // 6,144 characters not counting whitespace: padding with spaces is free, more actions are not.
    const actions = Array.from({ length: 400 }, (_, i) => `s3:GetObjectNumber${i}`)
    await expect(iam.send(new CreatePolicyCommand({ PolicyName: 'big', PolicyDocument: policyDocument('Allow', actions) }))).rejects.toMatchObject({
      name: 'LimitExceededException',
      message: 'Cannot exceed quota for PolicySize: 6144',
      $metadata: { httpStatusCode: 409 }
    })
    const spaced = JSON.stringify(JSON.parse(policyDocument('Allow', actions.slice(0, 200))), null, 10)
    expect(spaced.length).toBeGreaterThan(6144)
    expect(spaced.replace(/\s/g, '').length).toBeLessThan(6144)
    await iam.send(new CreatePolicyCommand({ PolicyName: 'spaced', PolicyDocument: spaced }))
  })

  it('validates paths and tags', async () => {
    const iam = server.iam()
    await expect(iam.send(new CreatePolicyCommand({ PolicyName: 'p', Path: 'nope', PolicyDocument: S3_READ_ONLY }))).rejects.toMatchObject({ name: 'ValidationError' })
    await expect(
      iam.send(
        new CreatePolicyCommand({
          PolicyName: 'p',
          PolicyDocument: S3_READ_ONLY,
          Tags: [
            { Key: 'k', Value: '1' },
            { Key: 'k', Value: '2' }
          ]
        })
      )
    ).rejects.toMatchObject({ name: 'InvalidInputException', message: 'Duplicate tag keys found.' })
    // Policy tag keys are case-sensitive: these two coexist.
    await iam.send(
      new CreatePolicyCommand({
        PolicyName: 'cased',
        PolicyDocument: S3_READ_ONLY,
        Tags: [
          { Key: 'Cost', Value: '1' },
          { Key: 'cost', Value: '2' }
        ]
      })
    )
    expect((await iam.send(new ListPolicyTagsCommand({ PolicyArn: policyArn('cased') }))).Tags).toHaveLength(2)
  })

  it('answers NoSuchEntity for policies that are not there, and InvalidInput for non-ARNs', async () => {
    const iam = server.iam()
    const missing = policyArn('missing')
    await expect(iam.send(new GetPolicyCommand({ PolicyArn: missing }))).rejects.toMatchObject({
      name: 'NoSuchEntityException',
      message: `Policy ${missing} does not exist or is not attachable.`,
      $metadata: { httpStatusCode: 404 }
    })
    await expect(iam.send(new GetPolicyVersionCommand({ PolicyArn: missing, VersionId: 'v1' }))).rejects.toMatchObject({
      name: 'NoSuchEntityException',
      message: `Policy ${missing} version v1 does not exist or is not attachable.`
    })
    await expect(iam.send(new DeletePolicyCommand({ PolicyArn: missing }))).rejects.toMatchObject({ name: 'NoSuchEntityException' })
    await expect(iam.send(new ListPolicyVersionsCommand({ PolicyArn: missing }))).rejects.toMatchObject({ name: 'NoSuchEntityException' })
    await expect(iam.send(new GetPolicyCommand({ PolicyArn: 'this-is-not-an-arn-at-all' }))).rejects.toMatchObject({
      name: 'InvalidInputException',
      message: 'ARN this-is-not-an-arn-at-all is not valid.',
      $metadata: { httpStatusCode: 400 }
    })
    // Another account's policy is not visible.
    await expect(iam.send(new GetPolicyCommand({ PolicyArn: 'arn:aws:iam::210987654321:policy/S3ReadOnly' }))).rejects.toMatchObject({ name: 'NoSuchEntityException' })
  })
})

describe('policy versions', () => {
  it('creates up to five versions, never reuses an id, and guards the default', async () => {
    const iam = server.iam()
    const arn = policyArn('versioned')
    await iam.send(new CreatePolicyCommand({ PolicyName: 'versioned', PolicyDocument: policyDocument('Allow', 's3:GetObject') }))
    const v2 = await iam.send(new CreatePolicyVersionCommand({ PolicyArn: arn, PolicyDocument: policyDocument('Allow', 's3:PutObject') }))
    expect(v2.PolicyVersion).toMatchObject({ VersionId: 'v2', IsDefaultVersion: false })
    expect(v2.PolicyVersion?.Document).toBeUndefined()
    const v3 = await iam.send(new CreatePolicyVersionCommand({ PolicyArn: arn, PolicyDocument: policyDocument('Allow', 's3:ListBucket'), SetAsDefault: true }))
    expect(v3.PolicyVersion).toMatchObject({ VersionId: 'v3', IsDefaultVersion: true })
    await iam.send(new CreatePolicyVersionCommand({ PolicyArn: arn, PolicyDocument: policyDocument('Allow', 's3:A') }))
    await iam.send(new CreatePolicyVersionCommand({ PolicyArn: arn, PolicyDocument: policyDocument('Allow', 's3:B') }))
    await expect(iam.send(new CreatePolicyVersionCommand({ PolicyArn: arn, PolicyDocument: policyDocument('Allow', 's3:C') }))).rejects.toMatchObject({
      name: 'LimitExceededException',
      message: 'A managed policy can have up to 5 versions. Before you create a new version, you must delete an existing version.',
      $metadata: { httpStatusCode: 409 }
    })

    const listed = await iam.send(new ListPolicyVersionsCommand({ PolicyArn: arn }))
    expect(listed.Versions?.map((v) => [v.VersionId, v.IsDefaultVersion])).toEqual([
      ['v5', false],
      ['v4', false],
      ['v3', true],
      ['v2', false],
      ['v1', false]
    ])
    expect(listed.Versions?.[0]?.Document).toBeUndefined()
    const paged = await iam.send(new ListPolicyVersionsCommand({ PolicyArn: arn, MaxItems: 2 }))
    expect(paged.IsTruncated).toBe(true)
    const rest = await iam.send(new ListPolicyVersionsCommand({ PolicyArn: arn, Marker: paged.Marker }))
    expect([...(paged.Versions ?? []), ...(rest.Versions ?? [])].map((v) => v.VersionId)).toEqual(['v5', 'v4', 'v3', 'v2', 'v1'])

    expect((await iam.send(new GetPolicyCommand({ PolicyArn: arn }))).Policy?.DefaultVersionId).toBe('v3')
    await expect(iam.send(new DeletePolicyVersionCommand({ PolicyArn: arn, VersionId: 'v3' }))).rejects.toMatchObject({
      name: 'DeleteConflictException',
      message: 'Cannot delete the default version of a policy.',
      $metadata: { httpStatusCode: 409 }
    })
    await expect(iam.send(new DeletePolicyCommand({ PolicyArn: arn }))).rejects.toMatchObject({
      name: 'DeleteConflictException',
      message: "This policy has more than one version. Before you delete a policy, you must delete the policy's versions. The default version is deleted with the policy."
    })
    await expect(iam.send(new GetPolicyVersionCommand({ PolicyArn: arn, VersionId: 'v9' }))).rejects.toMatchObject({
      name: 'NoSuchEntityException',
      message: `Policy ${arn} version v9 does not exist or is not attachable.`
    })
    await expect(iam.send(new SetDefaultPolicyVersionCommand({ PolicyArn: arn, VersionId: 'v9' }))).rejects.toMatchObject({ name: 'NoSuchEntityException' })
    await expect(iam.send(new GetPolicyVersionCommand({ PolicyArn: arn, VersionId: 'version1' }))).rejects.toMatchObject({ name: 'ValidationError' })

    // Make v1 the default again; the update date moves.
    const before = (await iam.send(new GetPolicyCommand({ PolicyArn: arn }))).Policy as Policy
    await new Promise((r) => setTimeout(r, 5))
    await iam.send(new SetDefaultPolicyVersionCommand({ PolicyArn: arn, VersionId: 'v1' }))
    const after = (await iam.send(new GetPolicyCommand({ PolicyArn: arn }))).Policy as Policy
    expect(after.DefaultVersionId).toBe('v1')
    expect(after.UpdateDate?.getTime()).toBeGreaterThan(before.UpdateDate?.getTime() ?? 0)

    for (const v of ['v2', 'v3', 'v4', 'v5']) await iam.send(new DeletePolicyVersionCommand({ PolicyArn: arn, VersionId: v }))
    const next = await iam.send(new CreatePolicyVersionCommand({ PolicyArn: arn, PolicyDocument: policyDocument('Allow', 's3:D') }))
    expect(next.PolicyVersion?.VersionId).toBe('v6')
    await iam.send(new DeletePolicyVersionCommand({ PolicyArn: arn, VersionId: 'v6' }))
    await iam.send(new DeletePolicyCommand({ PolicyArn: arn }))
    await expect(iam.send(new GetPolicyCommand({ PolicyArn: arn }))).rejects.toMatchObject({ name: 'NoSuchEntityException' })
  })

  it('validates new versions like new policies', async () => {
    const iam = server.iam()
    await iam.send(new CreatePolicyCommand({ PolicyName: 'strict', PolicyDocument: S3_READ_ONLY }))
    await expect(
      iam.send(
        new CreatePolicyVersionCommand({ PolicyArn: policyArn('strict'), PolicyDocument: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject"}]}' })
      )
    ).rejects.toMatchObject({
      name: 'MalformedPolicyDocumentException',
      message: 'Policy statement must contain resources.'
    })
  })
})

describe('deleting policies in use', () => {
  it('refuses while attached or used as a permissions boundary', async () => {
    const iam = server.iam()
    const arn = policyArn('inUse')
    await iam.send(new CreatePolicyCommand({ PolicyName: 'inUse', PolicyDocument: S3_READ_ONLY }))
    await iam.send(new CreateUserCommand({ UserName: 'holder' }))
    const conflict = { name: 'DeleteConflictException', message: 'Cannot delete a policy attached to entities.', $metadata: { httpStatusCode: 409 } }

    await iam.send(new AttachUserPolicyCommand({ UserName: 'holder', PolicyArn: arn }))
    expect((await iam.send(new GetPolicyCommand({ PolicyArn: arn }))).Policy?.AttachmentCount).toBe(1)
    await expect(iam.send(new DeletePolicyCommand({ PolicyArn: arn }))).rejects.toMatchObject(conflict)
    await iam.send(new DetachUserPolicyCommand({ UserName: 'holder', PolicyArn: arn }))

    await iam.send(new PutUserPermissionsBoundaryCommand({ UserName: 'holder', PermissionsBoundary: arn }))
    expect((await iam.send(new GetPolicyCommand({ PolicyArn: arn }))).Policy).toMatchObject({ AttachmentCount: 0, PermissionsBoundaryUsageCount: 1 })
    await expect(iam.send(new DeletePolicyCommand({ PolicyArn: arn }))).rejects.toMatchObject(conflict)
    await iam.send(new DeleteUserPermissionsBoundaryCommand({ UserName: 'holder' }))

    await iam.send(new DeletePolicyCommand({ PolicyArn: arn }))
  })
})

describe('policy tags', () => {
  it('tags, lists (shorter keys first) and untags; keys are case-sensitive', async () => {
    const iam = server.iam()
    const arn = policyArn('taggable')
    await iam.send(new CreatePolicyCommand({ PolicyName: 'taggable', PolicyDocument: S3_READ_ONLY }))
    await iam.send(
      new TagPolicyCommand({
        PolicyArn: arn,
        Tags: [
          { Key: 'abc', Value: '1' },
          { Key: 'b', Value: '2' },
          { Key: 'z', Value: '3' },
          { Key: 'a', Value: '4' }
        ]
      })
    )
    await iam.send(new TagPolicyCommand({ PolicyArn: arn, Tags: [{ Key: 'B', Value: '5' }] }))
    const listed = await iam.send(new ListPolicyTagsCommand({ PolicyArn: arn }))
    expect(listed.Tags?.map((t) => t.Key)).toEqual(['B', 'a', 'b', 'z', 'abc'])
    await iam.send(new TagPolicyCommand({ PolicyArn: arn, Tags: [{ Key: 'b', Value: 'new' }] }))
    await iam.send(new UntagPolicyCommand({ PolicyArn: arn, TagKeys: ['B', 'abc', 'not-there'] }))
    expect((await iam.send(new GetPolicyCommand({ PolicyArn: arn }))).Policy?.Tags).toEqual([
      { Key: 'a', Value: '4' },
      { Key: 'b', Value: 'new' },
      { Key: 'z', Value: '3' }
    ])
    const paged = await iam.send(new ListPolicyTagsCommand({ PolicyArn: arn, MaxItems: 2 }))
    expect(paged).toMatchObject({ IsTruncated: true })
    expect((await iam.send(new ListPolicyTagsCommand({ PolicyArn: arn, Marker: paged.Marker }))).Tags).toEqual([{ Key: 'z', Value: '3' }])
  })

  it('caps tags at 50 and names the missing policy', async () => {
    const iam = server.iam()
    const arn = policyArn('crowded')
    await iam.send(new CreatePolicyCommand({ PolicyName: 'crowded', PolicyDocument: S3_READ_ONLY, Tags: Array.from({ length: 50 }, (_, i) => ({ Key: `k${i}`, Value: '' })) }))
    await expect(iam.send(new TagPolicyCommand({ PolicyArn: arn, Tags: [{ Key: 'one-more', Value: 'x' }] }))).rejects.toMatchObject({
      name: 'LimitExceededException',
      $metadata: { httpStatusCode: 409 }
    })
    const missing = policyArn('no-such')
    await expect(iam.send(new TagPolicyCommand({ PolicyArn: missing, Tags: [{ Key: 'a', Value: 'b' }] }))).rejects.toMatchObject({
      name: 'NoSuchEntityException',
      message: `Policy ${missing} was not found.`
    })
  })
})

describe('AWS managed policies', () => {
  it('reads them with their real documents and version history', async () => {
    const iam = server.iam()
    const got = await iam.send(new GetPolicyCommand({ PolicyArn: ADMIN }))
    expect(got.Policy).toMatchObject({ PolicyName: 'AdministratorAccess', Arn: ADMIN, Path: '/', DefaultVersionId: 'v1', IsAttachable: true, Tags: [] })
    expect(got.Policy?.PolicyId).toMatch(/^ANPA/)
    const version = await iam.send(new GetPolicyVersionCommand({ PolicyArn: ADMIN, VersionId: 'v1' }))
    expect(JSON.parse(decodeURIComponent(version.PolicyVersion?.Document ?? ''))).toEqual({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] })
    expect((await iam.send(new ListPolicyVersionsCommand({ PolicyArn: ADMIN }))).Versions?.map((v) => [v.VersionId, v.IsDefaultVersion])).toEqual([['v1', true]])

    // A policy AWS has revised: newest first, the default flagged, old versions readable.
    const catalog = server.running.ctx.awsManaged
    const revised = catalog.all.find((p) => p.versions.length >= 3 && p.path === '/') ?? catalog.all[0]
    if (!revised) throw new Error('empty catalog')
    const versions = await iam.send(new ListPolicyVersionsCommand({ PolicyArn: revised.arn }))
    const ids = versions.Versions?.map((v) => v.VersionId as string) ?? []
    expect(ids).toEqual([...ids].sort((a, b) => Number(b.slice(1)) - Number(a.slice(1))))
    expect(versions.Versions?.filter((v) => v.IsDefaultVersion).map((v) => v.VersionId)).toEqual([revised.defaultVersion])
    const oldest = ids[ids.length - 1] as string
    const old = await iam.send(new GetPolicyVersionCommand({ PolicyArn: revised.arn, VersionId: oldest }))
    expect(decodeURIComponent(old.PolicyVersion?.Document ?? '')).toBe(await catalog.document(revised.arn, oldest))
    await expect(iam.send(new GetPolicyVersionCommand({ PolicyArn: ADMIN, VersionId: 'v99' }))).rejects.toMatchObject({
      name: 'NoSuchEntityException',
      message: `Policy ${ADMIN} version v99 does not exist or is not attachable.`
    })
    await expect(iam.send(new GetPolicyCommand({ PolicyArn: 'arn:aws:iam::aws:policy/NoSuchAwsPolicy' }))).rejects.toMatchObject({ name: 'NoSuchEntityException' })
  })

  it('are read-only', async () => {
    const iam = server.iam()
    const denied = (message: string) => ({ name: 'AccessDenied', message, $metadata: { httpStatusCode: 403 } })
    await expect(iam.send(new DeletePolicyCommand({ PolicyArn: ADMIN }))).rejects.toMatchObject(denied('Cannot delete policies outside your own account.'))
    await expect(iam.send(new CreatePolicyVersionCommand({ PolicyArn: ADMIN, PolicyDocument: S3_READ_ONLY }))).rejects.toMatchObject(
      denied('Cannot create versions for policies outside your own account.')
    )
    await expect(iam.send(new SetDefaultPolicyVersionCommand({ PolicyArn: ADMIN, VersionId: 'v1' }))).rejects.toMatchObject(
      denied('Cannot update policies outside your own account.')
    )
    await expect(iam.send(new DeletePolicyVersionCommand({ PolicyArn: ADMIN, VersionId: 'v1' }))).rejects.toMatchObject(
      denied('Cannot delete policy versions for policies outside your own account.')
    )
    await expect(iam.send(new TagPolicyCommand({ PolicyArn: ADMIN, Tags: [{ Key: 'a', Value: 'b' }] }))).rejects.toMatchObject({ name: 'AccessDenied' })
    expect((await iam.send(new ListPolicyTagsCommand({ PolicyArn: ADMIN }))).Tags).toEqual([])
  })
})

describe('ListPolicies', () => {
  it('lists customer policies first, then every AWS managed one, with one marker across both', async () => {
    const iam = server.iam()
    for (const n of ['list-b', 'list-A', 'list-c']) await iam.send(new CreatePolicyCommand({ PolicyName: n, Path: '/listing/', PolicyDocument: S3_READ_ONLY }))
    const local = await iam.send(new ListPoliciesCommand({ Scope: 'Local', PathPrefix: '/listing/' }))
    expect(local.Policies?.map((p) => p.PolicyName)).toEqual(['list-A', 'list-b', 'list-c'])
    expect(local.Policies?.[0]).not.toHaveProperty('Tags')
    expect(local.Policies?.[0]?.Description).toBeUndefined()

    // Everything, 1000 at a time: the account's policies, then the catalog, no repeats.
    const names: string[] = []
    const scopes: boolean[] = []
    let marker: string | undefined
    let pages = 0
    do {
      const page = await iam.send(new ListPoliciesCommand({ MaxItems: 1000, Marker: marker }))
      for (const p of page.Policies ?? []) {
        names.push(p.PolicyName as string)
        scopes.push((p.Arn as string).startsWith('arn:aws:iam::aws:'))
      }
      marker = page.IsTruncated ? page.Marker : undefined
      pages++
    } while (marker)
    const catalogSize = server.running.ctx.awsManaged.all.length
    const localCount = (await iam.send(new ListPoliciesCommand({ Scope: 'Local', MaxItems: 1000 }))).Policies?.length ?? 0
    expect(catalogSize).toBeGreaterThan(1000)
    expect(names).toHaveLength(localCount + catalogSize)
    expect(new Set(names).size).toBe(names.length)
    expect(pages).toBe(Math.ceil((localCount + catalogSize) / 1000))
    expect(scopes.indexOf(true)).toBe(localCount)
    expect(scopes.slice(localCount).every((aws) => aws)).toBe(true)
    const lower = names.slice(localCount).map((n) => n.toLowerCase())
    expect(lower).toEqual([...lower].sort())

    // A page boundary inside the account's policies continues into the catalog.
    const first = await iam.send(new ListPoliciesCommand({ MaxItems: localCount - 1 }))
    const second = await iam.send(new ListPoliciesCommand({ MaxItems: 3, Marker: first.Marker }))
    expect(second.Policies?.map((p) => p.PolicyName)).toEqual(names.slice(localCount - 1, localCount + 2))

    const aws = await iam.send(new ListPoliciesCommand({ Scope: 'AWS', PathPrefix: '/job-function/' }))
    expect(aws.Policies?.length).toBeGreaterThan(0)
    expect(aws.Policies?.every((p) => p.Path === '/job-function/' && p.Arn?.startsWith('arn:aws:iam::aws:policy/job-function/'))).toBe(true)
  })

  it('filters by use: OnlyAttached and PolicyUsageFilter', async () => {
    const iam = server.iam()
    await iam.send(new CreatePolicyCommand({ PolicyName: 'used-attached', Path: '/usage/', PolicyDocument: S3_READ_ONLY }))
    await iam.send(new CreatePolicyCommand({ PolicyName: 'used-boundary', Path: '/usage/', PolicyDocument: S3_READ_ONLY }))
    await iam.send(new CreatePolicyCommand({ PolicyName: 'unused', Path: '/usage/', PolicyDocument: S3_READ_ONLY }))
    await iam.send(new CreateUserCommand({ UserName: 'usage-user' }))
    await iam.send(new AttachUserPolicyCommand({ UserName: 'usage-user', PolicyArn: policyArn('used-attached', '/usage/') }))
    await iam.send(new AttachUserPolicyCommand({ UserName: 'usage-user', PolicyArn: ADMIN }))
    await iam.send(new PutUserPermissionsBoundaryCommand({ UserName: 'usage-user', PermissionsBoundary: policyArn('used-boundary', '/usage/') }))
    const names = async (input: ListPoliciesCommandInput) => (await iam.send(new ListPoliciesCommand(input))).Policies?.map((p) => p.PolicyName)

    expect(await names({ PathPrefix: '/usage/' })).toEqual(['unused', 'used-attached', 'used-boundary'])
    expect(await names({ PathPrefix: '/usage/', OnlyAttached: true })).toEqual(['used-attached'])
    expect(await names({ PathPrefix: '/usage/', PolicyUsageFilter: 'PermissionsBoundary' })).toEqual(['used-boundary'])
    expect(await names({ PathPrefix: '/usage/', PolicyUsageFilter: 'PermissionsPolicy' })).toEqual(['used-attached'])
    const attachedAws = (await iam.send(new ListPoliciesCommand({ Scope: 'AWS', OnlyAttached: true }))).Policies
    expect(attachedAws?.map((p) => [p.PolicyName, p.AttachmentCount])).toEqual([['AdministratorAccess', 1]])
  })

  it('refuses a marker it did not issue', async () => {
    await expect(server.iam().send(new ListPoliciesCommand({ Marker: 'bogus-marker' }))).rejects.toMatchObject({
      name: 'ValidationError',
      message: 'Invalid Marker.',
      $metadata: { httpStatusCode: 400 }
    })
  })
})

describe('enforcement', () => {
  it('lets a user read only the policy it is allowed to', async () => {
    const iam = server.iam()
    const allowed = policyArn('readable')
    await iam.send(new CreatePolicyCommand({ PolicyName: 'readable', PolicyDocument: S3_READ_ONLY }))
    await iam.send(new CreatePolicyCommand({ PolicyName: 'secret', PolicyDocument: S3_READ_ONLY }))
    await iam.send(new CreatePolicyCommand({ PolicyName: 'reader-grant', PolicyDocument: policyDocument('Allow', ['iam:GetPolicy', 'iam:GetPolicyVersion'], allowed) }))
    const credentials = await userWithKey(server, 'policy-reader')
    await iam.send(new AttachUserPolicyCommand({ UserName: 'policy-reader', PolicyArn: policyArn('reader-grant') }))
    const reader = server.iam(credentials)
    const caller = `arn:aws:iam::${ACCOUNT}:user/policy-reader`

    expect((await reader.send(new GetPolicyCommand({ PolicyArn: allowed }))).Policy?.PolicyName).toBe('readable')
    expect((await reader.send(new GetPolicyVersionCommand({ PolicyArn: allowed, VersionId: 'v1' }))).PolicyVersion?.VersionId).toBe('v1')
    await expect(reader.send(new GetPolicyCommand({ PolicyArn: policyArn('secret') }))).rejects.toMatchObject({
      name: 'AccessDenied',
      message: `User: ${caller} is not authorized to perform: iam:GetPolicy on resource: policy ${policyArn('secret')} because no identity-based policy allows the iam:GetPolicy action`,
      $metadata: { httpStatusCode: 403 }
    })
    // No information leak: a policy that does not exist is denied the same way.
    await expect(reader.send(new GetPolicyCommand({ PolicyArn: policyArn('nothing-here') }))).rejects.toMatchObject({ name: 'AccessDenied' })
    await expect(reader.send(new ListPoliciesCommand({}))).rejects.toMatchObject({
      name: 'AccessDenied',
      message: `User: ${caller} is not authorized to perform: iam:ListPolicies on resource: policy path / because no identity-based policy allows the iam:ListPolicies action`
    })
    await expect(reader.send(new CreatePolicyCommand({ PolicyName: 'mine', PolicyDocument: S3_READ_ONLY }))).rejects.toMatchObject({
      name: 'AccessDenied',
      message: `User: ${caller} is not authorized to perform: iam:CreatePolicy on resource: policy mine because no identity-based policy allows the iam:CreatePolicy action`
    })
    await expect(reader.send(new CreatePolicyVersionCommand({ PolicyArn: allowed, PolicyDocument: S3_READ_ONLY }))).rejects.toMatchObject({
      name: 'AccessDenied',
      message: `User: ${caller} is not authorized to perform: iam:CreatePolicyVersion on resource: policy ${allowed} because no identity-based policy allows the iam:CreatePolicyVersion action`
    })
  })

  it('applies tag conditions on policies (aws:ResourceTag, aws:RequestTag)', async () => {
    const iam = server.iam()
    await iam.send(new CreatePolicyCommand({ PolicyName: 'team-a-policy', PolicyDocument: S3_READ_ONLY, Tags: [{ Key: 'team', Value: 'a' }] }))
    await iam.send(new CreatePolicyCommand({ PolicyName: 'team-b-policy', PolicyDocument: S3_READ_ONLY, Tags: [{ Key: 'team', Value: 'b' }] }))
    const grant = JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Action: 'iam:GetPolicy', Resource: '*', Condition: { StringEquals: { 'aws:ResourceTag/team': 'a' } } },
        { Effect: 'Allow', Action: 'iam:CreatePolicy', Resource: '*', Condition: { StringEquals: { 'aws:RequestTag/team': 'a' } } }
      ]
    })
    await iam.send(new CreatePolicyCommand({ PolicyName: 'team-a-grant', PolicyDocument: grant }))
    const credentials = await userWithKey(server, 'team-a-member')
    await iam.send(new AttachUserPolicyCommand({ UserName: 'team-a-member', PolicyArn: policyArn('team-a-grant') }))
    const member = server.iam(credentials)
    await member.send(new GetPolicyCommand({ PolicyArn: policyArn('team-a-policy') }))
    await expect(member.send(new GetPolicyCommand({ PolicyArn: policyArn('team-b-policy') }))).rejects.toMatchObject({ name: 'AccessDenied' })
    await member.send(new CreatePolicyCommand({ PolicyName: 'made-by-a', PolicyDocument: S3_READ_ONLY, Tags: [{ Key: 'team', Value: 'a' }] }))
    await expect(member.send(new CreatePolicyCommand({ PolicyName: 'made-untagged', PolicyDocument: S3_READ_ONLY }))).rejects.toMatchObject({ name: 'AccessDenied' })
  })
})
