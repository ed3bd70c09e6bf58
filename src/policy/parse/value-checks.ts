// The checks IAM makes on the values inside statements: action names, resource ARNs, Sids.
// Each returns the IAM message and the phase it belongs to, or undefined when the value is fine.

import { hasAt } from '../match/text-at.js'
import { IAM_RESOURCE_PREFIXES, MSG, PARTITIONS, Phase } from './messages.js'

export interface ValueProblem {
  readonly phase: Phase
  readonly message: string
  readonly detail: string
}

// These run for every action, resource and Sid of every policy parsed. The usual values are
// checked without slicing them (anything unusual goes the long way, which also words the
// error); native searches find the colons and a regular expression checks a Sid, both cheaper
// than a JavaScript loop over every character.

export function checkAction(action: string): ValueProblem | undefined {
  if (action === '*') return undefined
  const colon = action.indexOf(':')
  if (colon < 0) return { phase: Phase.ActionFormat, message: MSG.actionVendor, detail: `action "${action}" has no service prefix ("service:action")` }
  if (action.indexOf(':', colon + 1) >= 0) return { phase: Phase.ActionFormat, message: MSG.actionColons, detail: `action "${action}" has more than one colon` }
  // The service prefix: one or more of [A-Za-z0-9.-].
  let valid = colon > 0
  for (let i = 0; i < colon && valid; i++) {
    const c = action.charCodeAt(i)
    valid = isAlphanumeric(c) || c === DOT || c === HYPHEN
  }
  if (valid) return undefined
  const vendor = action.slice(0, colon)
  return { phase: Phase.ActionFormat, message: MSG.vendorInvalid(vendor), detail: `service prefix "${vendor}" may only contain letters, digits, "." and "-"` }
}

const SID = /^[0-9A-Za-z]*$/

export function checkSid(sid: string): ValueProblem | undefined {
  if (SID.test(sid)) return undefined
  return { phase: Phase.Sid, message: MSG.sidAlphanumeric, detail: `Sid "${sid}" may only contain letters and digits` }
}

const DOT = 46
const HYPHEN = 45

function isAlphanumeric(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)
}

/** Resource ARN checks, in the wording and order IAM uses. */
export function checkResource(resource: string): ValueProblem | undefined {
  if (resource === '*') return undefined
  // Colon positions, found without splitting.
  const c1 = resource.indexOf(':')
  if (c1 < 0) return { phase: Phase.ResourceFormat, message: MSG.resourceFormat(resource), detail: `resource "${resource}" is neither "*" nor an ARN` }
  const c2 = resource.indexOf(':', c1 + 1)
  const c3 = c2 < 0 ? -1 : resource.indexOf(':', c2 + 1)
  const c4 = c3 < 0 ? -1 : resource.indexOf(':', c3 + 1)
  const c5 = c4 < 0 ? -1 : resource.indexOf(':', c4 + 1)
  const partitionEnd = c2 < 0 ? resource.length : c2
  if (!isAws(resource, c1 + 1, partitionEnd)) {
    const partition = resource.slice(c1 + 1, partitionEnd)
    if (!PARTITIONS.has(partition) && !WILDCARD.test(partition)) {
      // IAM names the resource as it read it: the first field as "arn", missing fields as "*".
      const fields = resource.split(':').slice(1)
      while (fields.length < 5) fields.push('*')
      return { phase: Phase.ResourceFormat, message: MSG.partitionInvalid(partition, `arn:${fields.join(':')}`), detail: `"${partition}" is not an AWS partition` }
    }
  }
  // An ARN-looking value with an empty field but too few fields fails IAM's older parser.
  if (c5 < 0 && resource.includes('::')) return { phase: Phase.Legacy, message: MSG.legacy, detail: `resource "${resource}" has fewer than six ARN fields` }
  if (c2 < 0) return { phase: Phase.ResourceFormat, message: MSG.resourceVendor, detail: `resource "${resource}" has no service` }
  if (c4 < 0) return undefined
  const service = c3 - c2 === 4 && hasAt(resource, 'iam', c2 + 1) ? 'iam' : c3 - c2 === 3 && hasAt(resource, 's3', c2 + 1) ? 's3' : undefined
  if (service === undefined) return undefined
  const region = resource.slice(c3 + 1, c4)
  // A wildcard region ("*") is not region information.
  if (region !== '' && WILDCARD.test(region)) return undefined
  const rest = c5 < 0 ? '' : resource.slice(c5 + 1)
  if (service === 'iam') {
    if (region !== '') return { phase: Phase.ResourceFormat, message: MSG.iamRegion(resource), detail: 'IAM resources are global: the region field must be empty' }
    if (c5 >= 0 && !validIamPath(rest)) return { phase: Phase.ResourceFormat, message: MSG.iamPath, detail: `"${rest}" is not an IAM resource type` }
    return undefined
  }
  if (region !== '' && !rest.startsWith('accesspoint')) {
    return { phase: Phase.ResourceFormat, message: MSG.s3Region(resource), detail: 'S3 bucket and object ARNs have no region' }
  }
  return undefined
}

/** Whether resource[start, end) is "aws", the partition nearly every ARN names. */
function isAws(resource: string, start: number, end: number): boolean {
  return end - start === 3 && resource.charCodeAt(start) === 97 && resource.charCodeAt(start + 1) === 119 && resource.charCodeAt(start + 2) === 115
}

const WILDCARD = /[*?]/

function validIamPath(rest: string): boolean {
  if (rest === '*' || rest === 'root' || rest === '') return true
  if (rest.startsWith('*') || rest.startsWith('?')) return true
  const beforeWildcard = rest.replace(/[*?].*$/, '')
  const wild = beforeWildcard !== rest
  return IAM_RESOURCE_PREFIXES.some((p) => rest.startsWith(p) || (wild && p.startsWith(beforeWildcard)))
}
