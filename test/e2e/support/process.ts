// Runs `portcullis serve` as a separate process, the way a user starts it, and waits for it to
// say where it listens.

import { spawn, type ChildProcess } from 'node:child_process'
import { join } from 'node:path'

const cli = join(import.meta.dirname, '../../../dist/cli/main.js')

export interface ServeProcess {
  readonly child: ChildProcess
  readonly url: string
  readonly output: string
}

export function serveProcess(args: readonly string[]): Promise<ServeProcess> {
  const child = spawn(process.execPath, [cli, 'serve', ...args], { stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not start:\n${output}`)), 20_000)
    const onData = (chunk: Buffer): void => {
      output += chunk.toString('utf8')
      const m = /serving IAM and STS on (http:\/\/\S+)/.exec(output)
      if (m) {
        clearTimeout(timer)
        resolve({ child, url: m[1] as string, output })
      }
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', onData)
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`serve exited with ${String(code)}:\n${output}`))
    })
  })
}

export function stop(p: ServeProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  return new Promise((resolve) => {
    if (p.child.exitCode !== null || p.child.signalCode !== null) return resolve()
    p.child.once('exit', () => resolve())
    p.child.kill(signal)
  })
}
