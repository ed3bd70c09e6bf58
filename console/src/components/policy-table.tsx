// The permissions policies of a user or group: attached managed policies and inline ones, with
// the inline document viewable and a Remove per row. The caller supplies the IAM calls.

import { useState } from 'react'
import { decodePolicyDocument, isAwsManaged, type AttachedPolicy } from './iam-shapes'

export interface PolicyRows {
  readonly attached: readonly AttachedPolicy[]
  readonly inline: readonly string[]
}

export function PolicyTable({
  rows,
  owner,
  onDetach,
  onDeleteInline,
  readInline,
  busy
}: {
  rows: PolicyRows
  owner: string
  onDetach: (arn: string) => void
  onDeleteInline: (name: string) => void
  readInline: (name: string) => Promise<string>
  busy: boolean
}) {
  if (rows.attached.length === 0 && rows.inline.length === 0) return <p className="muted">No policies are attached to {owner}.</p>
  return (
    <div className="table-wrap">
      <table>
        <caption className="visually-hidden">Permissions policies of {owner}</caption>
        <thead>
          <tr>
            <th scope="col">Policy name</th>
            <th scope="col">Type</th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {rows.attached.map((p) => (
            <tr key={p.PolicyArn}>
              <td>
                {p.PolicyName}
                <div className="field-hint mono break">{p.PolicyArn}</div>
              </td>
              <td>{isAwsManaged(p.PolicyArn) ? 'AWS managed' : 'Customer managed'}</td>
              <td>
                <button type="button" aria-label={`Remove ${p.PolicyName}`} disabled={busy} onClick={() => onDetach(p.PolicyArn)}>
                  Remove
                </button>
              </td>
            </tr>
          ))}
          {rows.inline.map((name) => (
            <tr key={`inline:${name}`}>
              <td>
                {name}
                <InlineDocument read={() => readInline(name)} name={name} />
              </td>
              <td>Customer inline</td>
              <td>
                <button type="button" aria-label={`Remove ${name}`} disabled={busy} onClick={() => onDeleteInline(name)}>
                  Remove
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

/** The inline policy's JSON, read when first opened. */
function InlineDocument({ read, name }: { read: () => Promise<string>; name: string }) {
  const [text, setText] = useState<string | undefined>(undefined)
  return (
    <details
      onToggle={(e) => {
        if ((e.target as HTMLDetailsElement).open && text === undefined)
          read().then(
            (doc) => setText(decodePolicyDocument(doc)),
            (err: unknown) => setText(err instanceof Error ? err.message : String(err))
          )
      }}
    >
      <summary>Show {name} JSON</summary>
      <pre className="code">{text ?? 'Loading…'}</pre>
    </details>
  )
}
