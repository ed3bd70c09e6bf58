// STS GetAccessKeyInfo: the account an access key ID belongs to. Keys this server stores are
// looked up; any other ID is read as AWS reads it, from the account encoded in it (temporary keys
// are stored nowhere: their IDs carry the account).

import type { GetAccessKeyInfoRequest } from '@aws-sdk/client-sts'
import { accountOfAccessKeyId } from '../../core/ids.js'
import type { Call } from '../call.js'
import { stsValidationError } from '../sts/session-rules.js'

async function getAccessKeyInfo(call: Call, raw: unknown) {
  const input = raw as GetAccessKeyInfoRequest
  const keyId = input.AccessKeyId as string
  await call.authorize({ action: 'sts:GetAccessKeyInfo', resource: '*', displayResource: '' })
  const stored = keyId.startsWith('AKIA') ? await call.read.accessKeys.byId(keyId) : undefined
  const account = stored?.accountId ?? accountOfAccessKeyId(keyId)
  if (account === undefined) throw stsValidationError(`Invalid access key ID: ${keyId}`)
  return { Account: account }
}

export const stsAccessKeyInfoActions = { GetAccessKeyInfo: getAccessKeyInfo }
