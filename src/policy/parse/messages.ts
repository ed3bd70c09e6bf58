// The messages IAM (and STS, Organizations) return for malformed policies, and the order in
// which IAM checks: AWS reports only the first failing check, so every error we find carries
// its check's phase and the errors are sorted by it; the first error is the one AWS would give.
// Sources for each message: docs/policy-validation.md.

/** IAM's check order for identity policies (CreatePolicy, Put*Policy). */
export const enum Phase {
  Syntax = 1,
  Version = 2,
  Principal = 3,
  Legacy = 4,
  Sid = 5,
  ActionsPresent = 6,
  ResourcesPresent = 7,
  ResourceFormat = 8,
  ActionFormat = 9,
  Kind = 10
}

export const MSG = {
  syntax: 'Syntax errors in policy.',
  version: 'Policy document must be version 2012-10-17 or greater.',
  legacy: 'The policy failed legacy parsing',
  sidUnique: 'Statement IDs (SID) in a single policy must be unique.',
  sidAlphanumeric: 'Statement IDs (SID) must be alpha-numeric. Check that your input satisfies the regular expression [0-9A-Za-z]*',
  actionsMissing: 'Policy statement must contain actions.',
  resourcesMissing: 'Policy statement must contain resources.',
  actionVendor: 'Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.',
  actionColons: 'Actions/Condition can contain only one colon.',
  vendorInvalid: (vendor: string) => `Vendor ${vendor} is not valid`,
  resourceFormat: (resource: string) => `Resource ${resource} must be in ARN format or "*".`,
  partitionInvalid: (partition: string, resource: string) => `Partition "${partition}" is not valid for resource "${resource}".`,
  resourceVendor: 'Resource vendor must be fully qualified and cannot contain regexes.',
  iamPath:
    'IAM resource path must either be "*", root, or start with user/, federated-user/, role/, group/, instance-profile/, mfa/, server-certificate/, policy/, sms-mfa/, saml-provider/, oidc-provider/, report/, access-report/.',
  iamRegion: (resource: string) => `IAM resource ${resource} cannot contain region information.`,
  s3Region: (resource: string) => `Resource ${resource} can not contain region information.`,
  principalInIdentity: 'Policy document should not specify a principal.',
  // Role trust policies (CreateRole, UpdateAssumeRolePolicy) have a validator of their own.
  trustInvalidJson: 'This policy contains invalid Json',
  trustActions: 'AssumeRole policy may only specify STS AssumeRole actions.',
  trustProhibited: (field: string) => `Has prohibited field ${field}`,
  trustPrincipalMissing: 'Missing required field Principal',
  trustStarPrincipal: 'AssumeRolepolicy contained an invalid principal: "STAR":"*".',
  trustNoPrincipals: 'Invalid principal in policy: com.amazon.balsa.error.InvalidPolicyException: The passed in policy has a statement with no principals!',
  // Resource-based policies (as services such as S3 word it).
  resourcePrincipalMissing: 'Missing required field Principal',
  // AWS Organizations (SCPs, RCPs).
  organizationsType: 'The provided policy document does not meet the requirements of the specified policy type.'
} as const

/** The actions a role trust policy may name. */
export const TRUST_ACTIONS: ReadonlySet<string> = new Set([
  'sts:assumerole',
  'sts:assumerolewithsaml',
  'sts:assumerolewithwebidentity',
  'sts:tagsession',
  'sts:setsourceidentity',
  'sts:setcontext'
])

export const PARTITIONS: ReadonlySet<string> = new Set(['aws', 'aws-cn', 'aws-us-gov', 'aws-iso', 'aws-iso-b', 'aws-iso-e', 'aws-iso-f', 'aws-eusc'])

export const IAM_RESOURCE_PREFIXES: readonly string[] = [
  'user/',
  'federated-user/',
  'role/',
  'group/',
  'instance-profile/',
  'mfa/',
  'server-certificate/',
  'policy/',
  'sms-mfa/',
  'saml-provider/',
  'oidc-provider/',
  'report/',
  'access-report/'
]
