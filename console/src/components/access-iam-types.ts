// The shapes of the IAM outputs the access pages read (roles, policies, the simulator), as the
// SDK gives them through POST /console/api/call. Only the members the pages use.

export interface Tag {
  readonly Key: string
  readonly Value: string
}

export interface Role {
  readonly RoleName: string
  readonly RoleId: string
  readonly Arn: string
  readonly Path: string
  readonly CreateDate: string
  readonly AssumeRolePolicyDocument?: string
  readonly Description?: string
  readonly MaxSessionDuration?: number
  readonly RoleLastUsed?: { readonly LastUsedDate?: string; readonly Region?: string }
  readonly Tags?: readonly Tag[]
}

export interface ManagedPolicy {
  readonly PolicyName: string
  readonly PolicyId: string
  readonly Arn: string
  readonly Path: string
  readonly DefaultVersionId: string
  readonly AttachmentCount?: number
  readonly PermissionsBoundaryUsageCount?: number
  readonly IsAttachable?: boolean
  readonly Description?: string
  readonly CreateDate: string
  readonly UpdateDate?: string
  readonly Tags?: readonly Tag[]
}

export interface PolicyVersion {
  readonly VersionId: string
  readonly IsDefaultVersion: boolean
  readonly CreateDate: string
  readonly Document?: string
}

export interface AttachedPolicy {
  readonly PolicyName: string
  readonly PolicyArn: string
}

export interface Position {
  readonly Line: number
  readonly Column: number
}

export interface MatchedStatement {
  readonly SourcePolicyId?: string
  readonly SourcePolicyType?: string
  readonly StartPosition?: Position
  readonly EndPosition?: Position
}

export type EvalDecision = 'allowed' | 'explicitDeny' | 'implicitDeny'

export interface EvaluationResult {
  readonly EvalActionName: string
  readonly EvalResourceName?: string
  readonly EvalDecision: EvalDecision
  readonly MatchedStatements?: readonly MatchedStatement[]
  readonly MissingContextValues?: readonly string[]
  readonly EvalDecisionDetails?: Record<string, EvalDecision>
  readonly ResourceSpecificResults?: readonly {
    readonly EvalResourceName: string
    readonly EvalResourceDecision: EvalDecision
    readonly MatchedStatements?: readonly MatchedStatement[]
    readonly MissingContextValues?: readonly string[]
  }[]
}

/** AWS managed policies live in the `aws` pseudo-account. */
export const isAwsManaged = (arn: string): boolean => arn.startsWith('arn:aws:iam::aws:policy/')
