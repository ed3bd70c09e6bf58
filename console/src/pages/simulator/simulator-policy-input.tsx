// One pasted policy of the simulator (PolicyInputList), in the JSON editor, validated as typed.

import { JsonEditor } from '../../components/json-editor'
import { usePolicyValidation } from '../policies/policy-validation'

export function SimulatorPolicyInput({ index, value, onChange, onRemove }: { index: number; value: string; onChange: (v: string) => void; onRemove?: () => void }) {
  const validation = usePolicyValidation(value, 'identity')
  return (
    <div className="access-sim-policy">
      <JsonEditor
        id={`sim-policy-${index}`}
        label={`Policy ${index + 1} (JSON)`}
        value={value}
        onChange={onChange}
        errors={validation.errors}
        minRows={6}
        status={
          validation.checking ? (
            <p className="muted" aria-hidden="true">
              Checking…
            </p>
          ) : null
        }
      />
      {onRemove && (
        <button type="button" onClick={onRemove}>
          Remove policy {index + 1}
        </button>
      )}
    </div>
  )
}
