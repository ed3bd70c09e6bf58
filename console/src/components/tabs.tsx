// Tabs as the WAI-ARIA pattern has them: a tablist of buttons (aria-selected, roving tabindex,
// arrow keys / Home / End move between tabs) and one tabpanel labelled by its tab.

import { useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react'

export interface TabSpec {
  readonly id: string
  readonly label: string
  /** Rendered only while selected, so a tab loads its data when it is opened. */
  readonly panel: () => ReactNode
}

interface Props {
  readonly label: string
  readonly tabs: readonly TabSpec[]
  /** The tab open at first (e.g. from ?tab=); the first tab when absent or unknown. */
  readonly initial?: string | null
  /** Set by an owner that decides which tab is open (the policy editor may refuse a switch). */
  readonly selected?: string
  readonly onChange?: (id: string) => void
  /** Extra class of the panel: the access pages draw it as a .panel box. */
  readonly panelClassName?: string
}

export function Tabs({ label, tabs, initial, selected, onChange, panelClassName }: Props) {
  const baseId = useId()
  const first = tabs.find((t) => t.id === initial) ?? tabs[0]
  const [own, setOwn] = useState(first?.id)
  const buttons = useRef<(HTMLButtonElement | null)[]>([])
  const current = tabs.find((t) => t.id === (selected ?? own)) ?? first
  const select = (index: number) => {
    const tab = tabs[index]
    if (!tab) return
    setOwn(tab.id)
    onChange?.(tab.id)
    buttons.current[index]?.focus()
  }
  const onKeyDown = (e: KeyboardEvent, index: number) => {
    const n = tabs.length
    const moves: Record<string, number> = { ArrowRight: (index + 1) % n, ArrowLeft: (index - 1 + n) % n, Home: 0, End: n - 1 }
    const next = moves[e.key]
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
      <div role="tabpanel" id={`${baseId}-panel`} aria-labelledby={`${baseId}-tab-${current.id}`} tabIndex={0} className={`tab-panel ${panelClassName ?? ''}`.trim()}>
        {current.panel()}
      </div>
    </div>
  )
}
