// npm run bench:policy [-- --json] [--seconds N] [--workloads DIR] [--same-process]
//
// For each workload (small, typical, large): checks every decision of Portcullis and of the peer
// (@cloud-copilot/iam-simulate, public API and core) against `expected`, then measures decisions
// per second on one core with policies compiled ahead of time, and prints the ratio. Also
// measures parsing a ~6 KB policy against JSON.parse (baseline) and the peer's parse step.
//
// Each workload, and the parse measurement, runs in a fresh child process (this script with
// --child NAME), with the peer measured in the same child as Portcullis: a measurement is not
// skewed by what an earlier one left behind (inline caches trained on other policies' shapes,
// a heap full of another workload's objects). --same-process runs everything in this process.

import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { cpus } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { evaluate, loadCase, parsePolicy, readRequest } from '../../dist/policy/index.js'
import { compareSync, measureAsync, measureSync } from './measure.js'
import { PEER, peerParse, prepareCore, preparePublic } from './peer-iam-simulate.js'

const here = dirname(fileURLToPath(import.meta.url))
const args = process.argv.slice(2)
const option = (name, fallback) => {
  const i = args.indexOf(name)
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : fallback
}
const json = args.includes('--json')
const sameProcess = args.includes('--same-process')
const child = option('--child', undefined)
const seconds = Number(option('--seconds', '2'))
const workloadDir = resolve(option('--workloads', [join(here, '../../../shared/bench/policy-workloads'), '/work/shared/bench/policy-workloads'].find(existsSync) ?? '.'))
const TARGETS = { typical: 1_000_000, large: 200_000 }
const WORKLOADS = ['small', 'typical', 'large']
const log = (line) => {
  if (!json) console.log(line)
}

function requestsOf(w) {
  return [{ request: w.request, expected: w.expected }, ...(w.variants ?? [])].map((v) => ({ request: v.request, expected: v.expected }))
}

async function benchWorkload(name) {
  const w = JSON.parse(readFileSync(join(workloadDir, `${name}.json`), 'utf8'))
  const requests = requestsOf(w)
  const t0 = performance.now()
  const loaded = loadCase(w)
  const compileMs = performance.now() - t0
  if (!loaded.ok) throw new Error(`${name}: policies do not parse: ${JSON.stringify(loaded.problems)}`)
  const prepared = requests.map((r) => readRequest(r.request))
  const ours = prepared.map((r) => evaluate(loaded.set, r).decision)
  const oursCorrect = ours.filter((d, i) => d === requests[i].expected).length

  let i = 0
  const oursRate = measureSync(() => evaluate(loaded.set, prepared[i++ % prepared.length]), { seconds })

  const peers = {}
  for (const [label, prepare] of [
    ['public', preparePublic],
    ['core', prepareCore]
  ]) {
    const peer = prepare(w)
    const decisions = []
    for (const r of requests) decisions.push(await peer.decide(r.request))
    let j = 0
    const rate = await measureAsync(() => peer.decide(requests[j++ % requests.length].request), { seconds: Math.max(1, seconds / 2) })
    peers[label] = { decisionsPerSecond: round(rate), usPerDecision: round(1e6 / rate, 1), correct: decisions.filter((d, k) => d === requests[k].expected).length }
  }
  return {
    statements: w.stats?.statements,
    requests: requests.length,
    compileMs: round(compileMs, 2),
    portcullis: { decisionsPerSecond: round(oursRate), usPerDecision: round(1e6 / oursRate, 3), correct: oursCorrect },
    peer: peers.public,
    peerCore: peers.core,
    ratio: round(oursRate / peers.public.decisionsPerSecond, 1),
    ratioCore: round(oursRate / peers.core.decisionsPerSecond, 1),
    ...(TARGETS[name] ? { target: TARGETS[name], targetMet: oursRate >= TARGETS[name] } : {})
  }
}

function printWorkload(name, result) {
  const { portcullis: ours, peer, peerCore, requests } = result
  log(
    `${name.padEnd(8)} ${String(result.statements).padStart(5)} stmts  correct ${ours.correct}/${requests} (peer ${peer.correct}/${requests}, core ${peerCore.correct}/${requests})`
  )
  log(
    `         portcullis ${fmt(ours.decisionsPerSecond)} decisions/s (${ours.usPerDecision} µs)   peer ${fmt(peer.decisionsPerSecond)}/s   peer core ${fmt(peerCore.decisionsPerSecond)}/s`
  )
  log(
    `         ratio ×${result.ratio} (public), ×${result.ratioCore} (core)${result.target ? `   target ${fmt(result.target)}/s: ${result.targetMet ? 'met' : 'NOT met'}` : ''}   compile ${result.compileMs} ms`
  )
}

/** A ~6 KB identity policy made of the typical workload's statements. */
function sixKilobytePolicy() {
  const w = JSON.parse(readFileSync(join(workloadDir, 'typical.json'), 'utf8'))
  const statements = []
  for (const p of w.policies.identity)
    for (const s of p.policy.Statement) {
      const next = [...statements, s]
      if (JSON.stringify({ Version: '2012-10-17', Statement: next }, null, 2).length > 6144) break
      statements.push(s)
    }
  return JSON.stringify({ Version: '2012-10-17', Statement: statements }, null, 2)
}

function benchParse() {
  const text = sixKilobytePolicy()
  const parsed = parsePolicy(text)
  if (!parsed.ok) throw new Error(`the 6 KB policy does not parse: ${JSON.stringify(parsed.errors)}`)
  peerParse(text)
  const rates = compareSync({ ours: () => parsePolicy(text), baseline: () => JSON.parse(text), peer: () => peerParse(text) }, { seconds: seconds * 3, rounds: 5 })
  const { ours, baseline, peer } = rates
  return {
    bytes: text.length,
    statements: parsed.policy.statements.length,
    portcullisUs: round(1e6 / ours, 2),
    jsonParseUs: round(1e6 / baseline, 2),
    peerUs: round(1e6 / peer, 2),
    timeRelativeToJsonParse: round(baseline / ours, 2),
    ratioToPeer: round(ours / peer, 2),
    targetUs: 50,
    targetMet: 1e6 / ours <= 50
  }
}

function printParse(result) {
  log(
    `parse    ${result.bytes} bytes, ${result.statements} statements: portcullis ${result.portcullisUs} µs (validated, typed), JSON.parse alone ${result.jsonParseUs} µs, peer ${result.peerUs} µs (validate + load)`
  )
  log(
    `         portcullis takes ×${result.timeRelativeToJsonParse} the time of JSON.parse alone and runs at ×${result.ratioToPeer} the peer's speed   target ≤ 50 µs: ${result.targetMet ? 'met' : 'NOT met'}`
  )
}

/** One measurement ('parse' or a workload's name) in a fresh process running this script. */
function inChild(name) {
  const run = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child', name, '--seconds', String(seconds), '--workloads', workloadDir], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 1 << 20
  })
  if (run.status !== 0) throw new Error(`the ${name} measurement failed (exit ${run.status ?? run.signal})`)
  return JSON.parse(run.stdout)
}

async function measure(name) {
  return name === 'parse' ? benchParse() : benchWorkload(name)
}

/** How fast this machine runs a trivial loop: context for the absolute figures. */
function calibrate() {
  let x = 0
  const n = 2e7
  const t = performance.now()
  for (let k = 0; k < n; k++) x = (x + k * 7) | 0
  return { nsPerLoopIteration: round(((performance.now() - t) * 1e6) / n, 2), checksum: x }
}

const fmt = (n) => Math.round(n).toLocaleString('en-US')
function round(n, digits = 0) {
  const f = 10 ** digits
  return Math.round(n * f) / f
}

if (child !== undefined) {
  process.stdout.write(`${JSON.stringify(await measure(child))}\n`)
} else {
  const machine = { node: process.version, cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length, ...calibrate() }
  const isolation = sameProcess ? 'all measurements in one process' : 'each workload and the parse measurement in a fresh process, the peer in the same one'
  log(`Policy engine benchmark — ${machine.cpu}, Node ${machine.node}, ${machine.nsPerLoopIteration} ns per trivial loop iteration; peer ${PEER}`)
  log(`(${isolation})`)
  const run = (name) => (sameProcess ? measure(name) : inChild(name))
  const workloads = {}
  for (const name of WORKLOADS) {
    workloads[name] = await run(name)
    printWorkload(name, workloads[name])
  }
  const parse = await run('parse')
  printParse(parse)
  const allCorrect = Object.values(workloads).every((w) => w.portcullis.correct === w.requests)
  if (json) console.log(JSON.stringify({ machine, seconds, isolation: sameProcess ? 'same-process' : 'process-per-measurement', workloads, parse, allCorrect }))
  if (!allCorrect) process.exitCode = 1
}
