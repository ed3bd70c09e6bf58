// parsePolicy: the typed form it produces, and the errors it reports (IAM's message, a path, a
// line and column, every error found, IAM's first error first), per kind of policy; and quotas.

import { runInNewContext } from 'node:vm'
import { describe, expect, it } from 'vitest'
import type { Policy, PolicyKind } from '../model.js'
import { parsePolicy, type ParseOptions } from './parse-policy.js'
import type { PolicyError } from './error-sink.js'
import { checkQuota, MANAGED_POLICY_QUOTA, nonWhitespaceLength, TRUST_POLICY_QUOTA } from './quota.js'

const V = '"Version": "2012-10-17"'

function policy(text: string, options?: ParseOptions): Policy {
  const r = parsePolicy(text, options)
  if (!r.ok) throw new Error(`expected the policy to parse: ${JSON.stringify(r.errors, null, 1)}`)
  return r.policy
}

/** Where each statement starts, as the policy's locate() answers. */
function locations(p: Policy): unknown[] {
  return p.statements.map((s) => p.locate?.(s.index))
}

function errors(text: string, options?: ParseOptions): readonly PolicyError[] {
  const r = parsePolicy(text, options)
  if (r.ok) throw new Error('expected errors, the policy parsed')
  expect(r.policy).toBeUndefined()
  expect(r.errors.length).toBeGreaterThan(0)
  return r.errors
}

/** The text from a 1-based line and column on (documents here use \n line breaks). */
function textAt(text: string, line: number, column: number): string {
  const lines = text.split('\n')
  const before = lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0)
  return text.slice(before + column - 1)
}

/**
 * Runs fn and stops it if it has not returned within `ms`. A guard so that a hang fails one test
 * instead of blocking the run; the bound is generous and never a speed requirement.
 */
function bounded<T>(fn: () => T, ms = 2_000): T {
  return runInNewContext('run()', { run: fn }, { timeout: ms }) as T
}

const SYNTAX = 'Syntax errors in policy.'

describe('the typed form', () => {
  it('keeps whether Action, Resource and Principal values were strings or arrays', () => {
    const p = policy(`{${V}, "Statement": [
      {"Effect": "Allow", "Action": "s3:GetObject", "Resource": ["arn:aws:s3:::b/*"]},
      {"Effect": "Deny", "NotAction": ["iam:*", "sts:*"], "NotResource": "arn:aws:s3:::b/x"}
    ]}`)
    expect(p.statements[0]).toMatchObject({ effect: 'Allow', action: { values: ['s3:GetObject'], isArray: false }, resource: { values: ['arn:aws:s3:::b/*'], isArray: true } })
    expect(p.statements[1]).toMatchObject({
      effect: 'Deny',
      notAction: { values: ['iam:*', 'sts:*'], isArray: true },
      notResource: { values: ['arn:aws:s3:::b/x'], isArray: false }
    })
    expect(p.statements[0]?.notAction).toBeUndefined()
    expect(p.statements[1]?.action).toBeUndefined()

    const r = policy(
      `{${V}, "Statement": {"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::123456789012:root", "Service": ["ec2.amazonaws.com"]}, "Action": "s3:*", "Resource": "*"}}`,
      { kind: 'resource' }
    )
    expect(r.statements[0]?.principal).toEqual({
      wildcard: false,
      entries: [
        { type: 'AWS', list: { values: ['arn:aws:iam::123456789012:root'], isArray: false } },
        { type: 'Service', list: { values: ['ec2.amazonaws.com'], isArray: true } }
      ]
    })
    const star = policy(`{${V}, "Statement": {"Effect": "Allow", "Principal": "*", "Action": "s3:*", "Resource": "*"}}`, { kind: 'resource' })
    expect(star.statements[0]?.principal).toEqual({ wildcard: true, entries: [] })
  })

  it('keeps whether Statement was one object or an array', () => {
    const single = policy(`{${V}, "Statement": {"Effect": "Allow", "Action": "s3:*", "Resource": "*"}}`)
    expect(single.statementIsArray).toBe(false)
    expect(single.statements).toHaveLength(1)
    expect(single.statements[0]?.index).toBe(0)
    const list = policy(`{${V}, "Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}, {"Sid": "Two", "Effect": "Deny", "Action": "s3:*", "Resource": "*"}]}`)
    expect(list.statementIsArray).toBe(true)
    expect(list.statements.map((s) => [s.index, s.sid, s.effect])).toEqual([
      [0, undefined, 'Allow'],
      [1, 'Two', 'Deny']
    ])
  })

  it('keeps Version and Id, and leaves them out when absent', () => {
    expect(policy(`{${V}, "Id": "my-policy", "Statement": {"Effect": "Allow", "Action": "s3:*", "Resource": "*"}}`)).toMatchObject({ version: '2012-10-17', id: 'my-policy' })
    const bare = policy('{"Statement": {"Effect": "Allow", "Action": "s3:*", "Resource": "*"}}', { allowLegacyVersion: true })
    expect('version' in bare).toBe(false)
    expect('id' in bare).toBe(false)
  })

  it('keeps condition values with their JSON types, as written, and operators as written', () => {
    const p = policy(`{${V}, "Statement": {"Effect": "Allow", "Action": "s3:*", "Resource": "*", "Condition": {
      "NumericLessThan": {"s3:max-keys": 10},
      "Bool": {"aws:SecureTransport": true},
      "StringEquals": {"s3:prefix": ["home/", "10", 1.5, false]},
      "forallvalues:stringlikeifexists": {"aws:TagKeys": "a*"}
    }}}`)
    expect(p.statements[0]?.condition).toEqual([
      { operator: 'NumericLessThan', entries: [{ key: 's3:max-keys', values: [10], isArray: false }] },
      { operator: 'Bool', entries: [{ key: 'aws:SecureTransport', values: [true], isArray: false }] },
      { operator: 'StringEquals', entries: [{ key: 's3:prefix', values: ['home/', '10', 1.5, false], isArray: true }] },
      { operator: 'forallvalues:stringlikeifexists', entries: [{ key: 'aws:TagKeys', values: ['a*'], isArray: false }] }
    ])
  })

  it('accepts an unknown operator with an empty block, and an empty Condition', () => {
    expect(policy(`{${V}, "Statement": {"Effect": "Allow", "Action": "s3:*", "Resource": "*", "Condition": {"NoSuchOperator": {}}}}`).statements[0]?.condition).toEqual([
      { operator: 'NoSuchOperator', entries: [] }
    ])
    expect(policy(`{${V}, "Statement": {"Effect": "Allow", "Action": "s3:*", "Resource": "*", "Condition": {}}}`).statements[0]?.condition).toEqual([])
  })

  it('records where each statement starts', () => {
    const text = `{
  ${V},
  "Statement": [
    {"Effect": "Allow", "Action": "s3:*", "Resource": "*"},
      {
        "Effect": "Deny", "Action": "s3:*", "Resource": "*"}
  ]
}`
    const p = policy(text)
    expect(locations(p)).toEqual([
      { line: 4, column: 5 },
      { line: 5, column: 7 }
    ])
    const single = policy(`{${V},\n"Statement":\n  {"Effect": "Allow", "Action": "s3:*", "Resource": "*"}}`)
    expect(single.locate?.(0)).toEqual({ line: 3, column: 3 })
  })

  it('records the same locations when the text has \\u escapes (the position-keeping path)', () => {
    const text = `{\n  ${V},\n  "Statement": [\n    {"Sid": "\\u0041", "Effect": "Allow", "Action": "s3:*", "Resource": "*"},\n    {"Effect": "Deny", "Action": "s3:*", "Resource": "*"}\n  ]\n}`
    const p = policy(text)
    expect(p.statements[0]?.sid).toBe('A')
    expect(locations(p)).toEqual([
      { line: 4, column: 5 },
      { line: 5, column: 5 }
    ])
  })

  it('records where each statement starts whatever the layout', () => {
    // Spaces and tabs before colons, Statement before Version, a first element other than Sid,
    // and an Id after the statements.
    const text = `{\n"Statement" :\t[\n  {"Effect"\t: "Allow", "Action" : "s3:*", "Resource": "*"},\n\n\t{ "Sid" :"B", "Effect":"Deny", "Action":"s3:*", "Resource":"*"}\n],\n${V}, "Id" : "x"}`
    expect(locations(policy(text))).toEqual([
      { line: 3, column: 3 },
      { line: 5, column: 2 }
    ])
    const compact = `{${V},"Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"},{"Effect":"Deny","Action":"s3:*","Resource":"*"}]}`
    expect(locations(policy(compact))).toEqual([
      { line: 1, column: 39 },
      { line: 1, column: 89 }
    ])
  })

  it('records where each statement starts in a text with non-ASCII characters', () => {
    // Raw (unescaped) non-ASCII text keeps the JSON.parse path; only \\u escapes take the other.
    const text = `{\n  ${V},\n  "Statement": [\n    {\n      "Effect": "Allow", "Action": "s3:*", "Resource": "arn:aws:s3:::café/✓"\n    },\n    {"Effect": "Deny", "Action": "s3:*", "Resource": "*"}\n  ]\n}`
    const p = policy(text)
    expect(p.statements[0]?.resource?.values).toEqual(['arn:aws:s3:::café/✓'])
    expect(locations(p)).toEqual([
      { line: 4, column: 5 },
      { line: 7, column: 5 }
    ])
  })

  it('records locations when strings start with a colon or hold escaped quotes next to colons', () => {
    // Such colons look like member colons to the quick scan; the position-keeping parser decides.
    const text = `{\n  ${V},\n  "Statement": [\n    {"Effect": "Allow", "Action": "s3:*", "Resource": "arn:aws:s3:::b/\\":x:y", "Condition": {"StringEquals": {"s3:prefix": [": a", "\\" :b"]}}},\n    {"Effect": "Deny", "Action": "s3:*", "Resource": "*"}\n  ]\n}`
    const p = policy(text)
    expect(p.statements[0]?.resource?.values).toEqual(['arn:aws:s3:::b/":x:y'])
    expect(p.statements[0]?.condition?.[0]?.entries[0]?.values).toEqual([': a', '" :b'])
    expect(locations(p)).toEqual([
      { line: 4, column: 5 },
      { line: 5, column: 5 }
    ])
  })

  it('still finds duplicate keys beside strings that start with a colon', () => {
    const text = `{${V}, "Statement": {"Effect": "Allow", "Action": "s3:*", "Resource": "*", "Condition": {"StringEquals": {"s3:prefix": ":a", "s3:prefix": "b"}}}}`
    const errs = errors(text)
    expect(errs.map((e) => e.detail)).toContain('the key "s3:prefix" appears more than once in its object')
  })

  it('counts a Windows line break once in locations', () => {
    const text = `{\r\n${V},\r\n"Statement": [\r\n  {"Effect": "Allow", "Action": "s3:*", "Resource": "*"}]}`
    expect(policy(text).locate?.(0)).toEqual({ line: 4, column: 3 })
  })

  it('decodes escapes and keeps non-ASCII text in values', () => {
    const p = policy(`{${V}, "Statement": {"Effect": "Allow", "Action": "s3:*", "Resource": "arn:aws:s3:::b/caf\\u00e9/\\ud83d\\ude00/✓"}}`)
    expect(p.statements[0]?.resource?.values).toEqual(['arn:aws:s3:::b/café/😀/✓'])
  })

  it('tolerates a byte-order mark', () => {
    expect(policy(`\ufeff{${V}, "Statement": {"Effect": "Allow", "Action": "s3:*", "Resource": "*"}}`).statements).toHaveLength(1)
  })
})

describe('errors: message, path, line and column', () => {
  it('points at the offending value', () => {
    const text = `{\n  ${V},\n  "Statement": [{\n    "Effect": "Allow",\n    "Action": "s3:GetObject",\n    "Resource": ["arn:aws:s3:::ok", 42]\n  }]\n}`
    const [e, ...rest] = errors(text)
    expect(rest).toEqual([])
    expect(e).toMatchObject({
      code: 'MalformedPolicyDocument',
      message: SYNTAX,
      path: '$.Statement[0].Resource[1]',
      line: 6,
      column: (text.split('\n')[5] ?? '').indexOf('42') + 1
    })
    expect(e?.detail).toMatch(/must be a string/)
    expect(textAt(text, e?.line ?? 0, e?.column ?? 0).startsWith('42')).toBe(true)
  })

  it('points at the key of an unknown element', () => {
    const text = `{${V}, "Statement": {"Effect": "Allow", "Acton": "s3:*", "Resource": "*"}}`
    const all = errors(text)
    const unknown = all.find((e) => e.path === '$.Statement.Acton')
    expect(unknown).toMatchObject({ message: SYNTAX, line: 1 })
    expect(textAt(text, 1, unknown?.column ?? 0).startsWith('"Acton"')).toBe(true)
    // The missing Action follows (a later phase), reported at the statement.
    expect(all.find((e) => e.message === 'Policy statement must contain actions.')).toMatchObject({ path: '$.Statement' })
    expect(all[0]).toBe(unknown)
  })

  it('reports a missing element at its container', () => {
    const text = `{${V},\n "Statement": [\n  {"Effect": "Allow", "Action": "s3:*"}]}`
    const [e] = errors(text)
    expect(e).toMatchObject({ message: 'Policy statement must contain resources.', path: '$.Statement[0]', line: 3, column: 3 })
  })

  it('reports a JSON syntax error at the offending character, with the message of the kind', () => {
    const text = `{\n  ${V},\n  "Statement": [\n    {"Effect": "Allow",, "Action": "s3:*"}\n  ]\n}`
    const want = { line: 4, column: 24, path: '$' }
    expect(errors(text)).toEqual([expect.objectContaining({ message: SYNTAX, ...want })])
    expect(errors(text, { kind: 'trust' })).toEqual([expect.objectContaining({ message: 'This policy contains invalid Json', ...want })])
    expect(errors(text, { kind: 'scp' })).toEqual([
      expect.objectContaining({ message: 'The provided policy document does not meet the requirements of the specified policy type.', ...want })
    ])
  })

  it('reports JSON errors found only by the strict parser: lone surrogates, control characters, trailing content', () => {
    for (const [text, offending] of [
      [`{${V}, "Id": "\\udc00", "Statement": []}`, '\\udc00'],
      [`{${V}, "Id": "a\ud800", "Statement": []}`, '\ud800'],
      [`{${V}, "Id": "a\tb", "Statement": []}`, '\t'],
      [`{${V}, "Statement": []} x`, 'x']
    ] as const) {
      expect(errors(text), text).toEqual([expect.objectContaining({ message: SYNTAX, path: '$', line: 1, column: text.indexOf(offending) + 1 })])
    }
  })

  it('reports empty and non-object documents', () => {
    expect(errors('')[0]).toMatchObject({ message: SYNTAX, path: '$', line: 1, column: 1 })
    expect(errors('[]')[0]).toMatchObject({ message: SYNTAX, path: '$', line: 1, column: 1 })
    expect(errors('  "policy"')[0]).toMatchObject({ message: SYNTAX, path: '$', line: 1, column: 3 })
    expect(errors('null', { kind: 'trust' })[0]).toMatchObject({ message: 'This policy contains invalid Json', path: '$' })
  })

  it('reports a duplicate key at its second occurrence', () => {
    const text = `{${V}, "Statement": {"Effect": "Allow", "Action": "s3:*", "Resource": "*", "Action": "iam:*"}}`
    const [e] = errors(text)
    expect(e).toMatchObject({ message: SYNTAX, path: '$.Statement.Action', line: 1 })
    expect(e?.column).toBe(text.lastIndexOf('"Action"') + 1)
    const top = `{${V}, ${V}, "Statement": {"Effect": "Allow", "Action": "s3:*", "Resource": "*"}}`
    expect(errors(top)[0]).toMatchObject({ message: SYNTAX, path: '$.Version', column: top.lastIndexOf('"Version"') + 1 })
  })

  it('reports duplicate condition keys, including two spellings of one key', () => {
    const text = `{${V}, "Statement": {"Effect": "Allow", "Action": "s3:*", "Resource": "*", "Condition": {"StringEquals": {"aws:username": "a", "AWS:UserName": "b"}}}}`
    const [e] = errors(text)
    expect(e).toMatchObject({ message: SYNTAX, path: '$.Statement.Condition.StringEquals["AWS:UserName"]' })
    expect(e?.column).toBe(text.indexOf('"AWS:UserName"') + 1)
  })

  it('quotes path segments that are not identifiers', () => {
    const text = `{${V}, "Statement": {"Effect": "Allow", "Action": "s3:*", "Resource": "*", "Condition": {"StringEquals": {"s3:prefix": [null]}}}}`
    expect(errors(text)[0]).toMatchObject({ path: '$.Statement.Condition.StringEquals["s3:prefix"][0]' })
  })

  it('every error has a path and a position inside the document', () => {
    const docs = [
      `{${V}, "Statement": [{"Effect": "allow", "Action": "s3", "Resource": "bucket"}, 7, {"Sid": "a b", "Effect": "Deny", "Action": [], "Resource": []}]}`,
      `{"Version": "2012-10-18", "Id": 5, "Statement": {"Effect": ["Allow"], "Principal": "*", "Action": "s3:*", "NotAction": "s3:*"}}`,
      `{${V}, "Statement": {"Effect": "Allow", "Action": "s3:*", "Resource": "*", "Condition": {"StringEquals": 5, "DateLessThan": {"aws:CurrentTime": "soon"}, "Bogus": {"k": "v"}}}}`
    ]
    for (const doc of docs) {
      for (const e of errors(doc)) {
        expect(e.path, e.detail).toMatch(/^\$/)
        expect(e.line, e.detail).toBeGreaterThanOrEqual(1)
        expect(e.column, e.detail).toBeGreaterThanOrEqual(1)
        expect(textAt(doc, e.line, e.column).length, e.detail).toBeGreaterThan(0)
        expect(e.detail.length, e.path).toBeGreaterThan(0)
      }
    }
  })
})

describe('errors: all of them, IAM’s first', () => {
  const text = `{
  ${V},
  "Statement": [
    {"Sid": "has space", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"},
    {"Effect": "Allow", "Action": "GetObject", "Resource": "*"},
    {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:us-east-1::b"},
    {"Effect": "Permit", "Action": "s3:GetObject", "Resource": "*"},
    {"Effect": "Allow", "Resource": "*"}
  ]
}`

  it('reports an error for every problem, not just the first', () => {
    const all = errors(text)
    expect(all.map((e) => e.path).sort()).toEqual(['$.Statement[0].Sid', '$.Statement[1].Action', '$.Statement[2].Resource', '$.Statement[3].Effect', '$.Statement[4]'].sort())
  })

  it('orders them the way IAM checks: syntax, ... sid, actions present, resource format, action format', () => {
    expect(errors(text).map((e) => e.message)).toEqual([
      SYNTAX,
      'Statement IDs (SID) must be alpha-numeric. Check that your input satisfies the regular expression [0-9A-Za-z]*',
      'Policy statement must contain actions.',
      'Resource arn:aws:s3:us-east-1::b can not contain region information.',
      'Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.'
    ])
  })

  it('within one check, orders errors by position', () => {
    const doc = `{${V}, "Statement": [{"Effect": "Allow", "Action": ["s3", "ec2"], "Resource": "*"}, {"Effect": "Allow", "Action": "iam", "Resource": "*"}]}`
    expect(errors(doc).map((e) => e.path)).toEqual(['$.Statement[0].Action[0]', '$.Statement[0].Action[1]', '$.Statement[1].Action'])
  })

  it('the version check comes after syntax and before the rest', () => {
    const doc = `{"Statement": {"Sid": "x-y", "Effect": "Allow", "Action": "s3:*", "Resource": "*", "Foo": 1}}`
    expect(errors(doc).map((e) => e.message)).toEqual([
      SYNTAX,
      'Policy document must be version 2012-10-17 or greater.',
      expect.stringContaining('Statement IDs (SID) must be alpha-numeric')
    ])
  })

  it('a case-variant Effect is a legacy-parsing error, after the principal check', () => {
    const doc = `{${V}, "Statement": {"Effect": "allow", "Principal": "*", "Action": "s3:*", "Resource": "*"}}`
    expect(errors(doc).map((e) => e.message)).toEqual(['Policy document should not specify a principal.', 'The policy failed legacy parsing'])
  })

  // Regression, once broken in parse-policy.ts, parsePolicy: duplicate keys are looked for only when every other
  // check passed (or the text has \u escapes). With another error present, the duplicate-key
  // syntax error is never reported, so the first error is a later check's, not IAM's; and the
  // same document gives different errors depending on whether it contains a \u escape.
  it('reports duplicate keys even when there are other errors', () => {
    const doc = `{${V}, "Statement": {"Sid": "a-b", "Effect": "Allow", "Effect": "Deny", "Action": "s3:*", "Resource": "*"}}`
    const all = errors(doc)
    expect(all[0]).toMatchObject({ message: SYNTAX, path: '$.Statement.Effect' })
    expect(all.map((e) => e.message)).toEqual(errors(doc.replace('"a-b"', '"a-\\u0062"')).map((e) => e.message))
  })
})

describe('value errors', () => {
  const st = (body: string, kind?: PolicyKind): readonly PolicyError[] => errors(`{${V}, "Statement": {${body}}}`, kind ? { kind } : undefined)

  it('Effect must be exactly Allow or Deny', () => {
    expect(st('"Effect": "Permit", "Action": "s3:*", "Resource": "*"')[0]).toMatchObject({ message: SYNTAX, path: '$.Statement.Effect' })
    expect(st('"Effect": "DENY", "Action": "s3:*", "Resource": "*"')[0]).toMatchObject({ message: 'The policy failed legacy parsing', path: '$.Statement.Effect' })
    expect(st('"Effect": true, "Action": "s3:*", "Resource": "*"')[0]).toMatchObject({ message: SYNTAX, path: '$.Statement.Effect' })
    expect(st('"Action": "s3:*", "Resource": "*"')[0]).toMatchObject({ message: SYNTAX, path: '$.Statement' })
  })

  it('Action and NotAction, Resource and NotResource, Principal and NotPrincipal exclude each other', () => {
    expect(st('"Effect": "Allow", "Action": "s3:*", "NotAction": "s3:x", "Resource": "*"')[0]).toMatchObject({ message: SYNTAX, path: '$.Statement.NotAction' })
    expect(st('"Effect": "Allow", "NotAction": "s3:*", "Action": "s3:x", "Resource": "*"')[0]).toMatchObject({ message: SYNTAX, path: '$.Statement.Action' })
    expect(st('"Effect": "Allow", "Action": "s3:*", "Resource": "*", "NotResource": "*"')[0]).toMatchObject({ message: SYNTAX, path: '$.Statement.NotResource' })
    expect(st('"Effect": "Allow", "Principal": "*", "NotPrincipal": {"AWS": "*"}, "Action": "s3:*", "Resource": "*"', 'resource')[0]).toMatchObject({
      message: SYNTAX,
      path: '$.Statement.NotPrincipal'
    })
  })

  it('action names need one colon after a valid service prefix', () => {
    expect(st('"Effect": "Allow", "Action": "GetObject", "Resource": "*"')[0]).toMatchObject({
      message: 'Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.'
    })
    expect(st('"Effect": "Allow", "Action": "s3:Get:Object", "Resource": "*"')[0]).toMatchObject({ message: 'Actions/Condition can contain only one colon.' })
    expect(st('"Effect": "Allow", "Action": "s 3:GetObject", "Resource": "*"')[0]).toMatchObject({ message: 'Vendor s 3 is not valid' })
    expect(parsePolicy(`{${V}, "Statement": {"Effect": "Allow", "Action": ["*", "s3:*", "S3:get*", "s3:Get?bject", "ec2:*Instances"], "Resource": "*"}}`).ok).toBe(true)
  })

  it('resources must be "*" or ARNs in a known partition', () => {
    expect(st('"Effect": "Allow", "Action": "s3:*", "Resource": "bucket"')[0]).toMatchObject({ message: 'Resource bucket must be in ARN format or "*".' })
    expect(st('"Effect": "Allow", "Action": "s3:*", "Resource": "arn:aws"')[0]).toMatchObject({ message: 'Resource vendor must be fully qualified and cannot contain regexes.' })
    expect(st('"Effect": "Allow", "Action": "s3:*", "Resource": "arn:awz:s3:::b"')[0]).toMatchObject({ message: 'Partition "awz" is not valid for resource "arn:awz:s3:::b".' })
    expect(st('"Effect": "Allow", "Action": "iam:*", "Resource": "arn:aws:iam:us-east-1:123456789012:user/x"')[0]).toMatchObject({
      message: 'IAM resource arn:aws:iam:us-east-1:123456789012:user/x cannot contain region information.'
    })
    expect(st('"Effect": "Allow", "Action": "iam:*", "Resource": "arn:aws:iam::123456789012:widget/x"')[0]?.message).toMatch(
      /^IAM resource path must either be "\*", root, or start with user\//
    )
    expect(
      parsePolicy(
        `{${V}, "Statement": {"Effect": "Allow", "Action": "s3:*", "Resource": ["*", "arn:aws:s3:::b/*", "arn:aws-cn:ec2:*:*:instance/*", "arn:aws:iam::123456789012:role/*"]}}`
      ).ok
    ).toBe(true)
  })

  it('Action and Resource must not be empty', () => {
    expect(st('"Effect": "Allow", "Action": [], "Resource": "*"')[0]).toMatchObject({ message: 'Policy statement must contain actions.', path: '$.Statement.Action' })
    expect(st('"Effect": "Allow", "Action": "s3:*", "Resource": []')[0]).toMatchObject({ message: 'Policy statement must contain resources.', path: '$.Statement.Resource' })
  })

  it('Sids must be unique and alphanumeric', () => {
    const doc = `{${V}, "Statement": [{"Sid": "A1", "Effect": "Allow", "Action": "s3:*", "Resource": "*"}, {"Sid": "A1", "Effect": "Deny", "Action": "s3:*", "Resource": "*"}]}`
    expect(errors(doc)).toEqual([expect.objectContaining({ message: 'Statement IDs (SID) in a single policy must be unique.', path: '$.Statement[1].Sid' })])
    expect(st('"Sid": "my-sid", "Effect": "Allow", "Action": "s3:*", "Resource": "*"')[0]).toMatchObject({ path: '$.Statement.Sid' })
    expect(
      parsePolicy(`{${V}, "Statement": [{"Sid": "", "Effect": "Allow", "Action": "s3:*", "Resource": "*"}, {"Sid": "", "Effect": "Allow", "Action": "s3:*", "Resource": "*"}]}`).ok
    ).toBe(true)
  })

  it('conditions: operators, keys and values', () => {
    const cond = (c: string): readonly PolicyError[] => st(`"Effect": "Allow", "Action": "s3:*", "Resource": "*", "Condition": ${c}`)
    expect(cond('{"StringEqualz": {"k": "v"}}')[0]).toMatchObject({ message: SYNTAX, path: '$.Statement.Condition.StringEqualz' })
    expect(cond('[]')[0]).toMatchObject({ message: SYNTAX, path: '$.Statement.Condition' })
    expect(cond('{"StringEquals": "k"}')[0]).toMatchObject({ message: SYNTAX, path: '$.Statement.Condition.StringEquals' })
    expect(cond('{"StringEquals": {"k": {"a": 1}}}')[0]).toMatchObject({ message: SYNTAX, path: '$.Statement.Condition.StringEquals.k' })
    expect(cond('{"StringEquals": {"k": ["a", null]}}')[0]).toMatchObject({ message: SYNTAX, path: '$.Statement.Condition.StringEquals.k[1]' })
    expect(cond('{"NullIfExists": {"k": "true"}}')[0]).toMatchObject({ message: SYNTAX })
    // Dates IAM cannot read fail its legacy pass.
    expect(cond('{"DateGreaterThan": {"aws:CurrentTime": ["2020-01-01", "tomorrow"]}}')[0]).toMatchObject({
      message: 'The policy failed legacy parsing',
      path: '$.Statement.Condition.DateGreaterThan["aws:CurrentTime"][1]'
    })
    expect(
      parsePolicy(
        `{${V}, "Statement": {"Effect": "Allow", "Action": "s3:*", "Resource": "*", "Condition": {"DateGreaterThan": {"aws:CurrentTime": ["2020-01-01T00:00:00Z", 1577836800]}}}}`
      ).ok
    ).toBe(true)
  })

  it('Version must be one IAM knows', () => {
    expect(errors('{"Version": "2012-10-18", "Statement": {"Effect": "Allow", "Action": "s3:*", "Resource": "*"}}')[0]).toMatchObject({ message: SYNTAX, path: '$.Version' })
    expect(errors('{"Version": 2012, "Statement": {"Effect": "Allow", "Action": "s3:*", "Resource": "*"}}')[0]).toMatchObject({ message: SYNTAX, path: '$.Version' })
  })

  it('Statement must be present, an object or a non-empty array of objects', () => {
    expect(errors(`{${V}}`)[0]).toMatchObject({ message: SYNTAX, path: '$' })
    expect(errors(`{${V}, "Statement": []}`)[0]).toMatchObject({ message: SYNTAX, path: '$.Statement' })
    expect(errors(`{${V}, "Statement": "x"}`)[0]).toMatchObject({ message: SYNTAX, path: '$.Statement' })
    expect(errors(`{${V}, "Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}, "x"]}`)[0]).toMatchObject({ message: SYNTAX, path: '$.Statement[1]' })
  })

  it('unknown top-level elements are errors', () => {
    expect(errors(`{${V}, "Statement": {"Effect": "Allow", "Action": "s3:*", "Resource": "*"}, "Statements": []}`)[0]).toMatchObject({ message: SYNTAX, path: '$.Statements' })
  })

  it('element names are case-sensitive', () => {
    expect(errors(`{"version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:*", "Resource": "*"}}`)[0]).toMatchObject({ message: SYNTAX, path: '$.version' })
    expect(st('"effect": "Allow", "Action": "s3:*", "Resource": "*"')[0]).toMatchObject({ message: SYNTAX, path: '$.Statement.effect' })
  })
})

describe('escapes do not change what a document means', () => {
  it('a document parses the same with and without \\u escapes', () => {
    const plain = `{${V}, "Statement": [{"Sid": "A", "Effect": "Allow", "Action": ["s3:Get*"], "Resource": "arn:aws:s3:::b/*", "Condition": {"StringEquals": {"aws:username": "alice"}}}]}`
    const escaped = plain.replace('"alice"', '"\\u0061lice"').replace('"A"', '"\\u0041"')
    expect(policy(escaped)).toEqual(policy(plain))
  })

  it('"__proto__" is an unknown element like any other', () => {
    const doc = `{${V}, "Statement": {"__proto__": {"Effect": "Allow", "Action": "*", "Resource": "*"}, "Sid": "A"}}`
    expect(errors(doc)[0]).toMatchObject({ message: SYNTAX, path: '$.Statement.__proto__' })
  })

  // Regression, once broken in parse-policy.ts, plainValue: on the position-keeping path (taken whenever the text has
  // a \u escape, a BOM, or invalid JSON), objects are rebuilt with `out[key] = value`. A
  // "__proto__" key then sets the object's prototype instead of adding a member: its members are
  // inherited, `for...in` and the element readers see them, and the unknown element disappears.
  // A statement made only of a "__proto__" object validates as that object (here: Allow * on *).
  it('"__proto__" is an unknown element with \\u escapes too', () => {
    const doc = `{${V}, "Statement": {"__proto__": {"Effect": "Allow", "Action": "*", "Resource": "*"}, "Sid": "\\u0041"}}`
    expect(parsePolicy(doc).ok).toBe(false)
  })

  // Regression, once broken in same cause: a condition key "__proto__" is dropped on that path, so the condition block
  // is empty and the statement applies unconditionally.
  it('a "__proto__" condition key is kept with \\u escapes too', () => {
    const doc = `{${V}, "Statement": {"Effect": "Allow", "Action": "s3:*", "Resource": "*", "Condition": {"StringEquals": {"__proto__": "\\u0078"}}}}`
    expect(policy(doc).statements[0]?.condition).toEqual([{ operator: 'StringEquals', entries: [{ key: '__proto__', values: ['x'], isArray: false }] }])
  })

  it('a "__proto__" condition key is kept (plain text)', () => {
    const doc = `{${V}, "Statement": {"Effect": "Allow", "Action": "s3:*", "Resource": "*", "Condition": {"StringEquals": {"__proto__": "x"}}}}`
    expect(policy(doc).statements[0]?.condition).toEqual([{ operator: 'StringEquals', entries: [{ key: '__proto__', values: ['x'], isArray: false }] }])
  })
})

describe('truncated documents', () => {
  it('a document cut off outside a string is a syntax error at its end', () => {
    const text = `{${V}, "Statement": [{"Effect": "Allow"`
    expect(errors(text)[0]).toMatchObject({ message: SYNTAX, path: '$', line: 1, column: text.length + 1 })
  })

  // Regression, once broken in json/parse-json.ts, Parser.string: a document cut off inside a string never returns
  // (see parse-json.test.ts). parsePolicy falls back to that parser whenever JSON.parse fails.
  it('a document cut off inside a string is a syntax error', () => {
    const r = bounded(() => parsePolicy('{"Version": "2012'))
    expect(r.ok).toBe(false)
    expect(r.errors[0]).toMatchObject({ message: SYNTAX, path: '$' })
  })
})

describe('rules per kind of policy', () => {
  const allowS3 = '"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"'
  const doc = (body: string, version = V): string => `{${version}, "Statement": {${body}}}`

  it('identity, boundary and session policies: no Principal; Version 2012-10-17 required', () => {
    for (const kind of ['identity', 'boundary', 'session'] as const) {
      expect(errors(doc(`"Principal": "*", ${allowS3}`), { kind })[0], kind).toMatchObject({
        message: 'Policy document should not specify a principal.',
        path: '$.Statement.Principal'
      })
      expect(errors(doc(`"NotPrincipal": {"AWS": "*"}, ${allowS3}`), { kind })[0], kind).toMatchObject({ message: 'Policy document should not specify a principal.' })
      expect(errors(`{"Statement": {${allowS3}}}`, { kind })[0], kind).toMatchObject({ message: 'Policy document must be version 2012-10-17 or greater.', path: '$' })
      expect(errors(doc(allowS3, '"Version": "2008-10-17"'), { kind })[0], kind).toMatchObject({
        message: 'Policy document must be version 2012-10-17 or greater.',
        path: '$.Version'
      })
      expect(parsePolicy(doc(allowS3, '"Version": "2008-10-17"'), { kind, allowLegacyVersion: true }).ok, kind).toBe(true)
      expect(parsePolicy(doc(allowS3), { kind }).ok, kind).toBe(true)
    }
  })

  it('resource policies: a Principal or NotPrincipal is required, and principals must be valid', () => {
    expect(errors(doc(allowS3), { kind: 'resource' })[0]).toMatchObject({ message: 'Missing required field Principal', path: '$.Statement' })
    expect(parsePolicy(doc(`"Principal": {"AWS": ["123456789012", "arn:aws:iam::123456789012:user/a"]}, ${allowS3}`), { kind: 'resource' }).ok).toBe(true)
    expect(parsePolicy(doc(`"NotPrincipal": {"AWS": "arn:aws:iam::123456789012:root"}, ${allowS3}`), { kind: 'resource' }).ok).toBe(true)
    expect(parsePolicy(`{"Statement": {"Principal": "*", ${allowS3}}}`, { kind: 'resource' }).ok).toBe(true)
    expect(errors(doc(`"Principal": {"AWS": "arn:aws:iam::123456789012:user/*"}, ${allowS3}`), { kind: 'resource' })[0]).toMatchObject({
      message: 'Invalid principal in policy',
      path: '$.Statement.Principal.AWS'
    })
    expect(errors(doc(`"Principal": {"Service": ["ec2.amazonaws.com", "ec2"]}, ${allowS3}`), { kind: 'resource' })[0]).toMatchObject({
      message: 'Invalid principal in policy',
      path: '$.Statement.Principal.Service[1]'
    })
    expect(errors(doc(`"Principal": {"Robot": "x"}, ${allowS3}`), { kind: 'resource' })[0]).toMatchObject({ message: SYNTAX, path: '$.Statement.Principal.Robot' })
  })

  it('trust policies: a Principal, only STS actions, no Resource', () => {
    const assume = '"Effect": "Allow", "Action": "sts:AssumeRole"'
    expect(parsePolicy(doc(`"Principal": {"Service": "ec2.amazonaws.com"}, ${assume}`), { kind: 'trust' }).ok).toBe(true)
    expect(errors(doc(assume), { kind: 'trust' })[0]).toMatchObject({ message: 'Missing required field Principal', path: '$.Statement' })
    expect(errors(doc(`"Principal": {"AWS": "123456789012"}, ${assume}, "Resource": "*"`), { kind: 'trust' })[0]).toMatchObject({
      message: 'Has prohibited field Resource',
      path: '$.Statement.Resource'
    })
    expect(errors(doc(`"Principal": {"AWS": "123456789012"}, "Effect": "Allow", "Action": ["sts:AssumeRole", "s3:GetObject"]`), { kind: 'trust' })[0]).toMatchObject({
      message: 'AssumeRole policy may only specify STS AssumeRole actions.',
      path: '$.Statement.Action[1]'
    })
    expect(errors(doc(`"Principal": "*", ${assume}`), { kind: 'trust' })[0]).toMatchObject({ message: 'AssumeRolepolicy contained an invalid principal: "STAR":"*".' })
    expect(errors(doc(`"NotPrincipal": {"AWS": "123456789012"}, ${assume}`), { kind: 'trust' })[0]).toMatchObject({ message: 'Has prohibited field NotPrincipal' })
    expect(errors(doc(`"Principal": {"AWS": []}, ${assume}`), { kind: 'trust' })[0]?.message).toMatch(/no principals/)
    expect(errors(doc(`"Principal": {"Service": "ec2"}, ${assume}`), { kind: 'trust' })[0]).toMatchObject({ message: 'Invalid principal in policy: "SERVICE":"ec2"' })
  })

  it('SCPs: Version 2012-10-17, no Principal, a wildcard only at the end of an action', () => {
    const scp = { kind: 'scp' as const }
    const msg = 'The provided policy document does not meet the requirements of the specified policy type.'
    expect(parsePolicy(doc('"Effect": "Deny", "Action": ["s3:*", "*", "ec2:Run*"], "Resource": "*"'), scp).ok).toBe(true)
    expect(errors(doc('"Effect": "Deny", "Action": "s3:*Object", "Resource": "*"'), scp)).toEqual([expect.objectContaining({ message: msg, path: '$.Statement.Action' })])
    expect(errors(doc('"Effect": "Deny", "Action": ["s3:Get", "s3:*Object"], "Resource": "*"'), scp)).toEqual([
      expect.objectContaining({ message: msg, path: '$.Statement.Action[1]' })
    ])
    expect(errors(doc(`"Principal": "*", ${allowS3}`), scp)[0]).toMatchObject({ message: msg, path: '$.Statement.Principal' })
    expect(errors(`{"Statement": {${allowS3}}}`, scp)[0]).toMatchObject({ message: msg, path: '$' })
  })

  it('RCPs: Principal "*", no NotAction, and only Deny unless AWS-managed', () => {
    const rcp = { kind: 'rcp' as const }
    const msg = 'The provided policy document does not meet the requirements of the specified policy type.'
    const deny = '"Effect": "Deny", "Action": "s3:*", "Resource": "*"'
    expect(parsePolicy(doc(`"Principal": "*", ${deny}`), rcp).ok).toBe(true)
    expect(parsePolicy(doc(`"Principal": {"AWS": "*"}, ${deny}`), rcp).ok).toBe(true)
    expect(errors(doc(deny), rcp)[0]).toMatchObject({ message: msg, path: '$.Statement' })
    expect(errors(doc(`"Principal": {"AWS": "123456789012"}, ${deny}`), rcp)[0]).toMatchObject({ message: msg, path: '$.Statement.Principal' })
    expect(errors(doc('"Principal": "*", "Effect": "Deny", "NotAction": "s3:*", "Resource": "*"'), rcp)[0]).toMatchObject({ message: msg, path: '$.Statement.NotAction' })
    const allowAll = doc('"Principal": "*", "Effect": "Allow", "Action": "*", "Resource": "*"')
    expect(errors(allowAll, rcp)[0]).toMatchObject({ message: msg, path: '$.Statement.Effect' })
    expect(parsePolicy(allowAll, { ...rcp, awsManaged: true }).ok).toBe(true)
  })
})

describe('quotas', () => {
  it('count every character but spaces, tabs and line breaks', () => {
    expect(nonWhitespaceLength('')).toBe(0)
    expect(nonWhitespaceLength(' {\n\t"a" : 1 }\r\n')).toBe(7)
    expect(nonWhitespaceLength('"a b"')).toBe(4)
    // Other whitespace counts.
    expect(nonWhitespaceLength('\u00a0\u000b')).toBe(2)
  })

  it('pass at the limit and fail one past it, as LimitExceeded with IAM’s message', () => {
    const body = (n: number): string => `{"Id": "${'x'.repeat(n - 9)}"}`
    expect(nonWhitespaceLength(body(MANAGED_POLICY_QUOTA.limit))).toBe(6144)
    expect(checkQuota(body(6144), MANAGED_POLICY_QUOTA)).toBeUndefined()
    expect(checkQuota(body(6145), MANAGED_POLICY_QUOTA)).toEqual({
      code: 'LimitExceeded',
      message: 'Cannot exceed quota for PolicySize: 6144',
      detail: expect.stringContaining('6145') as unknown as string,
      path: '$',
      line: 1,
      column: 1
    })
    expect(checkQuota(body(2048), TRUST_POLICY_QUOTA)).toBeUndefined()
    expect(checkQuota(body(2049), TRUST_POLICY_QUOTA)?.message).toBe('Cannot exceed quota for ACLSizePerRole: 2048')
  })

  it('whitespace does not count toward the quota', () => {
    const padded = `{${' \n\t'.repeat(10_000)}"Id": "x"}`
    expect(checkQuota(padded, TRUST_POLICY_QUOTA)).toBeUndefined()
  })
})
