// portcullis/policy: parse, validate, compile, evaluate and explain IAM policies.
// A pure library: no I/O, no clock; the request context carries the time.

export type {
  ConditionClause,
  ConditionEntry,
  ConditionScalar,
  Effect,
  Policy,
  PolicyKind,
  PolicyVersion,
  PrincipalBlock,
  PrincipalEntry,
  PrincipalType,
  SourceLocation,
  Statement,
  StringList
} from './model.js'
export { POLICY_KINDS } from './model.js'
export { parsePolicy, type ParseOptions, type ParseResult } from './parse/parse-policy.js'
export type { PolicyError, PolicyErrorCode } from './parse/error-sink.js'
export { printPolicy } from './print.js'
export { resourcePartStart } from './variables.js'
export { checkQuota, MANAGED_POLICY_QUOTA, nonWhitespaceLength, TRUST_POLICY_QUOTA, type PolicyQuota } from './parse/quota.js'
export { compilePolicySet, withResourcePolicy, type CompiledPolicySet, type NamedPolicy, type PolicyLevel, type PolicySetInput, type ResourceKind } from './compile/policy-set.js'
export { POLICY_TYPE_LABEL, type PolicyType, type StatementRef } from './compile/statement-ref.js'
export { evaluate, type EvaluationRequest } from './evaluate/evaluate.js'
export { explain, type Explanation, type PolicyTypeOutcome } from './evaluate/explain.js'
export { denialReason, type Decision, type DecisionValue } from './evaluate/decision.js'
export type { ContextScalar, ContextValue, RawContext } from './evaluate/request-context.js'
export type { PrincipalKind } from './evaluate/request-principal.js'
export { loadCase, readRequest, type CaseProblem, type LoadedCase } from './case/load-case.js'
