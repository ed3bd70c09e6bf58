// A group's permissions: attached managed policies and inline ones; attach, remove.

import { useState } from 'react'
import { call } from '../../api'
import { AttachPoliciesDialog } from '../../components/attach-policies-dialog'
import { ErrorPanel } from '../../components/error-panel'
import { listAll, type AttachedPolicy } from '../../components/iam-shapes'
import { LoadState } from '../../components/load-state'
import { PolicyTable, type PolicyRows } from '../../components/policy-table'
import { useAction } from '../../components/use-action'
import { useLoad } from '../../components/use-load'

export function GroupPermissionsTab({ groupName }: { groupName: string }) {
  const group = { GroupName: groupName }
  const policies = useLoad(async (): Promise<PolicyRows> => {
    const [attached, inline] = await Promise.all([
      listAll<AttachedPolicy>('ListAttachedGroupPolicies', { GroupName: groupName }, 'AttachedPolicies'),
      listAll<string>('ListGroupPolicies', { GroupName: groupName }, 'PolicyNames')
    ])
    return { attached, inline }
  }, [groupName])
  const [attaching, setAttaching] = useState(false)
  const action = useAction()
  const change = (work: () => Promise<unknown>) => action.run(async () => void (await work())).then((ok) => ok && policies.reload())
  return (
    <section aria-labelledby="group-policies-title">
      <div className="section-head">
        <h2 id="group-policies-title">Permissions policies</h2>
        <button type="button" onClick={() => setAttaching(true)}>
          Add permissions
        </button>
      </div>
      <p className="field-hint">Every user in {groupName} gets these permissions.</p>
      {action.error !== undefined && <ErrorPanel error={action.error} />}
      <LoadState loaded={policies} label="policies">
        {(rows) => (
          <PolicyTable
            rows={rows}
            owner={groupName}
            busy={action.busy}
            onDetach={(arn) => void change(() => call('DetachGroupPolicy', { ...group, PolicyArn: arn }))}
            onDeleteInline={(name) => void change(() => call('DeleteGroupPolicy', { ...group, PolicyName: name }))}
            readInline={(name) => call<{ PolicyDocument: string }>('GetGroupPolicy', { ...group, PolicyName: name }).then((o) => o.PolicyDocument)}
          />
        )}
      </LoadState>
      {attaching && (
        <AttachPoliciesDialog
          title={`Add permissions to ${groupName}`}
          attached={(policies.data?.attached ?? []).map((p) => p.PolicyArn)}
          attach={(arn) => call('AttachGroupPolicy', { ...group, PolicyArn: arn })}
          onClose={() => setAttaching(false)}
          onDone={() => {
            setAttaching(false)
            policies.reload()
          }}
        />
      )}
    </section>
  )
}
