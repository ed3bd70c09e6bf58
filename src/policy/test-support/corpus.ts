// Reads the JSON corpus under corpus/ for the tests.

import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const CORPUS_DIR = join(dirname(fileURLToPath(import.meta.url)), '../../../corpus')

export interface CorpusFile<T> {
  readonly file: string
  readonly cases: readonly T[]
}

export function readCorpus<T>(folder: string): CorpusFile<T>[] {
  const dir = join(CORPUS_DIR, folder)
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((file) => ({ file, cases: (JSON.parse(readFileSync(join(dir, file), 'utf8')) as { cases: T[] }).cases }))
}

export interface EvalCase {
  readonly id: string
  readonly doc: string
  readonly note: string
  readonly policies: unknown
  readonly request: unknown
  readonly expected: 'Allow' | 'ExplicitDeny' | 'ImplicitDeny'
  readonly explain?: { readonly decidedBy?: string; readonly sids?: readonly string[] }
}

export interface ValidateCase {
  readonly id: string
  readonly doc: string
  readonly note: string
  readonly kind: 'identity' | 'resource' | 'trust' | 'boundary' | 'session' | 'scp' | 'rcp'
  readonly document: string
  readonly valid: boolean
  readonly errors: readonly { readonly message: string; readonly line?: number; readonly column?: number }[]
}
