// Step 3 of Create role: name, description, maximum session duration and tags.

import type { Tag } from '../../components/iam-types'
import { TagEditor } from '../../components/tag-editor'

export interface DetailsForm {
  name: string
  description: string
  maxSessionHours: number
  tags: Tag[]
}

export const ROLE_NAME = /^[\w+=,.@-]{1,64}$/

export function RoleDetailsStep({ form, set }: { form: DetailsForm; set: (patch: Partial<DetailsForm>) => void }) {
  const badName = form.name !== '' && !ROLE_NAME.test(form.name)
  return (
    <>
      <label htmlFor="role-name">Role name</label>
      <input id="role-name" type="text" value={form.name} maxLength={64} onChange={(e) => set({ name: e.target.value })} aria-invalid={badName} aria-describedby="role-name-hint" />
      <p id="role-name-hint" className={badName ? 'field-error' : 'field-hint'}>
        Up to 64 characters: letters, digits and +=,.@-_
      </p>
      <label htmlFor="role-description">Description (optional)</label>
      <textarea id="role-description" rows={2} maxLength={1000} value={form.description} onChange={(e) => set({ description: e.target.value })} />
      <label htmlFor="role-max-session">Maximum session duration</label>
      <select id="role-max-session" value={form.maxSessionHours} onChange={(e) => set({ maxSessionHours: Number(e.target.value) })}>
        {Array.from({ length: 12 }, (_, i) => i + 1).map((h) => (
          <option key={h} value={h}>
            {h} hour{h > 1 ? 's' : ''}
          </option>
        ))}
      </select>
      <fieldset className="access-fieldset">
        <legend>Tags (optional)</legend>
        <TagEditor tags={form.tags} onChange={(tags) => set({ tags })} />
      </fieldset>
    </>
  )
}
