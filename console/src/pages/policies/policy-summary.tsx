// A policy's permissions summary, as the AWS console shows it: one row per service with the
// effect, the access levels granted (full or limited), the resources and whether conditions
// apply; each row opens to the actions it grants. From POST /console/api/policy/summary.

import { post } from '../../api'
import { ErrorPanel } from '../../components/error-panel'
import { useLoad } from '../../components/use-load'
import { ACCESS_LEVELS, type AccessLevel } from './catalog'

export interface ServiceSummary {
  readonly prefix: string
  readonly name: string
  readonly accessLevels: readonly { level: AccessLevel; granted: 'Full' | 'Limited'; actions: readonly string[] }[]
  readonly resources: readonly string[]
  readonly conditions: boolean
  readonly effect: 'Allow' | 'Deny'
}

/** "Full access", or "Full: List, Read · Limited: Write" as AWS words it. */
export function accessText(levels: ServiceSummary['accessLevels']): string {
  if (levels.length === ACCESS_LEVELS.length && levels.every((l) => l.granted === 'Full')) return 'Full access'
  const parts: string[] = []
  for (const granted of ['Full', 'Limited'] as const) {
    const names = levels.filter((l) => l.granted === granted).map((l) => l.level)
    if (names.length) parts.push(`${granted}: ${names.join(', ')}`)
  }
  return parts.join(' · ') || 'None'
}

const resourcesText = (r: readonly string[]) => (r.length === 0 ? 'None' : r.length === 1 && r[0] === '*' ? 'All resources' : r.join(', '))

export function PolicySummary({ document, headingLevel = 2 }: { document: string; headingLevel?: 2 | 3 }) {
  const summary = useLoad(() => post<{ services: ServiceSummary[] }>('/policy/summary', { document }), [document])
  const Heading = headingLevel === 2 ? 'h2' : 'h3'
  return (
    <section aria-labelledby="policy-summary-title" className="access-summary">
      <Heading id="policy-summary-title">Permissions defined in this policy</Heading>
      {summary.loading && <p className="loading">Summarizing…</p>}
      {summary.error !== undefined && <ErrorPanel error={summary.error} />}
      {summary.data && summary.data.services.length === 0 && <p className="muted">This policy grants or denies no permissions.</p>}
      {summary.data && summary.data.services.length > 0 && (
        <div className="table-wrap">
          <table>
            <caption className="access-caption">
              {summary.data.services.filter((s) => s.effect === 'Allow').length} service(s) allowed, {summary.data.services.filter((s) => s.effect === 'Deny').length} denied
            </caption>
            <thead>
              <tr>
                <th scope="col">Service</th>
                <th scope="col">Effect</th>
                <th scope="col">Access level</th>
                <th scope="col">Resource</th>
                <th scope="col">Request condition</th>
              </tr>
            </thead>
            <tbody>
              {summary.data.services.map((s) => (
                <tr key={`${s.effect}-${s.prefix}`}>
                  <th scope="row">
                    {s.name}
                    <details className="access-summary-details">
                      <summary>Actions</summary>
                      <ul className="access-summary-actions">
                        {s.accessLevels.map((l) => (
                          <li key={l.level}>
                            <strong>
                              {l.level} ({l.granted})
                            </strong>
                            : {l.actions.join(', ')}
                          </li>
                        ))}
                      </ul>
                    </details>
                  </th>
                  <td className={s.effect === 'Deny' ? 'bad' : 'ok'}>{s.effect}</td>
                  <td>{accessText(s.accessLevels)}</td>
                  <td className="access-break">{resourcesText(s.resources)}</td>
                  <td>{s.conditions ? 'Yes' : 'None'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}
