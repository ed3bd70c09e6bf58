// IAM paths: "/" or "/segment/.../", at most 512 characters (the model's pattern checks the
// characters; these are the rules it cannot express).

import { iamErrors } from '../../core/aws-error.js'

export function pathOrRoot(path: unknown): string {
  return typeof path === 'string' ? path : '/'
}

/**
 * The model's pathType pattern ("/", or "/" + printable ASCII + "/"), checked here rather than by
 * the protocol layer because IAM answers a bad path with this message, not the generic one. IAM
 * accepts empty segments ("/a//b/").
 */
export function checkPath(path: string): void {
  if (path !== '/' && !/^\/[\u0021-\u007F]+\/$/.test(path)) {
    throw iamErrors.validationError('The specified value for path is invalid. It must begin and end with / and contain only alphanumeric characters and/or / characters.')
  }
}
