// The visual editor's resources (all, or specific ARNs, with the ARN formats the chosen actions
// take as a hint) and request conditions (key, operator, values).

import { GLOBAL_CONDITION_KEYS, type ServiceDetail } from './catalog'
import type { VisualCondition, VisualStatement } from './visual-model'

const OPERATORS = [
  'StringEquals',
  'StringNotEquals',
  'StringEqualsIgnoreCase',
  'StringLike',
  'StringNotLike',
  'ArnEquals',
  'ArnLike',
  'ArnNotLike',
  'NumericEquals',
  'NumericLessThan',
  'NumericGreaterThan',
  'DateLessThan',
  'DateGreaterThan',
  'Bool',
  'IpAddress',
  'NotIpAddress',
  'Null',
  'ForAnyValue:StringEquals',
  'ForAllValues:StringEquals'
]

interface Props {
  readonly idPrefix: string
  readonly statement: VisualStatement
  readonly service: ServiceDetail | undefined
  readonly onChange: (patch: Partial<VisualStatement>) => void
}

export function ResourcesField({ idPrefix, statement, service, onChange }: Props) {
  const used = new Set(service?.actions.filter((a) => statement.actions.includes('*') || statement.actions.includes(a.name)).flatMap((a) => a.resourceTypes))
  const formats = service?.resourceTypes.filter((r) => used.has(r.name)) ?? []
  const setArn = (i: number, arn: string) => onChange({ resources: statement.resources.map((r, j) => (j === i ? arn : r)) })
  return (
    <fieldset className="access-fieldset">
      <legend>Resources</legend>
      <span className="access-check">
        <input id={`${idPrefix}-res-all`} type="radio" name={`${idPrefix}-res`} checked={statement.allResources} onChange={() => onChange({ allResources: true })} />
        <label htmlFor={`${idPrefix}-res-all`}>All resources</label>
      </span>
      <span className="access-check">
        <input
          id={`${idPrefix}-res-some`}
          type="radio"
          name={`${idPrefix}-res`}
          checked={!statement.allResources}
          onChange={() => onChange({ allResources: false, resources: statement.resources.length ? statement.resources : [''] })}
        />
        <label htmlFor={`${idPrefix}-res-some`}>Specific resources</label>
      </span>
      {!statement.allResources && (
        <div>
          {formats.length > 0 && (
            <p className="field-hint">
              ARN formats for these actions:{' '}
              {formats.map((f) => (
                <code key={f.name} className="access-arn-format">
                  {f.arn}
                </code>
              ))}
            </p>
          )}
          {statement.resources.map((r, i) => (
            <div key={i} className="access-inline-row">
              <label htmlFor={`${idPrefix}-arn-${i}`}>Resource ARN {i + 1}</label>
              <input id={`${idPrefix}-arn-${i}`} type="text" value={r} onChange={(e) => setArn(i, e.target.value)} placeholder="arn:aws:…" />
              <button type="button" onClick={() => onChange({ resources: statement.resources.filter((_, j) => j !== i) })}>
                Remove ARN {i + 1}
              </button>
            </div>
          ))}
          <button type="button" onClick={() => onChange({ resources: [...statement.resources, ''] })}>
            Add ARN
          </button>
        </div>
      )}
    </fieldset>
  )
}

export function ConditionsField({ idPrefix, statement, service, onChange }: Props) {
  const keys = [...(service?.conditionKeys ?? []), ...GLOBAL_CONDITION_KEYS]
  const set = (i: number, patch: Partial<VisualCondition>) => onChange({ conditions: statement.conditions.map((c, j) => (j === i ? { ...c, ...patch } : c)) })
  return (
    <fieldset className="access-fieldset">
      <legend>Request conditions (optional)</legend>
      <datalist id={`${idPrefix}-keys`}>
        {keys.map((k) => (
          <option key={k} value={k} />
        ))}
      </datalist>
      {statement.conditions.map((c, i) => (
        <div key={i} className="access-condition-row">
          <div>
            <label htmlFor={`${idPrefix}-ck-${i}`}>Condition {i + 1} key</label>
            <input id={`${idPrefix}-ck-${i}`} type="text" list={`${idPrefix}-keys`} value={c.key} onChange={(e) => set(i, { key: e.target.value })} />
          </div>
          <div>
            <label htmlFor={`${idPrefix}-co-${i}`}>Condition {i + 1} operator</label>
            <select id={`${idPrefix}-co-${i}`} value={c.operator} onChange={(e) => set(i, { operator: e.target.value })}>
              {(OPERATORS.includes(c.operator) ? OPERATORS : [c.operator, ...OPERATORS]).map((o) => (
                <option key={o}>{o}</option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor={`${idPrefix}-cv-${i}`}>Condition {i + 1} values (comma-separated)</label>
            <input id={`${idPrefix}-cv-${i}`} type="text" value={c.values} onChange={(e) => set(i, { values: e.target.value })} />
          </div>
          <button type="button" onClick={() => onChange({ conditions: statement.conditions.filter((_, j) => j !== i) })}>
            Remove condition {i + 1}
          </button>
        </div>
      ))}
      <button type="button" onClick={() => onChange({ conditions: [...statement.conditions, { key: '', operator: 'StringEquals', values: '' }] })}>
        Add condition
      </button>
    </fieldset>
  )
}
