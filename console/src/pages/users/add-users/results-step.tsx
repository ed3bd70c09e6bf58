// The last step of Add users: what was created (step by step, failures with IAM's message), and
// the new credentials, shown this one time with a .csv download made in the browser.

import { ApiError } from '../../../api'
import { downloadFile, toCsv } from '../../../components/csv-download'
import { DataTable } from '../../../components/data-table'
import { SecretValue } from '../../../components/secret-value'
import { detailPath } from '../../../detail-paths'
import { Link } from '../../../router'
import { useSession } from '../../../session-context'
import { signInLink } from '../../dashboard/dashboard-data'
import type { CreatedUser } from './create-users'

const CSV_HEADER = ['User name', 'Password', 'Access key ID', 'Secret access key', 'Console sign-in link']

export function ResultsStep({ results }: { results: readonly CreatedUser[] }) {
  const { session } = useSession()
  const link = signInLink(session.accountAlias ?? session.accountId)
  const withCredentials = results.filter((r) => r.password || r.accessKey)
  const download = () => {
    const rows = withCredentials.map((r) => [r.userName, r.password ?? '', r.accessKey?.AccessKeyId ?? '', r.accessKey?.SecretAccessKey ?? '', r.password ? link : ''])
    downloadFile('credentials.csv', toCsv([CSV_HEADER, ...rows]))
  }
  const failures = results.flatMap((r) => r.steps.filter((s) => s.error !== undefined))
  return (
    <>
      <div className={failures.length ? 'panel panel-error' : 'panel panel-success'} role="status">
        {failures.length ? `${failures.length} step${failures.length === 1 ? '' : 's'} failed; see below.` : `Created ${results.length} user${results.length === 1 ? '' : 's'}.`}
      </div>
      {withCredentials.length > 0 && (
        <section className="panel" aria-labelledby="credentials-title">
          <h3 id="credentials-title">Credentials</h3>
          <p className="warning">
            This is the only time these passwords and secret access keys can be viewed or downloaded. You cannot recover them later; you can create new ones.
          </p>
          <p>
            Users with a console password sign in at <code className="break">{link}</code>
          </p>
          <DataTable caption="New credentials" columns={['User', 'Password', 'Access key ID', 'Secret access key']}>
            {withCredentials.map((r) => (
              <tr key={r.userName}>
                <td>{r.userName}</td>
                <td>{r.password ? <SecretValue value={r.password} label={`password of ${r.userName}`} /> : '—'}</td>
                <td className="mono">{r.accessKey?.AccessKeyId ?? '—'}</td>
                <td>{r.accessKey ? <SecretValue value={r.accessKey.SecretAccessKey} label={`secret access key of ${r.userName}`} /> : '—'}</td>
              </tr>
            ))}
          </DataTable>
          <div className="actions">
            <button type="button" className="primary" onClick={download}>
              Download .csv
            </button>
          </div>
        </section>
      )}
      {results.map((r) => (
        <section className="panel" key={r.userName} aria-label={`Results for ${r.userName}`}>
          <h3>{r.created ? <Link to={detailPath('users', r.userName)}>{r.userName}</Link> : r.userName}</h3>
          <ul className="outcomes">
            {r.steps.map((s, i) => (
              <li key={i} className={s.error === undefined ? 'ok' : 'bad'}>
                <span aria-hidden="true">{s.error === undefined ? '✓' : '✗'}</span> {s.label}
                {s.error !== undefined && <span>: {s.error instanceof ApiError ? `${s.error.code}: ${s.error.message}` : String(s.error)}</span>}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  )
}
