// Child processes for the benchmarks: Portcullis (`portcullis serve`) and the bare baseline,
// each on its own core's worth of scheduling, talked to over loopback.

import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const here = dirname(fileURLToPath(import.meta.url))
const cli = join(here, '../../dist/cli/main.js')

function waitFor(child, pattern) {
  let output = ''
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`did not start:\n${output}`)), 60_000)
    const onData = (chunk) => {
      output += chunk.toString('utf8')
      const m = pattern.exec(output)
      if (m) {
        clearTimeout(timer)
        resolve(m)
      }
    }
    child.stdout.on('data', onData)
    child.stderr.on('data', onData)
    child.once('exit', (code) => reject(new Error(`exited with ${code}:\n${output}`)))
  })
}

export async function startPortcullis(dataDir, extraArgs = []) {
  const started = performance.now()
  const child = spawn(process.execPath, [cli, 'serve', '--port', '0', '--data-dir', dataDir, ...extraArgs], { stdio: ['ignore', 'pipe', 'pipe'] })
  const m = await waitFor(child, /serving IAM and STS on (http:\/\/\S+)/)
  const startupMs = performance.now() - started
  const [, line] = readFileSync(join(dataDir, 'root-credentials.csv'), 'utf8').trim().split('\n')
  const [accountId, , , accessKeyId, secretAccessKey] = line.split(',')
  return { child, url: m[1], startupMs, root: { accountId, accessKeyId, secretAccessKey } }
}

export async function startBare() {
  return startScript('bare-server.js')
}

/** Portcullis' HTTP layer with an empty action (floor-server.js), after SigV4 verification if `signed`. */
export async function startFloor({ signed = false } = {}) {
  return startScript('floor-server.js', signed ? ['--signed'] : [])
}

async function startScript(file, args = []) {
  const child = spawn(process.execPath, [join(here, file), ...args], { stdio: ['ignore', 'pipe', 'pipe'] })
  const m = await waitFor(child, /"port":(\d+)/)
  return { child, url: `http://127.0.0.1:${m[1]}` }
}

/**
 * CPU time a process has used, in ms (Linux: utime + stime from /proc, in clock ticks of 10 ms).
 * Divided by the requests served it gives CPU per request, which other work on a shared machine
 * disturbs far less than requests per second; undefined where /proc is missing.
 */
export function cpuMs(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')
    return (Number(fields[11]) + Number(fields[12])) * 10
  } catch {
    return undefined
  }
}

export function stop(proc) {
  return new Promise((resolve) => {
    if (proc.child.exitCode !== null) return resolve()
    proc.child.once('exit', () => resolve())
    proc.child.kill('SIGTERM')
  })
}

/** Resident memory of a process in MB (Linux). */
export function rssMb(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  const kb = Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0)
  return Math.round(kb / 1024)
}
