// Tabs as the ARIA pattern has them: a tablist of buttons (role=tab, aria-selected), arrow keys,
// Home and End move between tabs, and only the selected tab is in the Tab order.

import { useRef, type KeyboardEvent, type ReactNode } from 'react'

export interface TabSpec<K extends string> {
  readonly key: K
  readonly label: string
}

interface Props<K extends string> {
  readonly id: string
  readonly label: string
  readonly tabs: readonly TabSpec<K>[]
  readonly selected: K
  readonly onSelect: (key: K) => void
  readonly children: ReactNode
}

export function Tabs<K extends string>({ id, label, tabs, selected, onSelect, children }: Props<K>) {
  const list = useRef<HTMLDivElement>(null)
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const index = tabs.findIndex((t) => t.key === selected)
    let next = index
    if (e.key === 'ArrowRight') next = (index + 1) % tabs.length
    else if (e.key === 'ArrowLeft') next = (index - 1 + tabs.length) % tabs.length
    else if (e.key === 'Home') next = 0
    else if (e.key === 'End') next = tabs.length - 1
    else return
    e.preventDefault()
    const tab = tabs[next]
    if (!tab) return
    onSelect(tab.key)
    list.current?.querySelector<HTMLButtonElement>(`#${id}-tab-${tab.key}`)?.focus()
  }
  return (
    <div>
      <div className="tabs" role="tablist" aria-label={label} ref={list} onKeyDown={onKeyDown}>
        {tabs.map((t) => (
          <button
            key={t.key}
            type="button"
            role="tab"
            id={`${id}-tab-${t.key}`}
            aria-selected={t.key === selected}
            aria-controls={`${id}-panel`}
            tabIndex={t.key === selected ? 0 : -1}
            onClick={() => onSelect(t.key)}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`${id}-panel`} aria-labelledby={`${id}-tab-${selected}`}>
        {children}
      </div>
    </div>
  )
}
