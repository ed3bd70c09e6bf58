// A managed policy: its details, the permissions summary and JSON of the default version, its
// versions, the entities it is attached to, tags, and (customer managed only) edit and delete.

import { useState } from 'react'
import { call } from '../../api'
import { ConfirmDeleteDialog } from '../../components/confirm-delete-dialog'
import { ErrorPanel } from '../../components/error-panel'
import { formatDate } from '../../components/format-date'
import { isAwsManaged, type ManagedPolicy, type PolicyVersion } from '../../components/iam-types'
import { JsonEditor } from '../../components/json-editor'
import { prettyPolicy } from '../../components/policy-text'
import { Tabs } from '../../components/tabs'
import { tagActions, TagsPanel } from '../../components/tags-panel'
import { useLoad } from '../../components/use-load'
import { detailPath } from '../../detail-paths'
import { Link, navigate } from '../../router'
import { detach, loadEntities, PolicyEntities } from './policy-entities'
import { PolicySummary } from './policy-summary'
import { PolicyVersions } from './policy-versions'

async function loadPolicy(arn: string): Promise<{ policy: ManagedPolicy; document: string }> {
  const { Policy: policy } = await call<{ Policy: ManagedPolicy }>('GetPolicy', { PolicyArn: arn })
  const { PolicyVersion: version } = await call<{ PolicyVersion: PolicyVersion }>('GetPolicyVersion', { PolicyArn: arn, VersionId: policy.DefaultVersionId })
  return { policy, document: prettyPolicy(version.Document) }
}

/** What the AWS console does before DeletePolicy: detach it everywhere, delete the other versions. */
async function deletePolicy(arn: string): Promise<void> {
  for (const e of await loadEntities(arn)) await detach(arn, e)
  const { Versions } = await call<{ Versions: PolicyVersion[] }>('ListPolicyVersions', { PolicyArn: arn, MaxItems: 1000 })
  for (const v of Versions) if (!v.IsDefaultVersion) await call('DeletePolicyVersion', { PolicyArn: arn, VersionId: v.VersionId })
  await call('DeletePolicy', { PolicyArn: arn })
}

export function PolicyDetailPage({ arn }: { arn: string }) {
  const loaded = useLoad(() => loadPolicy(arn), [arn])
  const [deleting, setDeleting] = useState(false)
  if (loaded.loading && !loaded.data) return <p className="loading">Loading policy…</p>
  if (loaded.error !== undefined || !loaded.data)
    return (
      <section>
        <h1>Policy</h1>
        <ErrorPanel error={loaded.error} />
      </section>
    )
  const { policy, document } = loaded.data
  const customer = !isAwsManaged(policy.Arn)
  return (
    <section>
      <p>
        <Link to="/policies">Policies</Link> › {policy.PolicyName}
      </p>
      <h1>{policy.PolicyName}</h1>
      <div className="panel">
        <h2>Policy details</h2>
        <dl className="access-details">
          <dt>Type</dt>
          <dd>{customer ? 'Customer managed' : 'AWS managed'}</dd>
          <dt>ARN</dt>
          <dd className="mono access-break">{policy.Arn}</dd>
          <dt>Description</dt>
          <dd>{policy.Description || '—'}</dd>
          <dt>Created</dt>
          <dd>{formatDate(policy.CreateDate)}</dd>
          <dt>Edited</dt>
          <dd>{formatDate(policy.UpdateDate)}</dd>
          <dt>Attached to</dt>
          <dd>{policy.AttachmentCount ?? 0} entities</dd>
        </dl>
        {customer && (
          <div className="actions">
            <Link to={`${detailPath('policies', policy.Arn)}/edit`} className="button primary">
              Edit
            </Link>
            <button type="button" className="danger" onClick={() => setDeleting(true)}>
              Delete policy
            </button>
          </div>
        )}
      </div>
      <Tabs
        label="Policy"
        panelClassName="panel"
        tabs={[
          {
            id: 'permissions',
            label: 'Permissions',
            panel: () => (
              <>
                <PolicySummary document={document} />
                <h2>Policy document ({policy.DefaultVersionId}, default)</h2>
                <JsonEditor id="policy-json" label="Policy document (JSON)" value={document} />
              </>
            )
          },
          { id: 'entities', label: 'Entities attached', panel: () => <PolicyEntities arn={policy.Arn} onChanged={loaded.reload} /> },
          { id: 'versions', label: 'Policy versions', panel: () => <PolicyVersions arn={policy.Arn} editable={customer} onChanged={loaded.reload} /> },
          { id: 'tags', label: 'Tags', panel: () => <TagsPanel owner={policy.PolicyName} editable={customer} {...tagActions('Policy', { PolicyArn: policy.Arn })} /> }
        ]}
      />
      {deleting && (
        <ConfirmDeleteDialog
          title={`Delete ${policy.PolicyName}?`}
          name={policy.PolicyName}
          onClose={() => setDeleting(false)}
          onConfirm={async () => {
            await deletePolicy(policy.Arn)
            navigate('/policies')
          }}
        >
          <p>Deleting detaches the policy from every user, group and role, and deletes all its versions.</p>
        </ConfirmDeleteDialog>
      )}
    </section>
  )
}
