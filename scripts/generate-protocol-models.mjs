#!/usr/bin/env node
// Writes src/protocol/model/iam-model.ts and sts-model.ts from botocore's JSON service models, as
// shipped in Debian's awscli package (apt-get install awscli). The API facts (operations, shapes,
// constraints, error codes) are kept; documentation text, examples and HTTP bindings are dropped.
//
//   node scripts/generate-protocol-models.mjs [--check] [botocore-data-dir]
//
// --check writes nothing and exits 1 when a generated file differs from what it would write.
//
// The data directory defaults to Debian's /usr/lib/python3/dist-packages/awscli/botocore/data
// (or $BOTOCORE_DATA). The output is deterministic: run it again after an awscli upgrade and review
// the diff.
import { createHash } from 'node:crypto'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const args = process.argv.slice(2)
const check = args.includes('--check')
const dataDir = args.find((a) => a !== '--check') ?? process.env.BOTOCORE_DATA ?? '/usr/lib/python3/dist-packages/awscli/botocore/data'

const services = [
  { dir: 'iam/2010-05-08', constName: 'IAM_MODEL', out: 'src/protocol/model/iam-model.ts' },
  { dir: 'sts/2011-06-15', constName: 'STS_MODEL', out: 'src/protocol/model/sts-model.ts' }
]

/** The awscli version that shipped the data, for the header (best effort). */
function awscliVersion() {
  const init = join(dataDir, '..', '..', '__init__.py')
  if (!existsSync(init)) return 'unknown'
  const m = /__version__\s*=\s*'([^']+)'/.exec(readFileSync(init, 'utf8'))
  return m ? m[1] : 'unknown'
}

const MEMBER_KEYS = ['shape', 'locationName', 'flattened', 'xmlNamespace', 'xmlAttribute', 'deprecated']
const SHAPE_KEYS = {
  structure: ['type', 'required', 'members', 'error', 'exception', 'sensitive', 'deprecated'],
  list: ['type', 'member', 'flattened', 'min', 'max', 'sensitive', 'deprecated'],
  map: ['type', 'key', 'value', 'flattened', 'min', 'max', 'sensitive', 'deprecated'],
  string: ['type', 'min', 'max', 'pattern', 'enum', 'sensitive', 'deprecated'],
  timestamp: ['type', 'timestampFormat', 'sensitive', 'deprecated'],
  blob: ['type', 'min', 'max', 'sensitive', 'deprecated'],
  boolean: ['type', 'box', 'sensitive', 'deprecated']
}
const NUMBER_KEYS = ['type', 'min', 'max', 'box', 'sensitive', 'deprecated']
const NUMBER_TYPES = new Set(['integer', 'long', 'short', 'byte', 'float', 'double', 'bigInteger', 'bigDecimal'])

function pick(object, keys) {
  const out = {}
  for (const key of keys) if (object[key] !== undefined) out[key] = object[key]
  return out
}

function trimMember(ref) {
  return pick(ref, MEMBER_KEYS)
}

function trimShape(name, shape) {
  const keys = NUMBER_TYPES.has(shape.type) ? NUMBER_KEYS : SHAPE_KEYS[shape.type]
  if (!keys) throw new Error(`shape ${name}: unsupported type ${shape.type}`)
  const out = pick(shape, keys)
  if (shape.members) {
    out.members = {}
    for (const [member, ref] of Object.entries(shape.members)) out.members[member] = trimMember(ref)
  }
  if (shape.member) out.member = trimMember(shape.member)
  if (shape.key) out.key = trimMember(shape.key)
  if (shape.value) out.value = trimMember(shape.value)
  if (shape.error) out.error = pick(shape.error, ['code', 'httpStatusCode', 'senderFault'])
  return out
}

function trimOperation(op) {
  const out = { name: op.name }
  if (op.input) out.input = op.input.shape
  if (op.output) {
    out.output = op.output.shape
    if (op.output.resultWrapper) out.resultWrapper = op.output.resultWrapper
  }
  if (op.errors?.length) out.errors = op.errors.map((e) => e.shape)
  if (op.deprecated) out.deprecated = true
  return out
}

function generate({ dir, constName, out }, version) {
  const file = join(dataDir, dir, 'service-2.json')
  const text = readFileSync(file, 'utf8')
  const model = JSON.parse(text)
  const sha = createHash('sha256').update(text).digest('hex')
  const metadata = pick(model.metadata, ['apiVersion', 'xmlNamespace', 'protocol', 'serviceId', 'endpointPrefix'])

  const lines = []
  lines.push(`// GENERATED FILE: do not edit by hand.`)
  lines.push(`// Source: botocore ${dir}/service-2.json from Debian's awscli ${version} (sha256 ${sha.slice(0, 16)}).`)
  lines.push(`// Regenerate: node scripts/generate-protocol-models.mjs [botocore-data-dir] (--check to verify)`)
  lines.push(`import type { ServiceModel } from './types.js'`)
  lines.push('')
  lines.push(`export const ${constName}: ServiceModel = {`)
  lines.push(`  metadata: ${JSON.stringify(metadata)},`)
  lines.push('  operations: {')
  const opNames = Object.keys(model.operations).sort()
  opNames.forEach((name, i) => {
    const comma = i === opNames.length - 1 ? '' : ','
    lines.push(`    ${JSON.stringify(name)}: ${JSON.stringify(trimOperation(model.operations[name]))}${comma}`)
  })
  lines.push('  },')
  lines.push('  shapes: {')
  const shapeNames = Object.keys(model.shapes).sort()
  shapeNames.forEach((name, i) => {
    const comma = i === shapeNames.length - 1 ? '' : ','
    lines.push(`    ${JSON.stringify(name)}: ${JSON.stringify(trimShape(name, model.shapes[name]))}${comma}`)
  })
  lines.push('  }')
  lines.push('}')
  lines.push('')
  const generated = lines.join('\n')
  if (check) {
    const current = existsSync(join(root, out)) ? readFileSync(join(root, out), 'utf8') : ''
    if (current !== generated) {
      console.log(`${out}: out of date (run node scripts/generate-protocol-models.mjs)`)
      return false
    }
    console.log(`${out}: up to date`)
    return true
  }
  writeFileSync(join(root, out), generated)
  console.log(`${out}: ${opNames.length} operations, ${shapeNames.length} shapes`)
  return true
}

const version = awscliVersion()
let current = true
for (const service of services) current = generate(service, version) && current
if (!current) process.exit(1)
