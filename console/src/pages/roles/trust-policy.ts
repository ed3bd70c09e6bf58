// The trust policies the create-role wizard writes for each kind of trusted entity, as the AWS
// console writes them, and the reverse: who a role's trust policy names, for the roles list.

export const AWS_SERVICES: readonly { label: string; principal: string }[] = [
  { label: 'EC2', principal: 'ec2.amazonaws.com' },
  { label: 'Lambda', principal: 'lambda.amazonaws.com' },
  { label: 'Elastic Container Service (tasks)', principal: 'ecs-tasks.amazonaws.com' },
  { label: 'API Gateway', principal: 'apigateway.amazonaws.com' },
  { label: 'CloudFormation', principal: 'cloudformation.amazonaws.com' },
  { label: 'CodeBuild', principal: 'codebuild.amazonaws.com' },
  { label: 'EventBridge', principal: 'events.amazonaws.com' },
  { label: 'Step Functions', principal: 'states.amazonaws.com' },
  { label: 'Glue', principal: 'glue.amazonaws.com' },
  { label: 'SageMaker', principal: 'sagemaker.amazonaws.com' }
]

export type TrustedEntity =
  | { readonly type: 'service'; readonly service: string }
  | { readonly type: 'account'; readonly accountId: string; readonly externalId?: string; readonly requireMfa: boolean }
  | { readonly type: 'web-identity'; readonly providerArn: string; readonly audience: string }
  | { readonly type: 'saml'; readonly providerArn: string; readonly audience: string }
  | { readonly type: 'custom'; readonly document: string }

/** The host/path an OIDC provider's ARN names: its condition keys start with it. */
export const oidcProviderUrl = (arn: string): string => arn.slice(arn.indexOf(':oidc-provider/') + ':oidc-provider/'.length)

export const SAML_SIGN_IN_AUDIENCE = 'https://signin.aws.amazon.com/saml'

function statement(entity: Exclude<TrustedEntity, { type: 'custom' }>): Record<string, unknown> {
  switch (entity.type) {
    case 'service':
      return { Effect: 'Allow', Principal: { Service: entity.service }, Action: 'sts:AssumeRole' }
    case 'account': {
      const condition: Record<string, Record<string, string>> = {}
      if (entity.externalId) condition.StringEquals = { 'sts:ExternalId': entity.externalId }
      if (entity.requireMfa) condition.Bool = { 'aws:MultiFactorAuthPresent': 'true' }
      return {
        Effect: 'Allow',
        Principal: { AWS: `arn:aws:iam::${entity.accountId}:root` },
        Action: 'sts:AssumeRole',
        ...(Object.keys(condition).length ? { Condition: condition } : {})
      }
    }
    case 'web-identity':
      return {
        Effect: 'Allow',
        Principal: { Federated: entity.providerArn },
        Action: 'sts:AssumeRoleWithWebIdentity',
        Condition: { StringEquals: { [`${oidcProviderUrl(entity.providerArn)}:aud`]: entity.audience } }
      }
    case 'saml':
      return {
        Effect: 'Allow',
        Principal: { Federated: entity.providerArn },
        Action: 'sts:AssumeRoleWithSAML',
        Condition: { StringEquals: { 'SAML:aud': entity.audience } }
      }
  }
}

/** The trust policy JSON for a trusted entity (a custom one is its own text). */
export function trustPolicyFor(entity: TrustedEntity): string {
  if (entity.type === 'custom') return entity.document
  return JSON.stringify({ Version: '2012-10-17', Statement: [statement(entity)] }, null, 2)
}

export const CUSTOM_TRUST_TEMPLATE = JSON.stringify(
  { Version: '2012-10-17', Statement: [{ Sid: 'Statement1', Effect: 'Allow', Principal: {}, Action: 'sts:AssumeRole' }] },
  null,
  2
)

/** "AWS service: ec2", "Account: 111122223333", "Identity provider: …" for each principal trusted. */
export function trustedEntities(document: string): string[] {
  let doc: { Statement?: unknown }
  try {
    doc = JSON.parse(document) as { Statement?: unknown }
  } catch {
    return []
  }
  const statements = Array.isArray(doc.Statement) ? doc.Statement : doc.Statement ? [doc.Statement] : []
  const out: string[] = []
  for (const st of statements as { Effect?: string; Principal?: unknown }[]) {
    if (st.Effect !== 'Allow' || typeof st.Principal !== 'object' || st.Principal === null) continue
    for (const [kind, value] of Object.entries(st.Principal as Record<string, unknown>)) {
      for (const v of Array.isArray(value) ? value : [value]) {
        const s = String(v)
        if (kind === 'Service') out.push(`AWS service: ${s.replace(/\.amazonaws\.com$/, '')}`)
        else if (kind === 'Federated') out.push(`Identity provider: ${s.replace(/^arn:aws:iam::\d+:(oidc|saml)-provider\//, '')}`)
        else if (kind === 'AWS') {
          const account = /^arn:aws:iam::(\d{12}):root$/.exec(s)?.[1] ?? (/^\d{12}$/.test(s) ? s : undefined)
          out.push(account ? `Account: ${account}` : s)
        }
      }
    }
  }
  return [...new Set(out)]
}
