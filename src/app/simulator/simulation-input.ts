// The parts of SimulatePrincipalPolicy's and SimulateCustomPolicy's input that the model cannot
// check: action names, resource ARNs, the caller, the resource owner, the scenario option, and
// the page asked for. AWS documents the rules but not its messages for breaking them: those
// below are inferred, except the caller's, which is AWS's.

import { iamErrors } from '../../core/aws-error.js'
import { parseArn } from '../../core/arn.js'

/** An IAM user's ARN: the only principal the simulator takes as the caller (API reference). */
export function checkCallerArn(arn: string): { readonly arn: string; readonly account: string } {
  const parsed = parseArn(arn)
  if (!parsed || parsed.service !== 'iam' || !/^\d{12}$/.test(parsed.account) || !/^user\/(.+\/)?[^/]+$/.test(parsed.resource)) throw invalidCaller()
  return { arn, account: parsed.account }
}

/** AWS's answer when a resource policy needs a caller and there is no IAM user to be it. */
export function invalidCaller() {
  return iamErrors.invalidInput('Invalid caller - Caller must be an IAM user in this context.')
}

/** "service:Operation", no wildcards: each names one API operation (API reference). */
export function checkActionNames(names: readonly string[]): void {
  for (const name of names) {
    // (inferred)
    if (!/^[A-Za-z0-9-]+:[A-Za-z0-9_.-]+$/.test(name))
      throw iamErrors.invalidInput(`Invalid action name ${name}: give a service prefix and an operation, such as iam:CreateUser, without wildcards.`)
  }
}

/** `*` (every resource) or an ARN; none given means `*`. */
export function resourcesOf(arns: readonly string[] | undefined): readonly string[] {
  if (arns === undefined || arns.length === 0) return ['*']
  for (const arn of arns) {
    // (inferred)
    if (arn !== '*' && parseArn(arn) === undefined) throw iamErrors.invalidInput(`Invalid resource ARN ${arn}.`)
  }
  return arns
}

/** An account ID, or the account's root ARN (SimulateCustomPolicy's documentation uses that form). */
export function resourceOwnerAccount(owner: string | undefined): string | undefined {
  if (owner === undefined) return undefined
  const m = /^(?:arn:aws:iam::(\d{12}):root|(\d{12}))$/.exec(owner)
  // (inferred)
  if (!m) throw iamErrors.invalidInput(`Invalid ResourceOwner ${owner}: give an account ID or arn:aws:iam::<account>:root.`)
  return (m[1] ?? m[2]) as string
}

const SCENARIOS: ReadonlySet<string> = new Set(['EC2-VPC-InstanceStore', 'EC2-VPC-InstanceStore-Subnet', 'EC2-VPC-EBS', 'EC2-VPC-EBS-Subnet'])

export function checkResourceHandlingOption(option: string | undefined): void {
  // (inferred)
  if (option !== undefined && !SCENARIOS.has(option)) throw iamErrors.invalidInput(`Invalid ResourceHandlingOption ${option}: use one of ${[...SCENARIOS].join(', ')}.`)
}

export function checkSingleBoundary(boundaries: readonly string[] | undefined): void {
  // (inferred) "You can input only one permissions boundary" (API reference).
  if (boundaries !== undefined && boundaries.length > 1) throw iamErrors.invalidInput('Only one permissions boundary policy can be simulated at a time.')
}

export interface ResultPage {
  readonly start: number
  readonly end: number
  readonly marker: string | undefined
}

/**
 * The slice of `total` results a request asks for (MaxItems, default 100; Marker, an offset this
 * server issued), without building the others; a marker we did not issue is IAM's ValidationError
 * "Invalid Marker." (as shared/paging.ts answers it for every other list).
 */
export function resultPage(total: number, input: { readonly MaxItems?: number | undefined; readonly Marker?: string | undefined }): ResultPage {
  let start = 0
  if (input.Marker !== undefined) {
    const n = /^[0-9]{1,15}$/.test(input.Marker) ? Number(input.Marker) : NaN
    if (!Number.isSafeInteger(n) || n > total) throw iamErrors.validationError('Invalid Marker.')
    start = n
  }
  const end = Math.min(total, start + (input.MaxItems ?? 100))
  return { start, end, marker: end < total ? String(end) : undefined }
}
