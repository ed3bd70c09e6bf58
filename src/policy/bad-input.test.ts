// Hostile and malformed input: nesting far past any stack, very large documents, wrong JSON types
// in every element, invalid Unicode, and pathological wildcards in actions, resources and
// conditions. The engine must answer each with an error or a decision: never throw, never hang.

import { runInNewContext } from 'node:vm'
import { describe, expect, it } from 'vitest'
import { compilePolicySet, evaluate, explain, parsePolicy, type Decision, type EvaluationRequest, type PolicyKind } from './index.js'

const SYNTAX = 'Syntax errors in policy.'
const USER = 'arn:aws:iam::123456789012:user/alice'

/**
 * Runs fn and stops it if it has not returned within `ms`. A guard so that a hang fails one test
 * instead of blocking the run; the bound is generous and never a speed requirement.
 */
function bounded<T>(fn: () => T, ms = 15_000): T {
  return runInNewContext('run()', { run: fn }, { timeout: ms }) as T
}

/** Parses an identity policy document (text) and evaluates one request against it. */
function decideWith(doc: string, request: Partial<EvaluationRequest>): Decision {
  const parsed = parsePolicy(doc)
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors))
  const set = compilePolicySet({ identity: [{ name: 'p', policy: parsed.policy }] })
  return evaluate(set, { principal: USER, action: 's3:GetObject', resource: 'arn:aws:s3:::bucket/key', ...request })
}

const statementDoc = (statement: object | object[]): string => JSON.stringify({ Version: '2012-10-17', Statement: statement })

describe('deep nesting', () => {
  const DEPTH = 10_000

  it(`${DEPTH} unclosed levels of [ or {"a": are a syntax error, not a crash`, () => {
    for (const text of ['['.repeat(DEPTH), '{"a":'.repeat(DEPTH), `{"Version": "2012-10-17", "Statement": ${'['.repeat(DEPTH)}`]) {
      const r = parsePolicy(text)
      expect(r.ok).toBe(false)
      expect(r.errors).toEqual([expect.objectContaining({ code: 'MalformedPolicyDocument', message: SYNTAX, path: '$', line: 1 })])
    }
  })

  it(`${DEPTH} balanced levels (valid JSON) anywhere in a policy are errors, not a crash`, () => {
    const deepArray = `${'['.repeat(DEPTH)}${']'.repeat(DEPTH)}`
    const deepObject = `${'{"a":'.repeat(DEPTH)}1${'}'.repeat(DEPTH)}`
    const docs = [
      deepArray,
      deepObject,
      `{"Version": "2012-10-17", "Id": ${deepArray}, "Statement": {"Effect": "Allow", "Action": "s3:*", "Resource": "*"}}`,
      `{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:*", "Resource": "*", "Condition": {"StringEquals": {"k": ${deepArray}}}}}`,
      `{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:*", "Resource": "*", "Condition": ${deepObject}}}`,
      `{"Version": "2012-10-17", "Statement": [${deepArray}]}`
    ]
    for (const text of docs) {
      let r: ReturnType<typeof parsePolicy> | undefined
      expect(() => (r = parsePolicy(text))).not.toThrow()
      expect(r?.ok).toBe(false)
      for (const e of r?.errors ?? []) {
        expect(e.path).toMatch(/^\$/)
        expect(e.line).toBeGreaterThanOrEqual(1)
      }
    }
  })

  it('a hundred thousand levels, for every kind of policy', () => {
    const text = '[{"a":'.repeat(100_000)
    for (const kind of ['identity', 'resource', 'trust', 'scp', 'rcp'] as const) {
      expect(parsePolicy(text, { kind }).ok, kind).toBe(false)
    }
  })
})

describe('a huge document', () => {
  const N = 5_000
  // One statement per line: statement i is on line i + 4. The last one denies.
  const lines = Array.from({ length: N }, (_, i) =>
    JSON.stringify(
      i === N - 1
        ? { Sid: `S${i}`, Effect: 'Deny', Action: 's3:GetObject', Resource: 'arn:aws:s3:::bucket-42/secret/*' }
        : {
            Sid: `S${i}`,
            Effect: 'Allow',
            Action: i % 2 === 0 ? ['s3:GetObject', `s3:Put${i}`] : `ec2:Describe${i}`,
            Resource: [`arn:aws:s3:::bucket-${i}/*`, `arn:aws:s3:::bucket-${i}/${'x'.repeat(100)}`],
            Condition: { StringEquals: { 'aws:PrincipalTag/team': [`team-${i}`, 'everyone'] } }
          }
    )
  )
  const text = `{\n"Version": "2012-10-17",\n"Statement": [\n${lines.join(',\n')}\n]}`

  it('is about a megabyte', () => {
    expect(text.length).toBeGreaterThan(1_000_000)
  })

  it('parses, with every statement located', () => {
    const r = parsePolicy(text)
    if (!r.ok) expect.fail(JSON.stringify(r.errors.slice(0, 3)))
    expect(r.policy.statements).toHaveLength(N)
    expect(r.policy.statements[4321]).toMatchObject({ sid: 'S4321', index: 4321 })
    expect(r.policy.locate?.(4321)).toEqual({ line: 4325, column: 1 })
    expect(r.policy.locate?.(N - 1)).toEqual({ line: N + 3, column: 1 })
  })

  it('parses the same on the position-keeping path (with a byte-order mark)', () => {
    const r = parsePolicy(`\ufeff${text}`)
    if (!r.ok) expect.fail(JSON.stringify(r.errors.slice(0, 3)))
    expect(r.policy.statements).toHaveLength(N)
    expect(r.policy.locate?.(4321)).toEqual({ line: 4325, column: 1 })
  })

  it('evaluates: the one statement that applies decides, among thousands', () => {
    const parsed = parsePolicy(text)
    if (!parsed.ok) expect.fail('does not parse')
    const set = compilePolicySet({ identity: [{ name: 'huge', policy: parsed.policy }] })
    const req = (resource: string, team = 'team-4320', action = 's3:GetObject'): EvaluationRequest => ({
      principal: USER,
      action,
      resource,
      context: { 'aws:PrincipalTag/team': team }
    })

    const allowed = evaluate(set, req('arn:aws:s3:::bucket-4320/k'))
    expect(allowed.decision).toBe('Allow')
    expect(allowed.statements.map((s) => s.sid)).toEqual(['S4320'])
    // Statement 4320 names its bucket; the team tag must match too ("everyone" matches them all).
    expect(evaluate(set, req('arn:aws:s3:::bucket-4320/k', 'team-1')).decision).toBe('ImplicitDeny')
    expect(evaluate(set, req('arn:aws:s3:::bucket-4320/k', 'everyone')).statements.map((s) => s.sid)).toEqual(['S4320'])
    expect(evaluate(set, req('arn:aws:s3:::bucket-4321/k')).decision).toBe('ImplicitDeny')
    expect(evaluate(set, req('arn:aws:s3:::bucket-99999/k')).decision).toBe('ImplicitDeny')
    // Odd statements are EC2 actions of their own.
    expect(evaluate(set, req('arn:aws:s3:::bucket-4321/k', 'team-4321', 'ec2:Describe4321')).decision).toBe('Allow')
    // The last statement denies, whatever the tag.
    const denied = evaluate(set, req('arn:aws:s3:::bucket-42/secret/x', 'team-42'))
    expect(denied).toMatchObject({ decision: 'ExplicitDeny', statements: [{ sid: `S${N - 1}`, line: N + 3 }] })
    expect(explain(set, req('arn:aws:s3:::bucket-42/secret/x', 'team-42')).decision).toBe('ExplicitDeny')
  })

  it('an error at its very end is reported at the right line', () => {
    const broken = text.replace(/"Effect":"Deny"/, '"Effect":"Deni"')
    const r = parsePolicy(broken)
    expect(r.errors).toEqual([expect.objectContaining({ message: SYNTAX, path: `$.Statement[${N - 1}].Effect`, line: N + 3 })])
  })

  it('every statement broken: every error reported', () => {
    const broken = text.replaceAll('"Effect":"Allow"', '"Effect":"Alow"')
    const r = parsePolicy(broken)
    expect(r.errors).toHaveLength(N - 1)
    expect(r.errors[0]).toMatchObject({ path: '$.Statement[0].Effect', line: 4 })
    expect(r.errors[N - 2]).toMatchObject({ path: `$.Statement[${N - 2}].Effect`, line: N + 2 })
  })
})

describe('wrong JSON types in every element', () => {
  type Case = readonly [element: string, bad: unknown, expectedPath: string, valueAtPath: unknown]

  /** Builds the document with `bad` in place of one element of a valid policy. */
  function docWith(element: string, bad: unknown): { text: string; kind: PolicyKind } {
    const statement: Record<string, unknown> = { Sid: 'S', Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*', Condition: { StringEquals: { k: 'v' } } }
    const top: Record<string, unknown> = { Version: '2012-10-17', Id: 'id', Statement: [statement] }
    let kind: PolicyKind = 'identity'
    switch (element) {
      case 'Version':
      case 'Id':
      case 'Statement':
        top[element] = bad
        break
      case 'Condition.StringEquals':
        statement.Condition = { StringEquals: bad }
        break
      case 'Condition.StringEquals.k':
        statement.Condition = { StringEquals: { k: bad } }
        break
      case 'Principal':
      case 'NotPrincipal':
        kind = 'resource'
        statement[element] = bad
        break
      case 'Principal.AWS':
        kind = 'resource'
        statement.Principal = { AWS: bad }
        break
      case 'NotAction':
      case 'NotResource':
        delete statement[element.slice(3)]
        statement[element] = bad
        break
      default:
        statement[element] = bad
    }
    return { text: JSON.stringify(top), kind }
  }

  const scalarsAndObjects = [1, -2.5, null, true, false, {}, { a: 1 }]
  const cases: Case[] = []
  const st = '$.Statement[0]'
  for (const bad of [...scalarsAndObjects, [], ['2012-10-17']]) {
    cases.push(['Version', bad, '$.Version', bad], ['Id', bad, '$.Id', bad], ['Sid', bad, `${st}.Sid`, bad], ['Effect', bad, `${st}.Effect`, bad])
  }
  for (const bad of [1, null, true, 'x']) cases.push(['Statement', bad, '$.Statement', bad])
  for (const bad of [1, null, true, 'x', []]) cases.push(['Statement', [bad], '$.Statement[0]', bad])
  for (const element of ['Action', 'NotAction', 'Resource', 'NotResource']) {
    for (const bad of scalarsAndObjects.filter((b) => typeof b !== 'string')) cases.push([element, bad, `${st}.${element}`, bad])
    for (const bad of [1, null, true, {}, [], ['s3:*']]) cases.push([element, [bad], `${st}.${element}[0]`, bad])
    cases.push([element, ['arn:aws:s3:::b', 2], `${st}.${element}[1]`, 2])
  }
  for (const bad of [1, null, true, 'x', [], [{}]]) {
    cases.push(['Condition', bad, `${st}.Condition`, bad], ['Condition.StringEquals', bad, `${st}.Condition.StringEquals`, bad])
  }
  for (const bad of [null, {}, { a: 'b' }]) cases.push(['Condition.StringEquals.k', bad, `${st}.Condition.StringEquals.k`, bad])
  for (const bad of [null, {}, [], [1]]) cases.push(['Condition.StringEquals.k', ['ok', bad], `${st}.Condition.StringEquals.k[1]`, bad])
  for (const element of ['Principal', 'NotPrincipal']) for (const bad of [1, null, true, [], ['*'], 'someone']) cases.push([element, bad, `${st}.${element}`, bad])
  for (const bad of [1, null, true, {}]) cases.push(['Principal.AWS', bad, `${st}.Principal.AWS`, bad])
  for (const bad of [1, null, {}, []]) cases.push(['Principal.AWS', [bad], `${st}.Principal.AWS[0]`, bad])

  it(`each of ${cases.length} cases is an error at the path of the wrong value, pointing at it`, () => {
    expect(cases.length).toBeGreaterThan(100)
    for (const [element, bad, path, value] of cases) {
      const { text, kind } = docWith(element, bad)
      const r = parsePolicy(text, { kind })
      const label = `${element} = ${JSON.stringify(bad)}`
      expect(r.ok, label).toBe(false)
      const error = r.errors.find((e) => e.path === path)
      if (!error) expect.fail(`${label}: no error at ${path}: ${JSON.stringify(r.errors)}`)
      expect(error.code, label).toBe('MalformedPolicyDocument')
      expect(error.line, label).toBe(1)
      expect(text.slice(error.column - 1).startsWith(JSON.stringify(value)), `${label}: column ${error.column}`).toBe(true)
    }
  })

  it('the first error names the wrong value (a syntax error comes first)', () => {
    for (const [element, bad, path] of cases) {
      const { text, kind } = docWith(element, bad)
      const [first] = parsePolicy(text, { kind }).errors
      // An empty Action, Resource or Statement is reported as missing content, in IAM's words.
      if (Array.isArray(bad) && bad.length === 0) continue
      expect(first?.path, `${element} = ${JSON.stringify(bad)}`).toBe(path)
    }
  })

  it('a document of the wrong type at the top is one syntax error at $', () => {
    for (const text of ['1', 'null', 'true', '"policy"', '[]', '[{"Effect": "Allow"}]']) {
      expect(parsePolicy(text).errors, text).toEqual([expect.objectContaining({ message: SYNTAX, path: '$', line: 1, column: 1 })])
    }
  })
})

describe('invalid Unicode', () => {
  const valid = (resource: string): string => `{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:*", "Resource": "${resource}"}}`

  it('lone surrogates, raw or escaped, in values or keys, are syntax errors at the surrogate', () => {
    const cases: [string, string][] = [
      [valid('arn:aws:s3:::b/\ud800'), '\ud800'],
      [valid('arn:aws:s3:::b/\udfff/x'), '\udfff'],
      [valid('arn:aws:s3:::b/\\ud800'), '\\ud800'],
      [valid('arn:aws:s3:::b/\\udc00\\ud800'), '\\udc00'],
      [valid('arn:aws:s3:::b/\\ud83d\\u0041'), '\\ud83d'],
      ['{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:*", "Resource": "*", "Condition": {"StringEquals": {"k\ud800": "v"}}}}', '\ud800'],
      ['{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:*", "Resource": "*", "Condition": {"StringEquals": {"\\udead": "v"}}}}', '\\udead']
    ]
    for (const [text, at] of cases) {
      expect(parsePolicy(text).errors, JSON.stringify(text)).toEqual([
        expect.objectContaining({ message: SYNTAX, path: '$', line: 1, column: text.indexOf(at) + 1, detail: expect.stringMatching(/surrogate/) as unknown as string })
      ])
    }
  })

  it('with the message of each kind of policy', () => {
    const text = valid('\\ud800')
    expect(parsePolicy(text, { kind: 'trust' }).errors[0]?.message).toBe('This policy contains invalid Json')
    expect(parsePolicy(text, { kind: 'scp' }).errors[0]?.message).toBe('The provided policy document does not meet the requirements of the specified policy type.')
  })

  it('surrogate pairs, raw or escaped, and escaped NUL are accepted', () => {
    for (const resource of ['arn:aws:s3:::b/😀', 'arn:aws:s3:::b/\\ud83d\\ude00', 'arn:aws:s3:::b/\\u0000']) {
      expect(parsePolicy(valid(resource)).ok, resource).toBe(true)
    }
    expect(decideWith(valid('arn:aws:s3:::b/\\ud83d\\ude00'), { resource: 'arn:aws:s3:::b/😀' }).decision).toBe('Allow')
  })
})

describe('pathological wildcards are evaluated without backtracking', () => {
  const KB100 = 100_000
  const many = '*a'.repeat(200)

  it('a Resource of 200 "*a" pieces against a 100 KB resource', () => {
    const doc = statementDoc({ Effect: 'Allow', Action: 's3:GetObject', Resource: `arn:aws:s3:::${many}*b` })
    const miss = bounded(() => decideWith(doc, { resource: `arn:aws:s3:::${'a'.repeat(KB100)}` }))
    expect(miss.decision).toBe('ImplicitDeny')
    const hit = bounded(() => decideWith(doc, { resource: `arn:aws:s3:::${'a'.repeat(KB100)}b` }))
    expect(hit.decision).toBe('Allow')
    const noMiddle = statementDoc({ Effect: 'Allow', Action: 's3:GetObject', Resource: `arn:aws:s3:::${many}` })
    expect(bounded(() => decideWith(noMiddle, { resource: `arn:aws:s3:::${'a'.repeat(KB100)}` })).decision).toBe('Allow')
    expect(bounded(() => decideWith(noMiddle, { resource: `arn:aws:s3:::${'a'.repeat(199)}` })).decision).toBe('ImplicitDeny')
  })

  it('an Action of 200 "*a" pieces against a 100 KB action', () => {
    const doc = statementDoc({ Effect: 'Allow', Action: `s3:${many}*b`, Resource: '*' })
    expect(bounded(() => decideWith(doc, { action: `s3:${'a'.repeat(KB100)}` })).decision).toBe('ImplicitDeny')
    expect(bounded(() => decideWith(doc, { action: `s3:${'A'.repeat(KB100)}B` })).decision).toBe('Allow')
  })

  it('a StringLike of 200 "*a" pieces against a 100 KB context value', () => {
    const doc = statementDoc({ Effect: 'Allow', Action: 's3:GetObject', Resource: '*', Condition: { StringLike: { 's3:prefix': `${many}*b` } } })
    expect(bounded(() => decideWith(doc, { context: { 's3:prefix': 'a'.repeat(KB100) } })).decision).toBe('ImplicitDeny')
    expect(bounded(() => decideWith(doc, { context: { 's3:prefix': `${'a'.repeat(KB100)}b` } })).decision).toBe('Allow')
    // Many request values of a multi-valued key, each long.
    const values = Array.from({ length: 50 }, () => 'a'.repeat(10_000))
    expect(bounded(() => decideWith(doc.replace('StringLike', 'ForAnyValue:StringLike'), { context: { 's3:prefix': values } })).decision).toBe('ImplicitDeny')
  })

  it('*?*?*? forms and ? runs', () => {
    const doc = statementDoc({ Effect: 'Allow', Action: 's3:GetObject', Resource: `arn:aws:s3:::${'*?'.repeat(100)}b*`, Condition: { StringLike: { k: `${'?*'.repeat(100)}b` } } })
    expect(bounded(() => decideWith(doc, { resource: `arn:aws:s3:::${'a'.repeat(KB100)}`, context: { k: `${'a'.repeat(KB100)}b` } })).decision).toBe('ImplicitDeny')
    expect(bounded(() => decideWith(doc, { resource: `arn:aws:s3:::${'a'.repeat(KB100)}b`, context: { k: `${'a'.repeat(KB100)}b` } })).decision).toBe('Allow')
  })

  it('segment-bounded wildcards (ArnLike, and the first five ARN segments) against long segments', () => {
    const bounded5 = `arn:aws:s3:${'*a'.repeat(100)}b:123456789012:x`
    const doc = statementDoc({ Effect: 'Allow', Action: 's3:GetObject', Resource: bounded5, Condition: { ArnLike: { 'aws:SourceArn': bounded5 } } })
    const long = `arn:aws:s3:${'a'.repeat(KB100)}:123456789012:x`
    expect(bounded(() => decideWith(doc, { resource: long, context: { 'aws:SourceArn': long } })).decision).toBe('ImplicitDeny')
    const fits = `arn:aws:s3:${'a'.repeat(KB100)}b:123456789012:x`
    expect(bounded(() => decideWith(doc, { resource: fits, context: { 'aws:SourceArn': fits } })).decision).toBe('Allow')
    // Colons everywhere: a bounded wildcard never crosses one.
    const colons = `arn:aws:s3:${'a:'.repeat(KB100 / 2)}b:123456789012:x`
    expect(bounded(() => decideWith(doc, { resource: colons, context: { 'aws:SourceArn': colons } })).decision).toBe('ImplicitDeny')
  })

  it('policy variables resolved to 100 KB values', () => {
    const doc = statementDoc({
      Effect: 'Allow',
      Action: 's3:GetObject',
      Resource: `arn:aws:s3:::home/\${aws:username}/${many}`,
      Condition: { StringLike: { 's3:prefix': `\${aws:username}${many}*b` } }
    })
    const name = 'a'.repeat(KB100)
    expect(bounded(() => decideWith(doc, { resource: `arn:aws:s3:::home/${name}/${name}`, context: { 'aws:username': name, 's3:prefix': `${name}${name}b` } })).decision).toBe(
      'Allow'
    )
    expect(bounded(() => decideWith(doc, { resource: `arn:aws:s3:::home/${name}/${name}`, context: { 'aws:username': name, 's3:prefix': `${name}${name}` } })).decision).toBe(
      'ImplicitDeny'
    )
  })

  it('many wildcard statements against one long resource', () => {
    const statements = Array.from({ length: 100 }, (_, i) => ({
      Effect: 'Allow',
      Action: 's3:GetObject',
      Resource: `arn:aws:s3:::${'*a'.repeat(20)}*x${i}*`,
      Condition: { StringEquals: { 'aws:username': `user${i}` } }
    }))
    const doc = statementDoc(statements)
    expect(bounded(() => decideWith(doc, { resource: `arn:aws:s3:::${'a'.repeat(KB100)}x42`, context: { 'aws:username': 'user42' } })).statements[0]?.statementIndex).toBe(42)
    expect(bounded(() => decideWith(doc, { resource: `arn:aws:s3:::${'a'.repeat(KB100)}`, context: { 'aws:username': 'user42' } })).decision).toBe('ImplicitDeny')
  })
})

describe('resources with many colons', () => {
  type StringMethod = 'charCodeAt' | 'startsWith' | 'endsWith' | 'indexOf' | 'includes'
  const COUNTED: readonly StringMethod[] = ['charCodeAt', 'startsWith', 'endsWith', 'indexOf', 'includes']

  /** Calls to the string primitives the matchers are built on, while fn runs. */
  function work<T>(fn: () => T): { result: T; calls: number } {
    const proto = String.prototype as unknown as Record<StringMethod, (...args: unknown[]) => unknown>
    const saved = COUNTED.map((name) => [name, proto[name]] as const)
    let calls = 0
    for (const [name, original] of saved) {
      proto[name] = function (this: string, ...args: unknown[]) {
        calls++
        return original.apply(this, args)
      }
    }
    try {
      return { result: fn(), calls }
    } finally {
      for (const [name, original] of saved) proto[name] = original
    }
  }

  function setOf(statements: number): ReturnType<typeof compilePolicySet> {
    const parsed = parsePolicy(statementDoc(Array.from({ length: statements }, (_, i) => ({ Effect: 'Allow', Action: 's3:GetObject', Resource: `arn:aws:s3:::*?x${i}*` }))))
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors))
    return compilePolicySet({ identity: [{ name: 'p', policy: parsed.policy }] })
  }

  const request = (colons: number): EvaluationRequest => ({ principal: USER, action: 's3:GetObject', resource: `arn:aws:s3:::${':'.repeat(colons)}` })

  it('a few wildcard statements: work grows linearly with the resource', () => {
    const set = setOf(6)
    const small = work(() => evaluate(set, request(100)))
    const large = bounded(() => work(() => evaluate(set, request(1_000))))
    expect(small.result.decision).toBe('ImplicitDeny')
    expect(large.result.decision).toBe('ImplicitDeny')
    expect(large.calls).toBeLessThanOrEqual(small.calls * 12 + 1_000)
  })

  // Regression, once broken in compile/statement-selection.ts, StatementSelection.narrow; evaluate.ts, firstApplying:
  // with 12 or more statements for an action, the resource index is searched once for every
  // colon after the fifth (resourceLookup's `starts`), and every statement found is appended
  // once per search: those whose resource part starts with a wildcard (prefix "") sit at the
  // tree's root and are collected at every colon. firstApplying then tests each copy, each test
  // linear in the resource. Work is statements × colons × length: quadratic in the resource.
  // Measured: an 8,000-colon resource against 12 such statements takes 31 s (11 statements,
  // which skip the index, take 20 ms).
  it('many wildcard statements: work grows linearly with the resource', () => {
    const set = setOf(16)
    const small = work(() => evaluate(set, request(100)))
    const large = bounded(() => work(() => evaluate(set, request(1_000))))
    expect(small.result.decision).toBe('ImplicitDeny')
    expect(large.result.decision).toBe('ImplicitDeny')
    expect(large.calls).toBeLessThanOrEqual(small.calls * 12 + 1_000)
  })
})

describe('hostile requests', () => {
  const doc = statementDoc([
    { Effect: 'Allow', Action: 's3:*', Resource: 'arn:aws:s3:::bucket/${aws:username}/*', Condition: { IpAddress: { 'aws:SourceIp': '10.0.0.0/8' } } },
    { Effect: 'Deny', Action: '*', Resource: '*', Condition: { DateGreaterThan: { 'aws:CurrentTime': '2030-01-01T00:00:00Z' }, NumericGreaterThan: { 's3:max-keys': 1000 } } }
  ])

  it('huge and strange values in every request field give a decision', () => {
    const huge = 'x'.repeat(1_000_000)
    const requests: Partial<EvaluationRequest>[] = [
      { principal: huge },
      { action: huge },
      { resource: huge },
      { resource: `arn:aws:s3:::bucket/${huge}` },
      { principal: '', action: '', resource: '' },
      { principal: '\u0000', action: ':', resource: ':::::' },
      { context: { 'aws:username': huge, 'aws:SourceIp': huge, 'aws:CurrentTime': huge, 's3:max-keys': huge } },
      { context: { 'aws:SourceIp': Array.from({ length: 10_000 }, (_, i) => `10.0.${i % 256}.1`) } },
      { context: { 'aws:CurrentTime': '9'.repeat(400), 's3:max-keys': `1e${'9'.repeat(400)}` } },
      { context: { 'aws:username': ['alice', 'bob'] } },
      { context: { 'aws:SourceIp': ':'.repeat(10_000), 'aws:username': '${aws:username}' } }
    ]
    for (const r of requests) {
      const d = bounded(() => decideWith(doc, r))
      expect(['Allow', 'ExplicitDeny', 'ImplicitDeny'], JSON.stringify(r).slice(0, 100)).toContain(d.decision)
      expect(d.decidedBy === null && d.decision === 'ImplicitDeny', 'internal fault').toBe(false)
    }
  })

  it('the normal requests still decide correctly next to them', () => {
    expect(decideWith(doc, { resource: 'arn:aws:s3:::bucket/alice/k', context: { 'aws:username': 'alice', 'aws:SourceIp': '10.1.1.1' } }).decision).toBe('Allow')
    expect(
      decideWith(doc, {
        resource: 'arn:aws:s3:::bucket/alice/k',
        context: { 'aws:username': 'alice', 'aws:SourceIp': '10.1.1.1', 'aws:CurrentTime': '2031-01-01T00:00:00Z', 's3:max-keys': 5000 }
      }).decision
    ).toBe('ExplicitDeny')
  })
})
