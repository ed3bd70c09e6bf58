// npm run bench:api [-- --json] [--requests N]
//
// Loopback throughput and latency of a SigV4-signed `iam GetUser` by a non-root user with five
// attached policies, and of CreateUser+DeleteUser pairs, at 1, 16 and 64 connections, next to a
// bare node:http server answering a fixed XML body (the ceiling) measured in the same run.
// Request counts are bounded; servers run in child processes. GetUser and the bare server are
// driven by wrk when it is installed (`--load node` forces our Node load generator); the
// CreateUser+DeleteUser pairs always use ours, since each delete must follow its own create.
//
// More figures explain the ratios. The floor is Portcullis' own HTTP layer answering the bare
// body from an empty action (floor-server.js): the most any action could reach here. The signed
// floor adds SigV4 verification, which every signed request needs: the most any signed action
// (GetUser, GetCallerIdentity) could reach. CPU per
// request (the server process's CPU time over the requests it served) compares the work each
// server does per request; on a shared two-core machine, where the load generator and other
// processes take turns with the server, it moves far less than requests per second.

import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { call, signedQuery, tag } from './client.js'
import { runLoad } from './load.js'
import { runWrk, wrkAvailable } from './wrk.js'
import { cpuMs, startBare, startFloor, startPortcullis, stop } from './processes.js'
import { FLOOR_CREDENTIALS } from './floor-credentials.js'

const args = process.argv.slice(2)
const json = args.includes('--json')
const option = (name, fallback) => {
  const i = args.indexOf(name)
  return i >= 0 && args[i + 1] !== undefined ? Number(args[i + 1]) : fallback
}
const baseRequests = option('--requests', 4000)
const loadIndex = args.indexOf('--load')
const generator = loadIndex >= 0 ? args[loadIndex + 1] : wrkAvailable() ? 'wrk' : 'node'
const log = (line) => {
  if (!json) console.log(line)
}
const round = (n, d = 0) => Math.round(n * 10 ** d) / 10 ** d

const POLICY = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    { Effect: 'Allow', Action: ['iam:Get*', 'iam:List*'], Resource: 'arn:aws:iam::*:user/${aws:username}' },
    { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::bench-bucket/*' },
    { Effect: 'Deny', Action: 'iam:DeleteUser', Resource: 'arn:aws:iam::*:user/admin*' }
  ]
})

async function setUp(portcullis) {
  const { url, root } = portcullis
  await call(url, root, { Action: 'CreateUser', UserName: 'bench-user' })
  for (let i = 1; i <= 5; i++) {
    const xml = await call(url, root, { Action: 'CreatePolicy', PolicyName: `bench-policy-${i}`, PolicyDocument: POLICY })
    await call(url, root, { Action: 'AttachUserPolicy', UserName: 'bench-user', PolicyArn: tag(xml, 'Arn') })
  }
  const key = await call(url, root, { Action: 'CreateAccessKey', UserName: 'bench-user' })
  return { accessKeyId: tag(key, 'AccessKeyId'), secretAccessKey: tag(key, 'SecretAccessKey') }
}

/** A role the bench user may assume, and a session of it. */
async function assumeBenchRole(portcullis, user) {
  const { url, root } = portcullis
  const trust = JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${root.accountId}:user/bench-user` }, Action: 'sts:AssumeRole' }]
  })
  const created = await call(url, root, { Action: 'CreateRole', RoleName: 'bench-role', AssumeRolePolicyDocument: trust })
  const roleArn = tag(created, 'Arn')
  const xml = await call(url, user, { Action: 'AssumeRole', RoleArn: roleArn, RoleSessionName: 'bench' }, 'sts')
  return { roleArn, accessKeyId: tag(xml, 'AccessKeyId'), secretAccessKey: tag(xml, 'SecretAccessKey'), sessionToken: tag(xml, 'SessionToken') }
}

async function scenario(name, server, connections, total, request) {
  const url = server.url
  const cpuBefore = cpuMs(server.child.pid)
  // wrk runs for the time our generator would need for `total` requests at ~5,000/s.
  const result =
    generator === 'wrk' ? runWrk({ url, connections, seconds: Math.max(1, Math.round(total / 5000)), request }) : await runLoad({ url, connections, total, next: () => request })
  if (result.failures) throw new Error(`${name}: ${result.failures} of ${total} requests failed`)
  const cpuAfter = cpuMs(server.child.pid)
  const served = result.requests ?? total
  const cpuUsPerRequest = cpuBefore === undefined || cpuAfter === undefined ? undefined : round(((cpuAfter - cpuBefore) * 1000) / served)
  return { perSecond: round(result.perSecond), p50Ms: round(result.p50, 2), p99Ms: round(result.p99, 2), cpuUsPerRequest }
}

/** The server CPU one bare request costs over the CPU one of ours costs: the ratio without the machine's other load. */
const cpuRatio = (ours, ceiling) => (ours.cpuUsPerRequest && ceiling.cpuUsPerRequest ? round(ceiling.cpuUsPerRequest / ours.cpuUsPerRequest, 2) : undefined)
const cpuText = (ours, ceiling) => (ours.cpuUsPerRequest ? `   CPU/request ${ours.cpuUsPerRequest} µs vs ${ceiling.cpuUsPerRequest} µs (ratio ${cpuRatio(ours, ceiling)})` : '')

const dataDir = mkdtempSync(join(tmpdir(), 'portcullis-bench-api-'))
const portcullis = await startPortcullis(dataDir)
const bare = await startBare()
const floor = await startFloor()
const signedFloor = await startFloor({ signed: true })
const results = { getUser: {}, floor: {}, signedFloor: {}, createDeleteUser: {} }
try {
  const user = await setUp(portcullis)
  const getUser = signedQuery(portcullis.url, user, { Action: 'GetUser', UserName: 'bench-user' })
  const bareRequest = { ...getUser, headers: { ...getUser.headers } }
  const signedFloorRequest = signedQuery(signedFloor.url, FLOOR_CREDENTIALS, { Action: 'GetUser', UserName: 'bench-user' })
  // wrk runs by time: ~3 s per point by default, long enough for the servers' steady state.
  const scale = generator === 'wrk' ? 4 : 1
  log(
    `API benchmark (loopback; GetUser load from ${generator}, ${generator === 'wrk' ? `${Math.round((baseRequests * scale) / 5000)} s` : `${baseRequests} requests`} per point at 16/64 connections)`
  )
  for (const connections of [1, 16, 64]) {
    const total = (connections === 1 ? Math.max(500, baseRequests / 4) : baseRequests) * scale
    // Warm up both, then measure: bare first, then Portcullis, at the same concurrency.
    await scenario('warm-up', bare, connections, 200 * scale, bareRequest)
    await scenario('warm-up', floor, connections, 200 * scale, bareRequest)
    await scenario('warm-up', signedFloor, connections, 200 * scale, signedFloorRequest)
    await scenario('warm-up', portcullis, connections, 200 * scale, getUser)
    const ceiling = await scenario('bare', bare, connections, total, bareRequest)
    const empty = await scenario('floor', floor, connections, total, bareRequest)
    const verified = await scenario('signed floor', signedFloor, connections, total, signedFloorRequest)
    const ours = await scenario('GetUser', portcullis, connections, total, getUser)
    results.getUser[connections] = { portcullis: ours, bare: ceiling, ratio: round(ours.perSecond / ceiling.perSecond, 2), cpuRatio: cpuRatio(ours, ceiling) }
    results.floor[connections] = { floor: empty, bare: ceiling, ratio: round(empty.perSecond / ceiling.perSecond, 2), cpuRatio: cpuRatio(empty, ceiling) }
    results.signedFloor[connections] = { floor: verified, bare: ceiling, ratio: round(verified.perSecond / ceiling.perSecond, 2), cpuRatio: cpuRatio(verified, ceiling) }
    log(
      `GetUser      c=${String(connections).padStart(2)}  ${ours.perSecond}/s p50 ${ours.p50Ms} ms p99 ${ours.p99Ms} ms   bare ${ceiling.perSecond}/s   ratio ${results.getUser[connections].ratio}${cpuText(ours, ceiling)}`
    )
    log(
      `  floor      c=${String(connections).padStart(2)}  ${empty.perSecond}/s (our HTTP layer, empty action)   ratio ${results.floor[connections].ratio}${cpuText(empty, ceiling)}`
    )
    log(
      `  signed     c=${String(connections).padStart(2)}  ${verified.perSecond}/s (our HTTP layer + SigV4 verification, empty action)   ratio ${results.signedFloor[connections].ratio}${cpuText(verified, ceiling)}`
    )
  }
  // STS: GetCallerIdentity signed with the user's long-term key and with temporary credentials
  // (AssumeRole's), and AssumeRole itself (a fresh session per request), next to the same ceiling.
  const session = await assumeBenchRole(portcullis, user)
  const stsCalls = {
    getCallerIdentityLongTerm: signedQuery(portcullis.url, user, { Action: 'GetCallerIdentity' }, 'sts'),
    getCallerIdentityTemporary: signedQuery(portcullis.url, session, { Action: 'GetCallerIdentity' }, 'sts'),
    assumeRole: signedQuery(portcullis.url, user, { Action: 'AssumeRole', RoleArn: session.roleArn, RoleSessionName: 'bench' }, 'sts')
  }
  for (const [name, request] of Object.entries(stsCalls)) {
    results[name] = {}
    for (const connections of [1, 16, 64]) {
      const total = (connections === 1 ? Math.max(500, baseRequests / 4) : baseRequests) * scale
      await scenario('warm-up', bare, connections, 200 * scale, bareRequest)
      await scenario('warm-up', portcullis, connections, 200 * scale, request)
      const ceiling = await scenario('bare', bare, connections, total, bareRequest)
      const ours = await scenario(name, portcullis, connections, total, request)
      results[name][connections] = { portcullis: ours, bare: ceiling, ratio: round(ours.perSecond / ceiling.perSecond, 2), cpuRatio: cpuRatio(ours, ceiling) }
      log(
        `${name.padEnd(27)} c=${String(connections).padStart(2)}  ${ours.perSecond}/s p50 ${ours.p50Ms} ms p99 ${ours.p99Ms} ms   bare ${ceiling.perSecond}/s   ratio ${results[name][connections].ratio}${cpuText(ours, ceiling)}`
      )
    }
  }
  let pair = 0
  for (const connections of [1, 16, 64]) {
    const pairs = connections === 1 ? 300 : baseRequests / 4
    // Each request alternates create and delete of the same name; signed in advance.
    const requests = []
    for (let i = 0; i < pairs; i++, pair++) {
      requests.push(signedQuery(portcullis.url, portcullis.root, { Action: 'CreateUser', UserName: `bench-${pair}` }))
      requests.push(signedQuery(portcullis.url, portcullis.root, { Action: 'DeleteUser', UserName: `bench-${pair}` }))
    }
    // Connection k sends pairs k, k+c, k+2c...: each delete follows its own create.
    const sequences = Array.from({ length: connections }, () => [])
    for (let i = 0; i < requests.length; i += 2) sequences[(i / 2) % connections].push(requests[i], requests[i + 1])
    const result = await runLoad({ url: portcullis.url, connections, sequences })
    if (result.failures) throw new Error(`CreateUser+DeleteUser: ${result.failures} requests failed`)
    const ours = { perSecond: round(result.perSecond), p50Ms: round(result.p50, 2), p99Ms: round(result.p99, 2) }
    results.createDeleteUser[connections] = { requestsPerSecond: ours.perSecond, createsPerSecond: round(ours.perSecond / 2), p50Ms: ours.p50Ms, p99Ms: ours.p99Ms }
    log(`Create+Delete c=${String(connections).padStart(2)}  ${ours.perSecond} requests/s (${round(ours.perSecond / 2)} CreateUser/s) p50 ${ours.p50Ms} ms p99 ${ours.p99Ms} ms`)
  }
  const targets = {
    getUserAtLeast70PercentOfBare: Object.values(results.getUser).every((r) => r.ratio >= 0.7),
    getCallerIdentityAtLeast75PercentOfBare: [results.getCallerIdentityLongTerm, results.getCallerIdentityTemporary].every((r) => Object.values(r).every((x) => x.ratio >= 0.75)),
    assumeRoleAtLeast2000PerSecond: Math.max(...Object.values(results.assumeRole).map((r) => r.portcullis.perSecond)) >= 2000,
    createUserAtLeast3000PerSecond: Math.max(...Object.values(results.createDeleteUser).map((r) => r.createsPerSecond)) >= 3000,
    p99AtMost10MsAt64: results.getUser[64].portcullis.p99Ms <= 10
  }
  log(`targets: ${JSON.stringify(targets)}`)
  if (json) console.log(JSON.stringify({ loadGenerator: generator, results, targets }))
} finally {
  await stop(bare)
  await stop(floor)
  await stop(signedFloor)
  await stop(portcullis)
  rmSync(dataDir, { recursive: true, force: true })
}
