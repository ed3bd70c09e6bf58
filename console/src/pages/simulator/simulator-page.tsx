// Policy simulator: what a principal's policies (SimulatePrincipalPolicy) or pasted policies
// (SimulateCustomPolicy) decide for actions on resources, with context entries; the results
// name and highlight the deciding statements.

import { useState, type FormEvent } from 'react'
import { call } from '../../api'
import { ErrorPanel } from '../../components/error-panel'
import type { EvaluationResult } from '../../components/iam-types'
import { principalPolicyTexts } from './principal-policy-texts'
import { SimulationResults, type SimulatedPolicy } from './simulation-results'
import { ActionsField, lines } from './simulator-actions'
import { contextEntries, ContextField, type ContextRow } from './simulator-context'
import { SimulatorPolicyInput } from './simulator-policy-input'
import { PrincipalPicker, type PrincipalKind } from './simulator-principal'

const STARTER = JSON.stringify({ Version: '2012-10-17', Statement: [{ Sid: 'AllowRead', Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] }, null, 2)

async function simulate(action: string, input: Record<string, unknown>): Promise<EvaluationResult[]> {
  const results: EvaluationResult[] = []
  let marker: string | undefined
  do {
    const out = await call<{ EvaluationResults?: EvaluationResult[]; IsTruncated?: boolean; Marker?: string }>(action, { ...input, ...(marker ? { Marker: marker } : {}) })
    results.push(...(out.EvaluationResults ?? []))
    marker = out.IsTruncated ? out.Marker : undefined
  } while (marker)
  return results
}

export function SimulatorPage() {
  const [mode, setMode] = useState<'principal' | 'custom'>('custom')
  const [principal, setPrincipal] = useState<{ kind: PrincipalKind; arn: string }>({ kind: 'user', arn: '' })
  const [policies, setPolicies] = useState<string[]>([STARTER])
  const [actions, setActions] = useState('')
  const [resources, setResources] = useState('*')
  const [context, setContext] = useState<ContextRow[]>([])
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(undefined)
  const [run, setRun] = useState<{ n: number; results: EvaluationResult[]; policies: SimulatedPolicy[] } | undefined>(undefined)

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    setBusy(true)
    setError(undefined)
    const pasted = mode === 'custom' ? policies.filter((p) => p.trim()) : []
    const input: Record<string, unknown> = {
      ActionNames: lines(actions),
      ResourceArns: lines(resources).length ? lines(resources) : ['*'],
      ...(pasted.length ? { PolicyInputList: pasted } : {}),
      ...(context.some((c) => c.key.trim()) ? { ContextEntries: contextEntries(context) } : {}),
      ...(mode === 'principal' ? { PolicySourceArn: principal.arn } : {})
    }
    try {
      const results = await simulate(mode === 'principal' ? 'SimulatePrincipalPolicy' : 'SimulateCustomPolicy', input)
      const shown: SimulatedPolicy[] = pasted.map((text, i) => ({ id: `PolicyInputList.${i + 1}`, label: `Policy ${i + 1}`, text }))
      // A principal's own policies are shown when they decided something; if they cannot be
      // read (no permission to list them), the results still name the statements.
      if (mode === 'principal') shown.push(...(await principalPolicyTexts(principal.kind, principal.arn).catch(() => [])))
      setRun({ n: (run?.n ?? 0) + 1, results, policies: shown })
    } catch (err) {
      setError(err)
    } finally {
      setBusy(false)
    }
  }
  const ready = lines(actions).length > 0 && (mode === 'principal' ? principal.arn !== '' : policies.some((p) => p.trim()))
  return (
    <section>
      <h1>Policy simulator</h1>
      <p className="muted">Test what policies allow: the simulator evaluates them as IAM would, without making any request.</p>
      <form className="panel" onSubmit={(e) => void submit(e)}>
        <fieldset className="access-fieldset">
          <legend>Policies to simulate</legend>
          <span className="access-check">
            <input id="sim-mode-custom" type="radio" name="sim-mode" checked={mode === 'custom'} onChange={() => setMode('custom')} />
            <label htmlFor="sim-mode-custom">Paste policies</label>
          </span>
          <span className="access-check">
            <input id="sim-mode-principal" type="radio" name="sim-mode" checked={mode === 'principal'} onChange={() => setMode('principal')} />
            <label htmlFor="sim-mode-principal">A user, group or role’s policies</label>
          </span>
        </fieldset>
        {mode === 'principal' ? (
          <PrincipalPicker kind={principal.kind} arn={principal.arn} onChange={(kind, arn) => setPrincipal({ kind, arn })} />
        ) : (
          <>
            {policies.map((p, i) => (
              <SimulatorPolicyInput
                key={i}
                index={i}
                value={p}
                onChange={(v) => setPolicies(policies.map((q, j) => (j === i ? v : q)))}
                {...(policies.length > 1 ? { onRemove: () => setPolicies(policies.filter((_, j) => j !== i)) } : {})}
              />
            ))}
            <button type="button" onClick={() => setPolicies([...policies, ''])}>
              Add policy
            </button>
          </>
        )}
        <ActionsField value={actions} onChange={setActions} />
        <label htmlFor="sim-resources">Resource ARNs (one per line; * for all)</label>
        <textarea id="sim-resources" className="code" rows={2} value={resources} onChange={(e) => setResources(e.target.value)} />
        <ContextField rows={context} onChange={setContext} />
        <div className="actions">
          <button type="submit" className="primary" disabled={busy || !ready}>
            {busy ? 'Simulating…' : 'Run simulation'}
          </button>
        </div>
      </form>
      {error !== undefined && <ErrorPanel error={error} />}
      {run && <SimulationResults key={run.n} results={run.results} policies={run.policies} />}
    </section>
  )
}
