// The policy editor of "Create policy" and "Edit policy": a visual editor and a JSON editor on
// two tabs over the same document. The JSON text is the source of truth; switching to the
// visual tab reads it (refused while it is not JSON), and every visual change writes it back.

import { useState } from 'react'
import { ErrorPanel } from '../../components/error-panel'
import { JsonEditor } from '../../components/json-editor'
import { Tabs } from '../../components/tabs'
import type { Validation } from './policy-validation'
import { fromJson, newStatement, toJson, type VisualDocument } from './visual-model'
import { StatementBlock } from './visual-statement'

interface Props {
  readonly id: string
  readonly value: string
  readonly onChange: (value: string) => void
  readonly validation: Validation
  readonly initialMode?: 'visual' | 'json'
}

export function PolicyEditor({ id, value, onChange, validation, initialMode = 'visual' }: Props) {
  const [visual, setVisual] = useState<VisualDocument | undefined>(() => (initialMode === 'visual' ? fromJson(value) : undefined))
  const [refused, setRefused] = useState(false)
  const mode = visual ? 'visual' : 'json'
  const select = (next: string) => {
    if (next === mode) return
    if (next === 'json') return setVisual(undefined)
    const doc = fromJson(value)
    setRefused(!doc)
    setVisual(doc)
  }
  const update = (doc: VisualDocument) => {
    setVisual(doc)
    onChange(toJson(doc))
  }
  const status = validation.checking ? (
    <p className="muted" aria-hidden="true">
      Checking the policy…
    </p>
  ) : validation.valid ? (
    <p className="ok">The policy is valid.</p>
  ) : validation.failure !== undefined ? (
    <ErrorPanel error={validation.failure} />
  ) : null
  const visualPanel = (doc: VisualDocument) => (
    <div className="access-visual">
      {doc.statements.map((st, i) => (
        <StatementBlock
          key={st.id}
          index={i}
          statement={st}
          onChange={(next) => update({ ...doc, statements: doc.statements.map((s) => (s.id === st.id ? next : s)) })}
          onRemove={() => update({ ...doc, statements: doc.statements.filter((s) => s.id !== st.id) })}
        />
      ))}
      <button type="button" onClick={() => update({ ...doc, statements: [...doc.statements, newStatement()] })}>
        Add more permissions
      </button>
      <div aria-live="polite" className="access-editor-errors">
        {validation.errors.length > 0 && (
          <>
            <p className="field-error">The policy has {validation.errors.length === 1 ? 'an error' : `${validation.errors.length} errors`}:</p>
            <ul>
              {validation.errors.map((e, i) => (
                <li key={i} className="field-error">
                  {e.message}
                </li>
              ))}
            </ul>
          </>
        )}
        {status}
      </div>
    </div>
  )
  const jsonPanel = () => (
    <>
      {refused && (
        <p className="field-error" role="alert">
          The visual editor needs a JSON object. Fix the JSON first.
        </p>
      )}
      <JsonEditor id={id} label="Policy document (JSON)" value={value} onChange={onChange} errors={validation.errors} status={status} />
    </>
  )
  // The open tab follows `visual`, so a refused switch to Visual leaves the JSON tab open.
  return (
    <Tabs
      label="Policy editor"
      selected={mode}
      onChange={select}
      tabs={[
        { id: 'visual', label: 'Visual', panel: () => visual && visualPanel(visual) },
        { id: 'json', label: 'JSON', panel: jsonPanel }
      ]}
    />
  )
}
