// The ceiling: a bare node:http server answering every request with a fixed GetUser-sized XML
// body. Run as a child process so it gets a core of its own, like Portcullis does.

import { createServer } from 'node:http'
import { BARE_BODY } from './bare-body.js'

const body = BARE_BODY
const server = createServer((req, res) => {
  req.resume()
  req.on('end', () => {
    res.writeHead(200, { 'Content-Type': 'text/xml', 'Content-Length': Buffer.byteLength(body), 'x-amzn-RequestId': '00000000-0000-0000-0000-000000000000' })
    res.end(body)
  })
})
server.keepAliveTimeout = 65_000
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`${JSON.stringify({ port: server.address().port })}\n`)
})
