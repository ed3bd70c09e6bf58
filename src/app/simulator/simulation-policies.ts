// The policies a simulation evaluates, each with the name and type MatchedStatements report it
// by, and its text (the statements' positions are read from it).
//
// SourcePolicyId and SourcePolicyType are inferred: AWS documents the types (user | group | role
// | aws-managed | user-managed | resource | none) but not which applies where, and its examples
// show only "PolicyInputList.1" for input policies and a bare policy name for a principal's. Our
// reading: a principal's inline policies are named by their name with the owner's type, managed
// policies by their name with aws-managed/user-managed, input policies by their list position
// with "none", the resource policy as "ResourcePolicy" with "resource". (AWS has also been seen
// answering an undocumented "IAM Policy" type; we keep to the documented values.)

import { iamErrors } from '../../core/aws-error.js'
import { parsePolicy, type Policy, type PolicyKind } from '../../policy/index.js'

export type SourcePolicyType = 'user' | 'group' | 'role' | 'aws-managed' | 'user-managed' | 'resource' | 'none'

export interface SimulationPolicy {
  /** SourcePolicyId in MatchedStatements. */
  readonly id: string
  readonly type: SourcePolicyType
  readonly text: string
  readonly policy: Policy
}

/** What one simulation evaluates: the principal's side, its boundary, and the resource's policy. */
export interface SimulationPolicies {
  readonly identity: readonly SimulationPolicy[]
  readonly boundary: SimulationPolicy | undefined
  readonly resource: SimulationPolicy | undefined
}

/**
 * The documents of PolicyInputList or PermissionsBoundaryPolicyInputList, parsed by the rules of
 * their kind. A document IAM would refuse is InvalidInput with IAM's message for its first
 * problem (the code is inferred: the operations model InvalidInput, not MalformedPolicyDocument).
 */
export function inputPolicies(texts: readonly string[] | undefined, list: 'PolicyInputList' | 'PermissionsBoundaryPolicyInputList', kind: PolicyKind): SimulationPolicy[] {
  return (texts ?? []).map((text, i) => ({ id: `${list}.${i + 1}`, type: 'none', text, policy: parseInput(text, kind) }))
}

export function resourcePolicy(text: string | undefined): SimulationPolicy | undefined {
  return text === undefined ? undefined : { id: 'ResourcePolicy', type: 'resource', text, policy: parseInput(text, 'resource') }
}

function parseInput(text: string, kind: PolicyKind): Policy {
  const parsed = parsePolicy(text, { kind })
  if (!parsed.ok) throw iamErrors.invalidInput(parsed.errors[0]?.message ?? 'Syntax errors in policy.')
  return parsed.policy
}

/**
 * A stored document (validated when it was written; AWS managed documents may predate today's
 * rules, hence the lenient options). One that no longer parses takes no part, as in enforcement.
 */
export function storedPolicy(id: string, type: SourcePolicyType, text: string): SimulationPolicy | undefined {
  const parsed = parsePolicy(text, { kind: 'identity', allowLegacyVersion: true })
  return parsed.ok ? { id, type, text, policy: parsed.policy } : undefined
}
