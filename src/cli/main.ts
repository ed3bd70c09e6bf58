#!/usr/bin/env node
// The `portcullis` command line. Each command's work lives in its own module; this file only
// wires arguments, files and exit codes.

import { readFileSync } from 'node:fs'
import { Command, InvalidArgumentError } from 'commander'
import { evaluateBatchCommand, evaluateCommand, isPolicyKind, validateCommand, type CommandResult } from './policy-commands.js'
import { accountCreateCommand, serveCommand } from './server-commands.js'

function read(file: string): string {
  return readFileSync(file === '-' ? 0 : file, 'utf8')
}

function finish(result: CommandResult): void {
  if (result.stdout) process.stdout.write(result.stdout)
  if (result.stderr) process.stderr.write(result.stderr)
  process.exitCode = result.exitCode
}

const program = new Command('portcullis').description('Self-hosted, wire-compatible AWS IAM and STS').showHelpAfterError()

const policy = program.command('policy').description('Validate and evaluate IAM policy documents')

policy
  .command('validate')
  .description('Validate a policy document; print every error with its line and column')
  .argument('<file>', 'policy document (JSON), or - for standard input')
  .option(
    '--kind <kind>',
    'identity | resource | trust | boundary | session | scp | rcp',
    (value) => {
      if (!isPolicyKind(value)) throw new InvalidArgumentError('expected identity, resource, trust, boundary, session, scp or rcp')
      return value
    },
    'identity'
  )
  .action((file: string, opts: { kind: 'identity' }) => finish(validateCommand(file, read(file), opts.kind)))

policy
  .command('evaluate')
  .description('Evaluate a request against policies (the benchmark workload format) and explain the decision')
  .argument('[file]', 'one case (JSON), or - for standard input')
  .option('--pretty', 'print a readable explanation instead of one JSON line')
  .option('--batch <file>', 'a JSON array of cases: one JSON line per case, in order')
  .action((file: string | undefined, opts: { pretty?: boolean; batch?: string }) => {
    const pretty = opts.pretty === true
    if (opts.batch !== undefined) return finish(evaluateBatchCommand(opts.batch, read(opts.batch), pretty))
    if (file === undefined) return finish({ stdout: '', stderr: 'portcullis policy evaluate: give a FILE or --batch FILE\n', exitCode: 2 })
    finish(evaluateCommand(file, read(file), pretty))
  })

program
  .command('serve')
  .description('Serve IAM and STS (AWS Query protocol) from an embedded SQLite database')
  .option('--host <host>', 'address to listen on', '127.0.0.1')
  .option('--port <port>', 'port to listen on', '4566')
  .option('--data-dir <dir>', 'where the database, master key and root credentials live', './.portcullis')
  .option('--auth <mode>', 'enforce (every request signed and authorized) or dev (unknown keys act as root)', 'enforce')
  .option('--account-id <id>', "the first account's 12-digit ID (first start only)")
  .action((flags: { host: string; port: string; dataDir: string; auth: string; accountId?: string }) => serveCommand(flags))

const account = program.command('account').description('Manage accounts')
account
  .command('create')
  .description('Add an account (also while a server uses the data directory); prints its root credentials as JSON')
  .option('--data-dir <dir>', 'the data directory', './.portcullis')
  .option('--account-id <id>', "the new account's 12-digit ID (random by default)")
  .action((flags: { dataDir: string; accountId?: string }) => accountCreateCommand(flags))

program.parseAsync().catch((e: unknown) => {
  process.stderr.write(`portcullis: ${e instanceof Error ? e.message : String(e)}\n`)
  process.exitCode = 2
})
