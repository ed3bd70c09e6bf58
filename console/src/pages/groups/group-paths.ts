// Paths of the group pages; a group literally named "create" is linked as '/groups/%63reate'
// (see ../users/user-paths.ts for why that works).

export const GROUPS_CREATE = '/groups/create'

export function groupPath(groupName: string): string {
  return `/groups/${groupName === 'create' ? '%63reate' : encodeURIComponent(groupName)}`
}

/** IAM's group-name rule: 1–128 of letters, digits and + = , . @ _ - (groupNameType). */
export const GROUP_NAME_PATTERN = /^[\w+=,.@-]{1,128}$/
