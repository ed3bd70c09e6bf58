// The shapes of the IAM outputs the console reads, as the SDK gives them through
// POST /console/api/call (dates are ISO strings). Only the members the pages use.

export interface Tag {
  readonly Key: string
  readonly Value: string
}

/** The paging members of every List action's output. */
export interface Page {
  readonly IsTruncated?: boolean
  readonly Marker?: string
}

export interface IamUser {
  readonly UserName: string
  readonly UserId: string
  readonly Arn: string
  readonly Path: string
  readonly CreateDate: string
  readonly PasswordLastUsed?: string
  readonly PermissionsBoundary?: { readonly PermissionsBoundaryArn: string; readonly PermissionsBoundaryType: string }
}

export interface IamGroup {
  readonly GroupName: string
  readonly GroupId: string
  readonly Arn: string
  readonly Path: string
  readonly CreateDate: string
}

export interface IamRole {
  readonly RoleName: string
  readonly RoleId: string
  readonly Arn: string
  readonly Path: string
  readonly CreateDate: string
  readonly AssumeRolePolicyDocument?: string
  readonly Description?: string
  readonly MaxSessionDuration?: number
  readonly RoleLastUsed?: { readonly LastUsedDate?: string; readonly Region?: string }
  readonly PermissionsBoundary?: { readonly PermissionsBoundaryArn: string; readonly PermissionsBoundaryType: string }
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

export interface AccessKeyMetadata {
  readonly UserName?: string
  readonly AccessKeyId: string
  readonly Status: 'Active' | 'Inactive'
  readonly CreateDate: string
}

export interface MfaDevice {
  readonly UserName: string
  readonly SerialNumber: string
  readonly EnableDate: string
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

/** AWS managed policies live in the `aws` pseudo-account (arn:aws:iam::aws:policy/…, in any partition). */
export const isAwsManaged = (arn: string): boolean => arn.includes(':iam::aws:policy/')

/** The name at the end of an IAM ARN, after its path (arn:aws:iam::aws:policy/job-function/ViewOnlyAccess → ViewOnlyAccess). */
export const arnName = (arn: string): string => arn.slice(arn.lastIndexOf('/') + 1)
