// AWS Signature Version 4: parsing, verification and signing. Pure apart from node:crypto.
// README.md in this folder lists the errors and where their wording comes from.

export type { CredentialScope, Credentials, ParsedAuth, PresignOptions, RequestToSign, SignedRequest, SigningScope, SigV4Error, VerifyOptions } from './types.js'
export { parseAuth } from './parse-auth.js'
export { verify } from './verify.js'
export { sign, presign } from './sign.js'
export { expiredToken, invalidClientTokenId, isSigV4Error } from './errors.js'
