// The resource index may only narrow: every statement whose resources match a request's resource
// must be among those the index hands back, whatever the patterns (wildcards in any segment,
// including the `*` that runs past colons) and whatever the resource.

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Statement } from '../model.js'
import { RequestContext } from '../evaluate/request-context.js'
import { compileStatement, type CompiledStatement } from './compile-statement.js'
import { resourceLookup, StatementSelection } from './statement-selection.js'

const segment = (values: string[]) => fc.constantFrom(...values)
const pattern = fc
  .tuple(
    segment(['arn']),
    segment(['aws', 'aws', '*']),
    segment(['s3', 'ec2', 'logs', 'iam', '*', 'e?2']),
    segment(['', 'us-east-1', '*', 'us-*']),
    segment(['', '111122223333', '*', '1111*']),
    segment(['bucket/*', 'bucket/a/*', 'instance/*', 'log-group:/app/*', '*', 'table/t-?', 'x:y:*', 'user/${aws:username}', 'b*c'])
  )
  .map((parts) => parts.join(':'))
const plainPattern = fc.constantFrom('*', 'arn:aws:s3:::*', 'arn:aws:*', 'arn:*')
const resource = fc
  .tuple(
    fc.constantFrom('arn'),
    fc.constantFrom('aws', 'aws-cn'),
    fc.constantFrom('s3', 'ec2', 'logs', 'iam'),
    fc.constantFrom('', 'us-east-1', 'eu-west-1'),
    fc.constantFrom('', '111122223333', '444455556666'),
    fc.constantFrom('bucket/a/b', 'instance/i-1', 'log-group:/app/x:log-stream:s', 'table/t-1', 'x:y:z', 'user/alice', 'bxc', '111122223333:instance/i-2')
  )
  .map((parts) => parts.join(':'))

function statement(resources: string[], index: number): CompiledStatement {
  const st: Statement = { index, effect: 'Allow', action: { values: ['s3:GetObject'], isArray: false }, resource: { values: resources, isArray: true } }
  return compileStatement(st, { policyType: 'identity', policyName: 'P', policyIndex: 0, statementIndex: index, effect: 'Allow' }, index, true)
}

describe('StatementSelection', () => {
  it('never leaves out a statement whose resource matches', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.oneof(pattern, plainPattern), { minLength: 1, maxLength: 3 }), { minLength: 12, maxLength: 40 }),
        fc.oneof(resource, fc.constant('*')),
        (lists, res) => {
          const statements = lists.map((l, i) => statement(l, i))
          const selection = new StatementSelection(statements)
          const out: CompiledStatement[] = []
          const n = selection.narrow(res, { lookup: () => resourceLookup(res) }, out)
          expect(n).toBeGreaterThanOrEqual(0)
          const offered = new Set(out.slice(0, n))
          const context = new RequestContext({ 'aws:username': 'alice' })
          for (const s of statements) {
            const matches = s.resources === null || s.resources.some((r) => r.test(res, context))
            if (matches) expect(offered.has(s), `${JSON.stringify(lists[s.order])} ~ ${res}`).toBe(true)
          }
        }
      ),
      { numRuns: 300 }
    )
  })

  it('narrows: statements about other services and resources are not offered', () => {
    const statements = Array.from({ length: 20 }, (_, i) => statement([`arn:aws:s3:::bucket-${i}/*`], i))
    const selection = new StatementSelection(statements)
    const out: CompiledStatement[] = []
    const res = 'arn:aws:s3:::bucket-7/key'
    const n = selection.narrow(res, { lookup: () => resourceLookup(res) }, out)
    expect(out.slice(0, n).map((s) => s.order)).toEqual([7])
  })

  it('leaves small selections to a plain scan', () => {
    const selection = new StatementSelection([statement(['*'], 0)])
    expect(selection.narrow('*', { lookup: () => undefined }, [])).toBe(-1)
  })
})
