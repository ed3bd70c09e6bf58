// The IAM output shapes the identity pages read (as the SDK gives them; dates are ISO strings),
// and a helper that follows Marker through every page of a List action.

import { call } from '../api'

export interface Tag {
  Key: string
  Value: string
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

export interface AttachedPolicy {
  readonly PolicyName: string
  readonly PolicyArn: string
}

export interface ManagedPolicy {
  readonly PolicyName: string
  readonly Arn: string
  readonly AttachmentCount?: number
  readonly Description?: string
  readonly IsAttachable?: boolean
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

export interface Page {
  readonly IsTruncated?: boolean
  readonly Marker?: string
}

/** Every item of a paged List action (`key` names the list in its output, e.g. 'Users'). */
export async function listAll<T>(action: string, input: Record<string, unknown>, key: string): Promise<T[]> {
  const items: T[] = []
  let marker: string | undefined
  do {
    const page = await call<Page & Record<string, unknown>>(action, { ...input, ...(marker ? { Marker: marker } : {}) })
    items.push(...((page[key] as T[] | undefined) ?? []))
    marker = page.IsTruncated ? page.Marker : undefined
  } while (marker)
  return items
}

/** Whether a managed policy's ARN is one of AWS's (arn:aws:iam::aws:policy/...). */
export const isAwsManaged = (arn: string) => arn.includes(':iam::aws:policy/')

/** Inline policy documents arrive URL-encoded, as in the Query API; shown pretty-printed. */
export function decodePolicyDocument(document: string): string {
  let text = document
  try {
    text = decodeURIComponent(document)
  } catch {
    // Already plain text.
  }
  try {
    return JSON.stringify(JSON.parse(text), null, 2)
  } catch {
    return text
  }
}
