// npm run bench:scale [-- --users N] [--json]
//
// Portcullis with a large store (1,000,000 users by default): start-up time, server memory,
// GetUser p99 and the time of a 100-item ListUsers page, each next to the same figure measured
// with an empty store in the same run (the baseline). The data set is written straight into the
// SQLite file (building it through the API would take most of an hour). GetUser latencies come
// from wrk when it is installed (2,000 different users in turn, one connection, 3 s): a Node
// client's own pauses would otherwise be most of the tail.

import { createRequire } from 'node:module'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { signedQuery, send, tag } from './client.js'
import { runLoad } from './load.js'
import { runWrk, wrkAvailable } from './wrk.js'
import { rssMb, startPortcullis, stop } from './processes.js'

const require = createRequire(import.meta.url)
const Database = require('better-sqlite3')
const args = process.argv.slice(2)
const json = args.includes('--json')
const option = (name, fallback) => {
  const i = args.indexOf(name)
  return i >= 0 && args[i + 1] !== undefined ? Number(args[i + 1]) : fallback
}
const USERS = option('--users', 1_000_000)
const log = (line) => {
  if (!json) console.log(line)
}
const round = (n, d = 0) => Math.round(n * 10 ** d) / 10 ** d
const name = (i) => `user-${String(i).padStart(7, '0')}`

/** Fills the users table of an initialised data directory. */
function fill(dataDir, accountId, count) {
  const db = new Database(join(dataDir, 'portcullis.db'))
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = OFF')
  const insert = db.prepare(
    'INSERT INTO users (id, account_id, name, name_lower, path, arn, created_at, permissions_boundary, password_last_used) VALUES (?, ?, ?, ?, ?, ?, ?, NULL, NULL)'
  )
  const batch = db.transaction((from, to) => {
    for (let i = from; i < to; i++) {
      const n = name(i)
      insert.run(`AIDA${String(i).padStart(17, 'A')}`, accountId, n, n, '/', `arn:aws:iam::${accountId}:user/${n}`, '2026-01-01T00:00:00.000Z')
    }
  })
  for (let from = 0; from < count; from += 50_000) batch(from, Math.min(count, from + 50_000))
  db.close()
}

async function measure(label, count) {
  const dataDir = mkdtempSync(join(tmpdir(), `portcullis-scale-${label}-`))
  try {
    const init = await startPortcullis(dataDir, ['--account-id', '123456789012'])
    await stop(init)
    const t0 = performance.now()
    fill(dataDir, '123456789012', count)
    const fillSeconds = (performance.now() - t0) / 1000
    const server = await startPortcullis(dataDir)
    try {
      const memoryAtStart = rssMb(server.child.pid)
      const picks = Array.from({ length: 2000 }, (_, i) => (i * 7919) % count)
      const requests = picks.map((i) => signedQuery(server.url, server.root, { Action: 'GetUser', UserName: name(i) }))
      await runLoad({ url: server.url, connections: 1, total: 200, next: (i) => requests[i] })
      const getUser = wrkAvailable()
        ? runWrk({ url: server.url, connections: 1, seconds: 3, requests })
        : await runLoad({ url: server.url, connections: 1, total: requests.length, next: (i) => requests[i] })
      if (getUser.failures) throw new Error(`GetUser: ${getUser.failures} failures`)
      // ListUsers: 30 pages of 100 from the start, and 30 from the middle of the list (a marker
      // built the way the server builds them: keyset pagination costs the same at any depth).
      const pageTimes = []
      const middle = Math.floor(count / 2)
      for (let marker of [undefined, Buffer.from(JSON.stringify([name(middle), `AIDA${String(middle).padStart(17, 'A')}`])).toString('base64url')]) {
        for (let page = 0; page < 30; page++) {
          const params = marker ? { Action: 'ListUsers', MaxItems: '100', Marker: marker } : { Action: 'ListUsers', MaxItems: '100' }
          const r = signedQuery(server.url, server.root, params)
          const t = performance.now()
          const res = await send(server.url, r)
          pageTimes.push(performance.now() - t)
          if (res.status !== 200) throw new Error(`ListUsers: ${res.status} ${res.body}`)
          marker = tag(res.body, 'Marker')
          if (!marker) break
        }
      }
      pageTimes.sort((a, b) => a - b)
      const memoryAfter = rssMb(server.child.pid)
      return {
        users: count,
        fillSeconds: round(fillSeconds, 1),
        startupMs: round(server.startupMs),
        memoryMb: Math.max(memoryAtStart, memoryAfter),
        getUserP50Ms: round(getUser.p50, 3),
        getUserP99Ms: round(getUser.p99, 3),
        listUsersPageP50Ms: round(pageTimes[Math.floor(pageTimes.length / 2)], 2),
        listUsersPageMaxMs: round(pageTimes[pageTimes.length - 1], 2)
      }
    } finally {
      await stop(server)
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true })
  }
}

const baseline = await measure('empty', 1000)
log(
  `baseline (1,000 users): start-up ${baseline.startupMs} ms, memory ${baseline.memoryMb} MB, GetUser p99 ${baseline.getUserP99Ms} ms, ListUsers page p50 ${baseline.listUsersPageP50Ms} ms (max ${baseline.listUsersPageMaxMs})`
)
const large = await measure('large', USERS)
log(
  `${USERS.toLocaleString('en-US')} users (filled in ${large.fillSeconds} s): start-up ${large.startupMs} ms, memory ${large.memoryMb} MB, GetUser p99 ${large.getUserP99Ms} ms, ListUsers page p50 ${large.listUsersPageP50Ms} ms (max ${large.listUsersPageMaxMs})`
)
const ratios = {
  startup: round(large.startupMs / baseline.startupMs, 2),
  memory: round(large.memoryMb / baseline.memoryMb, 2),
  getUserP99: round(large.getUserP99Ms / baseline.getUserP99Ms, 2),
  listUsersPage: round(large.listUsersPageMaxMs / baseline.listUsersPageMaxMs, 2)
}
const targets = {
  getUserP99AtMost2Ms: large.getUserP99Ms <= 2,
  listUsersPageAtMost10Ms: large.listUsersPageMaxMs <= 10,
  memoryAtMost500Mb: large.memoryMb <= 500,
  startupAtMost2s: large.startupMs <= 2000
}
log(`ratios (large / baseline): ${JSON.stringify(ratios)}`)
log(`targets: ${JSON.stringify(targets)}`)
if (json) console.log(JSON.stringify({ baseline, large, ratios, targets }))
