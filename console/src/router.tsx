// A small client-side router over the History API: paths under /console, `:param` segments,
// links that keep the page (no reload), and a hook for the current location.

import { useEffect, useState, type AnchorHTMLAttributes, type MouseEvent, type ReactNode } from 'react'

const BASE = '/console'
const listeners = new Set<() => void>()

/** The path inside the console ('/users/bob'), without the /console prefix. */
export function currentPath(): string {
  const p = window.location.pathname
  const inside = p.startsWith(BASE) ? p.slice(BASE.length) : p
  return inside === '' ? '/' : inside
}

export function navigate(path: string, options: { replace?: boolean } = {}): void {
  const url = `${BASE}${path === '/' ? '/' : path}`
  if (options.replace) window.history.replaceState(null, '', url)
  else window.history.pushState(null, '', url)
  for (const l of listeners) l()
  window.scrollTo(0, 0)
}

window.addEventListener('popstate', () => {
  for (const l of listeners) l()
})

/** Re-renders on navigation; returns the path and its query. */
export function useLocation(): { path: string; query: URLSearchParams } {
  const [, setTick] = useState(0)
  useEffect(() => {
    const l = () => setTick((t) => t + 1)
    listeners.add(l)
    return () => {
      listeners.delete(l)
    }
  }, [])
  return { path: currentPath(), query: new URLSearchParams(window.location.search) }
}

export function Link({ to, children, ...rest }: { to: string; children: ReactNode } & Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'>) {
  const onClick = (e: MouseEvent<HTMLAnchorElement>) => {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return
    e.preventDefault()
    navigate(to)
  }
  return (
    <a href={`${BASE}${to}`} onClick={onClick} {...rest}>
      {children}
    </a>
  )
}

/** Matches '/users/:name' against '/users/bob' → { name: 'bob' }; undefined when it does not match. */
export function matchPath(pattern: string, path: string): Record<string, string> | undefined {
  const a = pattern.split('/').filter(Boolean)
  const b = path.split('/').filter(Boolean)
  if (a.length !== b.length) return undefined
  const params: Record<string, string> = {}
  for (let i = 0; i < a.length; i++) {
    const p = a[i] as string
    const v = b[i] as string
    if (p.startsWith(':')) params[p.slice(1)] = decodeURIComponent(v)
    else if (p !== v) return undefined
  }
  return params
}
