// A managed policy: its details, the permissions summary and JSON of the default version, its
// versions, the entities it is attached to, tags, and (customer managed only) edit and delete.

import { useState } from 'react'
import { call } from '../../api'
import { ConfirmDelete } from '../../components/access-confirm-delete'
import { isAwsManaged, type ManagedPolicy, type PolicyVersion } from '../../components/access-iam-types'
import { JsonEditor } from '../../components/access-json-editor'
import { formatDate } from '../../components/access-list-all'
import { prettyPolicy } from '../../components/access-policy-text'
import { TagsPanel } from '../../components/access-tags-panel'
import { Tabs } from '../../components/access-tabs'
import { ErrorPanel } from '../../components/error-panel'
import { useLoad } from '../../components/use-load'
import { Link, navigate } from '../../router'
import { detach, loadEntities, PolicyEntities } from './policy-entities'
import { policyPath } from './policy-list-page'
import { PolicySummary } from './policy-summary'
import { PolicyVersions } from './policy-versions'

type TabKey = 'permissions' | 'entities' | 'versions' | 'tags'

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
  const [tab, setTab] = useState<TabKey>('permissions')
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
            <Link to={`${policyPath(policy.Arn)}/edit`} className="button primary">
              Edit
            </Link>
            <ConfirmDelete
              what="policy"
              name={policy.PolicyName}
              note="Deleting detaches the policy from every user, group and role, and deletes all its versions."
              onDelete={async () => {
                await deletePolicy(policy.Arn)
                navigate('/policies')
              }}
            />
          </div>
        )}
      </div>
      <Tabs
        id="policy-tabs"
        label="Policy"
        selected={tab}
        onSelect={setTab}
        tabs={[
          { key: 'permissions', label: 'Permissions' },
          { key: 'entities', label: 'Entities attached' },
          { key: 'versions', label: 'Policy versions' },
          { key: 'tags', label: 'Tags' }
        ]}
      >
        <div className="panel">
          {tab === 'permissions' && (
            <>
              <PolicySummary document={document} />
              <h2>Policy document ({policy.DefaultVersionId}, default)</h2>
              <JsonEditor id="policy-json" label="Policy document (JSON)" value={document} />
            </>
          )}
          {tab === 'entities' && <PolicyEntities arn={policy.Arn} onChanged={loaded.reload} />}
          {tab === 'versions' && <PolicyVersions arn={policy.Arn} editable={customer} onChanged={loaded.reload} />}
          {tab === 'tags' && <TagsPanel entity="Policy" target={{ PolicyArn: policy.Arn }} editable={customer} />}
        </div>
      </Tabs>
    </section>
  )
}
