// The visual editor's actions: every action of the chosen service, grouped by access level as
// the Service Authorization Reference classifies them, with a checkbox per action, per level and
// for the whole service (`prefix:*`).

import { useEffect, useRef, useState } from 'react'
import { ACCESS_LEVELS, type AccessLevel, type CatalogAction, type ServiceDetail } from './catalog'

interface Props {
  readonly idPrefix: string
  readonly service: ServiceDetail
  readonly selected: readonly string[]
  readonly onChange: (actions: string[]) => void
}

function GroupBox({ id, label, all, some, onToggle }: { id: string; label: string; all: boolean; some: boolean; onToggle: () => void }) {
  const box = useRef<HTMLInputElement>(null)
  // "Some of this level" is the checkbox's indeterminate state, which only the DOM can set.
  useEffect(() => {
    if (box.current) box.current.indeterminate = some && !all
  }, [some, all])
  return (
    <span className="access-check">
      <input id={id} ref={box} type="checkbox" checked={all} onChange={onToggle} />
      <label htmlFor={id}>{label}</label>
    </span>
  )
}

export function ActionPicker({ idPrefix, service, selected, onChange }: Props) {
  const [filter, setFilter] = useState('')
  const everything = selected.includes('*')
  const chosen = new Set(selected.map((a) => a.toLowerCase()))
  // Levels with chosen actions start open, so a document read from JSON shows what it grants.
  const [open, setOpen] = useState<ReadonlySet<AccessLevel>>(
    () => new Set(service.actions.filter((a) => !everything && chosen.has(a.name.toLowerCase())).map((a) => a.accessLevel))
  )
  const isChosen = (a: CatalogAction) => everything || chosen.has(a.name.toLowerCase())
  const toggle = (names: readonly string[], on: boolean) => {
    const lower = new Set(names.map((n) => n.toLowerCase()))
    const kept = selected.filter((a) => a !== '*' && !lower.has(a.toLowerCase()))
    onChange(on ? [...kept, ...names] : kept)
  }
  const needle = filter.trim().toLowerCase()
  return (
    <div className="access-actions">
      <GroupBox
        id={`${idPrefix}-all`}
        label={`All ${service.name} actions (${service.prefix}:*)`}
        all={everything}
        some={selected.length > 0}
        onToggle={() => onChange(everything ? [] : ['*'])}
      />
      <label htmlFor={`${idPrefix}-filter`}>Filter actions</label>
      <input id={`${idPrefix}-filter`} type="search" value={filter} onChange={(e) => setFilter(e.target.value)} placeholder="e.g. GetObject" />
      {ACCESS_LEVELS.map((level) => {
        const actions = service.actions.filter((a) => a.accessLevel === level)
        if (actions.length === 0) return null
        const shown = needle ? actions.filter((a) => a.name.toLowerCase().includes(needle)) : actions
        if (needle && shown.length === 0) return null
        const count = actions.filter(isChosen).length
        const expanded = open.has(level) || needle !== ''
        const key = level.replace(/\s+/g, '-')
        return (
          <div key={level} className="access-level">
            <div className="access-level-head">
              <GroupBox
                id={`${idPrefix}-${key}`}
                label={`${level} (${count} of ${actions.length})`}
                all={count === actions.length}
                some={count > 0}
                onToggle={() =>
                  toggle(
                    actions.map((a) => a.name),
                    count !== actions.length
                  )
                }
              />
              {!needle && (
                <button
                  type="button"
                  aria-expanded={expanded}
                  onClick={() => {
                    const next = new Set(open)
                    if (next.has(level)) next.delete(level)
                    else next.add(level)
                    setOpen(next)
                  }}
                >
                  {expanded ? 'Hide' : 'Show'} {level} actions
                </button>
              )}
            </div>
            {expanded && (
              <ul className="access-action-list">
                {shown.map((a) => (
                  <li key={a.name} className="access-check">
                    <input id={`${idPrefix}-${a.name}`} type="checkbox" checked={isChosen(a)} disabled={everything} onChange={(e) => toggle([a.name], e.target.checked)} />
                    <label htmlFor={`${idPrefix}-${a.name}`}>{a.name}</label>
                  </li>
                ))}
              </ul>
            )}
          </div>
        )
      })}
    </div>
  )
}
