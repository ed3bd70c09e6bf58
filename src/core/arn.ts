// ARNs of IAM and STS entities. Paths start and end with "/" (the root path is "/").

export const PARTITION = 'aws'

export type IamEntityType = 'user' | 'group' | 'role' | 'policy' | 'instance-profile' | 'server-certificate' | 'mfa' | 'oidc-provider' | 'saml-provider'

export function iamArn(account: string, type: IamEntityType, path: string, name: string): string {
  return `arn:${PARTITION}:iam::${account}:${type}${path}${name}`
}

export function rootArn(account: string): string {
  return `arn:${PARTITION}:iam::${account}:root`
}

export function awsManagedPolicyArn(path: string, name: string): string {
  return `arn:${PARTITION}:iam::aws:policy${path}${name}`
}

export interface ParsedArn {
  readonly partition: string
  readonly service: string
  readonly region: string
  readonly account: string
  readonly resource: string
}

export function parseArn(arn: string): ParsedArn | undefined {
  const parts = arn.split(':')
  if (parts.length < 6 || parts[0] !== 'arn') return undefined
  return { partition: parts[1] as string, service: parts[2] as string, region: parts[3] as string, account: parts[4] as string, resource: parts.slice(5).join(':') }
}

/** Splits an IAM resource ("user/path/name") into type, path and name. */
export function splitIamResource(resource: string): { type: string; path: string; name: string } | undefined {
  const slash = resource.indexOf('/')
  if (slash < 0) return undefined
  const type = resource.slice(0, slash)
  const rest = resource.slice(slash)
  const last = rest.lastIndexOf('/')
  return { type, path: rest.slice(0, last + 1), name: rest.slice(last + 1) }
}
