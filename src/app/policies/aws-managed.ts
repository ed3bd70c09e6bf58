// AWS managed policies (arn:aws:iam::aws:policy/...): every one AWS publishes, with its version
// history, from the catalog `npm run build` makes (scripts/build-aws-managed-catalog.mjs). The
// index is read at start-up; documents are read from disk by offset when first needed.

import { open, readFile, type FileHandle } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

export interface AwsManagedPolicy {
  readonly name: string
  readonly path: string
  readonly arn: string
  readonly id: string
  readonly createdAt: Date | undefined
  readonly updatedAt: Date | undefined
  readonly defaultVersion: string
  /** Newest first. */
  readonly versions: readonly AwsManagedVersion[]
}

export interface AwsManagedVersion {
  readonly id: string
  readonly createdAt: Date | undefined
}

export interface AwsManagedPolicies {
  /** In name order (case-insensitive). */
  readonly all: readonly AwsManagedPolicy[]
  byArn(arn: string): AwsManagedPolicy | undefined
  /** The document text of a version, or undefined when there is no such version. */
  document(arn: string, versionId: string): Promise<string | undefined>
  close(): Promise<void>
}

interface IndexEntry {
  name: string
  path: string
  arn: string
  id: string
  created: string | null
  updated: string | null
  defaultVersion: string
  versions: { id: string; created: string | null; offset: number; length: number }[]
}

/** Where `npm run build` puts the catalog: dist/data at the package root. */
export const DEFAULT_CATALOG_DIR = fileURLToPath(new URL('../../../dist/data/', import.meta.url))

const DOCUMENT_CACHE_LIMIT = 512

export async function loadAwsManagedPolicies(dir: string = DEFAULT_CATALOG_DIR): Promise<AwsManagedPolicies> {
  const index = JSON.parse(await readFile(join(dir, 'aws-managed-index.json'), 'utf8')) as { policies: IndexEntry[] }
  const entries = new Map(index.policies.map((p) => [p.arn, p]))
  const date = (s: string | null): Date | undefined => (s === null ? undefined : new Date(s))
  const all: AwsManagedPolicy[] = index.policies.map((p) => ({
    name: p.name,
    path: p.path,
    arn: p.arn,
    id: p.id,
    createdAt: date(p.created),
    updatedAt: date(p.updated),
    defaultVersion: p.defaultVersion,
    versions: p.versions.map((v) => ({ id: v.id, createdAt: date(v.created) }))
  }))
  const byArn = new Map(all.map((p) => [p.arn, p]))
  let file: FileHandle | undefined
  const cache = new Map<string, string>()

  return {
    all,
    byArn: (arn) => byArn.get(arn),
    async document(arn, versionId) {
      const key = `${arn}#${versionId}`
      const hit = cache.get(key)
      if (hit !== undefined) return hit
      const version = entries.get(arn)?.versions.find((v) => v.id === versionId)
      if (!version) return undefined
      file ??= await open(join(dir, 'aws-managed-documents.jsonl'), 'r')
      const buffer = Buffer.alloc(version.length)
      await file.read(buffer, 0, version.length, version.offset)
      const text = buffer.toString('utf8')
      if (cache.size >= DOCUMENT_CACHE_LIMIT) cache.delete(cache.keys().next().value as string)
      cache.set(key, text)
      return text
    },
    async close() {
      await file?.close()
    }
  }
}
