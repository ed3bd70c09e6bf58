// The entities a managed policy is attached to (ListEntitiesForPolicy), each with a detach.

import { useState } from 'react'
import { call } from '../../api'
import { DataTable } from '../../components/data-table'
import { ErrorPanel } from '../../components/error-panel'
import { useLoad } from '../../components/use-load'
import { detailPath } from '../../detail-paths'
import { Link } from '../../router'

interface Entities {
  readonly PolicyUsers?: readonly { UserName: string }[]
  readonly PolicyGroups?: readonly { GroupName: string }[]
  readonly PolicyRoles?: readonly { RoleName: string }[]
}

type Entity = { kind: 'User' | 'Group' | 'Role'; name: string; path: string }

export function listEntities(out: Entities): Entity[] {
  return [
    ...(out.PolicyUsers ?? []).map((u): Entity => ({ kind: 'User', name: u.UserName, path: detailPath('users', u.UserName) })),
    ...(out.PolicyGroups ?? []).map((g): Entity => ({ kind: 'Group', name: g.GroupName, path: detailPath('groups', g.GroupName) })),
    ...(out.PolicyRoles ?? []).map((r): Entity => ({ kind: 'Role', name: r.RoleName, path: detailPath('roles', r.RoleName) }))
  ]
}

export const loadEntities = (arn: string) => call<Entities>('ListEntitiesForPolicy', { PolicyArn: arn, MaxItems: 1000 }).then(listEntities)

/** Detaches the policy from one entity: DetachUserPolicy, DetachGroupPolicy or DetachRolePolicy. */
export const detach = (arn: string, e: Entity) => call(`Detach${e.kind}Policy`, { PolicyArn: arn, [`${e.kind}Name`]: e.name })

export function PolicyEntities({ arn, onChanged }: { arn: string; onChanged: () => void }) {
  const entities = useLoad(() => loadEntities(arn), [arn])
  const [error, setError] = useState<unknown>(undefined)
  if (entities.loading && !entities.data) return <p className="loading">Loading entities…</p>
  if (entities.error !== undefined) return <ErrorPanel error={entities.error} />
  const list = entities.data ?? []
  const run = async (e: Entity) => {
    setError(undefined)
    try {
      await detach(arn, e)
      entities.reload()
      onChanged()
    } catch (err) {
      setError(err)
    }
  }
  return (
    <section aria-labelledby="entities-title">
      <h2 id="entities-title">Entities attached ({list.length})</h2>
      {error !== undefined && <ErrorPanel error={error} />}
      {list.length === 0 ? (
        <p className="muted">This policy is not attached to any user, group or role.</p>
      ) : (
        <DataTable columns={['Entity name', 'Entity type', 'Actions']}>
          {list.map((e) => (
            <tr key={`${e.kind}/${e.name}`}>
              <td>
                <Link to={e.path}>{e.name}</Link>
              </td>
              <td>{e.kind}</td>
              <td>
                <button type="button" onClick={() => void run(e)}>
                  Detach from {e.name}
                </button>
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </section>
  )
}
