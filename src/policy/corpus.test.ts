// Runs the data-driven corpus: every evaluation case through loadCase + explain (whose decision
// is evaluate()'s), and every validation case through the quota check and parsePolicy.

import { describe, expect, it } from 'vitest'
import { checkQuota, explain, loadCase, MANAGED_POLICY_QUOTA, parsePolicy, TRUST_POLICY_QUOTA, evaluate } from './index.js'
import { readCorpus, type EvalCase, type ValidateCase } from './test-support/corpus.js'

const evalFiles = readCorpus<EvalCase>('policy-eval')
const validateFiles = readCorpus<ValidateCase>('policy-validate')

describe('evaluation corpus', () => {
  it('has at least 200 cases, each with a documentation page and a unique id', () => {
    const all = evalFiles.flatMap((f) => f.cases)
    expect(all.length).toBeGreaterThanOrEqual(200)
    expect(new Set(all.map((c) => c.id)).size).toBe(all.length)
    for (const c of all) expect(c.doc, c.id).toMatch(/^https:\/\/docs\.aws\.amazon\.com\//)
  })

  for (const { file, cases } of evalFiles) {
    describe(file, () => {
      for (const c of cases) {
        it(c.id, () => {
          const loaded = loadCase(c)
          if (!loaded.ok) expect.fail(`policies do not parse: ${JSON.stringify(loaded.problems)}`)
          const result = explain(loaded.set, loaded.request)
          expect(result.decision, c.note).toBe(c.expected)
          expect(evaluate(loaded.set, loaded.request)).toEqual({ decision: result.decision, decidedBy: result.decidedBy, statements: result.statements })
          if (c.explain?.decidedBy) expect(result.decidedBy ?? 'identity', 'decidedBy').toBe(c.explain.decidedBy)
          if (c.explain?.sids) expect(result.statements.map((s) => s.sid)).toEqual(expect.arrayContaining([...c.explain.sids]))
        })
      }
    })
  }
})

describe('validation corpus', () => {
  for (const { file, cases } of validateFiles) {
    describe(file, () => {
      for (const c of cases) {
        it(c.id, () => {
          const quota = c.kind === 'trust' ? TRUST_POLICY_QUOTA : c.kind === 'identity' || c.kind === 'boundary' ? MANAGED_POLICY_QUOTA : undefined
          const overQuota = quota ? checkQuota(c.document, quota) : undefined
          const result = parsePolicy(c.document, { kind: c.kind })
          const errors = overQuota ? [overQuota, ...result.errors] : result.errors
          if (c.valid) {
            expect(errors, c.note).toEqual([])
            return
          }
          const want = c.errors[0]
          const got = errors[0]
          if (!want || !got) expect.fail(`expected an error: ${c.note}`)
          expect(got.message, c.note).toBe(want.message)
          if (want.line !== undefined) expect({ line: got.line, column: got.column }).toEqual({ line: want.line, column: want.column })
        })
      }
    })
  }
})
