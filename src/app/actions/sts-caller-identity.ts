// STS GetCallerIdentity: who the caller is. No permission is needed to call it (AWS documents
// that even an explicit deny does not stop it).

import type { ActionTable, Call } from '../call.js'

async function getCallerIdentity(call: Call) {
  const c = call.caller
  return { UserId: c.principalId, Account: c.accountId, Arn: c.arn }
}

export const stsActions: ActionTable = {
  GetCallerIdentity: getCallerIdentity
}
