// The typed form of an IAM policy document, produced once by the parser and never mutated.
// It keeps what printing needs to reproduce the document (string-vs-array, JSON scalar types)
// and where each statement sits in the source, for explanations.

export type PolicyVersion = '2012-10-17' | '2008-10-17'

/** Policy kinds differ in which elements they may or must have. */
export type PolicyKind = 'identity' | 'resource' | 'trust' | 'boundary' | 'session' | 'scp' | 'rcp'

export const POLICY_KINDS: readonly PolicyKind[] = ['identity', 'resource', 'trust', 'boundary', 'session', 'scp', 'rcp']

export type Effect = 'Allow' | 'Deny'

/** A string-or-array element: the values and whether the document used an array. */
export interface StringList {
  readonly values: readonly string[]
  readonly isArray: boolean
}

export type PrincipalType = 'AWS' | 'Service' | 'Federated' | 'CanonicalUser'

export const PRINCIPAL_TYPES: readonly PrincipalType[] = ['AWS', 'Service', 'Federated', 'CanonicalUser']

export interface PrincipalEntry {
  readonly type: PrincipalType
  readonly list: StringList
}

/** `"Principal": "*"` is `{ wildcard: true }`; the object form lists entries in source order. */
export type PrincipalBlock = { readonly wildcard: true; readonly entries: readonly [] } | { readonly wildcard: false; readonly entries: readonly PrincipalEntry[] }

/** Condition values may be written as JSON strings, numbers or booleans. */
export type ConditionScalar = string | number | boolean

export interface ConditionEntry {
  readonly key: string
  readonly values: readonly ConditionScalar[]
  readonly isArray: boolean
}

export interface ConditionClause {
  /** As written, e.g. `ForAnyValue:StringLikeIfExists`. */
  readonly operator: string
  readonly entries: readonly ConditionEntry[]
}

export interface SourceLocation {
  readonly line: number
  readonly column: number
}

export interface Statement {
  /** Position in the Statement array (0 when Statement is a single object). */
  readonly index: number
  readonly sid?: string
  readonly effect: Effect
  readonly principal?: PrincipalBlock
  readonly notPrincipal?: PrincipalBlock
  readonly action?: StringList
  readonly notAction?: StringList
  readonly resource?: StringList
  readonly notResource?: StringList
  readonly condition?: readonly ConditionClause[]
}

export interface Policy {
  readonly version?: PolicyVersion
  readonly id?: string
  readonly statements: readonly Statement[]
  /** Whether Statement was written as an array (printing reproduces the choice). */
  readonly statementIsArray: boolean
  /**
   * Where the statement with this index starts (its opening brace) in the text the policy was
   * parsed from; absent for policies built in code. A non-enumerable property, worked out when
   * first asked.
   */
  readonly locate?: (statementIndex: number) => SourceLocation | undefined
}
