// The simulator's principal: a user, group or role of the account, chosen from its list; its
// ARN is SimulatePrincipalPolicy's PolicySourceArn.

import { ErrorPanel } from '../../components/error-panel'
import { listAll } from '../../components/list-all'
import { useLoad } from '../../components/use-load'

export type PrincipalKind = 'user' | 'group' | 'role'

const LISTS: Record<PrincipalKind, { action: string; key: string; name: string; label: string }> = {
  user: { action: 'ListUsers', key: 'Users', name: 'UserName', label: 'Users' },
  group: { action: 'ListGroups', key: 'Groups', name: 'GroupName', label: 'Groups' },
  role: { action: 'ListRoles', key: 'Roles', name: 'RoleName', label: 'Roles' }
}

interface Props {
  readonly kind: PrincipalKind
  readonly arn: string
  readonly onChange: (kind: PrincipalKind, arn: string) => void
}

export function PrincipalPicker({ kind, arn, onChange }: Props) {
  const spec = LISTS[kind]
  const list = useLoad(() => listAll<Record<string, string>>(spec.action, {}, spec.key), [kind])
  return (
    <div className="access-filters">
      <div>
        <label htmlFor="sim-principal-kind">Principal type</label>
        <select id="sim-principal-kind" value={kind} onChange={(e) => onChange(e.target.value as PrincipalKind, '')}>
          {(Object.keys(LISTS) as PrincipalKind[]).map((k) => (
            <option key={k} value={k}>
              {LISTS[k].label}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="sim-principal">{spec.label.slice(0, -1)}</label>
        {list.error !== undefined ? (
          <ErrorPanel error={list.error} />
        ) : (
          <select id="sim-principal" value={arn} onChange={(e) => onChange(kind, e.target.value)} disabled={list.loading}>
            <option value="">{list.loading ? 'Loading…' : `Choose a ${kind}`}</option>
            {(list.data ?? []).map((p) => (
              <option key={p.Arn} value={p.Arn}>
                {p[spec.name]}
              </option>
            ))}
          </select>
        )}
      </div>
    </div>
  )
}
