// Create user group: a name, users to add, policies to attach; then CreateGroup,
// AddUserToGroup and AttachGroupPolicy, and on to the new group's page.

import { useState } from 'react'
import { call } from '../../api'
import { ErrorPanel } from '../../components/error-panel'
import { MemberChoice } from '../../components/member-choice'
import { PolicyPicker } from '../../components/policy-picker'
import { TextField } from '../../components/text-field'
import { useAction } from '../../components/use-action'
import { detailPath } from '../../detail-paths'
import { Link, navigate } from '../../router'

/** IAM's group-name rule: 1–128 of letters, digits and + = , . @ _ - (groupNameType). */
const GROUP_NAME_PATTERN = /^[\w+=,.@-]{1,128}$/

export function CreateGroupPage() {
  const [name, setName] = useState('')
  const [users, setUsers] = useState<string[]>([])
  const [policies, setPolicies] = useState<string[]>([])
  const [touched, setTouched] = useState(false)
  const [created, setCreated] = useState(false)
  const action = useAction()
  const nameError = !name.trim() ? 'Enter a group name.' : !GROUP_NAME_PATTERN.test(name.trim()) ? 'Up to 128 letters, digits and + = , . @ _ - characters.' : undefined
  const create = () =>
    action.run(async () => {
      const groupName = name.trim()
      // A retry after a later step failed must not create the group twice.
      if (!created) await call('CreateGroup', { GroupName: groupName })
      setCreated(true)
      for (const u of users) await call('AddUserToGroup', { GroupName: groupName, UserName: u })
      for (const arn of policies) await call('AttachGroupPolicy', { GroupName: groupName, PolicyArn: arn })
      navigate(detailPath('groups', groupName))
    })
  return (
    <>
      <p>
        <Link to="/groups">User groups</Link> › Create user group
      </p>
      <h1>Create user group</h1>
      <form
        onSubmit={(e) => {
          e.preventDefault()
          setTouched(true)
          if (!nameError) void create()
        }}
      >
        <section className="panel" aria-labelledby="group-name-title">
          <h2 id="group-name-title">Name the group</h2>
          <TextField
            label="User group name"
            value={name}
            onChange={setName}
            error={touched ? nameError : undefined}
            maxLength={128}
            disabled={created}
            autoComplete="off"
            hint="Up to 128 characters: letters, digits and + = , . @ _ -"
          />
        </section>
        <section className="panel" aria-labelledby="group-users-title">
          <h2 id="group-users-title">Add users to the group (optional)</h2>
          <MemberChoice kind="users" selected={users} onChange={setUsers} />
        </section>
        <section className="panel" aria-labelledby="group-policies-title">
          <h2 id="group-policies-title">Attach permissions policies (optional)</h2>
          <PolicyPicker selected={policies} onChange={setPolicies} />
        </section>
        {action.error !== undefined && <ErrorPanel error={action.error} />}
        <div className="actions">
          <button type="button" onClick={() => navigate('/groups')}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={action.busy}>
            {action.busy ? 'Creating…' : 'Create user group'}
          </button>
        </div>
      </form>
    </>
  )
}
