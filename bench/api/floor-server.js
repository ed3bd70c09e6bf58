// The floor: Portcullis' own HTTP layer (dist/http/server.js: body reading, routing, response
// writing) with an action that does nothing and answers the bare server's fixed body. Whatever
// share of the bare server's rate this reaches is the most any Portcullis action could reach on
// this machine, before authentication, storage or authorization cost anything.

import { createPortcullisServer } from '../../dist/http/server.js'
import { BARE_BODY } from './bare-body.js'

const requestId = '00000000-0000-0000-0000-000000000000'
const server = createPortcullisServer({
  ctx: /** @type {never} */ ({ config: { authMode: 'enforce' } }),
  query: /** @type {never} */ ({ handle: async () => ({ status: 200, body: BARE_BODY, requestId }) }),
  onReset: () => {}
})
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`${JSON.stringify({ port: server.address().port })}\n`)
})
