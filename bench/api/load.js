// A small closed-loop HTTP load generator for loopback benchmarks: N connections, each sending
// its next request when the previous answer arrives, for a bounded number of requests. It
// records every latency, so p50/p99 are exact rather than estimated.

import { Agent, request } from 'node:http'

/**
 * Either `next` (any connection takes the next request) or `sequences` (connection k sends
 * sequences[k] in order, for requests that depend on the previous one).
 * @param {{ url: string, connections: number, total?: number, next?: (i: number) => object, sequences?: object[][], expectStatus?: number }} options
 */
export async function runLoad(options) {
  const target = new URL(options.url)
  const agent = new Agent({ keepAlive: true, maxSockets: options.connections })
  const total = options.sequences ? options.sequences.reduce((n, s) => n + s.length, 0) : options.total
  const latencies = new Float64Array(total)
  let issued = 0
  let failures = 0
  const started = performance.now()
  const one = async (r) => {
    const i = issued++
    const t0 = performance.now()
    const status = await send(agent, target, r)
    latencies[i] = performance.now() - t0
    if (status !== (options.expectStatus ?? 200)) failures++
  }
  const worker = options.sequences
    ? async (_, k) => {
        for (const r of options.sequences[k]) await one(r)
      }
    : async () => {
        while (issued < total) await one(options.next(issued))
      }
  await Promise.all(Array.from({ length: options.connections }, worker))
  const seconds = (performance.now() - started) / 1000
  agent.destroy()
  const sorted = Array.from(latencies).sort((a, b) => a - b)
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]
  return { requests: total, failures, seconds, perSecond: total / seconds, p50: at(0.5), p99: at(0.99), max: sorted[sorted.length - 1] }
}

function send(agent, target, r) {
  return new Promise((resolve, reject) => {
    const req = request({ agent, host: target.hostname, port: target.port, method: r.method, path: r.path, headers: r.headers }, (res) => {
      res.resume()
      res.on('end', () => resolve(res.statusCode))
      res.on('error', reject)
    })
    req.on('error', reject)
    req.end(r.body)
  })
}
