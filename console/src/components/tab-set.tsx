// Tabs as the WAI-ARIA pattern has them: a tablist of buttons (aria-selected, roving tabindex,
// arrow keys / Home / End move between tabs) and one tabpanel labelled by its tab.

import { useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react'

export interface TabSpec {
  readonly id: string
  readonly label: string
  /** Rendered only while selected, so a tab loads its data when it is opened. */
  readonly panel: () => ReactNode
}

export function TabSet({ label, tabs, initial, onChange }: { label: string; tabs: readonly TabSpec[]; initial?: string | null; onChange?: (id: string) => void }) {
  const baseId = useId()
  const first = tabs.find((t) => t.id === initial) ?? tabs[0]
  const [selected, setSelected] = useState(first?.id)
  const buttons = useRef<(HTMLButtonElement | null)[]>([])
  const current = tabs.find((t) => t.id === selected) ?? first
  const select = (index: number) => {
    const tab = tabs[index]
    if (!tab) return
    setSelected(tab.id)
    onChange?.(tab.id)
    buttons.current[index]?.focus()
  }
  const onKeyDown = (e: KeyboardEvent, index: number) => {
    const last = tabs.length - 1
    const next =
      e.key === 'ArrowRight'
        ? index === last
          ? 0
          : index + 1
        : e.key === 'ArrowLeft'
          ? index === 0
            ? last
            : index - 1
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? last
              : undefined
    if (next === undefined) return
    e.preventDefault()
    select(next)
  }
  if (!current) return null
  return (
    <div className="tab-set">
      <div role="tablist" aria-label={label} className="tabs">
        {tabs.map((t, i) => (
          <button
            key={t.id}
            ref={(el) => {
              buttons.current[i] = el
            }}
            type="button"
            role="tab"
            id={`${baseId}-tab-${t.id}`}
            aria-selected={t.id === current.id}
            aria-controls={`${baseId}-panel`}
            tabIndex={t.id === current.id ? 0 : -1}
            onClick={() => select(i)}
            onKeyDown={(e) => onKeyDown(e, i)}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`${baseId}-panel`} aria-labelledby={`${baseId}-tab-${current.id}`} tabIndex={0} className="tab-panel">
        {current.panel()}
      </div>
    </div>
  )
}
