// The guide's walkthrough with Debian's AWS CLI v2, unchanged, against a started server: create
// the user aws-learner and the group devops, attach a policy, add the user to the group, create
// the S3 read-only customer managed policy from a JSON file and attach it to a role.

import { existsSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AWS_CLI, awsCli, awsJson } from './support/aws-cli.js'
import { startTestServer, type TestServer } from './support/server.js'

let server: TestServer
const examples = join(import.meta.dirname, '../../examples')

beforeAll(async () => {
  if (!existsSync(AWS_CLI)) throw new Error(`${AWS_CLI} is missing: install Debian's awscli package (.ci/run does)`)
  server = await startTestServer()
})
afterAll(async () => {
  await server?.close()
})

describe('the guide with the AWS CLI', () => {
  it('creates a user, a group with a policy, a customer managed policy from a file, and a role using it', async () => {
    const aws = <T>(...args: string[]) => awsJson<T>(server.url, server.root, args, examples)

    const user = await aws<{ User: { UserName: string; Arn: string } }>('iam', 'create-user', '--user-name', 'aws-learner')
    expect(user.User).toMatchObject({ UserName: 'aws-learner', Arn: 'arn:aws:iam::123456789012:user/aws-learner' })

    await aws('iam', 'create-group', '--group-name', 'devops')
    await aws('iam', 'attach-group-policy', '--group-name', 'devops', '--policy-arn', 'arn:aws:iam::aws:policy/AmazonEC2FullAccess')
    await aws('iam', 'add-user-to-group', '--user-name', 'aws-learner', '--group-name', 'devops')
    const groups = await aws<{ Groups: { GroupName: string }[] }>('iam', 'list-groups-for-user', '--user-name', 'aws-learner')
    expect(groups.Groups.map((g) => g.GroupName)).toEqual(['devops'])
    const attached = await aws<{ AttachedPolicies: { PolicyName: string }[] }>('iam', 'list-attached-group-policies', '--group-name', 'devops')
    expect(attached.AttachedPolicies.map((p) => p.PolicyName)).toEqual(['AmazonEC2FullAccess'])

    const policy = await aws<{ Policy: { Arn: string; DefaultVersionId: string } }>(
      'iam',
      'create-policy',
      '--policy-name',
      'S3ReadOnly',
      '--policy-document',
      'file://s3-read-only.json'
    )
    expect(policy.Policy).toMatchObject({ Arn: 'arn:aws:iam::123456789012:policy/S3ReadOnly', DefaultVersionId: 'v1' })
    // The CLI decodes the URL-encoded document it gets back into JSON, as it does against AWS.
    const version = await aws<{ PolicyVersion: { Document: { Statement: { Action: string[] }[] } } }>(
      'iam',
      'get-policy-version',
      '--policy-arn',
      policy.Policy.Arn,
      '--version-id',
      'v1'
    )
    expect(version.PolicyVersion.Document.Statement[0]?.Action).toEqual(['s3:GetObject', 's3:ListBucket'])

    const dir = mkdtempSync(join(tmpdir(), 'portcullis-trust-'))
    writeFileSync(
      join(dir, 'trust.json'),
      JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }] })
    )
    await aws('iam', 'create-role', '--role-name', 'app-role', '--assume-role-policy-document', `file://${join(dir, 'trust.json')}`)
    await aws('iam', 'attach-role-policy', '--role-name', 'app-role', '--policy-arn', policy.Policy.Arn)
    const rolePolicies = await aws<{ AttachedPolicies: { PolicyArn: string }[] }>('iam', 'list-attached-role-policies', '--role-name', 'app-role')
    expect(rolePolicies.AttachedPolicies.map((p) => p.PolicyArn)).toEqual([policy.Policy.Arn])
  })

  it('shows AWS errors the way the CLI shows them', async () => {
    const r = await awsCli(server.url, server.root, ['iam', 'get-user', '--user-name', 'nobody'])
    expect(r.code).toBe(254)
    expect(r.stderr).toContain('An error occurred (NoSuchEntity) when calling the GetUser operation: The user with name nobody cannot be found.')
  })
})
