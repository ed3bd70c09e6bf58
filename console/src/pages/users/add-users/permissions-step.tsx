// Step 2 of Add users: add the users to groups, copy another user's groups and attached
// policies, or attach managed policies directly.

import { useState } from 'react'
import type { IamUser } from '../../../components/iam-types'
import { listAll } from '../../../components/list-all'
import { LoadState } from '../../../components/load-state'
import { MemberChoice } from '../../../components/member-choice'
import { PolicyPicker } from '../../../components/policy-picker'
import { RadioField } from '../../../components/text-field'
import { useLoad } from '../../../components/use-load'
import type { PermissionMode, WizardState } from './wizard-state'

const MODES: readonly { mode: PermissionMode; label: string; hint: string }[] = [
  { mode: 'groups', label: 'Add user to group', hint: 'Manage permissions by job function through groups (recommended).' },
  { mode: 'copy', label: 'Copy permissions from existing user', hint: 'The group memberships and attached managed policies of a user.' },
  { mode: 'policies', label: 'Attach policies directly', hint: 'Attach managed policies to the user itself.' }
]

export function PermissionsStep({ state, set }: { state: WizardState; set: (patch: Partial<WizardState>) => void }) {
  return (
    <>
      <fieldset>
        <legend>Permissions options</legend>
        {MODES.map((m) => (
          <RadioField
            key={m.mode}
            name="permission-mode"
            label={m.label}
            hint={m.hint}
            checked={state.permissionMode === m.mode}
            onChange={() => set({ permissionMode: m.mode })}
          />
        ))}
      </fieldset>
      {state.permissionMode === 'groups' && (
        <section aria-labelledby="groups-title">
          <h3 id="groups-title">User groups</h3>
          <MemberChoice kind="groups" selected={state.groups} onChange={(groups) => set({ groups })} />
        </section>
      )}
      {state.permissionMode === 'copy' && <CopyChoice selected={state.copyFrom} onChange={(copyFrom) => set({ copyFrom })} />}
      {state.permissionMode === 'policies' && (
        <section aria-labelledby="attach-title">
          <h3 id="attach-title">Permissions policies</h3>
          <PolicyPicker selected={state.policyArns} onChange={(policyArns) => set({ policyArns })} />
        </section>
      )}
    </>
  )
}

function CopyChoice({ selected, onChange }: { selected: string | undefined; onChange: (userName: string) => void }) {
  const users = useLoad(() => listAll<IamUser>('ListUsers', {}, 'Users'), [])
  const [search, setSearch] = useState('')
  const q = search.trim().toLowerCase()
  return (
    <section aria-labelledby="copy-title">
      <h3 id="copy-title">Copy permissions from</h3>
      <div className="field">
        <label htmlFor="wizard-user-search">Search users</label>
        <input id="wizard-user-search" type="search" value={search} onChange={(e) => setSearch(e.target.value)} />
      </div>
      <LoadState loaded={users} label="users">
        {(all) => (
          <fieldset className="choice-list">
            <legend className="visually-hidden">User to copy from</legend>
            {all
              .filter((u) => !q || u.UserName.toLowerCase().includes(q))
              .slice(0, 100)
              .map((u) => (
                <RadioField key={u.UserId} name="copy-from" label={u.UserName} checked={selected === u.UserName} onChange={() => onChange(u.UserName)} />
              ))}
          </fieldset>
        )}
      </LoadState>
    </section>
  )
}
