// The IAM dashboard: the account (ID, alias, the IAM users' sign-in link), how many of each IAM
// resource it has, and the security recommendations.

import { deniedAction } from '../../components/error-panel'
import { LoadState } from '../../components/load-state'
import { useLoad } from '../../components/use-load'
import { Link } from '../../router'
import { useSession } from '../../session-context'
import { loadDashboard, signInLink, type Dashboard } from './dashboard-data'
import { Recommendations } from './recommendations'

const COUNTS: readonly { key: string; label: string; to?: string }[] = [
  { key: 'Users', label: 'Users', to: '/users' },
  { key: 'Groups', label: 'User groups', to: '/groups' },
  { key: 'Roles', label: 'Roles', to: '/roles' },
  { key: 'Policies', label: 'Customer managed policies', to: '/policies' },
  { key: 'Providers', label: 'Identity providers' }
]

export function DashboardPage() {
  const { session } = useSession()
  const dashboard = useLoad(loadDashboard, [])
  return (
    <>
      <h1>IAM dashboard</h1>
      <LoadState loaded={dashboard} label="the dashboard">
        {(d) => (
          <>
            <AccountPanel d={d} />
            <ResourceCounts summary={d.summary} />
            <section className="panel" aria-labelledby="recommendations-title">
              <h2 id="recommendations-title">Security recommendations</h2>
              <Recommendations items={d.recommendations} isRoot={session.principal.kind === 'root'} />
            </section>
          </>
        )}
      </LoadState>
    </>
  )
}

function AccountPanel({ d }: { d: Dashboard }) {
  return (
    <section className="panel" aria-labelledby="account-title">
      <h2 id="account-title">AWS account</h2>
      <dl className="summary-grid">
        <div>
          <dt>Account ID</dt>
          <dd data-testid="account-id">{d.accountId}</dd>
        </div>
        <div>
          <dt>Account alias</dt>
          <dd>
            {d.accountAlias ?? <span className="muted">None</span>} <Link to="/account-settings">{d.accountAlias ? 'Edit' : 'Create'}</Link>
          </dd>
        </div>
        <div>
          <dt>Sign-in URL for IAM users in this account</dt>
          <dd className="mono break">{signInLink(d.accountAlias ?? d.accountId)}</dd>
        </div>
      </dl>
    </section>
  )
}

function ResourceCounts({ summary }: { summary: Dashboard['summary'] }) {
  return (
    <section className="panel" aria-labelledby="resources-title">
      <h2 id="resources-title">IAM resources</h2>
      {!summary || 'denied' in summary ? (
        <p className="muted">
          You don’t have permission to read the account summary
          {summary && 'denied' in summary && typeof summary.denied === 'string' && deniedAction(summary.denied) ? (
            <>
              {' '}
              (<code>{deniedAction(summary.denied)}</code>)
            </>
          ) : null}
          .
        </p>
      ) : (
        <ul className="counts">
          {COUNTS.map((c) => (
            <li key={c.key}>
              <span className="count">{summary[c.key] ?? 0}</span> {c.to ? <Link to={c.to}>{c.label}</Link> : c.label}
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
