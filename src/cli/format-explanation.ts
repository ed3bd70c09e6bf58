// The readable form of a decision (`--pretty`): the decision, AWS's reason clause, the deciding
// statements, and what each policy type said.

import type { CaseProblem, Explanation, StatementRef } from '../policy/index.js'
import { POLICY_TYPE_LABEL } from '../policy/index.js'

export function formatExplanation(decision: Explanation['decision'], e: Omit<Explanation, 'decision'>): string {
  const lines = [`Decision: ${decision}`, `Reason:   ${e.reason}`, `Principal: ${e.principalType}${e.sameAccount ? ' (same account as the resource)' : ' (cross-account)'}`]
  if (e.statements.length > 0) {
    lines.push('Deciding statements:')
    for (const s of e.statements) lines.push(`  ${describeStatement(s)}`)
  }
  if (e.policyTypes.length > 0) {
    lines.push('Policy types:')
    for (const t of e.policyTypes) {
      const where = t.target ? ` at ${t.target}` : ''
      const matched = t.matched.length ? `: ${t.matched.map((s) => `${s.effect} ${statementName(s)}`).join(', ')}` : ''
      lines.push(`  ${POLICY_TYPE_LABEL[t.type]}${where}: ${t.outcome}${matched}`)
    }
  }
  return `${lines.join('\n')}\n`
}

function statementName(s: StatementRef): string {
  return `${s.policyName}#${s.statementIndex}${s.sid ? ` (${s.sid})` : ''}`
}

function describeStatement(s: StatementRef): string {
  const where = s.line === undefined ? '' : `, line ${s.line}`
  const target = s.target ? ` at ${s.target}` : ''
  return `${s.effect} in ${POLICY_TYPE_LABEL[s.policyType]} "${s.policyName}"${target}: statement ${s.statementIndex}${s.sid ? ` (Sid ${s.sid})` : ''}${where}`
}

export function formatProblems(fileName: string, problems: readonly CaseProblem[]): string {
  const lines: string[] = []
  for (const p of problems) for (const e of p.errors) lines.push(`${fileName}: ${p.where}:${e.line}:${e.column}: ${e.message} (${e.detail})`)
  return `${lines.join('\n')}\n`
}
