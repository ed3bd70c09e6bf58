import { describe, expect, it } from 'vitest'
import { AwsError } from '../../core/aws-error.js'
import { simulationContext } from './context-entries.js'
import { Simulation, type SimulationRequest } from './simulation.js'
import { inputPolicies, resourcePolicy } from './simulation-policies.js'

const ACCOUNT = '111122223333'
const ALICE = `arn:aws:iam::${ACCOUNT}:user/alice`

function simulate(options: {
  policies: string[]
  boundary?: string
  resourcePolicy?: string
  actions: string[]
  resources?: string[]
  context?: Parameters<typeof simulationContext>[0]
  resourceOwner?: string
}) {
  const request: SimulationRequest = {
    policies: {
      identity: inputPolicies(options.policies, 'PolicyInputList', 'identity'),
      boundary: options.boundary === undefined ? undefined : inputPolicies([options.boundary], 'PermissionsBoundaryPolicyInputList', 'boundary')[0],
      resource: resourcePolicy(options.resourcePolicy)
    },
    caller: ALICE,
    callerAccount: ACCOUNT,
    resourceOwner: options.resourceOwner,
    context: simulationContext(options.context),
    actions: options.actions,
    resources: options.resources ?? ['*']
  }
  const simulation = new Simulation(request)
  return Array.from({ length: simulation.size }, (_, i) => simulation.result(i))
}

const allowS3 = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:Get*","Resource":"*"}]}'
const denyKey = '{"Version":"2012-10-17","Statement":[{"Sid":"NoSecrets","Effect":"Deny","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/secret/*"}]}'

describe('Simulation', () => {
  it('evaluates every action against every resource, action by action', () => {
    const results = simulate({ policies: [allowS3], actions: ['s3:GetObject', 's3:PutObject'], resources: ['arn:aws:s3:::b/x', 'arn:aws:s3:::b/y'] })
    expect(results.map((r) => [r.EvalActionName, r.EvalResourceName, r.EvalDecision])).toEqual([
      ['s3:GetObject', 'arn:aws:s3:::b/x', 'allowed'],
      ['s3:GetObject', 'arn:aws:s3:::b/y', 'allowed'],
      ['s3:PutObject', 'arn:aws:s3:::b/x', 'implicitDeny'],
      ['s3:PutObject', 'arn:aws:s3:::b/y', 'implicitDeny']
    ])
  })

  it('names the deny alone when a deny decides, with its place in its document', () => {
    const [result] = simulate({ policies: [allowS3, denyKey], actions: ['s3:GetObject'], resources: ['arn:aws:s3:::b/secret/k'] })
    expect(result?.EvalDecision).toBe('explicitDeny')
    expect(result?.MatchedStatements).toEqual([
      { SourcePolicyId: 'PolicyInputList.2', SourcePolicyType: 'none', StartPosition: { Line: 1, Column: 38 }, EndPosition: { Line: 1, Column: 134 } }
    ])
    // A named resource: the per-resource result repeats the decision; the decision details are present but empty.
    expect(result?.ResourceSpecificResults).toEqual([
      {
        EvalResourceName: 'arn:aws:s3:::b/secret/k',
        EvalResourceDecision: 'explicitDeny',
        MatchedStatements: result?.MatchedStatements,
        MissingContextValues: [],
        EvalDecisionDetails: {}
      }
    ])
    expect(result?.EvalDecisionDetails).toEqual({})
  })

  it('lists no statements for an implicit deny, and no decision details for * in the same account', () => {
    const [result] = simulate({ policies: [allowS3], actions: ['iam:CreateUser'] })
    expect(result).toEqual({ EvalActionName: 'iam:CreateUser', EvalResourceName: '*', EvalDecision: 'implicitDeny', MatchedStatements: [], MissingContextValues: [] })
  })

  it('lets context entries drive conditions, and reports the keys the relevant statements lack', () => {
    const policy =
      '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"ec2:*","Resource":"*","Condition":{"StringEquals":{"aws:RequestedRegion":["eu-west-1"]},"Bool":{"aws:MultiFactorAuthPresent":"true"}}},' +
      '{"Effect":"Allow","Action":"s3:*","Resource":"arn:aws:s3:::home/${aws:username}/*","Condition":{"IpAddress":{"aws:SourceIp":"10.0.0.0/8"}}}]}'
    const region = [{ ContextKeyName: 'aws:RequestedRegion', ContextKeyValues: ['eu-west-1'], ContextKeyType: 'string' as const }]
    const [partial] = simulate({ policies: [policy], actions: ['ec2:RunInstances'], context: region })
    expect(partial?.EvalDecision).toBe('implicitDeny')
    expect(partial?.MissingContextValues).toEqual(['aws:MultiFactorAuthPresent'])
    const mfa = { ContextKeyName: 'aws:multifactorauthpresent', ContextKeyValues: ['true'], ContextKeyType: 'boolean' as const }
    const [full] = simulate({ policies: [policy], actions: ['ec2:RunInstances'], context: [...region, mfa] })
    expect(full?.EvalDecision).toBe('allowed')
    expect(full?.MissingContextValues).toEqual([])
    // The S3 statement is relevant only to S3 actions; its variable in Resource counts as a key.
    const [s3] = simulate({ policies: [policy], actions: ['s3:GetObject'], resources: ['arn:aws:s3:::home/alice/f'] })
    expect(s3?.MissingContextValues).toEqual([])
    expect(s3?.ResourceSpecificResults?.[0]?.MissingContextValues).toEqual(['aws:username', 'aws:SourceIp'])
  })

  it("does not count a ${...} before an ARN's fifth colon as a key: it is plain text there", () => {
    const policy = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sqs:SendMessage","Resource":"arn:aws:sqs:*:${aws:PrincipalAccount}:${aws:username}"}]}'
    const [result] = simulate({ policies: [policy], actions: ['sqs:SendMessage'], resources: ['arn:aws:sqs:us-east-1:111122223333:alice'] })
    expect(result?.EvalDecision).toBe('implicitDeny')
    expect(result?.ResourceSpecificResults?.[0]?.MissingContextValues).toEqual(['aws:username'])
  })

  it('takes list-typed context values', () => {
    const policy =
      '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:TagUser","Resource":"*","Condition":{"ForAllValues:StringEquals":{"aws:TagKeys":["team","cost"]}}}]}'
    const tagKeys = (values: string[]) => [{ ContextKeyName: 'aws:TagKeys', ContextKeyValues: values, ContextKeyType: 'stringList' as const }]
    expect(simulate({ policies: [policy], actions: ['iam:TagUser'], context: tagKeys(['team', 'cost']) })[0]?.EvalDecision).toBe('allowed')
    expect(simulate({ policies: [policy], actions: ['iam:TagUser'], context: tagKeys(['team', 'owner']) })[0]?.EvalDecision).toBe('implicitDeny')
  })

  it('applies a permissions boundary and says whether it allowed', () => {
    const boundary = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}'
    const [inside, outside] = simulate({ policies: [allowS3], boundary, actions: ['s3:GetObject', 's3:GetBucketPolicy'] })
    expect(inside?.EvalDecision).toBe('allowed')
    expect(inside?.PermissionsBoundaryDecisionDetail).toEqual({ AllowedByPermissionsBoundary: true })
    expect(inside?.MatchedStatements?.map((s) => s.SourcePolicyId)).toEqual(['PolicyInputList.1'])
    expect(outside?.EvalDecision).toBe('implicitDeny')
    expect(outside?.PermissionsBoundaryDecisionDetail).toEqual({ AllowedByPermissionsBoundary: false })
  })

  it('evaluates a resource policy, and details both sides of a cross-account request', () => {
    const bucketPolicy = `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"${ALICE}"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::other/*"}]}`
    const [sameAccount] = simulate({
      policies: ['{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"sqs:*","Resource":"*"}]}'],
      resourcePolicy: bucketPolicy,
      actions: ['s3:GetObject'],
      resources: ['arn:aws:s3:::other/k']
    })
    expect(sameAccount?.EvalDecision).toBe('allowed')
    expect(sameAccount?.MatchedStatements?.map((s) => [s.SourcePolicyId, s.SourcePolicyType])).toEqual([['ResourcePolicy', 'resource']])
    const [crossAccount] = simulate({ policies: [], resourcePolicy: bucketPolicy, actions: ['s3:GetObject'], resources: ['arn:aws:s3:::other/k'], resourceOwner: '444455556666' })
    expect(crossAccount?.EvalDecision).toBe('implicitDeny')
    expect(crossAccount?.EvalDecisionDetails).toEqual({ 'IAM Policy': 'implicitDeny', 'Resource Policy': 'allowed' })
  })

  it('refuses a policy IAM would refuse, with IAM message, as InvalidInput', () => {
    expect(() => inputPolicies(['{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*"}]}'], 'PolicyInputList', 'identity')).toThrow(AwsError)
    try {
      inputPolicies(['not json'], 'PolicyInputList', 'identity')
    } catch (e) {
      expect((e as AwsError).code).toBe('InvalidInput')
      expect((e as AwsError).message).toBe('Syntax errors in policy.')
    }
  })
})
