// Compiled policy values: policy variables (resolution, defaults, escapes, multi-valued and
// missing keys), the two ARN modes, the literal and glob modes, and prefix extraction.

import { describe, expect, it } from 'vitest'
import { RequestContext, type RawContext } from '../evaluate/request-context.js'
import type { VariablePart } from '../variables.js'
import { compileValue, type MatchMode, type VariableSource } from './template-matcher.js'

const ctx = (raw: RawContext = {}): RequestContext => new RequestContext(raw)
const NONE = ctx()

function matches(pattern: string, mode: MatchMode, input: string, context: VariableSource = NONE, variables = true): boolean {
  return compileValue(pattern, mode, variables).test(input, context)
}

describe('policy variables in Resource (arn mode)', () => {
  const home = 'arn:aws:s3:::bucket/home/${aws:username}/*'

  it('substitutes ${aws:username} from the request', () => {
    const alice = ctx({ 'aws:username': 'alice' })
    expect(matches(home, 'arn', 'arn:aws:s3:::bucket/home/alice/notes.txt', alice)).toBe(true)
    expect(matches(home, 'arn', 'arn:aws:s3:::bucket/home/alice/', alice)).toBe(true)
    expect(matches(home, 'arn', 'arn:aws:s3:::bucket/home/bob/notes.txt', alice)).toBe(false)
    expect(matches(home, 'arn', 'arn:aws:s3:::bucket/home/alice', alice)).toBe(false)
  })

  it('resolves each request with its own values (a compiled value is reused across requests)', () => {
    const m = compileValue(home, 'arn', true)
    expect(m.test('arn:aws:s3:::bucket/home/alice/x', ctx({ 'aws:username': 'alice' }))).toBe(true)
    expect(m.test('arn:aws:s3:::bucket/home/alice/x', ctx({ 'aws:username': 'bob' }))).toBe(false)
    expect(m.test('arn:aws:s3:::bucket/home/bob/x', ctx({ 'aws:username': 'bob' }))).toBe(true)
    expect(m.test('arn:aws:s3:::bucket/home/alice/x', ctx({ 'aws:username': 'alice' }))).toBe(true)
  })

  it('stays correct across more distinct values than its cache holds', () => {
    const m = compileValue(home, 'arn', true)
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < 600; i++) {
        const c = ctx({ 'aws:username': `user${i}` })
        expect(m.test(`arn:aws:s3:::bucket/home/user${i}/k`, c)).toBe(true)
        expect(m.test(`arn:aws:s3:::bucket/home/user${i + 1}/k`, c)).toBe(false)
      }
    }
  })

  it('finds the key without regard to case', () => {
    expect(matches(home, 'arn', 'arn:aws:s3:::bucket/home/alice/x', ctx({ 'AWS:UserName': 'alice' }))).toBe(true)
    expect(matches('arn:aws:s3:::b/${AWS:USERNAME}', 'arn', 'arn:aws:s3:::b/alice', ctx({ 'aws:username': 'alice' }))).toBe(true)
  })

  it('matches nothing when the key is missing and there is no default', () => {
    expect(matches(home, 'arn', 'arn:aws:s3:::bucket/home//x')).toBe(false)
    expect(matches(home, 'arn', 'arn:aws:s3:::bucket/home/${aws:username}/x')).toBe(false)
    expect(matches(home, 'arn', 'arn:aws:s3:::bucket/home/alice/x', ctx({ 'aws:username': null }))).toBe(false)
  })

  it('matches nothing when the key is multi-valued', () => {
    const c = ctx({ 'aws:username': ['alice', 'bob'] })
    expect(matches(home, 'arn', 'arn:aws:s3:::bucket/home/alice/x', c)).toBe(false)
    expect(matches(home, 'arn', 'arn:aws:s3:::bucket/home/alice,bob/x', c)).toBe(false)
  })

  it('uses the default when the key is missing, and the value when it is present', () => {
    const p = "arn:aws:s3:::bucket/${aws:PrincipalTag/team, 'shared'}/*"
    expect(matches(p, 'arn', 'arn:aws:s3:::bucket/shared/x')).toBe(true)
    expect(matches(p, 'arn', 'arn:aws:s3:::bucket/red/x')).toBe(false)
    const red = ctx({ 'aws:PrincipalTag/team': 'red' })
    expect(matches(p, 'arn', 'arn:aws:s3:::bucket/red/x', red)).toBe(true)
    expect(matches(p, 'arn', 'arn:aws:s3:::bucket/shared/x', red)).toBe(false)
    // Spacing inside the braces does not matter; an empty default is a default.
    expect(matches("arn:aws:s3:::b/${aws:username,'x'}", 'arn', 'arn:aws:s3:::b/x')).toBe(true)
    expect(matches("arn:aws:s3:::b/${ aws:username , '' }/k", 'arn', 'arn:aws:s3:::b//k')).toBe(true)
  })

  it('treats substituted values as literal text, never as wildcards', () => {
    const star = ctx({ 'aws:username': '*' })
    expect(matches(home, 'arn', 'arn:aws:s3:::bucket/home/*/x', star)).toBe(true)
    expect(matches(home, 'arn', 'arn:aws:s3:::bucket/home/alice/x', star)).toBe(false)
    const q = ctx({ 'aws:username': 'a?c' })
    expect(matches(home, 'arn', 'arn:aws:s3:::bucket/home/abc/x', q)).toBe(false)
    expect(matches(home, 'arn', 'arn:aws:s3:::bucket/home/a?c/x', q)).toBe(true)
  })

  it('reads non-string context values as their text', () => {
    expect(matches('arn:aws:s3:::b/${aws:EpochTime}', 'arn', 'arn:aws:s3:::b/42', ctx({ 'aws:EpochTime': 42 }))).toBe(true)
    expect(matches('arn:aws:s3:::b/${aws:SecureTransport}', 'arn', 'arn:aws:s3:::b/true', ctx({ 'aws:SecureTransport': true }))).toBe(true)
  })

  it('${*}, ${?} and ${$} are the literal characters', () => {
    expect(matches('arn:aws:s3:::b/${*}', 'arn', 'arn:aws:s3:::b/*')).toBe(true)
    expect(matches('arn:aws:s3:::b/${*}', 'arn', 'arn:aws:s3:::b/x')).toBe(false)
    expect(matches('arn:aws:s3:::b/a${?}', 'arn', 'arn:aws:s3:::b/a?')).toBe(true)
    expect(matches('arn:aws:s3:::b/a${?}', 'arn', 'arn:aws:s3:::b/ax')).toBe(false)
    expect(matches('arn:aws:s3:::b/${$}{x}', 'arn', 'arn:aws:s3:::b/${x}')).toBe(true)
    // Escapes and wildcards side by side.
    expect(matches('arn:aws:s3:::b/${*}*', 'arn', 'arn:aws:s3:::b/*anything')).toBe(true)
    expect(matches('arn:aws:s3:::b/${*}*', 'arn', 'arn:aws:s3:::b/anything')).toBe(false)
  })

  it('leaves text that is not a variable alone', () => {
    expect(matches('arn:aws:s3:::b/${notakey}', 'arn', 'arn:aws:s3:::b/${notakey}')).toBe(true)
    expect(matches('arn:aws:s3:::b/${', 'arn', 'arn:aws:s3:::b/${')).toBe(true)
    expect(matches('arn:aws:s3:::b/$x{aws:username}', 'arn', 'arn:aws:s3:::b/$x{aws:username}')).toBe(true)
  })

  it('with variables disabled (Version 2008-10-17 or none), ${...} is literal text', () => {
    const alice = ctx({ 'aws:username': 'alice' })
    expect(matches(home, 'arn', 'arn:aws:s3:::bucket/home/alice/x', alice, false)).toBe(false)
    expect(matches(home, 'arn', 'arn:aws:s3:::bucket/home/${aws:username}/x', alice, false)).toBe(true)
    expect(matches('arn:aws:s3:::b/${*}', 'arn', 'arn:aws:s3:::b/${*}', NONE, false)).toBe(true)
  })

  it('resolves variables through any VariableSource', () => {
    const calls: string[] = []
    const source: VariableSource = {
      resolve(v: VariablePart) {
        calls.push(v.key)
        return v.keyLower === 'aws:username' ? 'zed' : undefined
      }
    }
    expect(matches(home, 'arn', 'arn:aws:s3:::bucket/home/zed/x', source)).toBe(true)
    expect(calls).toEqual(['aws:username'])
  })

  it('substitutes several variables in one value', () => {
    const p = 'arn:aws:s3:::${aws:PrincipalTag/dept}/${aws:username}/*'
    const c = ctx({ 'aws:PrincipalTag/dept': 'eng', 'aws:username': 'alice' })
    expect(matches(p, 'arn', 'arn:aws:s3:::eng/alice/k', c)).toBe(true)
    expect(matches(p, 'arn', 'arn:aws:s3:::alice/eng/k', c)).toBe(false)
    // One of them missing: nothing matches.
    expect(matches(p, 'arn', 'arn:aws:s3:::eng//k', ctx({ 'aws:PrincipalTag/dept': 'eng' }))).toBe(false)
  })

  // IAM User Guide, policy variables: "You can't use a variable to replace parts of the ARN
  // before the fifth colon, such as the service or account." Found by differential testing.
  it('substitutes only in the resource part: before the fifth colon ${...} is plain text', () => {
    const c = ctx({ 'aws:PrincipalAccount': '111122223333', 'aws:RequestedRegion': 'us-east-1', 'aws:username': 'alice' })
    expect(matches('arn:aws:sqs:us-east-1:${aws:PrincipalAccount}:orders', 'arn', 'arn:aws:sqs:us-east-1:111122223333:orders', c)).toBe(false)
    expect(matches('arn:aws:sqs:${aws:RequestedRegion}:111122223333:orders', 'arn', 'arn:aws:sqs:us-east-1:111122223333:orders', c)).toBe(false)
    // Right after the fifth colon is the resource part.
    expect(matches('arn:aws:sqs:us-east-1:111122223333:${aws:username}', 'arn', 'arn:aws:sqs:us-east-1:111122223333:alice', c)).toBe(true)
    expect(matches('arn:aws:s3:::${aws:PrincipalAccount}-logs/*', 'arn', 'arn:aws:s3:::111122223333-logs/k', c)).toBe(true)
    // Plain text before the fifth colon, a variable after it.
    expect(matches('arn:aws:sqs:${aws:RequestedRegion}:1:${aws:username}', 'arn', 'arn:aws:sqs:${aws:RequestedRegion}:1:alice', c)).toBe(true)
    // ArnLike condition values are not Resource entries: variables work anywhere in them.
    expect(matches('arn:aws:sqs:us-east-1:${aws:PrincipalAccount}:orders', 'arn-condition', 'arn:aws:sqs:us-east-1:111122223333:orders', c)).toBe(true)
  })

  // Regression, once broken in template-matcher.ts, DynamicMatcher.test: the per-resolution matcher cache is keyed by
  // the variables' values joined with U+0000, so two different resolutions can share a key:
  // ("p\0", "q") and ("p", "\0q") both give "p\0\0q". The second request then reuses the first
  // request's matcher and matches the first request's resource. Request tags come from callers.
  it('keeps resolutions apart even when values contain U+0000', () => {
    const m = compileValue('arn:aws:s3:::b/${aws:RequestTag/a}/${aws:RequestTag/b}', 'arn', true)
    const first = ctx({ 'aws:RequestTag/a': 'p\u0000', 'aws:RequestTag/b': 'q' })
    const second = ctx({ 'aws:RequestTag/a': 'p', 'aws:RequestTag/b': '\u0000q' })
    expect(m.test('arn:aws:s3:::b/p\u0000/q', first)).toBe(true)
    expect(m.test('arn:aws:s3:::b/p\u0000/q', second)).toBe(false)
    expect(m.test('arn:aws:s3:::b/p/\u0000q', second)).toBe(true)
  })
})

describe("'arn' versus 'arn-condition'", () => {
  const anyRegion = 'arn:aws:ec2:*:123456789012:instance/*'

  it('both: a * within the resource segment runs freely, past colons', () => {
    for (const mode of ['arn', 'arn-condition'] as const) {
      expect(matches('arn:aws:s3:::bucket/*', mode, 'arn:aws:s3:::bucket/a/b:c'), mode).toBe(true)
      expect(matches('arn:aws:logs:us-east-1:123456789012:log-group:*', mode, 'arn:aws:logs:us-east-1:123456789012:log-group:g:log-stream:s'), mode).toBe(true)
    }
  })

  it('both: a * ending a segment matches within the segment', () => {
    for (const mode of ['arn', 'arn-condition'] as const) {
      expect(matches(anyRegion, mode, 'arn:aws:ec2:us-east-1:123456789012:instance/i-1'), mode).toBe(true)
      expect(matches(anyRegion, mode, 'arn:aws:ec2::123456789012:instance/i-1'), mode).toBe(true)
      expect(matches(anyRegion, mode, 'arn:aws:ec2:us-east-1:999999999999:instance/i-1'), mode).toBe(false)
    }
  })

  it("only 'arn': a * ending one of the first five segments may run past colons", () => {
    const extra = 'arn:aws:ec2:us-east-1:extra:123456789012:instance/i-1'
    expect(matches(anyRegion, 'arn', extra)).toBe(true)
    expect(matches(anyRegion, 'arn-condition', extra)).toBe(false)
    expect(matches('arn:aws:*:us-east-1:*', 'arn', 'arn:aws:s3:x:us-east-1:k')).toBe(true)
    expect(matches('arn:aws:*:us-east-1:*', 'arn-condition', 'arn:aws:s3:x:us-east-1:k')).toBe(false)
  })

  it('both: a * inside a segment (not ending it) stays within the segment', () => {
    for (const mode of ['arn', 'arn-condition'] as const) {
      const p = 'arn:aws:ec2:us-*-1:123456789012:instance/*'
      expect(matches(p, mode, 'arn:aws:ec2:us-east-1:123456789012:instance/i'), mode).toBe(true)
      expect(matches(p, mode, 'arn:aws:ec2:us-x:y-1:123456789012:instance/i'), mode).toBe(false)
    }
  })

  it('both: a ? in the first five segments never matches a colon', () => {
    for (const mode of ['arn', 'arn-condition'] as const) {
      expect(matches('arn:aws:s3?::bucket', mode, 'arn:aws:s3x::bucket'), mode).toBe(true)
      expect(matches('arn:aws:s3?::bucket', mode, 'arn:aws:s3:::bucket'), mode).toBe(false)
    }
    // In the resource segment ? is free.
    expect(matches('arn:aws:s3:::b?c', 'arn', 'arn:aws:s3:::b:c')).toBe(true)
  })

  it("'arn-condition': a * ending the text before a variable stays within its segment", () => {
    const p = 'arn:aws:iam::*${aws:username}:user/x'
    expect(matches(p, 'arn-condition', 'arn:aws:iam::123alice:user/x', ctx({ 'aws:username': 'alice' }))).toBe(true)
    expect(matches(p, 'arn-condition', 'arn:aws:iam::1:2alice:user/x', ctx({ 'aws:username': 'alice' }))).toBe(false)
  })

  it('a value that does not start with arn: has only free wildcards', () => {
    for (const mode of ['arn', 'arn-condition'] as const) {
      expect(matches('*:123456789012:*', mode, 'arn:aws:ec2:us-east-1:123456789012:instance/i'), mode).toBe(true)
      expect(matches('a?c', mode, 'a:c'), mode).toBe(true)
    }
  })

  it('resource matching is case-sensitive', () => {
    expect(matches('arn:aws:s3:::Bucket/*', 'arn', 'arn:aws:s3:::bucket/x')).toBe(false)
    expect(matches('arn:aws:s3:::bucket', 'arn', 'arn:aws:s3:::bucket')).toBe(true)
    expect(matches('arn:aws:s3:::bucket', 'arn', 'arn:aws:s3:::bucket/x')).toBe(false)
  })
})

describe('literal and glob modes', () => {
  it("'exact' compares literally: * and ? are ordinary characters", () => {
    expect(matches('a*b', 'exact', 'a*b')).toBe(true)
    expect(matches('a*b', 'exact', 'axb')).toBe(false)
    expect(matches('Alice', 'exact', 'alice')).toBe(false)
    expect(matches('${aws:username}', 'exact', 'alice', ctx({ 'aws:username': 'alice' }))).toBe(true)
    expect(matches('x-${aws:username}', 'exact', 'x-', NONE)).toBe(false)
  })

  it("'exact-ignore-case' compares without regard to case, variables included", () => {
    expect(matches('Alice', 'exact-ignore-case', 'aLICE')).toBe(true)
    expect(matches('${aws:username}-X', 'exact-ignore-case', 'ALICE-x', ctx({ 'aws:username': 'alice' }))).toBe(true)
    expect(matches('a*', 'exact-ignore-case', 'abc')).toBe(false)
  })

  it("'glob' has free wildcards even in ARN-looking values", () => {
    expect(matches('arn:aws:ec2:us-*-1:*', 'glob', 'arn:aws:ec2:us-x:y-1:z')).toBe(true)
    expect(matches('home/${aws:username}/*', 'glob', 'home/alice/a/b', ctx({ 'aws:username': 'alice' }))).toBe(true)
    expect(matches('home/${aws:username}/*', 'glob', 'home/bob/a', ctx({ 'aws:username': 'alice' }))).toBe(false)
  })
})

describe('prefix extraction (the resource index key)', () => {
  const key = (value: string, mode: MatchMode = 'arn', variables = true): ReturnType<typeof compileValue>['indexKey'] => compileValue(value, mode, variables).indexKey

  it('is the service and the literal start of the resource part', () => {
    expect(key('arn:aws:s3:::bucket/*')).toEqual({ service: 's3', resourcePrefix: 'bucket/' })
    expect(key('arn:aws:s3:::bucket/a?c')).toEqual({ service: 's3', resourcePrefix: 'bucket/a' })
    expect(key('arn:aws:s3:::bucket')).toEqual({ service: 's3', resourcePrefix: 'bucket' })
    expect(key('arn:aws:s3:::*')).toEqual({ service: 's3', resourcePrefix: '' })
    expect(key('arn:aws:logs:us-east-1:123456789012:log-group:app:*')).toEqual({ service: 'logs', resourcePrefix: 'log-group:app:' })
  })

  it('ignores wildcards in the region and account', () => {
    expect(key('arn:aws:ec2:*:123456789012:instance/*')).toEqual({ service: 'ec2', resourcePrefix: 'instance/' })
    expect(key('arn:aws:ec2:us-*:*:instance/i-1')).toEqual({ service: 'ec2', resourcePrefix: 'instance/i-1' })
  })

  it('stops at a variable in the resource part, and counts escapes as literal text', () => {
    expect(key('arn:aws:s3:::b/${aws:username}/*')).toEqual({ service: 's3', resourcePrefix: 'b/' })
    expect(key('arn:aws:s3:::b/${*}x*')).toEqual({ service: 's3', resourcePrefix: 'b/*x' })
  })

  it('with variables disabled, ${ is literal text', () => {
    expect(key('arn:aws:s3:::b/${aws:username}/*', 'arn', false)).toEqual({ service: 's3', resourcePrefix: 'b/${aws:username}/' })
  })

  it('is undefined when the service or partition is not literal, or the value is not an ARN', () => {
    for (const value of ['*', 'arn:aws:s3*:::b', 'arn:aws:*:::b', 'arn:*:s3:::b', 'arn:aws:s3', 'bucket/*', '${aws:username}']) {
      expect(key(value), value).toBeUndefined()
    }
  })

  it("only Resource values ('arn' mode) have one", () => {
    for (const mode of ['exact', 'exact-ignore-case', 'glob', 'arn-condition'] as const) expect(key('arn:aws:s3:::bucket/*', mode), mode).toBeUndefined()
  })

  it('every ARN a value matches has its service, and a resource part (from some colon on) starting with its prefix', () => {
    const alice = ctx({ 'aws:username': 'alice' })
    const cases: [string, string][] = [
      ['arn:aws:s3:::bucket/*', 'arn:aws:s3:::bucket/k'],
      ['arn:aws:s3:::b/${aws:username}/*', 'arn:aws:s3:::b/alice/k'],
      ['arn:aws:ec2:*:123456789012:instance/*', 'arn:aws:ec2:eu-west-1:123456789012:instance/i'],
      // A * ending the region runs past colons: the resource part starts after a later colon.
      ['arn:aws:ec2:*:123456789012:instance/*', 'arn:aws:ec2:a:b:123456789012:instance/i'],
      ['arn:aws:s3:::b/${*}*', 'arn:aws:s3:::b/*k']
    ]
    for (const [value, input] of cases) {
      const m = compileValue(value, 'arn', true)
      expect(m.test(input, alice), value).toBe(true)
      const k = m.indexKey
      if (!k) throw new Error(`no index key for ${value}`)
      const parts = input.split(':')
      expect(parts[2], value).toBe(k.service)
      const starts = parts.slice(5).map((_, i) => parts.slice(5 + i).join(':'))
      expect(
        starts.some((rest) => rest.startsWith(k.resourcePrefix)),
        value
      ).toBe(true)
    }
  })
})
