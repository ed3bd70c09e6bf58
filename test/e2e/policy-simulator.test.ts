// The policy simulator (SimulateCustomPolicy, SimulatePrincipalPolicy) through the AWS SDK and
// the AWS CLI against a started server: decisions with the deciding statements and their
// positions, context entries, a principal's own, group and managed policies and boundary,
// missing context values, paging, IAM's errors, and who may simulate.

import {
  AddUserToGroupCommand,
  AttachGroupPolicyCommand,
  AttachUserPolicyCommand,
  CreateGroupCommand,
  CreatePolicyCommand,
  CreateRoleCommand,
  CreateUserCommand,
  PutGroupPolicyCommand,
  PutRolePolicyCommand,
  PutUserPermissionsBoundaryCommand,
  PutUserPolicyCommand,
  SimulateCustomPolicyCommand,
  SimulatePrincipalPolicyCommand
} from '@aws-sdk/client-iam'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { awsJson } from './support/aws-cli.js'
import { implicitDenial, userWithPolicy } from './support/credentials-callers.js'
import { ACCOUNT, TRUST_EC2 } from './support/policy-fixtures.js'
import { startTestServer, type TestServer } from './support/server.js'

let server: TestServer

beforeAll(async () => {
  server = await startTestServer()
  const iam = server.iam()
  // alice: an inline policy, a customer managed policy, an AWS managed policy, a group's
  // inline and attached policies, and a permissions boundary that leaves out DynamoDB writes.
  await iam.send(new CreateUserCommand({ UserName: 'alice' }))
  await iam.send(new PutUserPolicyCommand({ UserName: 'alice', PolicyName: 'own-s3', PolicyDocument: OWN_S3 }))
  const managed = await iam.send(new CreatePolicyCommand({ PolicyName: 'dynamo-all', PolicyDocument: statementOf('Allow', 'dynamodb:*') }))
  await iam.send(new AttachUserPolicyCommand({ UserName: 'alice', PolicyArn: managed.Policy?.Arn }))
  await iam.send(new AttachUserPolicyCommand({ UserName: 'alice', PolicyArn: 'arn:aws:iam::aws:policy/AmazonSQSReadOnlyAccess' }))
  await iam.send(new CreateGroupCommand({ GroupName: 'ops' }))
  await iam.send(new AddUserToGroupCommand({ GroupName: 'ops', UserName: 'alice' }))
  await iam.send(new PutGroupPolicyCommand({ GroupName: 'ops', PolicyName: 'no-terminate', PolicyDocument: NO_TERMINATE }))
  await iam.send(new AttachGroupPolicyCommand({ GroupName: 'ops', PolicyArn: 'arn:aws:iam::aws:policy/AmazonSNSReadOnlyAccess' }))
  const boundary = await iam.send(new CreatePolicyCommand({ PolicyName: 'alice-boundary', PolicyDocument: BOUNDARY }))
  await iam.send(new PutUserPermissionsBoundaryCommand({ UserName: 'alice', PermissionsBoundary: boundary.Policy?.Arn }))
  await iam.send(new CreateRoleCommand({ RoleName: 'builder', Path: '/ci/', AssumeRolePolicyDocument: TRUST_EC2 }))
  await iam.send(new PutRolePolicyCommand({ RoleName: 'builder', PolicyName: 'build', PolicyDocument: statementOf('Allow', 'codebuild:*') }))
})
afterAll(async () => {
  await server.close()
})

const statementOf = (effect: string, action: string) => JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: effect, Action: action, Resource: '*' }] })

const OWN_S3 = `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "OwnHome",
      "Effect": "Allow",
      "Action": "s3:*",
      "Resource": "arn:aws:s3:::home/\${aws:username}/*"
    }
  ]
}`
const NO_TERMINATE = `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"ec2:Describe*","Resource":"*"},
{"Effect":"Deny","Action":"ec2:TerminateInstances","Resource":"*"}]}`
const BOUNDARY = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', NotAction: ['dynamodb:Put*', 'dynamodb:Delete*'], Resource: '*' }] })

const aliceArn = `arn:aws:iam::${ACCOUNT}:user/alice`

// AWS's own example (the AWS CLI's simulate-custom-policy documentation), byte for byte.
const DATED_POLICY =
  '{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"dynamodb:*","Resource":"*","Condition":{"DateGreaterThan":{"aws:CurrentTime":"2018-08-16T12:00:00Z"}}}}'
const currentTime = (value: string) => [{ ContextKeyName: 'aws:CurrentTime', ContextKeyValues: [value], ContextKeyType: 'date' as const }]

describe('SimulateCustomPolicy', () => {
  it('allows, as in AWS example, naming the statement by its position', async () => {
    const out = await server
      .iam()
      .send(new SimulateCustomPolicyCommand({ PolicyInputList: [DATED_POLICY], ActionNames: ['dynamodb:CreateBackup'], ContextEntries: currentTime('2019-04-25T11:00:00Z') }))
    expect(out.IsTruncated).toBe(false)
    expect(out.EvaluationResults).toEqual([
      {
        EvalActionName: 'dynamodb:CreateBackup',
        EvalResourceName: '*',
        EvalDecision: 'allowed',
        MatchedStatements: [{ SourcePolicyId: 'PolicyInputList.1', SourcePolicyType: 'none', StartPosition: { Line: 1, Column: 38 }, EndPosition: { Line: 1, Column: 167 } }],
        MissingContextValues: []
      }
    ])
  })

  it('denies implicitly when a context entry fails the condition, and reports the key when it is missing', async () => {
    const iam = server.iam()
    const early = await iam.send(
      new SimulateCustomPolicyCommand({ PolicyInputList: [DATED_POLICY], ActionNames: ['dynamodb:CreateBackup'], ContextEntries: currentTime('2014-04-25T11:00:00Z') })
    )
    expect(early.EvaluationResults?.[0]).toMatchObject({ EvalDecision: 'implicitDeny', MatchedStatements: [], MissingContextValues: [] })
    const unknown = await iam.send(new SimulateCustomPolicyCommand({ PolicyInputList: [DATED_POLICY], ActionNames: ['dynamodb:CreateBackup'] }))
    expect(unknown.EvaluationResults?.[0]).toMatchObject({ EvalDecision: 'implicitDeny', MissingContextValues: ['aws:CurrentTime'] })
  })

  it('names an explicit deny alone, with its line and column, per resource when resources are named', async () => {
    const out = await server.iam().send(
      new SimulateCustomPolicyCommand({
        PolicyInputList: [statementOf('Allow', 'ec2:*'), NO_TERMINATE],
        ActionNames: ['ec2:TerminateInstances', 'ec2:DescribeInstances'],
        ResourceArns: ['arn:aws:ec2:us-east-1:123456789012:instance/i-1']
      })
    )
    const [terminate, describeInstances] = out.EvaluationResults ?? []
    const deny = { SourcePolicyId: 'PolicyInputList.2', SourcePolicyType: 'none', StartPosition: { Line: 1, Column: 96 }, EndPosition: { Line: 2, Column: 67 } }
    expect(terminate).toMatchObject({ EvalDecision: 'explicitDeny', MatchedStatements: [deny], EvalDecisionDetails: {} })
    expect(terminate?.ResourceSpecificResults).toEqual([
      {
        EvalResourceName: 'arn:aws:ec2:us-east-1:123456789012:instance/i-1',
        EvalResourceDecision: 'explicitDeny',
        MatchedStatements: [deny],
        MissingContextValues: [],
        EvalDecisionDetails: {}
      }
    ])
    expect(describeInstances?.EvalDecision).toBe('allowed')
    expect(describeInstances?.MatchedStatements?.map((s) => s.SourcePolicyId)).toEqual(['PolicyInputList.1', 'PolicyInputList.2'])
  })

  it('takes list-typed context entries and a boundary', async () => {
    const tagPolicy = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: 'iam:TagRole', Resource: '*', Condition: { 'ForAllValues:StringEquals': { 'aws:TagKeys': ['team', 'cost'] } } }]
    })
    const out = await server.iam().send(
      new SimulateCustomPolicyCommand({
        PolicyInputList: [tagPolicy],
        PermissionsBoundaryPolicyInputList: [statementOf('Allow', 'iam:Tag*')],
        ActionNames: ['iam:TagRole'],
        ContextEntries: [{ ContextKeyName: 'aws:TagKeys', ContextKeyValues: ['team', 'cost'], ContextKeyType: 'stringList' }]
      })
    )
    expect(out.EvaluationResults?.[0]).toMatchObject({ EvalDecision: 'allowed', PermissionsBoundaryDecisionDetail: { AllowedByPermissionsBoundary: true } })
  })

  it('pages with MaxItems and Marker', async () => {
    const iam = server.iam()
    const input = { PolicyInputList: [statementOf('Allow', 's3:*')], ActionNames: ['s3:GetObject', 's3:PutObject', 'sqs:SendMessage'] }
    const first = await iam.send(new SimulateCustomPolicyCommand({ ...input, MaxItems: 2 }))
    expect(first.EvaluationResults?.map((r) => r.EvalDecision)).toEqual(['allowed', 'allowed'])
    expect(first.IsTruncated).toBe(true)
    const rest = await iam.send(new SimulateCustomPolicyCommand({ ...input, MaxItems: 2, Marker: first.Marker }))
    expect(rest.EvaluationResults?.map((r) => [r.EvalActionName, r.EvalDecision])).toEqual([['sqs:SendMessage', 'implicitDeny']])
    expect(rest).toMatchObject({ IsTruncated: false })
    await expect(iam.send(new SimulateCustomPolicyCommand({ ...input, Marker: 'not-ours' }))).rejects.toMatchObject({ name: 'ValidationError', message: 'Invalid Marker.' })
  })

  it.each([
    ['a malformed policy', { PolicyInputList: ['{"Version":"2012-10-17"'] }, 'Syntax errors in policy.'],
    [
      'a context value of the wrong type',
      { ContextEntries: [{ ContextKeyName: 'aws:SourceIp', ContextKeyValues: ['nowhere'], ContextKeyType: 'ip' as const }] },
      'Invalid value nowhere for context key aws:SourceIp of type ip.'
    ],
    [
      'a resource policy without a caller',
      { ResourcePolicy: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:*', Resource: '*' }] }) },
      'Invalid caller - Caller must be an IAM user in this context.'
    ],
    ['a role as the caller', { CallerArn: `arn:aws:iam::${ACCOUNT}:role/builder` }, 'Invalid caller - Caller must be an IAM user in this context.'],
    ['a wildcard action', { ActionNames: ['s3:*'] }, 'Invalid action name s3:*: give a service prefix and an operation, such as iam:CreateUser, without wildcards.']
  ])('refuses %s with InvalidInput', async (_what, change, message) => {
    const input = { PolicyInputList: [statementOf('Allow', 's3:*')], ActionNames: ['s3:GetObject'], ...change }
    await expect(server.iam().send(new SimulateCustomPolicyCommand(input))).rejects.toMatchObject({ name: 'InvalidInputException', message, $metadata: { httpStatusCode: 400 } })
  })
})

describe('SimulatePrincipalPolicy', () => {
  const simulateAlice = (actions: string[], extra: Partial<ConstructorParameters<typeof SimulatePrincipalPolicyCommand>[0]> = {}) =>
    server.iam().send(new SimulatePrincipalPolicyCommand({ PolicySourceArn: aliceArn, ActionNames: actions, ...extra }))

  it("evaluates a user's own, managed and group policies under its boundary", async () => {
    const out = await simulateAlice(['dynamodb:GetItem', 'dynamodb:PutItem', 'sqs:ListQueues', 'sns:ListTopics', 'ec2:DescribeVpcs', 'ec2:TerminateInstances', 'iam:CreateUser'])
    const decisions = Object.fromEntries((out.EvaluationResults ?? []).map((r) => [r.EvalActionName, r.EvalDecision]))
    expect(decisions).toEqual({
      'dynamodb:GetItem': 'allowed',
      'dynamodb:PutItem': 'implicitDeny', // the boundary leaves it out
      'sqs:ListQueues': 'allowed',
      'sns:ListTopics': 'allowed', // attached to the group
      'ec2:DescribeVpcs': 'allowed',
      'ec2:TerminateInstances': 'explicitDeny',
      'iam:CreateUser': 'implicitDeny'
    })
    const byAction = new Map((out.EvaluationResults ?? []).map((r) => [r.EvalActionName, r]))
    expect(byAction.get('dynamodb:GetItem')?.MatchedStatements?.map((s) => [s.SourcePolicyId, s.SourcePolicyType])).toEqual([['dynamo-all', 'user-managed']])
    expect(byAction.get('dynamodb:PutItem')?.PermissionsBoundaryDecisionDetail).toEqual({ AllowedByPermissionsBoundary: false })
    // AWS's document is laid out as in AWS's simulate-principal-policy example (Line 3, Column 19).
    expect(byAction.get('sqs:ListQueues')?.MatchedStatements).toEqual([
      { SourcePolicyId: 'AmazonSQSReadOnlyAccess', SourcePolicyType: 'aws-managed', StartPosition: { Line: 3, Column: 19 }, EndPosition: { Line: 16, Column: 10 } }
    ])
    expect(byAction.get('ec2:TerminateInstances')?.MatchedStatements).toEqual([
      { SourcePolicyId: 'no-terminate', SourcePolicyType: 'group', StartPosition: { Line: 1, Column: 96 }, EndPosition: { Line: 2, Column: 67 } }
    ])
  })

  it('reads policy variables from context entries, and reports them missing otherwise', async () => {
    const resource = 'arn:aws:s3:::home/alice/notes.txt'
    const missing = await simulateAlice(['s3:GetObject'], { ResourceArns: [resource] })
    expect(missing.EvaluationResults?.[0]).toMatchObject({ EvalDecision: 'implicitDeny', MissingContextValues: [] })
    expect(missing.EvaluationResults?.[0]?.ResourceSpecificResults?.[0]?.MissingContextValues).toEqual(['aws:username'])
    const given = await simulateAlice(['s3:GetObject'], {
      ResourceArns: [resource],
      ContextEntries: [{ ContextKeyName: 'aws:username', ContextKeyValues: ['alice'], ContextKeyType: 'string' }]
    })
    expect(given.EvaluationResults?.[0]?.EvalDecision).toBe('allowed')
    expect(given.EvaluationResults?.[0]?.MatchedStatements).toEqual([
      { SourcePolicyId: 'own-s3', SourcePolicyType: 'user', StartPosition: { Line: 3, Column: 17 }, EndPosition: { Line: 9, Column: 6 } }
    ])
  })

  it('adds PolicyInputList and lets a given boundary replace the entity one', async () => {
    const out = await simulateAlice(['dynamodb:PutItem', 'kms:Decrypt'], {
      PolicyInputList: [statementOf('Allow', 'kms:Decrypt')],
      PermissionsBoundaryPolicyInputList: [statementOf('Allow', '*')]
    })
    expect(out.EvaluationResults?.map((r) => r.EvalDecision)).toEqual(['allowed', 'allowed'])
    expect(out.EvaluationResults?.[1]?.MatchedStatements?.[0]).toMatchObject({ SourcePolicyId: 'PolicyInputList.1', SourcePolicyType: 'none' })
  })

  it('simulates a role and a group', async () => {
    const role = await server.iam().send(new SimulatePrincipalPolicyCommand({ PolicySourceArn: `arn:aws:iam::${ACCOUNT}:role/ci/builder`, ActionNames: ['codebuild:StartBuild'] }))
    expect(role.EvaluationResults?.[0]?.MatchedStatements?.[0]).toMatchObject({ SourcePolicyId: 'build', SourcePolicyType: 'role' })
    const group = await server
      .iam()
      .send(new SimulatePrincipalPolicyCommand({ PolicySourceArn: `arn:aws:iam::${ACCOUNT}:group/ops`, ActionNames: ['ec2:DescribeVpcs', 'dynamodb:GetItem'] }))
    expect(group.EvaluationResults?.map((r) => r.EvalDecision)).toEqual(['allowed', 'implicitDeny'])
  })

  it('answers IAM errors for unknown and unusable principals', async () => {
    const iam = server.iam()
    await expect(iam.send(new SimulatePrincipalPolicyCommand({ PolicySourceArn: `arn:aws:iam::${ACCOUNT}:user/nobody`, ActionNames: ['s3:GetObject'] }))).rejects.toMatchObject({
      name: 'NoSuchEntityException',
      message: 'The user with name nobody cannot be found.',
      $metadata: { httpStatusCode: 404 }
    })
    // The path is part of the ARN: the role lives under /ci/.
    await expect(iam.send(new SimulatePrincipalPolicyCommand({ PolicySourceArn: `arn:aws:iam::${ACCOUNT}:role/builder`, ActionNames: ['s3:GetObject'] }))).rejects.toMatchObject({
      name: 'NoSuchEntityException',
      message: 'The role with name builder cannot be found.'
    })
    await expect(iam.send(new SimulatePrincipalPolicyCommand({ PolicySourceArn: `arn:aws:s3:::some-bucket-name`, ActionNames: ['s3:GetObject'] }))).rejects.toMatchObject({
      name: 'InvalidInputException',
      message: 'ARN arn:aws:s3:::some-bucket-name is not valid.',
      $metadata: { httpStatusCode: 400 }
    })
    const resourcePolicy = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:*', Resource: '*' }] })
    await expect(
      iam.send(new SimulatePrincipalPolicyCommand({ PolicySourceArn: `arn:aws:iam::${ACCOUNT}:role/ci/builder`, ActionNames: ['s3:GetObject'], ResourcePolicy: resourcePolicy }))
    ).rejects.toMatchObject({ name: 'InvalidInputException', message: 'Invalid caller - Caller must be an IAM user in this context.' })
  })

  it('allows through a resource policy naming the simulated user', async () => {
    const bucketPolicy = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { AWS: aliceArn }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::shared/*' }]
    })
    const out = await simulateAlice(['s3:GetObject'], { ResourcePolicy: bucketPolicy, ResourceArns: ['arn:aws:s3:::shared/report.csv'] })
    expect(out.EvaluationResults?.[0]).toMatchObject({ EvalDecision: 'allowed', MatchedStatements: [{ SourcePolicyId: 'ResourcePolicy', SourcePolicyType: 'resource' }] })
  })
})

describe('who may simulate', () => {
  it('needs iam:SimulatePrincipalPolicy on the principal and iam:SimulateCustomPolicy on *', async () => {
    const auditor = await userWithPolicy(server, 'auditor', [{ Effect: 'Allow', Action: 'iam:SimulatePrincipalPolicy', Resource: aliceArn }])
    const ok = await auditor.iam.send(new SimulatePrincipalPolicyCommand({ PolicySourceArn: aliceArn, ActionNames: ['dynamodb:GetItem'] }))
    expect(ok.EvaluationResults?.[0]?.EvalDecision).toBe('allowed')
    const roleArn = `arn:aws:iam::${ACCOUNT}:role/ci/builder`
    await expect(auditor.iam.send(new SimulatePrincipalPolicyCommand({ PolicySourceArn: roleArn, ActionNames: ['s3:GetObject'] }))).rejects.toMatchObject({
      name: 'AccessDenied',
      message: implicitDenial(auditor.arn, 'iam:SimulatePrincipalPolicy', roleArn),
      $metadata: { httpStatusCode: 403 }
    })
    await expect(auditor.iam.send(new SimulateCustomPolicyCommand({ PolicyInputList: [statementOf('Allow', 's3:*')], ActionNames: ['s3:GetObject'] }))).rejects.toMatchObject({
      name: 'AccessDenied',
      message: implicitDenial(auditor.arn, 'iam:SimulateCustomPolicy', '*')
    })
  })
})

describe('the AWS CLI', () => {
  it('runs simulate-custom-policy as in AWS documentation and prints the same result', async () => {
    const out = await awsJson<{ EvaluationResults: unknown[] }>(server.url, server.root, [
      'iam',
      'simulate-custom-policy',
      '--policy-input-list',
      DATED_POLICY,
      '--action-names',
      'dynamodb:CreateBackup',
      '--context-entries',
      "ContextKeyName='aws:CurrentTime',ContextKeyValues='2019-04-25T11:00:00Z',ContextKeyType=date"
    ])
    expect(out.EvaluationResults).toEqual([
      {
        EvalActionName: 'dynamodb:CreateBackup',
        EvalResourceName: '*',
        EvalDecision: 'allowed',
        MatchedStatements: [{ SourcePolicyId: 'PolicyInputList.1', SourcePolicyType: 'none', StartPosition: { Line: 1, Column: 38 }, EndPosition: { Line: 1, Column: 167 } }],
        MissingContextValues: []
      }
    ])
  })
})
