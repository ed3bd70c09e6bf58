// Principal and NotPrincipal blocks, compiled into sets, and how a request's principal
// matches them. The kind of match matters to evaluation: a grant to the exact user or session
// is not limited by implicit denies elsewhere, a grant to a role is limited by the boundary and
// session policy, and a grant to an account only delegates to that account's own policies.

import type { PrincipalBlock } from '../model.js'
import type { RequestPrincipal } from '../evaluate/request-principal.js'

/** Strongest first: direct > wildcard > role > account > none. */
export type PrincipalMatch = 'direct' | 'wildcard' | 'role' | 'account' | 'none'

export interface PrincipalMatcher {
  match(principal: RequestPrincipal): PrincipalMatch
  /** NotPrincipal with Deny: whether every identity of the principal is listed. */
  excludesAll(principal: RequestPrincipal): boolean
  /** NotPrincipal with Allow: whether any identity of the principal is listed. */
  excludesAny(principal: RequestPrincipal): boolean
}

const ACCOUNT_ID = /^\d{12}$/
const ROOT_ARN = /^arn:[a-z-]+:iam::(\d{12}):root$/

export function compilePrincipal(block: PrincipalBlock): PrincipalMatcher {
  let everyone = block.wildcard
  let everyAwsPrincipal = false
  const accounts = new Set<string>()
  const arns = new Set<string>()
  const services = new Set<string>()
  const federated = new Set<string>()
  for (const entry of block.entries) {
    for (const value of entry.list.values) {
      switch (entry.type) {
        case 'AWS': {
          if (value === '*') everyAwsPrincipal = true
          else if (ACCOUNT_ID.test(value)) accounts.add(value)
          else {
            const root = ROOT_ARN.exec(value)
            if (root) accounts.add(root[1] as string)
            else arns.add(value)
          }
          break
        }
        case 'Service':
          if (value === '*') everyone = true
          else services.add(value.toLowerCase())
          break
        case 'Federated':
          federated.add(value)
          break
        case 'CanonicalUser':
          arns.add(value)
          break
      }
    }
  }

  const listsAccount = (p: RequestPrincipal): boolean => p.account !== undefined && accounts.has(p.account)
  const identities = (p: RequestPrincipal): boolean[] => {
    switch (p.kind) {
      case 'root':
        return [listsAccount(p) || arns.has(p.arn)]
      case 'user':
      case 'federatedUser':
      case 'role':
        return [listsAccount(p), arns.has(p.arn)]
      case 'roleSession':
        return [listsAccount(p), p.roleArn !== undefined && arns.has(p.roleArn), arns.has(p.arn)]
      case 'service':
        return [services.has(p.arn.toLowerCase())]
      case 'federated':
        return [federated.has(p.arn)]
      case 'anonymous':
        return [false]
    }
  }
  const awsKind = (p: RequestPrincipal): boolean => p.kind !== 'service' && p.kind !== 'federated'

  return {
    match(p) {
      switch (p.kind) {
        case 'service':
          if (services.has(p.arn.toLowerCase())) return 'direct'
          break
        case 'federated':
          if (federated.has(p.arn)) return 'direct'
          break
        case 'anonymous':
          break
        default:
          if (arns.has(p.arn) || (p.kind === 'root' && listsAccount(p))) return 'direct'
      }
      if (everyone || (everyAwsPrincipal && awsKind(p))) return 'wildcard'
      if (p.kind === 'roleSession' && p.roleArn !== undefined && arns.has(p.roleArn)) return 'role'
      if (awsKind(p) && listsAccount(p)) return 'account'
      return 'none'
    },
    excludesAll(p) {
      if (everyone || (everyAwsPrincipal && awsKind(p))) return true
      return identities(p).every(Boolean)
    },
    excludesAny(p) {
      if (everyone || (everyAwsPrincipal && awsKind(p))) return true
      return identities(p).some(Boolean)
    }
  }
}
