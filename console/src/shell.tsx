// The signed-in frame: a header with the account and the principal (and sign-out, switch back),
// the side navigation built from the routes, and the page the path names.

import { useState } from 'react'
import { post } from './api'
import { routes } from './routes'
import { Link, matchPath, navigate, useLocation } from './router'
import { useSession } from './session-context'

export function Shell() {
  const { session, refresh } = useSession()
  const { path } = useLocation()
  const [menuOpen, setMenuOpen] = useState(false)
  const found = routes.map((r) => ({ route: r, params: matchPath(r.path, path) })).find((m) => m.params !== undefined)
  const signOut = async () => {
    await post('/sign-out')
    navigate('/', { replace: true })
    await refresh()
  }
  const switchBack = async () => {
    await post('/switch-back')
    navigate('/', { replace: true })
    await refresh()
  }
  const who =
    session.principal.kind === 'root'
      ? 'Root user'
      : session.principal.kind === 'user'
        ? session.principal.userName
        : `${session.principal.roleName}/${session.principal.sessionName}`
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <button type="button" className="menu-toggle" aria-expanded={menuOpen} aria-controls="nav" onClick={() => setMenuOpen(!menuOpen)}>
          Menu
        </button>
        <Link to="/" className="brand">
          Portcullis IAM
        </Link>
        <div className="identity" data-testid="identity">
          <span>{who}</span>
          <span className="muted">
            {' '}
            @ {session.accountAlias ?? session.accountId}
            {session.mfaAuthenticated ? ' · MFA' : ''}
          </span>
        </div>
        {session.switchedFrom && (
          <button type="button" onClick={() => void switchBack()}>
            Switch back
          </button>
        )}
        <button type="button" onClick={() => void signOut()}>
          Sign out
        </button>
      </header>
      <div className="body">
        <nav id="nav" aria-label="IAM" className={menuOpen ? 'open' : ''} onClick={() => setMenuOpen(false)}>
          <ul>
            {routes
              .filter((r) => r.nav)
              .map((r) => (
                <li key={r.path}>
                  <Link to={r.path} aria-current={path === r.path || (r.path !== '/' && path.startsWith(`${r.path}/`)) ? 'page' : undefined}>
                    {r.nav}
                  </Link>
                </li>
              ))}
          </ul>
        </nav>
        <main id="main" tabIndex={-1}>
          {found ? (
            found.route.render(found.params ?? {})
          ) : (
            <section className="panel">
              <h1>Page not found</h1>
              <p>
                <Link to="/">Go to the dashboard</Link>
              </p>
            </section>
          )}
        </main>
      </div>
    </div>
  )
}
