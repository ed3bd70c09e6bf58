// `portcullis policy validate` and `portcullis policy evaluate`: thin wrappers over the engine
// that turn files into engine calls and results into output. They return what to print and the
// exit code, so tests can call them without a process.

import {
  checkQuota,
  explain,
  loadCase,
  MANAGED_POLICY_QUOTA,
  parsePolicy,
  POLICY_KINDS,
  TRUST_POLICY_QUOTA,
  type CaseProblem,
  type Explanation,
  type PolicyError,
  type PolicyKind
} from '../policy/index.js'
import { formatExplanation, formatProblems } from './format-explanation.js'

export interface CommandResult {
  readonly stdout: string
  readonly stderr: string
  readonly exitCode: number
}

export function isPolicyKind(kind: string): kind is PolicyKind {
  return (POLICY_KINDS as readonly string[]).includes(kind)
}

/** Validates one policy document: exit 0 when valid, 1 with every error otherwise. */
export function validateCommand(fileName: string, text: string, kind: PolicyKind): CommandResult {
  const quota = kind === 'trust' ? TRUST_POLICY_QUOTA : kind === 'identity' || kind === 'boundary' ? MANAGED_POLICY_QUOTA : undefined
  const errors: PolicyError[] = []
  const overQuota = quota ? checkQuota(text, quota) : undefined
  if (overQuota) errors.push(overQuota)
  errors.push(...parsePolicy(text, { kind }).errors)
  if (errors.length === 0) return { stdout: `${fileName}: valid ${kind} policy\n`, stderr: '', exitCode: 0 }
  const lines = errors.map((e) => `${fileName}:${e.line}:${e.column}: ${e.code}: ${e.message} (${e.detail}) at ${e.path}`)
  return { stdout: '', stderr: `${lines.join('\n')}\n${errors.length} error${errors.length === 1 ? '' : 's'}\n`, exitCode: 1 }
}

export interface EvaluateOutput {
  readonly decision: Explanation['decision']
  readonly explanation: Omit<Explanation, 'decision'>
}

/** Evaluates one case (the benchmark workloads' format); undefined output when it cannot load. */
export function evaluateCase(input: unknown): { output?: EvaluateOutput; problems?: readonly CaseProblem[] } {
  const loaded = loadCase(input)
  if (!loaded.ok) return { problems: loaded.problems }
  const { decision, ...explanation } = explain(loaded.set, loaded.request)
  return { output: { decision, explanation } }
}

export function evaluateCommand(fileName: string, text: string, pretty: boolean): CommandResult {
  const input = parseJsonFile(fileName, text)
  if ('error' in input) return { stdout: '', stderr: input.error, exitCode: 2 }
  const { output, problems } = evaluateCase(input.value)
  if (!output) return { stdout: '', stderr: formatProblems(fileName, problems ?? []), exitCode: 2 }
  return { stdout: pretty ? formatExplanation(output.decision, output.explanation) : `${JSON.stringify(output)}\n`, stderr: '', exitCode: 0 }
}

/** A JSON array of cases: one JSON line per case, in order; a case that cannot load gets an error line. */
export function evaluateBatchCommand(fileName: string, text: string, pretty: boolean): CommandResult {
  const input = parseJsonFile(fileName, text)
  if ('error' in input) return { stdout: '', stderr: input.error, exitCode: 2 }
  if (!Array.isArray(input.value)) return { stdout: '', stderr: `${fileName}: --batch expects a JSON array of cases\n`, exitCode: 2 }
  const out: string[] = []
  let failed = 0
  input.value.forEach((item: unknown, index: number) => {
    const { output, problems } = evaluateCase(item)
    if (output) out.push(pretty ? formatExplanation(output.decision, output.explanation) : JSON.stringify(output))
    else {
      failed++
      out.push(JSON.stringify({ index, error: 'policies do not parse', problems }))
    }
  })
  return { stdout: `${out.join('\n')}\n`, stderr: failed ? `${failed} case${failed === 1 ? '' : 's'} could not be evaluated\n` : '', exitCode: failed ? 2 : 0 }
}

function parseJsonFile(fileName: string, text: string): { value: unknown } | { error: string } {
  try {
    return { value: JSON.parse(text) as unknown }
  } catch (e) {
    return { error: `${fileName}: not valid JSON: ${(e as Error).message}\n` }
  }
}
