// Load from wrk (Debian's `wrk`), when it is installed: a C load generator drives a Node server
// much harder than our Node one (about twice the bare server's requests/s on two cores), so the
// ratio to the bare server is not flattered by a slow client, and latencies are the server's, not
// a Node client's pauses. It sends one fixed request, or cycles through a list of them (a signed
// request stays valid for 15 minutes), for a fixed time: wrk's rate and percentiles assume its
// whole duration, so a run cannot end on a request count (the count it reached is reported).

import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const WRK = '/usr/bin/wrk'

export const wrkAvailable = () => existsSync(WRK)

/** Headers as a Lua table constructor (our requests are ASCII, so JSON strings are Lua strings). */
const luaHeaders = (r) =>
  `{ ${Object.entries(r.headers)
    .filter(([name]) => name !== 'host' && name !== 'content-length')
    .map(([name, value]) => `[${JSON.stringify(name)}] = ${JSON.stringify(value)}`)
    .join(', ')} }`

/** The wrk script: the request, or the requests in turn; counts non-200 answers. */
function script(requests) {
  const [first] = requests
  const sending =
    requests.length === 1
      ? [`wrk.method = ${JSON.stringify(first.method)}`, `wrk.body = ${JSON.stringify(first.body)}`, `wrk.headers = ${luaHeaders(first)}`]
      : [
          `local requests = {}`,
          `local next = 0`,
          `function init(args)`,
          ...requests.map((r, i) => `  requests[${i + 1}] = wrk.format(${JSON.stringify(r.method)}, "/", ${luaHeaders(r)}, ${JSON.stringify(r.body)})`),
          `end`,
          `function request()`,
          `  next = next % #requests + 1`,
          `  return requests[next]`,
          `end`
        ]
  return [
    ...sending,
    `local failed = 0`,
    `function response(status, headers, body)`,
    `  if status ~= 200 then failed = failed + 1 end`,
    `end`,
    `function done(summary, latency, requests) io.write(string.format("FAILED %d\\n", failed)) end`
  ].join('\n')
}

const UNITS = { us: 0.001, ms: 1, s: 1000 }
const ms = (text) => {
  const m = /^([\d.]+)(us|ms|s)$/.exec(text)
  return m ? Number(m[1]) * UNITS[m[2]] : NaN
}

/**
 * Runs wrk with one thread and `connections` connections for `seconds`, sending `request` or each
 * of `requests` in turn; returns { requests, perSecond, p50, p99, failures } (ms).
 */
export function runWrk({ url, connections, seconds, request, requests }) {
  const dir = mkdtempSync(join(tmpdir(), 'portcullis-wrk-'))
  try {
    const file = join(dir, 'request.lua')
    writeFileSync(file, script(requests ?? [request]))
    const out = spawnSync(WRK, ['-t1', `-c${connections}`, `-d${seconds}s`, '--latency', '-s', file, url], { encoding: 'utf8' })
    if (out.status !== 0) throw new Error(`wrk failed: ${out.stderr || out.stdout}`)
    const text = out.stdout
    const percentile = (p) => ms(new RegExp(`^\\s+${p}%\\s+(\\S+)`, 'm').exec(text)?.[1] ?? '')
    return {
      requests: Number(/(\d+) requests in/.exec(text)?.[1]),
      perSecond: Number(/Requests\/sec:\s+([\d.]+)/.exec(text)?.[1]),
      p50: percentile(50),
      p99: percentile(99),
      failures: Number(/FAILED (\d+)/.exec(text)?.[1] ?? 0) + Number(/Non-2xx or 3xx responses: (\d+)/.exec(text)?.[1] ?? 0)
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
