// Signed AWS Query requests for the benchmarks, made with our own SigV4 signer (a signed request
// stays valid for 15 minutes, so each distinct request is signed once and replayed).

import { request } from 'node:http'
import { sign } from '../../dist/sigv4/index.js'

export function signedQuery(url, credentials, params, service = 'iam') {
  const target = new URL('/', url)
  const version = service === 'sts' ? '2011-06-15' : '2010-05-08'
  const body = new URLSearchParams({ ...params, Version: version }).toString()
  const headers = { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8', host: target.host }
  const added = sign({ method: 'POST', url: target, headers, body: new TextEncoder().encode(body) }, credentials, { region: 'us-east-1', service }, new Date())
  return { method: 'POST', path: '/', headers: { ...headers, ...added, 'content-length': String(Buffer.byteLength(body)) }, body }
}

/** Sends one request and returns { status, body }. */
export function send(url, r) {
  const target = new URL(url)
  return new Promise((resolve, reject) => {
    const req = request({ host: target.hostname, port: target.port, method: r.method, path: r.path, headers: r.headers }, (res) => {
      const chunks = []
      res.on('data', (c) => chunks.push(c))
      res.on('end', () => resolve({ status: res.statusCode, body: Buffer.concat(chunks).toString('utf8') }))
    })
    req.on('error', reject)
    req.end(r.body)
  })
}

/** Calls an action and fails loudly when it does not succeed. */
export async function call(url, credentials, params, service = 'iam') {
  const res = await send(url, signedQuery(url, credentials, params, service))
  if (res.status !== 200) throw new Error(`${params.Action} failed: ${res.status} ${res.body}`)
  return res.body
}

export const tag = (xml, name) => new RegExp(`<${name}>([^<]*)</${name}>`).exec(xml)?.[1]
