// One statement of the visual editor: effect, service, actions, resources, conditions. A
// statement the visual editor cannot show is listed as its JSON, to be edited in the JSON tab.

import { ErrorPanel } from '../../components/error-panel'
import { useService, useServices } from './catalog'
import { ActionPicker } from './visual-actions'
import type { EditorStatement, VisualStatement } from './visual-model'
import { ConditionsField, ResourcesField } from './visual-scope'

interface Props {
  readonly index: number
  readonly statement: EditorStatement
  readonly onChange: (statement: EditorStatement) => void
  readonly onRemove: () => void
}

export function StatementBlock({ index, statement, onChange, onRemove }: Props) {
  const title = `Statement ${index + 1}`
  return (
    <fieldset className="access-statement">
      <legend>{title}</legend>
      {statement.kind === 'raw' ? (
        <>
          <p className="muted">
            This statement uses elements the visual editor does not show (for example NotAction, Principal, wildcards in action names or several services). Edit it in the JSON tab.
          </p>
          <pre className="mono access-pre">{JSON.stringify(statement.json, null, 2)}</pre>
        </>
      ) : (
        <VisualFields index={index} statement={statement} onChange={(patch) => onChange({ ...statement, ...patch })} />
      )}
      <button type="button" className="danger" onClick={onRemove}>
        Remove statement {index + 1}
      </button>
    </fieldset>
  )
}

function VisualFields({ index, statement, onChange }: { index: number; statement: VisualStatement; onChange: (patch: Partial<VisualStatement>) => void }) {
  const services = useServices()
  const service = useService(statement.service)
  const id = `st${index}`
  const known = services.data?.some((s) => s.prefix === statement.service)
  return (
    <>
      <fieldset className="access-fieldset">
        <legend>Effect</legend>
        {(['Allow', 'Deny'] as const).map((effect) => (
          <span key={effect} className="access-check">
            <input id={`${id}-${effect}`} type="radio" name={`${id}-effect`} checked={statement.effect === effect} onChange={() => onChange({ effect })} />
            <label htmlFor={`${id}-${effect}`}>{effect}</label>
          </span>
        ))}
      </fieldset>
      <label htmlFor={`${id}-service`}>Service</label>
      {services.error !== undefined && <ErrorPanel error={services.error} />}
      <select id={`${id}-service`} value={statement.service} onChange={(e) => onChange({ service: e.target.value, actions: [] })}>
        <option value="">Choose a service</option>
        {statement.service && !known && <option value={statement.service}>{statement.service}</option>}
        {services.data?.map((s) => (
          <option key={s.prefix} value={s.prefix}>
            {s.name} ({s.prefix})
          </option>
        ))}
      </select>
      {statement.service && (
        <fieldset className="access-fieldset">
          <legend>Actions</legend>
          {service.loading && <p className="loading">Loading the actions of {statement.service}…</p>}
          {service.error !== undefined && <ErrorPanel error={service.error} />}
          {service.data && <ActionPicker idPrefix={`${id}-act`} service={service.data} selected={statement.actions} onChange={(actions) => onChange({ actions })} />}
          {statement.actions.length > 0 && (
            <p className="field-hint">
              Chosen: <code>{statement.actions.map((a) => `${statement.service}:${a}`).join(', ')}</code>
            </p>
          )}
        </fieldset>
      )}
      <ResourcesField idPrefix={id} statement={statement} service={service.data} onChange={onChange} />
      <ConditionsField idPrefix={id} statement={statement} service={service.data} onChange={onChange} />
    </>
  )
}
