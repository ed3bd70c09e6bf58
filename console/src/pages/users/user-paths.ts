// Paths of the user pages. '/users/create' is the Add users wizard, so a user literally named
// "create" is linked as '/users/%63reate': the router compares raw segments against the fixed
// route (no match) and decodes them for '/users/:name'.

export const USERS_CREATE = '/users/create'

export function userPath(userName: string): string {
  const segment = userName === 'create' ? '%63reate' : encodeURIComponent(userName)
  return `/users/${segment}`
}

/** IAM's user-name rule: 1–64 of letters, digits and + = , . @ _ - (userNameType). */
export const USER_NAME_PATTERN = /^[\w+=,.@-]{1,64}$/
