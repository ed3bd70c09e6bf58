// A managed policy's versions (up to five): view any, make one the default, delete the others.
// New versions come from "Edit" (CreatePolicyVersion), on the edit page.

import { useState } from 'react'
import { call } from '../../api'
import { DataTable } from '../../components/data-table'
import { ErrorPanel } from '../../components/error-panel'
import { formatDate } from '../../components/format-date'
import type { PolicyVersion } from '../../components/iam-types'
import { JsonEditor } from '../../components/json-editor'
import { prettyPolicy } from '../../components/policy-text'
import { useLoad } from '../../components/use-load'

export function PolicyVersions({ arn, editable, onChanged }: { arn: string; editable: boolean; onChanged: () => void }) {
  const versions = useLoad(() => call<{ Versions: PolicyVersion[] }>('ListPolicyVersions', { PolicyArn: arn, MaxItems: 1000 }).then((o) => o.Versions), [arn])
  const [viewing, setViewing] = useState<string | undefined>(undefined)
  const viewed = useLoad(
    () => (viewing ? call<{ PolicyVersion: PolicyVersion }>('GetPolicyVersion', { PolicyArn: arn, VersionId: viewing }).then((o) => o.PolicyVersion) : Promise.resolve(undefined)),
    [arn, viewing]
  )
  const [error, setError] = useState<unknown>(undefined)
  const [busy, setBusy] = useState(false)
  const run = async (action: string, versionId: string) => {
    setBusy(true)
    setError(undefined)
    try {
      await call(action, { PolicyArn: arn, VersionId: versionId })
      if (action === 'DeletePolicyVersion' && viewing === versionId) setViewing(undefined)
      versions.reload()
      onChanged()
    } catch (e) {
      setError(e)
    } finally {
      setBusy(false)
    }
  }
  if (versions.loading && !versions.data) return <p className="loading">Loading versions…</p>
  if (versions.error !== undefined) return <ErrorPanel error={versions.error} />
  const list = [...(versions.data ?? [])].sort((a, b) => Number(b.VersionId.slice(1)) - Number(a.VersionId.slice(1)))
  return (
    <section aria-labelledby="versions-title">
      <h2 id="versions-title">
        Policy versions ({list.length}
        {editable ? ' of 5' : ''})
      </h2>
      {error !== undefined && <ErrorPanel error={error} />}
      <DataTable columns={['Version', 'Created', 'Actions']}>
        {list.map((v) => (
          <tr key={v.VersionId}>
            <td>
              {v.VersionId}
              {v.IsDefaultVersion ? ' (default)' : ''}
            </td>
            <td>{formatDate(v.CreateDate)}</td>
            <td className="access-row-actions">
              <button type="button" aria-pressed={viewing === v.VersionId} onClick={() => setViewing(viewing === v.VersionId ? undefined : v.VersionId)}>
                View {v.VersionId}
              </button>
              {editable && !v.IsDefaultVersion && (
                <>
                  <button type="button" disabled={busy} onClick={() => void run('SetDefaultPolicyVersion', v.VersionId)}>
                    Set {v.VersionId} as default
                  </button>
                  <button type="button" className="danger" disabled={busy} onClick={() => void run('DeletePolicyVersion', v.VersionId)}>
                    Delete {v.VersionId}
                  </button>
                </>
              )}
            </td>
          </tr>
        ))}
      </DataTable>
      {viewing && viewed.loading && <p className="loading">Loading {viewing}…</p>}
      {viewed.error !== undefined && <ErrorPanel error={viewed.error} />}
      {viewing && viewed.data && <JsonEditor id="version-json" label={`Policy document of ${viewed.data.VersionId}`} value={prettyPolicy(viewed.data.Document)} />}
    </section>
  )
}
