// The simulator's context entries: key, type and values (ContextEntries), for the conditions
// the policies test (aws:SourceIp, aws:MultiFactorAuthPresent…).

export interface ContextRow {
  readonly key: string
  readonly type: string
  readonly values: string
}

const TYPES = ['string', 'stringList', 'numeric', 'numericList', 'boolean', 'booleanList', 'ip', 'ipList', 'binary', 'binaryList', 'date', 'dateList']

export const contextEntries = (rows: readonly ContextRow[]) =>
  rows
    .filter((r) => r.key.trim())
    .map((r) => ({
      ContextKeyName: r.key.trim(),
      ContextKeyType: r.type,
      ContextKeyValues: r.values
        .split(',')
        .map((v) => v.trim())
        .filter((v) => v !== '')
    }))

export function ContextField({ rows, onChange }: { rows: readonly ContextRow[]; onChange: (rows: ContextRow[]) => void }) {
  const set = (i: number, patch: Partial<ContextRow>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)))
  return (
    <fieldset className="access-fieldset">
      <legend>Context entries (optional)</legend>
      {rows.map((r, i) => (
        <div key={i} className="access-condition-row">
          <div>
            <label htmlFor={`sim-ctx-key-${i}`}>Context {i + 1} key</label>
            <input id={`sim-ctx-key-${i}`} type="text" value={r.key} onChange={(e) => set(i, { key: e.target.value })} placeholder="aws:SourceIp" />
          </div>
          <div>
            <label htmlFor={`sim-ctx-type-${i}`}>Context {i + 1} type</label>
            <select id={`sim-ctx-type-${i}`} value={r.type} onChange={(e) => set(i, { type: e.target.value })}>
              {TYPES.map((t) => (
                <option key={t}>{t}</option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor={`sim-ctx-values-${i}`}>Context {i + 1} values (comma-separated)</label>
            <input id={`sim-ctx-values-${i}`} type="text" value={r.values} onChange={(e) => set(i, { values: e.target.value })} />
          </div>
          <button type="button" onClick={() => onChange(rows.filter((_, j) => j !== i))}>
            Remove context {i + 1}
          </button>
        </div>
      ))}
      <button type="button" onClick={() => onChange([...rows, { key: '', type: 'string', values: '' }])}>
        Add context entry
      </button>
    </fieldset>
  )
}
