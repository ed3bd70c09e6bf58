// STS DecodeAuthorizationMessage: the reason behind an encoded authorization failure message,
// for callers of the account it was issued in who are allowed sts:DecodeAuthorizationMessage.

import type { DecodeAuthorizationMessageRequest } from '@aws-sdk/client-sts'
import { AwsError } from '../../core/aws-error.js'
import type { Call } from '../call.js'
import { decodeDenial } from '../sts/authorization-messages.js'

async function decodeAuthorizationMessage(call: Call, raw: unknown) {
  const input = raw as DecodeAuthorizationMessageRequest
  await call.authorize({ action: 'sts:DecodeAuthorizationMessage', resource: '*', displayResource: '' })
  const message = decodeDenial(call.ctx.authorizationMessages, call.accountId, input.EncodedMessage as string)
  if (!message) {
    // Also the answer for another account's message: it is not one this account can read.
    throw new AwsError('InvalidAuthorizationMessageException', 'The encoded authorization message is invalid or was not issued for this account.', 400)
  }
  return { DecodedMessage: JSON.stringify(message) }
}

export const stsDecodeMessageActions = { DecodeAuthorizationMessage: decodeAuthorizationMessage }
