// The permissions policies of a user, group or role: the managed policies attached to it and its
// inline policies (the document shown on demand), a Remove on each, "Add permissions" to attach
// more, and inline policies created and edited in place. IAM names these calls alike for the
// three (ListAttachedUserPolicies, DetachGroupPolicy, PutRolePolicy…), so they are built from
// the kind.

import { useId, useState, type ReactNode } from 'react'
import { call } from '../../api'
import { AttachPoliciesDialog } from '../../components/attach-policies-dialog'
import { DataTable } from '../../components/data-table'
import { ErrorPanel } from '../../components/error-panel'
import { isAwsManaged, type AttachedPolicy } from '../../components/iam-types'
import { listAll } from '../../components/list-all'
import { LoadState } from '../../components/load-state'
import { prettyPolicy } from '../../components/policy-text'
import { useAction } from '../../components/use-action'
import { useLoad } from '../../components/use-load'
import { detailPath } from '../../detail-paths'
import { Link } from '../../router'
import { InlinePolicyDialog, type InlinePolicyDialogProps } from './inline-policy-dialog'

export function PermissionsPolicies({ kind, name, hint }: { kind: 'User' | 'Group' | 'Role'; name: string; hint: ReactNode }) {
  const owner = { [`${kind}Name`]: name }
  const headingId = useId()
  const policies = useLoad(async () => {
    const [attached, inline] = await Promise.all([
      listAll<AttachedPolicy>(`ListAttached${kind}Policies`, owner, 'AttachedPolicies'),
      listAll<string>(`List${kind}Policies`, owner, 'PolicyNames')
    ])
    return { attached, inline }
  }, [kind, name])
  const [attaching, setAttaching] = useState(false)
  /** The inline policy dialog: 'new', or the policy being edited. */
  const [inlineDialog, setInlineDialog] = useState<'new' | InlinePolicyDialogProps['existing']>(undefined)
  const action = useAction()
  const change = (iamAction: string, input: Record<string, string>) =>
    void action.run(() => call(iamAction, { ...owner, ...input }).then(() => undefined)).then((ok) => ok && policies.reload())
  const readInline = (policy: string) => call<{ PolicyDocument: string }>(`Get${kind}Policy`, { ...owner, PolicyName: policy }).then((o) => o.PolicyDocument)
  const editInline = (policy: string) =>
    void action.run(async () => {
      setInlineDialog({ name: policy, document: prettyPolicy(await readInline(policy)) })
    })
  return (
    <section aria-labelledby={headingId}>
      <div className="section-head">
        <h2 id={headingId}>Permissions policies</h2>
        <span className="actions">
          <button type="button" onClick={() => setInlineDialog('new')}>
            Create inline policy
          </button>
          <button type="button" onClick={() => setAttaching(true)}>
            Add permissions
          </button>
        </span>
      </div>
      <p className="field-hint">{hint}</p>
      {action.error !== undefined && <ErrorPanel error={action.error} />}
      <LoadState loaded={policies} label="policies">
        {({ attached, inline }) =>
          attached.length === 0 && inline.length === 0 ? (
            <p className="muted">No policies are attached to {name}.</p>
          ) : (
            <DataTable caption={`Permissions policies of ${name}`} columns={['Policy name', 'Type', 'Actions']}>
              {attached.map((p) => (
                <tr key={p.PolicyArn}>
                  <td>
                    <Link to={detailPath('policies', p.PolicyArn)}>{p.PolicyName}</Link>
                    <div className="field-hint mono break">{p.PolicyArn}</div>
                  </td>
                  <td>{isAwsManaged(p.PolicyArn) ? 'AWS managed' : 'Customer managed'}</td>
                  <td>
                    <button type="button" aria-label={`Remove ${p.PolicyName}`} disabled={action.busy} onClick={() => change(`Detach${kind}Policy`, { PolicyArn: p.PolicyArn })}>
                      Remove
                    </button>
                  </td>
                </tr>
              ))}
              {inline.map((policy) => (
                <tr key={`inline:${policy}`}>
                  <td>
                    {policy}
                    <InlineDocument read={() => readInline(policy)} name={policy} />
                  </td>
                  <td>Customer inline</td>
                  <td>
                    <button type="button" aria-label={`Edit ${policy}`} disabled={action.busy} onClick={() => editInline(policy)}>
                      Edit
                    </button>{' '}
                    <button type="button" aria-label={`Remove ${policy}`} disabled={action.busy} onClick={() => change(`Delete${kind}Policy`, { PolicyName: policy })}>
                      Remove
                    </button>
                  </td>
                </tr>
              ))}
            </DataTable>
          )
        }
      </LoadState>
      {inlineDialog !== undefined && (
        <InlinePolicyDialog
          kind={kind}
          owner={name}
          existing={inlineDialog === 'new' ? undefined : inlineDialog}
          onClose={() => setInlineDialog(undefined)}
          onSaved={() => {
            setInlineDialog(undefined)
            policies.reload()
          }}
        />
      )}
      {attaching && (
        <AttachPoliciesDialog
          title={`Add permissions to ${name}`}
          attached={(policies.data?.attached ?? []).map((p) => p.PolicyArn)}
          attach={(arn) => call(`Attach${kind}Policy`, { ...owner, PolicyArn: arn })}
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

/** An inline policy's JSON, read when first opened. */
function InlineDocument({ read, name }: { read: () => Promise<string>; name: string }) {
  const [text, setText] = useState<string | undefined>(undefined)
  return (
    <details
      onToggle={(e) => {
        if ((e.target as HTMLDetailsElement).open && text === undefined)
          read().then(
            (doc) => setText(prettyPolicy(doc)),
            (err: unknown) => setText(err instanceof Error ? err.message : String(err))
          )
      }}
    >
      <summary>Show {name} JSON</summary>
      <pre className="code">{text ?? 'Loading…'}</pre>
    </details>
  )
}
