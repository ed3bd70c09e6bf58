// The policy commands as a user runs them: the built CLI in a child process, plus the command
// functions directly for the cases that are awkward to set up through files.

import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { evaluateBatchCommand, evaluateCommand, validateCommand } from './policy-commands.js'

const root = join(dirname(fileURLToPath(import.meta.url)), '../..')
const cli = join(root, 'dist/cli/main.js')
const example = join(root, 'examples/deny-outside-network.json')

function run(...args: string[]): { stdout: string; stderr: string; status: number | null } {
  const r = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8' })
  return { stdout: r.stdout, stderr: r.stderr, status: r.status }
}

function tempFile(name: string, content: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'portcullis-cli-'))
  const file = join(dir, name)
  writeFileSync(file, content)
  return file
}

describe('portcullis policy evaluate (built CLI)', () => {
  it('prints one JSON line with the decision and the deciding statement', () => {
    const out = run('policy', 'evaluate', example)
    expect(out.status).toBe(0)
    const lines = out.stdout.trim().split('\n')
    expect(lines).toHaveLength(1)
    const result = JSON.parse(lines[0] as string) as { decision: string; explanation: { decidedBy: string; statements: { sid: string; line: number }[] } }
    expect(result.decision).toBe('ExplicitDeny')
    expect(result.explanation.decidedBy).toBe('identity')
    expect(result.explanation.statements[0]).toMatchObject({ sid: 'OnlyFromOffice', line: 10 })
  })

  it('explains in words with --pretty', () => {
    const out = run('policy', 'evaluate', example, '--pretty')
    expect(out.stdout).toContain('Decision: ExplicitDeny')
    expect(out.stdout).toContain('with an explicit deny in an identity-based policy')
    expect(out.stdout).toContain('Sid OnlyFromOffice')
  })

  it('evaluates a batch in one process, one line per case, in order', () => {
    const base = JSON.parse(readFileSync(example, 'utf8')) as { request: { context: Record<string, string> } }
    const inside = structuredClone(base)
    inside.request.context['aws:SourceIp'] = '203.0.113.5'
    const file = tempFile('batch.json', JSON.stringify([base, inside, base]))
    const out = run('policy', 'evaluate', '--batch', file)
    expect(out.status).toBe(0)
    const decisions = out.stdout
      .trim()
      .split('\n')
      .map((l) => (JSON.parse(l) as { decision: string }).decision)
    expect(decisions).toEqual(['ExplicitDeny', 'Allow', 'ExplicitDeny'])
  })

  it('evaluates the benchmark workloads to their expected decisions', () => {
    const workloads = join(root, '../shared/bench/policy-workloads')
    for (const name of ['small', 'typical']) {
      let text: string
      try {
        text = readFileSync(join(workloads, `${name}.json`), 'utf8')
      } catch {
        return // the shared folder is not part of a plain clone
      }
      const w = JSON.parse(text) as { expected: string }
      const out = execFileSync(process.execPath, [cli, 'policy', 'evaluate', join(workloads, `${name}.json`)], { encoding: 'utf8' })
      expect((JSON.parse(out) as { decision: string }).decision).toBe(w.expected)
    }
  })
})

describe('portcullis policy validate (built CLI)', () => {
  it('accepts a valid policy with exit code 0', () => {
    const out = run('policy', 'validate', join(root, 'examples/s3-read-only.json'))
    expect(out.status).toBe(0)
    expect(out.stdout).toContain('valid identity policy')
  })

  it('reports every error with line and column, and exits 1', () => {
    const file = tempFile(
      'bad.json',
      [
        '{',
        '  "Version": "2012-10-17",',
        '  "Statement": [',
        '    {"Effect": "Allow", "Action": "s3get", "Resource": "bucket"},',
        '    {"Effect": "Maybe", "Action": "s3:GetObject", "Resource": "*"}',
        '  ]',
        '}'
      ].join('\n')
    )
    const out = run('policy', 'validate', file)
    expect(out.status).toBe(1)
    expect(out.stderr).toContain(`${file}:4:56: MalformedPolicyDocument: Resource bucket must be in ARN format or "*".`)
    expect(out.stderr).toContain(`${file}:4:35: MalformedPolicyDocument: Actions/Conditions must be prefaced by a vendor`)
    expect(out.stderr).toContain(`${file}:5:16: MalformedPolicyDocument: Syntax errors in policy.`)
    expect(out.stderr).toContain('3 errors')
  })

  it('applies the rules of the kind given with --kind', () => {
    const trust = tempFile(
      'trust.json',
      JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }] })
    )
    expect(run('policy', 'validate', '--kind', 'trust', trust).status).toBe(0)
    const asIdentity = run('policy', 'validate', trust)
    expect(asIdentity.status).toBe(1)
    expect(asIdentity.stderr).toContain('Policy document should not specify a principal.')
    expect(run('policy', 'validate', '--kind', 'nonsense', trust).status).not.toBe(0)
  })
})

describe('policy commands', () => {
  it('says which policy of a case does not parse, with exit code 2', () => {
    const result = evaluateCommand(
      'case.json',
      JSON.stringify({ policies: { identity: [{ name: 'Broken', policy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow' }] } }] }, request: {} }),
      false
    )
    expect(result.exitCode).toBe(2)
    expect(result.stderr).toContain('policies.identity[0] (Broken)')
    expect(result.stderr).toContain('Policy statement must contain actions.')
  })

  it('rejects a file that is not JSON without a stack trace', () => {
    const result = evaluateCommand('case.json', '{not json', false)
    expect(result.exitCode).toBe(2)
    expect(result.stderr).toMatch(/^case\.json: not valid JSON/)
  })

  it('keeps going through a batch when one case is broken, and says so', () => {
    const ok = JSON.parse(readFileSync(example, 'utf8')) as unknown
    const result = evaluateBatchCommand('b.json', JSON.stringify([ok, { policies: { identity: [{ policy: 'nope' }] } }, ok]), false)
    const lines = result.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { decision?: string; index?: number })
    expect(lines.map((l) => l.decision ?? `error@${l.index}`)).toEqual(['ExplicitDeny', 'error@1', 'ExplicitDeny'])
    expect(result.exitCode).toBe(2)
  })

  it('counts a managed policy over 6,144 characters as LimitExceeded', () => {
    const big = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: Array.from({ length: 200 }, (_, i) => `arn:aws:s3:::bucket/${'x'.repeat(20)}${i}`) }]
    })
    const result = validateCommand('big.json', big, 'identity')
    expect(result.exitCode).toBe(1)
    expect(result.stderr).toContain('LimitExceeded: Cannot exceed quota for PolicySize: 6144')
  })
})
