// The floor: Portcullis' own HTTP layer (dist/http/server.js: body reading, routing, response
// writing) with an action that does nothing and answers the bare server's fixed body. Whatever
// share of the bare server's rate this reaches is the most any Portcullis action could reach on
// this machine, before authentication, storage or authorization cost anything.
//
// With --signed, the signed floor: the same, after the one step no request may skip, SigV4
// verification (dist/sigv4: parse the Authorization header, canonical request, body hash, HMAC,
// constant-time compare) against a fixed key. No lookup, no policy, no storage: the most any
// signed action could reach.

import { createPortcullisServer } from '../../dist/http/server.js'
import { isSigV4Error, parseAuth, verify } from '../../dist/sigv4/index.js'
import { BARE_BODY } from './bare-body.js'
import { FLOOR_CREDENTIALS } from './floor-credentials.js'

const requestId = '00000000-0000-0000-0000-000000000000'
const signed = process.argv.includes('--signed')

function check(req) {
  const auth = parseAuth(req)
  if (isSigV4Error(auth)) return auth
  return verify(req, auth, FLOOR_CREDENTIALS.secretAccessKey, { now: new Date(), services: ['iam', 'sts'] })
}

const server = createPortcullisServer({
  ctx: /** @type {never} */ ({ config: { authMode: 'enforce' } }),
  query: /** @type {never} */ ({
    handle: async (req) => {
      const problem = signed ? check(req) : undefined
      return problem ? { status: 403, body: problem.code, requestId } : { status: 200, body: BARE_BODY, requestId }
    }
  }),
  onReset: () => {}
})
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`${JSON.stringify({ port: server.address().port })}\n`)
})
// A profiler (node --cpu-prof) writes its profile only on a normal exit.
process.on('SIGINT', () => process.exit(0))
