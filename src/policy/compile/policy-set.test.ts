// withResourcePolicy: adding a resource-based policy to a compiled principal-side set decides
// exactly as compiling both together, and leaves the original set unchanged.

import { expect, it } from 'vitest'
import { evaluate } from '../evaluate/evaluate.js'
import { parsePolicy } from '../parse/parse-policy.js'
import type { Policy, PolicyKind } from '../model.js'
import { compilePolicySet, withResourcePolicy } from './policy-set.js'

const policy = (kind: PolicyKind, doc: unknown): Policy => {
  const parsed = parsePolicy(JSON.stringify(doc), { kind })
  if (!parsed.ok) throw new Error(parsed.errors[0]?.message)
  return parsed.policy
}

const identity = policy('identity', { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: 'arn:aws:iam::222222222222:role/R' }] })
const trust = policy('trust', { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111111111111:root' }, Action: 'sts:AssumeRole' }] })
const request = { principal: 'arn:aws:iam::111111111111:user/alice', action: 'sts:AssumeRole', resource: 'arn:aws:iam::222222222222:role/R', resourceAccount: '222222222222' }

it('decides as a set compiled with the trust policy from the start', () => {
  const principalSide = compilePolicySet({ identity: [{ name: 'I', policy: identity }] })
  const combined = withResourcePolicy(principalSide, { name: 'trust', policy: trust }, 'trust')
  const direct = compilePolicySet({ identity: [{ name: 'I', policy: identity }], resource: { name: 'trust', policy: trust }, resourceKind: 'trust' })
  expect(evaluate(combined, request).decision).toBe('Allow')
  expect(evaluate(combined, request).decision).toBe(evaluate(direct, request).decision)
  // Cross-account: without the trust policy the identity policy alone does not allow.
  expect(evaluate(principalSide, request).decision).toBe('ImplicitDeny')
})

it('a trust policy that names another account does not let this principal in', () => {
  const other = policy('trust', { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::333333333333:root' }, Action: 'sts:AssumeRole' }] })
  const set = withResourcePolicy(compilePolicySet({ identity: [{ name: 'I', policy: identity }] }), { name: 'trust', policy: other }, 'trust')
  expect(evaluate(set, request).decision).toBe('ImplicitDeny')
})
