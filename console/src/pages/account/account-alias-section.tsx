// The account alias (ListAccountAliases): a friendly name IAM users can sign in with instead of
// the account ID. Create or change (CreateAccountAlias replaces), or delete.

import { useState } from 'react'
import { call } from '../../api'
import { ConfirmDeleteDialog } from '../../components/confirm-delete-dialog'
import { ErrorPanel } from '../../components/error-panel'
import { LoadState } from '../../components/load-state'
import { TextField } from '../../components/text-field'
import { useAction } from '../../components/use-action'
import { useLoad } from '../../components/use-load'
import { useSession } from '../../session-context'
import { signInLink } from '../dashboard/dashboard-data'

/** IAM's alias rule: 3–63 lowercase letters, digits and hyphens, not starting or ending with one. */
const ALIAS = /^[a-z0-9](([a-z0-9]|-(?!-))*[a-z0-9])?$/

export function AccountAliasSection() {
  const { session, refresh } = useSession()
  const alias = useLoad(() => call<{ AccountAliases: string[] }>('ListAccountAliases').then((o) => o.AccountAliases[0] ?? null), [])
  const [editing, setEditing] = useState<string | undefined>(undefined)
  const [deleting, setDeleting] = useState(false)
  const action = useAction()
  const aliasError =
    editing !== undefined && (editing.length < 3 || editing.length > 63 || !ALIAS.test(editing))
      ? '3 to 63 lowercase letters, digits and hyphens; not starting or ending with a hyphen.'
      : undefined
  const changed = () => {
    alias.reload()
    // The header and the sign-in link show the alias.
    void refresh()
  }
  const save = () =>
    action
      .run(() => call('CreateAccountAlias', { AccountAlias: editing }).then(() => undefined))
      .then((ok) => {
        if (!ok) return
        setEditing(undefined)
        changed()
      })
  return (
    <section className="panel" aria-labelledby="alias-title">
      <h2 id="alias-title">Account alias</h2>
      <LoadState loaded={alias} label="the account alias">
        {(current) =>
          editing !== undefined ? (
            <form
              onSubmit={(e) => {
                e.preventDefault()
                if (!aliasError) void save()
              }}
            >
              <TextField
                label="Account alias"
                value={editing}
                onChange={(v) => setEditing(v.toLowerCase())}
                error={editing ? aliasError : undefined}
                maxLength={63}
                autoComplete="off"
                hint="Unique across this server. Replaces the current alias."
              />
              {action.error !== undefined && <ErrorPanel error={action.error} />}
              <div className="actions">
                <button type="button" onClick={() => setEditing(undefined)}>
                  Cancel
                </button>
                <button type="submit" className="primary" disabled={action.busy || aliasError !== undefined}>
                  Save changes
                </button>
              </div>
            </form>
          ) : (
            <>
              <dl className="summary-grid">
                <div>
                  <dt>Alias</dt>
                  <dd data-testid="account-alias">{current ?? <span className="muted">None</span>}</dd>
                </div>
                <div>
                  <dt>Sign-in URL for IAM users</dt>
                  <dd className="mono break">{signInLink(current ?? session.accountId)}</dd>
                </div>
              </dl>
              <div className="actions">
                <button type="button" onClick={() => setEditing(current ?? '')}>
                  {current ? 'Edit alias' : 'Create alias'}
                </button>
                {current && (
                  <button type="button" className="danger" onClick={() => setDeleting(true)}>
                    Delete alias
                  </button>
                )}
              </div>
            </>
          )
        }
      </LoadState>
      {deleting && alias.data && (
        <ConfirmDeleteDialog
          title="Delete the account alias?"
          name={alias.data}
          onClose={() => setDeleting(false)}
          onConfirm={() => call('DeleteAccountAlias', { AccountAlias: alias.data }).then(changed)}
        >
          <p>IAM users then sign in with the account ID ({session.accountId}) instead.</p>
        </ConfirmDeleteDialog>
      )}
    </section>
  )
}
