// The dashboard's security recommendations, each marked fine or needing attention, with a link to
// where it is fixed. A check the caller may not run says which permission it lacks.

import { deniedAction } from '../../components/error-panel'
import { Link } from '../../router'
import type { Recommendation, RecommendationId } from './dashboard-data'

const TEXT: Record<RecommendationId, { name: string; ok: string; attention: string; fix: string; to: string }> = {
  'root-mfa': { name: 'Root user MFA', ok: 'Root user has MFA', attention: 'Add MFA for the root user', fix: 'Add MFA', to: '/security-credentials' },
  'root-access-keys': {
    name: 'Root user access keys',
    ok: 'Root user has no active access keys',
    attention: 'Deactivate or delete the root user’s access keys',
    fix: 'Manage access keys',
    to: '/security-credentials'
  },
  'users-without-mfa': {
    name: 'MFA for IAM users',
    ok: 'Every IAM user with a console password has MFA',
    attention: 'Add MFA for IAM users who sign in to the console',
    fix: 'Review users',
    to: '/users'
  },
  'old-access-keys': {
    name: 'Access key age',
    ok: 'No active access keys are older than 90 days',
    attention: 'Rotate active access keys older than 90 days',
    fix: 'Review users',
    to: '/users'
  }
}

export function Recommendations({ items, isRoot }: { items: readonly Recommendation[]; isRoot: boolean }) {
  return (
    <ul className="recommendations">
      {items.map((r) => {
        const text = TEXT[r.id] ?? { name: r.id, ok: r.id, attention: r.id, fix: 'Review', to: '/' }
        if ('denied' in r) {
          const action = deniedAction(r.denied)
          return (
            <li key={r.id} className="rec rec-denied">
              <span className="rec-state">Not checked</span>
              <span>
                <strong>{text.name}</strong>: you don’t have permission to check this{action ? <> ({<code>{action}</code>})</> : null}.
              </span>
            </li>
          )
        }
        // Root-only fixes are reachable only when the root user is signed in.
        const canFix = !r.ok && (isRoot || !r.id.startsWith('root-'))
        return (
          <li key={r.id} className={r.ok ? 'rec rec-ok' : 'rec rec-attention'}>
            <span className={r.ok ? 'rec-state ok' : 'rec-state bad'}>{r.ok ? '✓ OK' : '! Attention'}</span>
            <span>
              <strong>{r.ok ? text.ok : text.attention}</strong>
              {/* The server's detail names what needs attention; for a passed check it repeats the headline. */}
              {!r.ok && r.detail && <span className="field-hint"> {r.detail}</span>}
              {canFix && (
                <>
                  {' '}
                  <Link to={text.to}>{text.fix}</Link>
                </>
              )}
              {!r.ok && !canFix && <span className="field-hint"> Sign in as the root user to fix this.</span>}
            </span>
          </li>
        )
      })}
    </ul>
  )
}
