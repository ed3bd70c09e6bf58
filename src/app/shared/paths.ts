// IAM paths: "/" or "/segment/.../", at most 512 characters (the model's pattern checks the
// characters; these are the rules it cannot express).

import { iamErrors } from '../../core/aws-error.js'

export function pathOrRoot(path: unknown): string {
  return typeof path === 'string' ? path : '/'
}

export function checkPath(path: string): void {
  if (path.length > 1 && (!path.startsWith('/') || !path.endsWith('/') || path.includes('//'))) {
    throw iamErrors.invalidInput(`The specified value for path is invalid. It must begin and end with / and contain only alphanumeric characters and/or / characters.`)
  }
}
