// Links to the page of one user, group, role or managed policy: its name (a policy's ARN) as one
// URL-encoded path segment. A name that is literally "create" would open the fixed route that
// comes first ('/roles/create' is the Create role wizard), so its first letter is
// percent-encoded ('/roles/%63reate'): the router compares raw segments with fixed routes (no
// match) and decodes them for ':name'. Browsers keep %63 as it is in the path.

export type DetailKind = 'users' | 'groups' | 'roles' | 'policies'

export function detailPath(kind: DetailKind, name: string): string {
  return `/${kind}/${name === 'create' ? '%63reate' : encodeURIComponent(name)}`
}
