// Condition operators, one family at a time, through the same path evaluation takes:
// parseOperator + compileCondition + conditionHolds against a RequestContext.

import { describe, expect, it } from 'vitest'
import { RequestContext, type RawContext } from '../evaluate/request-context.js'
import type { ConditionScalar } from '../model.js'
import { parseDate } from './date.js'
import { compileCondition, conditionHolds } from './evaluate-condition.js'
import { OPERATOR_NAMES, parseOperator } from './operators.js'

/** Whether `{ operator: { key: values } }` holds for a request with this context. */
function holds(operator: string, key: string, values: ConditionScalar | readonly ConditionScalar[], context: RawContext, variables = true): boolean {
  const parsed = parseOperator(operator)
  if (!parsed) throw new Error(`not an operator: ${operator}`)
  const list = Array.isArray(values) ? values : [values as ConditionScalar]
  return conditionHolds(compileCondition(operator, parsed, key, list, variables), new RequestContext(context))
}

/** The same condition against several values of one key; returns the answers in order. */
function each(operator: string, key: string, values: ConditionScalar | readonly ConditionScalar[], inputs: readonly RawContext[string][]): boolean[] {
  return inputs.map((v) => holds(operator, key, values, { [key]: v }))
}

describe('operator names', () => {
  it('decompose into set qualifier, base operator and IfExists, without regard to case', () => {
    expect(parseOperator('StringEquals')).toMatchObject({ base: { name: 'StringEquals', negated: false }, set: 'none', ifExists: false })
    expect(parseOperator('ForAnyValue:StringNotLikeIfExists')).toMatchObject({ base: { name: 'StringNotLike', negated: true }, set: 'any', ifExists: true })
    expect(parseOperator('forallvalues:numericlessthan')).toMatchObject({ base: { name: 'NumericLessThan' }, set: 'all', ifExists: false })
    expect(parseOperator('NotIpAddress')).toMatchObject({ base: { name: 'NotIpAddress', negated: true } })
  })

  it('know every documented base operator, and each with IfExists except Null', () => {
    for (const name of OPERATOR_NAMES) {
      expect(parseOperator(name)?.base.name, name).toBe(name)
      if (name === 'Null') expect(parseOperator('NullIfExists')).toBeUndefined()
      else expect(parseOperator(`${name}IfExists`)?.ifExists, name).toBe(true)
    }
    expect(OPERATOR_NAMES).toEqual(expect.arrayContaining(['StringEquals', 'NumericGreaterThanEquals', 'DateLessThan', 'Bool', 'BinaryEquals', 'IpAddress', 'ArnNotLike', 'Null']))
  })

  it('reject names that are not operators', () => {
    for (const bad of [
      '',
      'StringEqual',
      'StringEqualsX',
      'ForAllValues:',
      'IfExists',
      'ForSomeValues:StringEquals',
      'ForAllValues:ForAnyValue:StringEquals',
      'StringEquals IfExists',
      'NumericNotLessThan'
    ]) {
      expect(parseOperator(bad), bad).toBeUndefined()
    }
  })
})

describe('String operators', () => {
  it('StringEquals: exact, case-sensitive, any of the values', () => {
    expect(each('StringEquals', 'aws:username', ['alice', 'bob'], ['alice', 'bob', 'Alice', 'carol', ''])).toEqual([true, true, false, false, false])
  })

  it('StringNotEquals: true when none of the values is equal', () => {
    expect(each('StringNotEquals', 'aws:username', ['alice', 'bob'], ['alice', 'bob', 'Alice', 'carol'])).toEqual([false, false, true, true])
  })

  it('StringEqualsIgnoreCase and StringNotEqualsIgnoreCase', () => {
    expect(each('StringEqualsIgnoreCase', 'k', ['Alice', 'BOB'], ['alice', 'ALICE', 'bob', 'carol'])).toEqual([true, true, true, false])
    expect(each('StringNotEqualsIgnoreCase', 'k', 'Alice', ['aLiCe', 'bob'])).toEqual([false, true])
  })

  it('StringEquals treats * and ? literally', () => {
    expect(each('StringEquals', 'k', 'a*', ['a*', 'abc'])).toEqual([true, false])
  })

  it('StringLike: * and ? wildcards, case-sensitive, across slashes and colons', () => {
    expect(each('StringLike', 's3:prefix', ['home/*', 'shared/?.txt'], ['home/', 'home/a/b:c', 'Home/a', 'shared/a.txt', 'shared/ab.txt', 'other'])).toEqual([
      true,
      true,
      false,
      true,
      false,
      false
    ])
  })

  it('StringNotLike: true when no pattern matches', () => {
    expect(each('StringNotLike', 'k', ['a*', '*z'], ['abc', 'xyz', 'mid'])).toEqual([false, false, true])
  })

  it('policy variables in values resolve against the request', () => {
    const ctx = { 'aws:username': 'alice', 's3:prefix': 'home/alice/docs' }
    expect(holds('StringLike', 's3:prefix', 'home/${aws:username}/*', ctx)).toBe(true)
    expect(holds('StringLike', 's3:prefix', 'home/${aws:username}/*', { ...ctx, 'aws:username': 'bob' })).toBe(false)
    expect(holds('StringEquals', 'aws:PrincipalTag/team', '${aws:RequestTag/team}', { 'aws:PrincipalTag/team': 'red', 'aws:RequestTag/team': 'red' })).toBe(true)
    expect(holds('StringEquals', 'aws:PrincipalTag/team', '${aws:RequestTag/team}', { 'aws:PrincipalTag/team': 'red', 'aws:RequestTag/team': 'blue' })).toBe(false)
    // A variable that cannot be resolved matches nothing (so the negated form is true).
    expect(holds('StringEquals', 'k', '${aws:username}', { k: '' })).toBe(false)
    expect(holds('StringNotEquals', 'k', '${aws:username}', { k: '' })).toBe(true)
    // With variables disabled (Version 2008-10-17), the text is literal.
    expect(holds('StringEquals', 'k', '${aws:username}', { k: '${aws:username}', 'aws:username': 'x' }, false)).toBe(true)
  })

  it('many literal values work as a set', () => {
    const values = Array.from({ length: 50 }, (_, i) => `v${i}`)
    expect(each('StringEquals', 'k', values, ['v0', 'v49', 'v50', 'V1'])).toEqual([true, true, false, false])
    expect(each('StringEqualsIgnoreCase', 'k', values, ['V0', 'v49', 'v50'])).toEqual([true, true, false])
  })
})

describe('Numeric operators', () => {
  it('compare numbers, not text', () => {
    expect(each('NumericEquals', 'n', '10', ['10', '10.0', '1e1', '+10', '010', '9', '10.5'])).toEqual([true, true, true, true, true, false, false])
    expect(each('NumericNotEquals', 'n', '10', ['10', '11'])).toEqual([false, true])
    expect(each('NumericLessThan', 'n', '10', ['9.99', '10', '-5', '100'])).toEqual([true, false, true, false])
    expect(each('NumericLessThanEquals', 'n', '10', ['10', '10.01'])).toEqual([true, false])
    expect(each('NumericGreaterThan', 'n', '10', ['10.01', '10', '9'])).toEqual([true, false, false])
    expect(each('NumericGreaterThanEquals', 'n', '10', ['10', '9.99'])).toEqual([true, false])
  })

  it('accept JSON numbers in the policy and numbers in the context', () => {
    expect(holds('NumericLessThan', 'n', 3600, { n: 60 })).toBe(true)
    expect(holds('NumericLessThan', 'n', [100, 3600], { n: 1000 })).toBe(true)
    expect(holds('NumericEquals', 'n', 0.5, { n: '.5' })).toBe(true)
  })

  it('a value that is not a number never matches (the negated form is then true)', () => {
    for (const bad of ['', 'ten', '0x10', '1,000', 'NaN', 'Infinity', '1e400', '10abc', true]) {
      expect(holds('NumericEquals', 'n', '10', { n: bad }), String(bad)).toBe(false)
      expect(holds('NumericLessThan', 'n', '10', { n: bad }), String(bad)).toBe(false)
      expect(holds('NumericNotEquals', 'n', '10', { n: bad }), String(bad)).toBe(true)
    }
    // An unreadable policy value is skipped; readable ones still count.
    expect(holds('NumericEquals', 'n', ['ten', '10'], { n: 10 })).toBe(true)
    expect(holds('NumericEquals', 'n', ['ten'], { n: 10 })).toBe(false)
  })
})

describe('Date operators', () => {
  const at = (iso: string): number => Date.parse(iso)

  it('read ISO 8601 in its usual forms, all as the same instant', () => {
    const instant = at('2020-01-01T00:00:00Z')
    for (const s of [
      '2020-01-01T00:00:00Z',
      '2020-01-01',
      '2020-01-01T00:00:00',
      '2020-01-01T00:00Z',
      '2020-01-01T00Z',
      '2020-01-01t00:00:00z',
      '2020-01-01T00:00:00+00:00',
      '2020-01-01T00:00:00.000Z',
      '2019-12-31T19:00:00-05:00',
      '2020-01-01T05:30:00+0530',
      '2020-01-01T05:00:00+05',
      '1577836800'
    ]) {
      expect(parseDate(s), s).toBe(instant)
    }
  })

  it('read the lenient forms IAM accepts', () => {
    expect(parseDate('2016-12-13t2:00:00+23')).toBe(at('2016-12-12T03:00:00Z'))
    expect(parseDate('2020-1-2T3:4:5Z')).toBe(at('2020-01-02T03:04:05Z'))
    expect(parseDate('2020-01')).toBe(at('2020-01-01T00:00:00Z'))
    expect(parseDate('01T')).toBeDefined()
    expect(parseDate('2020-01-01T')).toBe(at('2020-01-01T00:00:00Z'))
    expect(parseDate(' 2020-01-01T00:00:00Z ')).toBe(at('2020-01-01T00:00:00Z'))
  })

  it('keep fractions of a second, with a dot or a comma', () => {
    expect(parseDate('2020-01-01T00:00:00.5Z')).toBe(at('2020-01-01T00:00:00.500Z'))
    expect(parseDate('2020-01-01T00:00:00,25Z')).toBe(at('2020-01-01T00:00:00.250Z'))
    expect(parseDate('2020-01-01T00:00:00.123456789Z')).toBe(at('2020-01-01T00:00:00.123Z'))
  })

  it('read epoch seconds, negative ones included, up to a signed 64-bit number', () => {
    expect(parseDate('0')).toBe(0)
    expect(parseDate('-86400')).toBe(-86_400_000)
    expect(parseDate('1700000000')).toBe(1_700_000_000_000)
    expect(parseDate('9223372036854775807')).toBeDefined()
    expect(parseDate('9223372036854775808')).toBeUndefined()
    expect(parseDate('-9223372036854775809')).toBeUndefined()
  })

  it('reject dates and times out of range', () => {
    for (const bad of [
      '2020-13-01',
      '2020-00-10',
      '2020-02-30',
      '2021-02-29',
      '2020-04-31',
      '2020-01-32',
      '2020-01-01T24:00:00Z',
      '2020-01-01T23:60:00Z',
      '2020-01-01T23:59:60Z',
      '999999999-01-01'
    ]) {
      expect(parseDate(bad), bad).toBeUndefined()
    }
    expect(parseDate('2020-02-29')).toBe(at('2020-02-29T00:00:00Z'))
    expect(parseDate('2000-02-29')).toBe(at('2000-02-29T00:00:00Z'))
  })

  it('reject text that is not a date', () => {
    for (const bad of ['', 'yesterday', '2020/01/01', '2020-01-01 00:00:00', '1.5', 'T10:00', '2020-01-01T00:00:00ZZ', '2020-01-01T00:00:00+1']) {
      expect(parseDate(bad), bad).toBeUndefined()
    }
  })

  it('compare instants across offsets and forms', () => {
    const t = '2020-06-01T12:00:00Z'
    expect(each('DateEquals', 'aws:CurrentTime', t, ['2020-06-01T14:00:00+02:00', '1591012800', 1591012800, '2020-06-01T12:00:01Z'])).toEqual([true, true, true, false])
    expect(each('DateNotEquals', 'aws:CurrentTime', t, ['2020-06-01T12:00:00Z', '2021-01-01'])).toEqual([false, true])
    expect(each('DateLessThan', 'aws:CurrentTime', t, ['2020-06-01T11:59:59Z', t, '2020-06-01T13:00:00+02:00'])).toEqual([true, false, true])
    expect(each('DateLessThanEquals', 'aws:CurrentTime', t, [t, '2020-06-01T12:00:00.001Z'])).toEqual([true, false])
    expect(each('DateGreaterThan', 'aws:CurrentTime', t, ['2020-06-01T12:00:00.001Z', t])).toEqual([true, false])
    expect(each('DateGreaterThanEquals', 'aws:CurrentTime', t, [t, '2020-06-01T11:00:00Z'])).toEqual([true, false])
  })

  it('an unreadable request date never matches', () => {
    expect(holds('DateLessThan', 'aws:CurrentTime', '2030-01-01', { 'aws:CurrentTime': 'soon' })).toBe(false)
    expect(holds('DateNotEquals', 'aws:CurrentTime', '2030-01-01', { 'aws:CurrentTime': 'soon' })).toBe(true)
  })
})

describe('Bool', () => {
  it('compares true/false without regard to case', () => {
    expect(each('Bool', 'aws:SecureTransport', 'true', ['true', 'TRUE', 'True', true, 'false', false, 'yes', '1', ''])).toEqual([
      true,
      true,
      true,
      true,
      false,
      false,
      false,
      false,
      false
    ])
    expect(each('Bool', 'aws:SecureTransport', false, ['false', false, 'FALSE', 'true'])).toEqual([true, true, true, false])
  })

  it('a policy value that is not a boolean never matches', () => {
    expect(each('Bool', 'k', 'yes', ['yes', 'true'])).toEqual([false, false])
  })
})

describe('BinaryEquals', () => {
  it('compares the bytes of base64 values, whatever the padding', () => {
    const abc = btoa('abc')
    expect(each('BinaryEquals', 'k', abc, [abc, btoa('abd'), ''])).toEqual([true, false, false])
    expect(each('BinaryEquals', 'k', 'QUI=', ['QUI=', 'QUI'])).toEqual([true, true])
  })

  it('a value that is not base64 never matches', () => {
    expect(each('BinaryEquals', 'k', 'QUJD', ['QUJD!', 'Q', 'QU JD'])).toEqual([false, false, false])
    expect(holds('BinaryEquals', 'k', '!!!', { k: '!!!' })).toBe(false)
  })
})

describe('IpAddress and NotIpAddress', () => {
  const ip = (values: string | readonly string[], inputs: readonly string[]): boolean[] => each('IpAddress', 'aws:SourceIp', values, inputs)

  it('IPv4 CIDR blocks', () => {
    expect(ip('203.0.113.0/24', ['203.0.113.0', '203.0.113.255', '203.0.112.255', '203.0.114.0'])).toEqual([true, true, false, false])
    expect(ip('10.0.0.0/8', ['10.255.255.255', '11.0.0.0'])).toEqual([true, false])
    expect(ip('192.168.1.7/31', ['192.168.1.6', '192.168.1.7', '192.168.1.8'])).toEqual([true, true, false])
  })

  it('prefixes /0 and /32 (and a bare address, which is /32)', () => {
    expect(ip('0.0.0.0/0', ['1.2.3.4', '255.255.255.255', '0.0.0.0'])).toEqual([true, true, true])
    expect(ip('1.2.3.4/32', ['1.2.3.4', '1.2.3.5'])).toEqual([true, false])
    expect(ip('1.2.3.4', ['1.2.3.4', '1.2.3.5'])).toEqual([true, false])
  })

  it('a block with host bits set still means its network', () => {
    expect(ip('10.1.2.3/8', ['10.200.0.1', '11.0.0.1'])).toEqual([true, false])
  })

  it('IPv6, with :: compression anywhere', () => {
    expect(ip('2001:db8::/32', ['2001:db8::1', '2001:0db8:0000:0000:0000:0000:0000:0001', '2001:DB8:ffff::', '2001:db9::1'])).toEqual([true, true, true, false])
    expect(ip('::1/128', ['::1', '0:0:0:0:0:0:0:1', '::2'])).toEqual([true, true, false])
    expect(ip('::/0', ['::', '2001:db8::1', 'ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff'])).toEqual([true, true, true])
    expect(ip('fe80::/10', ['fe80::1', 'febf::1', 'fec0::1'])).toEqual([true, true, false])
    expect(ip('1:2:3:4:5:6:7::/128', ['1:2:3:4:5:6:7:0'])).toEqual([true])
    expect(ip('::2:3:4:5:6:7:8/128', ['0:2:3:4:5:6:7:8'])).toEqual([true])
    expect(ip('2001:db8::/48', ['2001:db8:0:ffff::1', '2001:db8:1::1'])).toEqual([true, false])
  })

  it('IPv6 with an embedded IPv4 tail', () => {
    expect(ip('::ffff:192.0.2.0/120', ['::ffff:192.0.2.1', '::ffff:c000:2ff', '::ffff:192.0.3.1'])).toEqual([true, true, false])
    expect(ip('64:ff9b::/96', ['64:ff9b::198.51.100.7'])).toEqual([true])
    expect(ip('1:2:3:4:5:6:1.2.3.4/128', ['1:2:3:4:5:6:102:304'])).toEqual([true])
  })

  it('IPv4 and IPv6 never match each other', () => {
    expect(ip('0.0.0.0/0', ['::', '::ffff:1.2.3.4'])).toEqual([false, false])
    expect(ip('::/0', ['1.2.3.4'])).toEqual([false])
  })

  it('invalid request addresses never match', () => {
    const bad = [
      '',
      'localhost',
      '1.2.3',
      '1.2.3.4.5',
      '256.1.1.1',
      '1.2.3.-1',
      '1.2.3.4/24',
      '::1::',
      '1:2:3:4:5:6:7:8:9',
      '1:2:3:4:5:6:7:8::',
      ':1:2:3:4:5:6:7',
      '1:2:3:4:5:6:7:',
      '12345::',
      'g::1',
      '1.2.3.4::',
      '::1.2.3',
      'fe80::1%eth0',
      ':::'
    ]
    for (const s of bad) expect(ip('0.0.0.0/0', [s])[0] || ip('::/0', [s])[0], s).toBe(false)
  })

  it('invalid policy blocks are skipped; valid ones still count', () => {
    expect(ip(['10.0.0.0/33', '1.2.3.4'], ['10.0.0.1', '1.2.3.4'])).toEqual([false, true])
    expect(ip(['::/129', '10.0.0.0/x', '10.0.0.0/', 'nonsense'], ['10.0.0.1', '::'])).toEqual([false, false])
  })

  it('NotIpAddress is true outside every block, and for an unreadable address', () => {
    expect(each('NotIpAddress', 'aws:SourceIp', ['10.0.0.0/8', '192.168.0.0/16'], ['10.1.1.1', '192.168.5.5', '8.8.8.8', 'not-an-ip'])).toEqual([false, false, true, true])
  })

  it('tolerates whitespace around the request address', () => {
    expect(ip('10.0.0.0/8', [' 10.0.0.1 '])).toEqual([true])
  })
})

describe('Arn operators', () => {
  const role = 'arn:aws:iam::123456789012:role/admin'

  it('ArnLike and ArnEquals match segment by segment with wildcards', () => {
    for (const op of ['ArnLike', 'ArnEquals']) {
      expect(each(op, 'aws:PrincipalArn', 'arn:aws:iam::*:role/*', [role, 'arn:aws:iam::123456789012:user/admin', 'arn:aws:iam::1:2:role/x'])).toEqual([true, false, false])
      expect(each(op, 'aws:PrincipalArn', role, [role, 'arn:aws:iam::123456789012:role/Admin'])).toEqual([true, false])
    }
  })

  it('a * in the first five segments stays within its segment', () => {
    expect(
      each('ArnLike', 'aws:SourceArn', 'arn:aws:sns:*:123456789012:topic', ['arn:aws:sns:us-east-1:123456789012:topic', 'arn:aws:sns:us-east-1:x:123456789012:topic'])
    ).toEqual([true, false])
  })

  it('a value that is not an ARN never matches', () => {
    expect(each('ArnLike', 'aws:SourceArn', '*', ['arn:aws:s3:::b', 'not-an-arn', 'arn:aws:s3', ''])).toEqual([true, false, false, false])
    expect(each('ArnNotLike', 'aws:SourceArn', '*', ['arn:aws:s3:::b', 'not-an-arn'])).toEqual([false, true])
  })

  it('ArnNotEquals and ArnNotLike: true when no value matches', () => {
    expect(each('ArnNotEquals', 'aws:PrincipalArn', [role], [role, 'arn:aws:iam::123456789012:role/other'])).toEqual([false, true])
    expect(each('ArnNotLike', 'aws:PrincipalArn', ['arn:aws:iam::*:role/a*', 'arn:aws:iam::*:role/b*'], [role, 'arn:aws:iam::1:role/b1', 'arn:aws:iam::1:role/c1'])).toEqual([
      false,
      false,
      true
    ])
  })

  it('resolves policy variables', () => {
    expect(holds('ArnLike', 'aws:SourceArn', 'arn:aws:s3:::${aws:username}-*', { 'aws:SourceArn': 'arn:aws:s3:::alice-bucket', 'aws:username': 'alice' })).toBe(true)
    expect(holds('ArnLike', 'aws:SourceArn', 'arn:aws:s3:::${aws:username}-*', { 'aws:SourceArn': 'arn:aws:s3:::alice-bucket', 'aws:username': 'bob' })).toBe(false)
  })
})

describe('Null', () => {
  it('"true" holds when the key is missing, "false" when it is present', () => {
    expect(holds('Null', 'aws:TokenIssueTime', 'true', {})).toBe(true)
    expect(holds('Null', 'aws:TokenIssueTime', 'true', { 'aws:TokenIssueTime': '2020-01-01' })).toBe(false)
    expect(holds('Null', 'aws:TokenIssueTime', 'false', { 'aws:TokenIssueTime': '2020-01-01' })).toBe(true)
    expect(holds('Null', 'aws:TokenIssueTime', 'false', {})).toBe(false)
  })

  it('accepts JSON booleans and any case; an empty list or null counts as missing', () => {
    expect(holds('Null', 'k', true, {})).toBe(true)
    expect(holds('Null', 'k', 'TRUE', {})).toBe(true)
    expect(holds('Null', 'k', false, { k: 'x' })).toBe(true)
    expect(holds('Null', 'k', 'true', { k: [] })).toBe(true)
    expect(holds('Null', 'k', 'true', { k: null })).toBe(true)
    // An empty string is a value.
    expect(holds('Null', 'k', 'true', { k: '' })).toBe(false)
  })

  it('a value that is neither true nor false matches nothing', () => {
    expect(holds('Null', 'k', 'maybe', {})).toBe(false)
    expect(holds('Null', 'k', 'maybe', { k: 'x' })).toBe(false)
  })
})

describe('missing keys and IfExists', () => {
  const positives = [
    'StringEquals',
    'StringLike',
    'StringEqualsIgnoreCase',
    'NumericEquals',
    'NumericLessThan',
    'DateEquals',
    'DateGreaterThan',
    'Bool',
    'BinaryEquals',
    'IpAddress',
    'ArnLike',
    'ArnEquals'
  ]
  const negatives = ['StringNotEquals', 'StringNotLike', 'StringNotEqualsIgnoreCase', 'NumericNotEquals', 'DateNotEquals', 'NotIpAddress', 'ArnNotLike', 'ArnNotEquals']
  const valueFor = (op: string): string =>
    op.includes('Ip') ? '10.0.0.0/8' : op.includes('Date') ? '2020-01-01' : op.includes('Numeric') ? '1' : op === 'Bool' ? 'true' : op.startsWith('Arn') ? 'arn:aws:s3:::b' : 'x'

  it('a positive operator is false on a missing key', () => {
    for (const op of positives) expect(holds(op, 'k', valueFor(op), {}), op).toBe(false)
  })

  it('a negated operator is true on a missing key', () => {
    for (const op of negatives) expect(holds(op, 'k', valueFor(op), {}), op).toBe(true)
  })

  it('IfExists is true on a missing key, and the plain operator otherwise', () => {
    for (const op of [...positives, ...negatives]) {
      expect(holds(`${op}IfExists`, 'k', valueFor(op), {}), op).toBe(true)
      expect(holds(`${op}IfExists`, 'k', valueFor(op), { k: 'zzz-no-match' }), op).toBe(holds(op, 'k', valueFor(op), { k: 'zzz-no-match' }))
    }
    expect(holds('StringEqualsIfExists', 'k', 'x', { k: 'x' })).toBe(true)
    expect(holds('StringEqualsIfExists', 'k', 'x', { k: 'y' })).toBe(false)
  })

  it('a key whose value is null or an empty list is missing', () => {
    expect(holds('StringEquals', 'k', 'x', { k: null })).toBe(false)
    expect(holds('StringNotEquals', 'k', 'x', { k: [] })).toBe(true)
    expect(holds('StringEqualsIfExists', 'k', 'x', { k: [] })).toBe(true)
  })
})

describe('multi-valued keys and set qualifiers', () => {
  const key = 'aws:TagKeys'
  const run = (op: string, context: RawContext): boolean => holds(op, key, ['a', 'b'], context)

  it('ForAnyValue: false on a missing key or an empty set; true when some value matches', () => {
    expect(run('ForAnyValue:StringEquals', {})).toBe(false)
    expect(run('ForAnyValue:StringEquals', { [key]: [] })).toBe(false)
    expect(run('ForAnyValue:StringEquals', { [key]: 'a' })).toBe(true)
    expect(run('ForAnyValue:StringEquals', { [key]: 'c' })).toBe(false)
    expect(run('ForAnyValue:StringEquals', { [key]: ['c', 'b'] })).toBe(true)
    expect(run('ForAnyValue:StringEquals', { [key]: ['c', 'd'] })).toBe(false)
  })

  it('ForAllValues: true on a missing key or an empty set; true when every value matches', () => {
    expect(run('ForAllValues:StringEquals', {})).toBe(true)
    expect(run('ForAllValues:StringEquals', { [key]: [] })).toBe(true)
    expect(run('ForAllValues:StringEquals', { [key]: 'a' })).toBe(true)
    expect(run('ForAllValues:StringEquals', { [key]: 'c' })).toBe(false)
    expect(run('ForAllValues:StringEquals', { [key]: ['a', 'b', 'a'] })).toBe(true)
    expect(run('ForAllValues:StringEquals', { [key]: ['a', 'c'] })).toBe(false)
  })

  it('negated operators under a qualifier apply the negation to each value', () => {
    // ForAllValues:StringNotEquals: no request value is one of the policy's values.
    expect(run('ForAllValues:StringNotEquals', { [key]: ['c', 'd'] })).toBe(true)
    expect(run('ForAllValues:StringNotEquals', { [key]: ['c', 'a'] })).toBe(false)
    expect(run('ForAllValues:StringNotEquals', {})).toBe(true)
    // ForAnyValue:StringNotEquals: some request value is none of the policy's values.
    expect(run('ForAnyValue:StringNotEquals', { [key]: ['a', 'c'] })).toBe(true)
    expect(run('ForAnyValue:StringNotEquals', { [key]: ['a', 'b'] })).toBe(false)
    expect(run('ForAnyValue:StringNotEquals', {})).toBe(false)
  })

  it('IfExists with a qualifier: true on a missing key', () => {
    expect(run('ForAnyValue:StringEqualsIfExists', {})).toBe(true)
    expect(run('ForAnyValue:StringEqualsIfExists', { [key]: ['c'] })).toBe(false)
  })

  it('no qualifier on a multi-valued key: true if any value matches; negated, if none does', () => {
    expect(run('StringEquals', { [key]: ['c', 'a'] })).toBe(true)
    expect(run('StringEquals', { [key]: ['c', 'd'] })).toBe(false)
    expect(run('StringNotEquals', { [key]: ['c', 'a'] })).toBe(false)
    expect(run('StringNotEquals', { [key]: ['c', 'd'] })).toBe(true)
  })

  it('qualifiers work with every family', () => {
    expect(holds('ForAllValues:NumericLessThan', 'n', '10', { n: [1, '2', 9.5] })).toBe(true)
    expect(holds('ForAllValues:NumericLessThan', 'n', '10', { n: [1, 'x'] })).toBe(false)
    expect(holds('ForAnyValue:IpAddress', 'ips', '10.0.0.0/8', { ips: ['1.1.1.1', '10.9.9.9'] })).toBe(true)
    expect(holds('ForAllValues:StringLike', 'k', 'a*', { k: ['ab', 'ac'] })).toBe(true)
    expect(holds('ForAnyValue:Bool', 'k', 'true', { k: [false, true] })).toBe(true)
  })
})

describe('context keys and values', () => {
  it('keys are found without regard to case, in the policy and in the request', () => {
    expect(holds('StringEquals', 'aws:username', 'alice', { 'AWS:UserName': 'alice' })).toBe(true)
    expect(holds('StringEquals', 'AWS:USERNAME', 'alice', { 'aws:username': 'alice' })).toBe(true)
    expect(holds('StringNotEquals', 'AWS:USERNAME', 'alice', { 'aws:username': 'alice' })).toBe(false)
  })

  it('a key written exactly as the policy writes it wins over other spellings', () => {
    expect(holds('StringEquals', 'aws:username', 'alice', { 'AWS:USERNAME': 'bob', 'aws:username': 'alice' })).toBe(true)
  })

  it('a null value under one spelling does not hide a value under another', () => {
    expect(holds('StringEquals', 'aws:username', 'alice', { 'aws:username': null, 'AWS:USERNAME': 'alice' })).toBe(true)
  })

  it('numbers and booleans in the context are read as their text', () => {
    expect(holds('StringEquals', 'k', '42', { k: 42 })).toBe(true)
    expect(holds('StringEquals', 'k', 'true', { k: true })).toBe(true)
    expect(holds('StringEquals', 'k', ['1', '2'], { k: [2, 3] })).toBe(true)
  })

  it('keys named like Object.prototype members are ordinary keys', () => {
    expect(holds('StringEquals', 'constructor', 'x', {})).toBe(false)
    expect(holds('Null', 'toString', 'true', {})).toBe(true)
    expect(holds('StringNotEquals', 'hasOwnProperty', 'x', {})).toBe(true)
    expect(holds('StringEquals', '__proto__', 'x', JSON.parse('{"__proto__": "x"}') as RawContext)).toBe(true)
  })
})
