// Property tests over random policy sets and requests: what adding a Deny or an Allow can and
// cannot do, order independence, print/parse round trips, explain() agreeing with evaluate()
// (and its full scans agreeing with evaluate's indexed first-match path), a naive reference
// evaluator for identity policies, and evaluation never failing on hostile requests.

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { compileCondition, conditionHolds } from './conditions/evaluate-condition.js'
import { parseOperator } from './conditions/operators.js'
import { RequestContext } from './evaluate/request-context.js'
import { parseJson } from './json/parse-json.js'
import { LineMap } from './json/source-position.js'
import {
  compilePolicySet,
  evaluate,
  explain,
  parsePolicy,
  printPolicy,
  type ConditionClause,
  type Decision,
  type EvaluationRequest,
  type NamedPolicy,
  type Policy,
  type PolicyKind,
  type PolicyLevel,
  type PolicySetInput,
  type PrincipalBlock,
  type RawContext,
  type Statement,
  type StatementRef
} from './index.js'

const ACCOUNT = '123456789012'
const OTHER_ACCOUNT = '210987654321'

// ---------------------------------------------------------------- generators

type Body = Omit<Statement, 'index'>

const ACTION_PATTERNS = [
  's3:GetObject',
  's3:PutObject',
  's3:ListBucket',
  's3:Get*',
  's3:*',
  '*',
  's3:?etObject',
  'S3:getobject',
  's3:*Object',
  'ec2:RunInstances',
  'ec2:*',
  'ec2:*Instances',
  'iam:PassRole',
  'iam:*'
]
const REQUEST_ACTIONS = [
  's3:GetObject',
  's3:PutObject',
  's3:ListBucket',
  's3:DeleteObject',
  'S3:GETOBJECT',
  'ec2:RunInstances',
  'ec2:StopInstances',
  'iam:PassRole',
  'sts:AssumeRole'
]

const RESOURCE_PATTERNS = [
  '*',
  'arn:aws:s3:::bucket',
  'arn:aws:s3:::bucket/*',
  'arn:aws:s3:::bucket/home/${aws:username}/*',
  'arn:aws:s3:::bucket/home/alice/*',
  "arn:aws:s3:::bucket/${aws:PrincipalTag/team, 'shared'}/*",
  'arn:aws:s3:::other/*',
  'arn:aws:s3:::bucket/a?c',
  'arn:aws:s3:::*',
  'arn:aws:ec2:*:123456789012:instance/*',
  'arn:aws:ec2:us-east-1:123456789012:instance/i-1',
  'arn:aws:ec2:us-*:123456789012:instance/*',
  'arn:aws:ec2:*:*:instance/i-?',
  'arn:aws:logs:us-east-1:123456789012:log-group:app:*'
]
const REQUEST_RESOURCES = [
  'arn:aws:s3:::bucket',
  'arn:aws:s3:::bucket/home/alice/x',
  'arn:aws:s3:::bucket/home/bob/x',
  'arn:aws:s3:::bucket/abc',
  'arn:aws:s3:::bucket/shared/k',
  'arn:aws:s3:::bucket/red/k',
  'arn:aws:s3:::other/k',
  'arn:aws:ec2:us-east-1:123456789012:instance/i-1',
  'arn:aws:ec2:eu-west-1:123456789012:instance/i-2',
  'arn:aws:ec2:us-east-1:210987654321:instance/i-3',
  // An extra colon in the region: a * ending the region segment runs past it.
  'arn:aws:ec2:us-east-1:x:123456789012:instance/i-1',
  'arn:aws:logs:us-east-1:123456789012:log-group:app:log-stream:s',
  'arn:aws:s3:::bucket/home/alice/a:b',
  'arn:aws:s3:::bucket/home/${aws:username}/x',
  'arn:aws:s3:::',
  'not-an-arn',
  '*'
]

const PRINCIPALS = [
  `arn:aws:iam::${ACCOUNT}:user/alice`,
  `arn:aws:iam::${ACCOUNT}:user/bob`,
  `arn:aws:sts::${ACCOUNT}:assumed-role/R/session`,
  `arn:aws:iam::${ACCOUNT}:role/R`,
  `arn:aws:iam::${ACCOUNT}:root`,
  `arn:aws:sts::${ACCOUNT}:federated-user/fed`,
  `arn:aws:iam::${OTHER_ACCOUNT}:user/eve`,
  's3.amazonaws.com'
]

const clause = (operator: string, key: string, values: readonly (string | number | boolean)[], isArray = values.length > 1): ConditionClause => ({
  operator,
  entries: [{ key, values, isArray }]
})

const CLAUSES: readonly ConditionClause[] = [
  clause('StringEquals', 'aws:username', ['alice']),
  clause('StringEquals', 'aws:username', ['alice', 'bob']),
  clause('StringNotEquals', 'aws:username', ['mallory']),
  clause('StringLike', 's3:prefix', ['home/${aws:username}/*']),
  clause('NumericLessThan', 's3:max-keys', [10]),
  clause('Bool', 'aws:SecureTransport', [true]),
  clause('Bool', 'aws:SecureTransport', ['false']),
  clause('IpAddress', 'aws:SourceIp', ['10.0.0.0/8']),
  clause('NotIpAddress', 'aws:SourceIp', ['192.168.0.0/16', '::1/128']),
  clause('Null', 'aws:TokenIssueTime', ['true']),
  clause('ForAnyValue:StringEquals', 'aws:TagKeys', ['a', 'b']),
  clause('ForAllValues:StringLike', 'aws:TagKeys', ['a*']),
  clause('DateLessThan', 'aws:CurrentTime', ['2030-01-01T00:00:00Z']),
  clause('StringEqualsIfExists', 'aws:PrincipalTag/team', ['red']),
  clause('ArnLike', 'aws:SourceArn', ['arn:aws:s3:::bucket*'])
]

const PRINCIPAL_BLOCKS: readonly PrincipalBlock[] = [
  { wildcard: true, entries: [] },
  { wildcard: false, entries: [{ type: 'AWS', list: { values: [ACCOUNT], isArray: false } }] },
  { wildcard: false, entries: [{ type: 'AWS', list: { values: [`arn:aws:iam::${ACCOUNT}:user/alice`], isArray: true } }] },
  { wildcard: false, entries: [{ type: 'AWS', list: { values: [`arn:aws:iam::${ACCOUNT}:role/R`], isArray: false } }] },
  { wildcard: false, entries: [{ type: 'AWS', list: { values: [`arn:aws:iam::${OTHER_ACCOUNT}:root`], isArray: false } }] },
  { wildcard: false, entries: [{ type: 'AWS', list: { values: ['*'], isArray: false } }] },
  { wildcard: false, entries: [{ type: 'Service', list: { values: ['s3.amazonaws.com'], isArray: false } }] }
]

const stringList = (values: fc.Arbitrary<string>): fc.Arbitrary<{ values: string[]; isArray: boolean }> =>
  fc.oneof(
    values.map((v) => ({ values: [v], isArray: false })),
    fc.array(values, { minLength: 1, maxLength: 3 }).map((vs) => ({ values: vs, isArray: true }))
  )

/** A statement body; `withPrincipal` for resource-based policies. */
function statementArb(effect: fc.Arbitrary<'Allow' | 'Deny'>, withPrincipal: boolean): fc.Arbitrary<Body> {
  return fc
    .record({
      effect,
      notAction: fc.integer({ min: 0, max: 9 }).map((n) => n < 2),
      actions: stringList(fc.constantFrom(...ACTION_PATTERNS)),
      notResource: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
      resources: stringList(fc.constantFrom(...RESOURCE_PATTERNS)),
      conditions: fc.uniqueArray(fc.constantFrom(...CLAUSES), { maxLength: 2, selector: (c) => c.operator }),
      principal: fc.constantFrom(...PRINCIPAL_BLOCKS),
      notPrincipal: fc.integer({ min: 0, max: 5 }).map((n) => n === 0)
    })
    .map((r) => {
      const body: { -readonly [K in keyof Body]: Body[K] } = { effect: r.effect }
      body[r.notAction ? 'notAction' : 'action'] = r.actions
      body[r.notResource ? 'notResource' : 'resource'] = r.resources
      if (r.conditions.length > 0) body.condition = r.conditions
      if (withPrincipal) body[r.notPrincipal ? 'notPrincipal' : 'principal'] = r.principal
      return body
    })
}

const effectArb = fc.constantFrom<'Allow' | 'Deny'>('Allow', 'Allow', 'Allow', 'Allow', 'Deny')

function build(bodies: readonly Body[], version: Policy['version'] = '2012-10-17'): Policy {
  return {
    ...(version === undefined ? {} : { version }),
    statements: bodies.map((b, index) => ({ ...b, index })),
    statementIsArray: bodies.length !== 1
  }
}

/** Mostly small policies; sometimes large ones, which take the indexed (narrowed) path. */
function policyArb(withPrincipal = false, effect = effectArb): fc.Arbitrary<Policy> {
  const st = statementArb(effect, withPrincipal)
  return fc
    .tuple(
      fc.oneof({ weight: 4, arbitrary: fc.array(st, { minLength: 1, maxLength: 4 }) }, { weight: 1, arbitrary: fc.array(st, { minLength: 12, maxLength: 24 }) }),
      fc.constantFrom<Policy['version']>('2012-10-17', '2012-10-17', '2012-10-17', '2008-10-17')
    )
    .map(([bodies, version]) => build(bodies, version))
}

const ALLOW_ALL: Body = { effect: 'Allow', action: { values: ['*'], isArray: false }, resource: { values: ['*'], isArray: false } }

/** An SCP or RCP level: usually with a full-access statement, as real ones have. */
const levelArb = (name: string): fc.Arbitrary<PolicyLevel> =>
  fc.tuple(fc.array(policyArb(), { minLength: 1, maxLength: 2 }), fc.boolean(), fc.boolean()).map(([policies, fullAccess, more]) => ({
    target: name,
    policies: [...(fullAccess || more ? [{ name: `${name}-full`, policy: build([ALLOW_ALL]) }] : []), ...policies.map((policy, i) => ({ name: `${name}-${i}`, policy }))]
  }))

const named =
  (prefix: string) =>
  (policies: readonly Policy[]): NamedPolicy[] =>
    policies.map((policy, i) => ({ name: `${prefix}-${i}`, policy }))

interface SetSpec {
  identity: NamedPolicy[]
  boundary: NamedPolicy | null
  session: NamedPolicy[] | null
  resource: NamedPolicy | null
  scp: PolicyLevel[]
  rcp: PolicyLevel[]
}

/** null `nulls` times in `nulls + 1`. */
const sometimes = <T>(arb: fc.Arbitrary<T>, nulls: number): fc.Arbitrary<T | null> => fc.oneof({ weight: nulls, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: arb })

const setArb: fc.Arbitrary<SetSpec> = fc.record({
  identity: fc.array(policyArb(), { maxLength: 3 }).map(named('identity')),
  boundary: sometimes(
    policyArb().map((policy) => ({ name: 'boundary', policy })),
    2
  ),
  session: sometimes(fc.array(policyArb(), { minLength: 1, maxLength: 2 }).map(named('session')), 3),
  resource: sometimes(
    policyArb(true).map((policy) => ({ name: 'resource', policy })),
    2
  ),
  scp: fc.constantFrom(0, 0, 1, 1, 2, 3).chain((n) => (n === 0 ? fc.constant([]) : fc.tuple(...['root', 'ou', 'account'].slice(0, n).map(levelArb)))),
  rcp: sometimes(
    levelArb('rcp-root').map((l) => [l]),
    3
  ).map((l) => l ?? [])
})

const input = (s: SetSpec): PolicySetInput => ({ identity: s.identity, boundary: s.boundary, session: s.session, resource: s.resource, scp: s.scp, rcp: s.rcp })

const contextArb: fc.Arbitrary<RawContext> = fc
  .record(
    {
      'aws:username': fc.constantFrom('alice', 'bob'),
      'aws:SecureTransport': fc.constantFrom<string | boolean>(true, false, 'true', 'false'),
      'aws:SourceIp': fc.constantFrom('10.1.2.3', '192.168.1.1', '::1', '2001:db8::1', 'bogus'),
      's3:prefix': fc.constantFrom('home/alice/x', 'home/bob/y', 'public/'),
      's3:max-keys': fc.constantFrom<string | number>(5, '50', 'many'),
      'aws:TagKeys': fc.constantFrom<readonly string[]>([], ['a'], ['a', 'c'], ['b', 'a']),
      'aws:PrincipalTag/team': fc.constantFrom('red', 'blue'),
      'aws:CurrentTime': fc.constantFrom('2025-01-01T00:00:00Z', '2031-06-01T00:00:00Z'),
      'aws:TokenIssueTime': fc.constant('2025-01-01T00:00:00Z'),
      'aws:SourceArn': fc.constantFrom('arn:aws:s3:::bucket-logs', 'arn:aws:sns:us-east-1:123456789012:t')
    },
    { requiredKeys: [] }
  )
  .map((c) => c as RawContext)

const requestArb: fc.Arbitrary<EvaluationRequest> = fc.record({
  principal: fc.constantFrom(...PRINCIPALS),
  action: fc.constantFrom(...REQUEST_ACTIONS),
  resource: fc.constantFrom(...REQUEST_RESOURCES),
  context: contextArb
})

/** A deterministic shuffle driven by generated keys. */
function permute<T>(items: readonly T[], keys: readonly number[], salt: number): T[] {
  return items
    .map((item, i) => ({ item, k: keys[(i * 7 + salt) % keys.length] ?? 0, i }))
    .sort((a, b) => a.k - b.k || a.i - b.i)
    .map((x) => x.item)
}

const decide = (s: SetSpec, r: EvaluationRequest): Decision => evaluate(compilePolicySet(input(s)), r)

/** The internal-fault answer of evaluate(): an ImplicitDeny that no policy type decided. */
const isFault = (d: Decision): boolean => d.decision === 'ImplicitDeny' && d.decidedBy === null

const RUNS = { numRuns: 300 }

// ---------------------------------------------------------------- properties

describe('monotonicity', () => {
  type Target = 'identity' | 'new-identity' | 'boundary' | 'session' | 'resource' | 'scp' | 'rcp'
  const targetArb = fc.constantFrom<Target>('identity', 'new-identity', 'boundary', 'session', 'resource', 'scp', 'rcp')

  /** The set with `extra` appended to one existing policy of the target type (or as a new identity policy). */
  function withStatement(s: SetSpec, target: Target, pick: number, extra: Body): SetSpec {
    const add = (p: NamedPolicy): NamedPolicy => ({ ...p, policy: build([...p.policy.statements, extra], p.policy.version) })
    const addAt = (list: NamedPolicy[]): NamedPolicy[] => list.map((p, i) => (i === pick % list.length ? add(p) : p))
    const strip = ({ principal: _p, notPrincipal: _n, ...rest }: Body): Body => rest
    switch (target) {
      case 'identity':
        return s.identity.length > 0 ? { ...s, identity: addAt(s.identity.map((p) => p)) } : withStatement(s, 'new-identity', pick, extra)
      case 'new-identity':
        return { ...s, identity: [...s.identity, { name: 'added', policy: build([strip(extra)]) }] }
      case 'boundary':
        return s.boundary ? { ...s, boundary: add(s.boundary) } : s
      case 'session':
        return s.session ? { ...s, session: addAt(s.session) } : s
      case 'resource':
        return s.resource ? { ...s, resource: add(s.resource) } : s
      case 'scp':
      case 'rcp': {
        const levels = s[target]
        if (levels.length === 0) return s
        const li = pick % levels.length
        return { ...s, [target]: levels.map((l, i) => (i === li ? { ...l, policies: addAt([...l.policies]) } : l)) }
      }
    }
  }

  it('adding a Deny statement never turns a non-Allow into Allow, nor an ExplicitDeny into anything else', () => {
    const seen = new Set<string>()
    fc.assert(
      fc.property(
        setArb,
        requestArb,
        targetArb,
        fc.nat(),
        fc.oneof(statementArb(fc.constant('Deny'), true), fc.constant<Body>({ ...ALLOW_ALL, effect: 'Deny', principal: { wildcard: true, entries: [] } })),
        (s, r, target, pick, deny) => {
          const withoutPrincipal = target === 'resource' ? deny : (({ principal: _p, notPrincipal: _n, ...rest }: Body): Body => rest)(deny)
          const before = decide(s, r)
          const after = decide(withStatement(s, target, pick, withoutPrincipal), r)
          seen.add(`${before.decision}>${after.decision}`)
          if (before.decision !== 'Allow') expect(after.decision).not.toBe('Allow')
          if (before.decision === 'ExplicitDeny') expect(after.decision).toBe('ExplicitDeny')
        }
      ),
      RUNS
    )
    // The generators reach every interesting transition.
    expect(seen).toContain('Allow>ExplicitDeny')
    expect(seen).toContain('Allow>Allow')
    expect(seen).toContain('ImplicitDeny>ExplicitDeny')
  })

  it('adding an Allow statement to an identity policy never turns an Allow into a deny', () => {
    const seen = new Set<string>()
    fc.assert(
      fc.property(setArb, requestArb, fc.boolean(), fc.nat(), fc.oneof(statementArb(fc.constant('Allow'), false), fc.constant(ALLOW_ALL)), (s, r, fresh, pick, allow) => {
        const before = decide(s, r)
        const after = decide(withStatement(s, fresh ? 'new-identity' : 'identity', pick, allow), r)
        seen.add(`${before.decision}>${after.decision}`)
        if (before.decision === 'Allow') expect(after.decision).toBe('Allow')
      }),
      RUNS
    )
    expect(seen).toContain('Allow>Allow')
    expect(seen).toContain('ImplicitDeny>Allow')
  })
})

describe('order independence', () => {
  it('reordering statements within policies, and identity and session policies, never changes the decision', () => {
    fc.assert(
      fc.property(setArb, fc.array(requestArb, { minLength: 1, maxLength: 4 }), fc.array(fc.integer(), { minLength: 8, maxLength: 8 }), (s, requests, keys) => {
        let salt = 0
        const shuffle = (p: NamedPolicy): NamedPolicy => ({ ...p, policy: { ...p.policy, statements: permute(p.policy.statements, keys, salt++) } })
        const shuffled: SetSpec = {
          identity: permute(s.identity.map(shuffle), keys, salt++),
          boundary: s.boundary && shuffle(s.boundary),
          session: s.session && permute(s.session.map(shuffle), keys, salt++),
          resource: s.resource && shuffle(s.resource),
          scp: s.scp.map((l) => ({ ...l, policies: permute(l.policies.map(shuffle), keys, salt++) })),
          rcp: s.rcp.map((l) => ({ ...l, policies: permute(l.policies.map(shuffle), keys, salt++) }))
        }
        const a = compilePolicySet(input(s))
        const b = compilePolicySet(input(shuffled))
        for (const r of requests) {
          const x = evaluate(a, r)
          const y = evaluate(b, r)
          expect({ decision: y.decision, decidedBy: y.decidedBy }).toEqual({ decision: x.decision, decidedBy: x.decidedBy })
        }
      }),
      RUNS
    )
  })
})

describe('print and parse', () => {
  const scalar = fc.oneof(
    fc.string(),
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }).map((x) => (x === 0 ? 0 : x)),
    fc.boolean()
  )
  const operatorNames = [
    'StringEquals',
    'StringNotLikeIfExists',
    'ForAnyValue:StringEquals',
    'ForAllValues:NumericLessThan',
    'Bool',
    'IpAddress',
    'ArnLike',
    'Null',
    'stringequals',
    'BinaryEquals'
  ]
  const clauseArb: fc.Arbitrary<ConditionClause> = fc.oneof(
    fc.record({
      operator: fc.constantFrom(...operatorNames),
      entries: fc.uniqueArray(
        // (Keys that look like array indexes are left out: JavaScript objects put them first, so
        // their order is not kept; order does not matter to evaluation.)
        fc
          .record({
            key: fc.string({ minLength: 1 }).filter((k) => !/^(?:0|[1-9][0-9]*)$/.test(k)),
            values: fc.array(scalar, { minLength: 1, maxLength: 3 }),
            isArray: fc.boolean()
          })
          .map((e) => (e.isArray ? e : { ...e, values: e.values.slice(0, 1) })),
        { maxLength: 3, selector: (e) => e.key.toLowerCase() }
      )
    }),
    fc.record({
      operator: fc.constantFrom('DateGreaterThan', 'DateLessThanEqualsIfExists'),
      entries: fc.constant([{ key: 'aws:CurrentTime', values: ['2020-01-01T00:00:00Z', 1577836800], isArray: true }])
    }),
    fc.constant({ operator: 'SomeFutureOperator', entries: [] })
  )
  const text = fc.string({ unit: 'grapheme', maxLength: 12 })
  const resourceValue = fc.oneof(
    fc.constantFrom(...RESOURCE_PATTERNS),
    text.map((t) => `arn:aws:s3:::${t}`)
  )
  const actionValue = fc.oneof(fc.constantFrom(...ACTION_PATTERNS), fc.stringMatching(/^[a-z0-9-]{1,8}:[A-Za-z*?]{0,10}$/))
  const principalValue = fc.oneof(
    fc.constant<PrincipalBlock>({ wildcard: true, entries: [] }),
    fc
      .uniqueArray(
        fc.oneof(
          stringList(fc.constantFrom(ACCOUNT, `arn:aws:iam::${ACCOUNT}:user/a`, `arn:aws:iam::${ACCOUNT}:role/r`, '*')).map((list) => ({ type: 'AWS' as const, list })),
          stringList(fc.constantFrom('ec2.amazonaws.com', 's3.amazonaws.com')).map((list) => ({ type: 'Service' as const, list })),
          stringList(fc.constantFrom('cognito-identity.amazonaws.com', `arn:aws:iam::${ACCOUNT}:saml-provider/p`)).map((list) => ({ type: 'Federated' as const, list })),
          stringList(fc.constant('a'.repeat(64))).map((list) => ({ type: 'CanonicalUser' as const, list }))
        ),
        { minLength: 1, maxLength: 3, selector: (e) => e.type }
      )
      .map((entries): PrincipalBlock => ({ wildcard: false, entries }))
  )

  function roundTripArb(kind: 'identity' | 'resource'): fc.Arbitrary<Policy> {
    const body = fc
      .record({
        sid: fc.option(fc.stringMatching(/^[A-Za-z0-9]{0,8}$/), { nil: undefined }),
        effect: fc.constantFrom<'Allow' | 'Deny'>('Allow', 'Deny'),
        not: fc.tuple(fc.boolean(), fc.boolean(), fc.boolean()),
        actions: stringList(actionValue),
        resources: stringList(resourceValue),
        principal: principalValue,
        condition: fc.option(fc.uniqueArray(clauseArb, { maxLength: 3, selector: (c) => c.operator }), { nil: undefined })
      })
      .map((r) => {
        const b: { -readonly [K in keyof Body]: Body[K] } = { effect: r.effect }
        if (r.sid !== undefined) b.sid = r.sid
        b[r.not[0] ? 'notAction' : 'action'] = r.actions
        b[r.not[1] ? 'notResource' : 'resource'] = r.resources
        if (kind === 'resource') b[r.not[2] ? 'notPrincipal' : 'principal'] = r.principal
        if (r.condition) b.condition = r.condition
        return b
      })
    return fc
      .record({
        bodies: fc.array(body, { minLength: 1, maxLength: 4 }),
        asArray: fc.boolean(),
        version: fc.constantFrom<Policy['version']>('2012-10-17', '2008-10-17', undefined),
        id: fc.option(text, { nil: undefined })
      })
      .map(({ bodies, asArray, version, id }) => {
        // Sids must be unique within a policy.
        const used = new Set<string>()
        const unique = bodies.map((b) => {
          if (b.sid === undefined || b.sid === '' || !used.has(b.sid)) {
            if (b.sid) used.add(b.sid)
            return b
          }
          return (({ sid: _sid, ...rest }: Body): Body => rest)(b)
        })
        const list = asArray ? unique : unique.slice(0, 1)
        return {
          ...(version === undefined ? {} : { version }),
          ...(id === undefined ? {} : { id }),
          statements: list.map((b, index) => ({ ...b, index })),
          statementIsArray: asArray
        }
      })
  }

  for (const kind of ['identity', 'resource'] as const) {
    it(`parsePolicy(printPolicy(p)) gives p back (${kind} policies)`, () => {
      fc.assert(
        fc.property(roundTripArb(kind), fc.constantFrom(0, 2, 4), (p, indent) => {
          const printed = printPolicy(p, indent)
          const parsed = parsePolicy(printed, { kind, allowLegacyVersion: true })
          if (!parsed.ok) expect.fail(`${printed}\n${JSON.stringify(parsed.errors, null, 1)}`)
          expect(parsed.policy).toEqual(p)
          // Every statement is located, at its opening brace.
          for (const s of parsed.policy.statements) expect(parsed.policy.locate?.(s.index)?.line).toBeGreaterThanOrEqual(1)
        }),
        { numRuns: 300 }
      )
    })
  }

  // Where each statement starts, as the position-keeping parser sees it: the reference for the
  // quick colon scan that valid documents take (parse/document-scan.ts).
  function referenceStarts(text: string): { line: number; column: number }[] {
    const tree = parseJson(text)
    if (!tree.ok || tree.value.kind !== 'object') return []
    const statement = tree.value.members.find((m) => m.key === 'Statement')?.value
    const starts = statement?.kind === 'array' ? statement.items.map((i) => i.start) : statement ? [statement.start] : []
    const lines = new LineMap(text)
    return starts.map((o) => lines.position(o))
  }

  /** The text with every member colon preceded by `beforeColon` and every line break replaced. */
  function relayout(text: string, beforeColon: string, lineBreak: string): string {
    // Strings are copied as they are; only what lies between them is rewritten.
    return text.replace(/"(?:[^"\\]|\\.)*"|[:\n]/g, (token) => (token === ':' ? `${beforeColon}:` : token === '\n' ? lineBreak : token))
  }

  it('locates every statement as the position-keeping parser does, whatever the layout', () => {
    const layouts: [string, string][] = [
      ['', '\n'],
      [' ', '\n'],
      ['\t', '\r\n'],
      ['', '\n\n  ']
    ]
    fc.assert(
      fc.property(roundTripArb('resource'), fc.constantFrom(0, 2, 4), fc.constantFrom(...layouts), (p, indent, [beforeColon, lineBreak]) => {
        const text = relayout(printPolicy(p, indent), beforeColon, lineBreak)
        const parsed = parsePolicy(text, { kind: 'resource', allowLegacyVersion: true })
        if (!parsed.ok) expect.fail(`${text}\n${JSON.stringify(parsed.errors, null, 1)}`)
        expect(parsed.policy.statements.map((s) => parsed.policy.locate?.(s.index))).toEqual(referenceStarts(text))
      }),
      { numRuns: 300 }
    )
  })

  it('parsing is idempotent through printing: print(parse(print(p))) === print(p)', () => {
    fc.assert(
      fc.property(roundTripArb('resource'), (p) => {
        const printed = printPolicy(p)
        const parsed = parsePolicy(printed, { kind: 'resource', allowLegacyVersion: true })
        if (!parsed.ok) expect.fail(printed)
        expect(printPolicy(parsed.policy)).toBe(printed)
      }),
      { numRuns: 100 }
    )
  })

  // A condition key named "__proto__" must stay a condition key through printing (an Allow that
  // was conditional must not print as unconditional).
  it('prints a condition key named "__proto__"', () => {
    const doc = '{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:*", "Resource": "*", "Condition": {"StringEquals": {"__proto__": "x"}}}}'
    const parsed = parsePolicy(doc)
    if (!parsed.ok) expect.fail('the document should parse')
    const again = parsePolicy(printPolicy(parsed.policy))
    if (!again.ok) expect.fail('the printed document should parse')
    expect(again.policy).toEqual(parsed.policy)
  })

  // A number beyond double range (1e400) cannot be held or printed back, so the parser refuses it
  // rather than keep an Infinity that would print as null.
  it('refuses condition numbers beyond double range', () => {
    const doc = '{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:*", "Resource": "*", "Condition": {"NumericLessThan": {"s3:max-keys": 1e400}}}}'
    const parsed = parsePolicy(doc)
    expect(parsed.ok).toBe(false)
    expect(parsed.errors[0]?.path).toBe('$.Statement.Condition.NumericLessThan["s3:max-keys"]')
  })
})

describe('explain and evaluate', () => {
  const accountPrincipal = (principal: string): boolean => principal.startsWith('arn:')

  it('always agree, and explain’s full scans agree with evaluate’s indexed first match', () => {
    const decisions = new Map<string, number>()
    fc.assert(
      fc.property(setArb, fc.array(requestArb, { minLength: 1, maxLength: 4 }), (s, requests) => {
        const set = compilePolicySet(input(s))
        for (const r of requests) {
          const d = evaluate(set, r)
          const x = explain(set, r)
          decisions.set(d.decision, (decisions.get(d.decision) ?? 0) + 1)
          expect({ decision: x.decision, decidedBy: x.decidedBy, statements: x.statements }).toEqual(d)
          expect(isFault(d)).toBe(false)
          if (!accountPrincipal(r.principal)) continue

          const denyingTypes = x.policyTypes.filter((t) => t.outcome === 'ExplicitDeny')
          const find = (ref: StatementRef) => x.policyTypes.find((t) => t.type === ref.policyType && t.target === ref.target)
          if (d.decision === 'ExplicitDeny') {
            // The deny evaluate() found is the first one explain() lists, in the first type with one.
            expect(denyingTypes[0]?.type).toBe(d.decidedBy)
            expect(denyingTypes[0]?.matched[0]).toEqual(d.statements[0])
          } else {
            expect(denyingTypes).toEqual([])
          }
          if (d.decision === 'Allow') {
            for (const ref of d.statements) expect(find(ref)?.matched).toContainEqual(ref)
          }
          if (d.decision === 'ImplicitDeny' && (d.decidedBy === 'identity' || d.decidedBy === 'boundary' || d.decidedBy === 'session')) {
            const t = x.policyTypes.find((o) => o.type === d.decidedBy)
            if (t) expect(t.outcome).toBe('ImplicitDeny')
          }
        }
      }),
      RUNS
    )
    for (const kind of ['Allow', 'ExplicitDeny', 'ImplicitDeny']) expect(decisions.get(kind) ?? 0, kind).toBeGreaterThan(20)
  })
})

describe('a naive reference evaluator (identity policies only)', () => {
  const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')

  /** Resource pattern → regular expression, per the documented ARN rules, variables resolved. */
  function resourceRegex(pattern: string, context: RawContext, variables: boolean): RegExp | undefined {
    let resolved = ''
    const parts: { text: string; literal: boolean }[] = []
    const re = /\$\{([^},]+?)(?:, *'([^']*)')?\}/g
    let last = 0
    for (let m = variables ? re.exec(pattern) : null; m; m = re.exec(pattern)) {
      parts.push({ text: pattern.slice(last, m.index), literal: false })
      const key = (m[1] as string).toLowerCase()
      const hit = Object.entries(context).find(([k]) => k.toLowerCase() === key)?.[1]
      const value = hit === undefined || hit === null ? m[2] : Array.isArray(hit) ? undefined : String(hit)
      if (value === undefined) return undefined
      parts.push({ text: value, literal: true })
      last = m.index + m[0].length
    }
    parts.push({ text: pattern.slice(last), literal: false })
    const arn = pattern.startsWith('arn:')
    let colons = 0
    for (const part of parts) {
      if (part.literal) {
        resolved += escape(part.text)
        continue
      }
      const t = part.text
      for (let i = 0; i < t.length; i++) {
        const c = t[i] as string
        const inPrefix = arn && colons < 5
        if (c === ':') colons++
        if (c === '*') resolved += !inPrefix || i + 1 === t.length || t[i + 1] === ':' ? '[^]*' : '[^:]*'
        else if (c === '?') resolved += inPrefix ? '[^:]' : '[^]'
        else resolved += escape(c)
      }
    }
    return new RegExp(`^${resolved}$`)
  }

  const actionMatches = (pattern: string, action: string): boolean =>
    new RegExp(
      `^${pattern
        .toLowerCase()
        .split('')
        .map((c) => (c === '*' ? '[^]*' : c === '?' ? '[^]' : escape(c)))
        .join('')}$`
    ).test(action.toLowerCase())

  function applies(s: Statement, r: EvaluationRequest, variables: boolean): boolean {
    const context = r.context ?? {}
    const actions = s.action ?? s.notAction
    if (actions) {
      const hit = actions.values.some((a) => actionMatches(a, r.action))
      if (hit === (s.notAction !== undefined)) return false
    }
    const resources = s.resource ?? s.notResource
    if (resources) {
      const hit = resources.values.some((p) => p === '*' || (resourceRegex(p, context, variables)?.test(r.resource) ?? false))
      if (hit === (s.notResource !== undefined)) return false
    }
    const ctx = new RequestContext(context)
    for (const c of s.condition ?? []) {
      const op = parseOperator(c.operator)
      if (!op) return false
      for (const e of c.entries) if (!conditionHolds(compileCondition(c.operator, op, e.key, e.values, variables), ctx)) return false
    }
    return true
  }

  it('gives the decision, and the deciding statement, that a scan of every statement in order gives', () => {
    const user = `arn:aws:iam::${ACCOUNT}:user/alice`
    fc.assert(
      fc.property(fc.array(policyArb(), { minLength: 1, maxLength: 3 }), fc.array(requestArb, { minLength: 1, maxLength: 6 }), (policies, requests) => {
        const set = compilePolicySet({ identity: named('identity')(policies) })
        for (const req of requests) {
          const r = { ...req, principal: user }
          const refs = policies.flatMap((p, policyIndex) => p.statements.map((s) => ({ s, policyIndex, variables: p.version === '2012-10-17' })))
          const applying = refs.filter(({ s, variables }) => applies(s, r, variables))
          const deny = applying.find(({ s }) => s.effect === 'Deny')
          const allow = applying.find(({ s }) => s.effect === 'Allow')
          // Identity policies alone never allow access to another account's resource.
          const crossAccount = r.resource.startsWith('arn:') && (r.resource.split(':')[4] || ACCOUNT) !== ACCOUNT
          const want = deny ? 'ExplicitDeny' : allow && !crossAccount ? 'Allow' : 'ImplicitDeny'
          const got = evaluate(set, r)
          const label = `${r.action} ${r.resource} ${JSON.stringify(r.context)}`
          expect(got.decision, label).toBe(want)
          const decisive = deny ?? (crossAccount ? undefined : allow)
          if (decisive)
            expect(
              got.statements.map((ref) => [ref.policyIndex, ref.statementIndex]),
              label
            ).toEqual([[decisive.policyIndex, decisive.s.index]])
        }
      }),
      RUNS
    )
  })
})

describe('hostile requests', () => {
  const weird = fc.oneof(
    fc.string(),
    fc.string({ unit: 'binary' }),
    fc.constantFrom(
      '',
      '*',
      ':',
      'arn:',
      'arn:aws:s3:::',
      'arn:aws:iam::123456789012:root',
      '${aws:username}',
      '__proto__',
      'constructor',
      'a'.repeat(10_000),
      'arn:aws:s3:::bucket/home/alice/x'
    )
  )
  const value: fc.Arbitrary<unknown> = fc.oneof(
    weird,
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.constant(undefined),
    fc.array(fc.oneof(weird, fc.integer(), fc.boolean(), fc.constant(null)), { maxLength: 4 }),
    fc.array(fc.array(fc.string(), { maxLength: 2 }), { maxLength: 2 }),
    fc.object({ maxDepth: 1 })
  )
  const contextArbWild = fc.dictionary(
    fc.oneof(fc.string(), fc.constantFrom('aws:username', 'AWS:USERNAME', 'aws:SourceIp', 'aws:TagKeys', 's3:prefix', 'aws:CurrentTime', '__proto__', 'constructor', 'toString')),
    value,
    { maxKeys: 6 }
  )
  const wildRequest = fc.record({
    principal: fc.oneof(weird, fc.constantFrom(...PRINCIPALS)),
    action: fc.oneof(weird, fc.constantFrom(...REQUEST_ACTIONS)),
    resource: fc.oneof(weird, fc.constantFrom(...REQUEST_RESOURCES)),
    resourceAccount: fc.option(weird, { nil: undefined }),
    context: contextArbWild.map((c) => c as RawContext)
  })

  it('evaluate() and explain() never throw and never fall back to the internal-fault answer', () => {
    fc.assert(
      fc.property(setArb, fc.array(wildRequest, { minLength: 1, maxLength: 3 }), (s, requests) => {
        const set = compilePolicySet(input(s))
        for (const r of requests) {
          const d = evaluate(set, r)
          expect(['Allow', 'ExplicitDeny', 'ImplicitDeny']).toContain(d.decision)
          expect(isFault(d), JSON.stringify(r).slice(0, 300)).toBe(false)
          const x = explain(set, r)
          expect(x.decision).toBe(d.decision)
        }
      }),
      { numRuns: 300 }
    )
  })

  it('random strings as actions, resources and condition values in policies never make evaluation fail', () => {
    const piece = fc.constantFrom('a', '*', '?', ':', '/', '$', '{', '}', "'", ',', '${aws:username}', '${*}', '${aws:x', 'arn:', 'aws', 's3', '\u0000', '😀')
    const wildText = fc.array(piece, { maxLength: 12 }).map((p) => p.join(''))
    const wildStatement = fc.record({
      effect: effectArb,
      action: stringList(fc.oneof(wildText, fc.constantFrom(...ACTION_PATTERNS))),
      resource: stringList(
        fc.oneof(
          wildText.map((t) => `arn:aws:s3:::${t}`),
          wildText,
          fc.constantFrom(...RESOURCE_PATTERNS)
        )
      ),
      condition: fc.array(
        fc.record({
          operator: fc.constantFrom(
            'StringLike',
            'StringEquals',
            'ArnLike',
            'IpAddress',
            'NumericEquals',
            'DateLessThan',
            'BinaryEquals',
            'Bool',
            'ForAllValues:StringLike',
            'Null'
          ),
          entries: fc.array(
            fc.record({
              key: fc.oneof(wildText, fc.constantFrom('aws:username', 's3:prefix')),
              values: fc.array(fc.oneof(wildText, fc.integer(), fc.boolean()), { minLength: 1, maxLength: 3 }),
              isArray: fc.constant(true)
            }),
            { maxLength: 2 }
          )
        }),
        { maxLength: 2 }
      )
    })
    fc.assert(
      fc.property(fc.array(wildStatement, { minLength: 1, maxLength: 14 }), fc.array(fc.oneof(requestArb, wildRequest), { minLength: 1, maxLength: 3 }), (bodies, requests) => {
        const set = compilePolicySet({ identity: [{ name: 'wild', policy: build(bodies) }] })
        for (const r of requests) {
          const d = evaluate(set, r)
          expect(isFault(d), JSON.stringify({ bodies, r }).slice(0, 400)).toBe(false)
          expect(explain(set, r).decision).toBe(d.decision)
        }
      }),
      { numRuns: 200 }
    )
  })
})

describe('the two parse paths', () => {
  type Json = null | boolean | number | string | Json[] | { [key: string]: Json }
  const REPLACEMENTS: readonly Json[] = [1, null, true, [], {}, 'x', '*', '', ['x', 1], { a: 1 }, 'Allow', 'arn:aws:s3:::b', '2012-10-17', [[]]]

  /** Every path to a value inside the document. */
  function paths(v: Json, at: (string | number)[] = []): (string | number)[][] {
    const out: (string | number)[][] = [at]
    if (Array.isArray(v)) v.forEach((item, i) => out.push(...paths(item, [...at, i])))
    else if (v !== null && typeof v === 'object') for (const [k, item] of Object.entries(v)) out.push(...paths(item, [...at, k]))
    return out
  }

  function mutate(doc: Json, at: readonly (string | number)[], how: number, replacement: Json): Json {
    if (at.length === 0) return how === 0 ? replacement : doc
    const [head, ...rest] = at as [string | number, ...(string | number)[]]
    if (Array.isArray(doc)) return doc.map((item, i) => (i === head ? mutate(item, rest, how, replacement) : item))
    if (doc === null || typeof doc !== 'object') return doc
    const out: { [key: string]: Json } = {}
    for (const [k, v] of Object.entries(doc)) {
      if (k !== head) out[k] = v
      else if (rest.length > 0) out[k] = mutate(v, rest, how, replacement)
      else if (how === 0) out[k] = replacement
      else if (how === 1)
        continue // delete the member
      else if (how === 2)
        out[k.toLowerCase() === k ? k.toUpperCase() : k.toLowerCase()] = v // misspell its key
      else {
        out[k] = v
        out.Unknown = replacement
      }
    }
    return out
  }

  const strip = (r: ReturnType<typeof parsePolicy>): unknown =>
    r.ok
      ? { ok: true, policy: r.policy }
      : {
          ok: false,
          errors: r.errors.map((e) => ({ code: e.code, message: e.message, detail: e.detail, path: e.path, line: e.line, ...(e.line > 1 ? { column: e.column } : {}) }))
        }

  it('JSON.parse with a scan, and the position-keeping parser, give the same policy and errors', () => {
    // A byte-order mark makes JSON.parse fail, so the same document takes the other path.
    fc.assert(
      fc.property(
        fc.tuple(policyArb(), policyArb(true)),
        fc.constantFrom<PolicyKind>('identity', 'resource', 'trust', 'scp', 'rcp'),
        fc.nat(),
        fc.nat({ max: 3 }),
        fc.constantFrom(...REPLACEMENTS),
        ([identity, resource], kind, pick, how, replacement) => {
          const doc = JSON.parse(printPolicy(kind === 'identity' ? identity : resource)) as Json
          const all = paths(doc)
          const mutated = mutate(doc, all[pick % all.length] ?? [], how, replacement)
          const text = JSON.stringify(mutated, null, 2)
          const fast = parsePolicy(text, { kind })
          const slow = parsePolicy(`\ufeff${text}`, { kind })
          expect(strip(slow)).toEqual(strip(fast))
        }
      ),
      { numRuns: 300 }
    )
  })
})

// A kind-specific sanity check that the generated resource policies are valid documents, so the
// properties above speak about policies the parser accepts.
describe('generated policies are valid', () => {
  it('for their kind', () => {
    fc.assert(
      fc.property(fc.tuple(policyArb(), policyArb(true)), ([identity, resource]) => {
        for (const [p, kind] of [
          [identity, 'identity'],
          [resource, 'resource']
        ] as [Policy, PolicyKind][]) {
          const r = parsePolicy(printPolicy(p), { kind, allowLegacyVersion: true })
          if (!r.ok) expect.fail(`${printPolicy(p)}\n${JSON.stringify(r.errors)}`)
        }
      }),
      { numRuns: 100 }
    )
  })
})
