// The simulator's results: one row per action and resource with the decision (allowed, explicit
// deny, implicit deny); choosing a row highlights its deciding statements (MatchedStatements'
// StartPosition/EndPosition) in the text of the policies that were simulated.

import { useState } from 'react'
import { DataTable } from '../../components/data-table'
import type { EvalDecision, EvaluationResult, MatchedStatement } from '../../components/iam-types'
import { JsonEditor } from '../../components/json-editor'

export interface SimulatedPolicy {
  /** SourcePolicyId as the simulator names it ('PolicyInputList.1', a policy name…). */
  readonly id: string
  /** SourcePolicyType, when ids may repeat (a user's and a group's inline policies). */
  readonly type?: string
  readonly label: string
  readonly text: string
}

interface Row {
  readonly action: string
  readonly resource: string
  readonly decision: EvalDecision
  readonly matched: readonly MatchedStatement[]
  readonly missing: readonly string[]
}

export const DECISION_LABEL: Record<EvalDecision, string> = { allowed: 'Allowed', explicitDeny: 'Explicit deny', implicitDeny: 'Implicit deny' }

/** A row per action and resource: the resource-specific results when there are several resources. */
function rowsOf(results: readonly EvaluationResult[]): Row[] {
  return results.flatMap((r): Row[] => {
    const specific = r.ResourceSpecificResults ?? []
    if (specific.length > 1 || (specific.length === 1 && specific[0]?.EvalResourceName !== r.EvalResourceName)) {
      return specific.map((s) => ({
        action: r.EvalActionName,
        resource: s.EvalResourceName,
        decision: s.EvalResourceDecision,
        matched: s.MatchedStatements ?? [],
        missing: s.MissingContextValues ?? []
      }))
    }
    return [{ action: r.EvalActionName, resource: r.EvalResourceName ?? '*', decision: r.EvalDecision, matched: r.MatchedStatements ?? [], missing: r.MissingContextValues ?? [] }]
  })
}

const where = (m: MatchedStatement) =>
  `${m.SourcePolicyId ?? 'policy'}${m.SourcePolicyType ? ` (${m.SourcePolicyType})` : ''}${m.StartPosition ? `, line ${m.StartPosition.Line}, column ${m.StartPosition.Column}` : ''}`

export function SimulationResults({ results, policies }: { results: readonly EvaluationResult[]; policies: readonly SimulatedPolicy[] }) {
  const rows = rowsOf(results)
  const [selected, setSelected] = useState(() =>
    Math.max(
      0,
      rows.findIndex((r) => r.matched.length > 0)
    )
  )
  const row = rows[selected]
  const allowed = rows.filter((r) => r.decision === 'allowed').length
  return (
    <section className="panel" aria-labelledby="sim-results-title">
      <h2 id="sim-results-title">Results</h2>
      <p aria-live="polite">
        {allowed} of {rows.length} allowed.
      </p>
      <DataTable columns={['Action', 'Resource', 'Decision', 'Deciding statements']}>
        {rows.map((r, i) => (
          <tr key={i} className={i === selected ? 'access-selected' : undefined}>
            <td className="mono">{r.action}</td>
            <td className="mono access-break">{r.resource}</td>
            <td className={r.decision === 'allowed' ? 'ok' : 'bad'}>
              <strong>{DECISION_LABEL[r.decision]}</strong>
              {r.missing.length > 0 && <div className="field-hint">Missing context: {r.missing.join(', ')}</div>}
            </td>
            <td>
              {r.matched.length === 0 ? (
                <span className="muted">{r.decision === 'implicitDeny' ? 'No statement allows it' : '—'}</span>
              ) : (
                <button type="button" aria-pressed={i === selected} onClick={() => setSelected(i)}>
                  Show {r.matched.length === 1 ? 'statement' : `${r.matched.length} statements`} for {r.action}
                </button>
              )}
            </td>
          </tr>
        ))}
      </DataTable>
      {row && row.matched.length > 0 && (
        <div className="access-sim-matched">
          <h3>
            Deciding statements for {row.action} on {row.resource}
          </h3>
          <ul>
            {row.matched.map((m, i) => (
              <li key={i}>{where(m)}</li>
            ))}
          </ul>
        </div>
      )}
      {policies.map((p, i) => {
        if (p.type && !rows.some((r) => r.matched.some((m) => m.SourcePolicyId === p.id && m.SourcePolicyType === p.type))) return null
        const highlights = (row?.matched ?? [])
          .filter((m) => m.SourcePolicyId === p.id && (!p.type || m.SourcePolicyType === p.type) && m.StartPosition)
          .map((m) => ({
            start: { line: m.StartPosition?.Line ?? 1, column: m.StartPosition?.Column ?? 1 },
            ...(m.EndPosition ? { end: { line: m.EndPosition.Line, column: m.EndPosition.Column } } : {})
          }))
        return (
          <JsonEditor
            key={`${p.id}-${i}`}
            id={`sim-policy-view-${i}`}
            label={`${p.label}${highlights.length ? ' (deciding statement highlighted)' : ''}`}
            value={p.text}
            highlights={highlights}
          />
        )
      })}
    </section>
  )
}
