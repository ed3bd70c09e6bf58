// JSON input (as the web console sends it: the API's member names, lists as arrays, maps as
// objects) → the flat AWS Query parameters of the same request, by the operation's model. The
// console's actions then go through `parseInput` like any Query request, so they are validated by
// the same model with the same messages; this file only checks what Query text cannot express
// (a JSON type that does not fit the shape at all).
//
//   { UserName: 'bob', Tags: [{ Key: 'k', Value: 'v' }] }
//   → UserName=bob, Tags.member.1.Key=k, Tags.member.1.Value=v
//
// Empty lists become the bare key (`Tags=`), as botocore and the JS SDK send them; null and
// undefined members are left out; unknown members are ignored, as AWS ignores unknown parameters.

import type { ListShape, MapShape, MemberRef, OperationModel, ServiceModel, Shape, StructureShape } from '../model/types.js'
import { fail, malformedInput, ok, type ProtocolResult } from '../query/errors.js'
import { shapeOf } from '../model/shape-of.js'

export function jsonToQueryParams(model: ServiceModel, operation: OperationModel, input: unknown): ProtocolResult<Map<string, string>> {
  const params = new Map<string, string>()
  if (operation.input === undefined || input === undefined || input === null) return ok(params)
  try {
    writeStructure(model, shapeOf(model, operation.input) as StructureShape, input, '', '', params)
  } catch (e) {
    if (e instanceof JsonTypeMismatch) return fail(malformedInput(e.message))
    throw e
  }
  return ok(params)
}

class JsonTypeMismatch extends Error {}

function mismatch(path: string, expected: string): never {
  throw new JsonTypeMismatch(`Value at '${path === '' ? 'input' : path}' must be ${expected}.`)
}

const join = (prefix: string, segment: string) => (prefix === '' ? segment : `${prefix}.${segment}`)
/** Paths in messages are written as the validator writes them: lower-camel members, `tags.1.member.key`. */
const lowerCamel = (name: string) => (name === '' ? name : (name[0] as string).toLowerCase() + name.slice(1))

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function writeStructure(model: ServiceModel, shape: StructureShape, value: unknown, key: string, path: string, out: Map<string, string>): void {
  if (!isPlainObject(value)) mismatch(path, 'an object')
  for (const [name, ref] of Object.entries(shape.members)) {
    if (!Object.hasOwn(value, name)) continue
    const member = value[name]
    if (member === undefined || member === null) continue
    writeMember(model, ref, member, join(key, ref.locationName ?? name), join(path, lowerCamel(name)), out)
  }
}

function writeMember(model: ServiceModel, ref: MemberRef, value: unknown, key: string, path: string, out: Map<string, string>): void {
  const shape = shapeOf(model, ref.shape)
  if (shape.type === 'list') return writeList(model, shape, ref.flattened === true || shape.flattened === true, value, key, path, out)
  if (shape.type === 'map') return writeMap(model, shape, ref.flattened === true || shape.flattened === true, value, key, path, out)
  writeValue(model, shape, value, key, path, out)
}

function writeValue(model: ServiceModel, shape: Shape, value: unknown, key: string, path: string, out: Map<string, string>): void {
  switch (shape.type) {
    case 'structure':
      return writeStructure(model, shape, value, key, path, out)
    case 'list':
      return writeList(model, shape, shape.flattened === true, value, key, path, out)
    case 'map':
      return writeMap(model, shape, shape.flattened === true, value, key, path, out)
    default:
      out.set(key, scalarText(shape, value, path))
  }
}

function writeList(model: ServiceModel, shape: ListShape, flattened: boolean, value: unknown, key: string, path: string, out: Map<string, string>): void {
  if (!Array.isArray(value)) mismatch(path, 'an array')
  if (value.length === 0) {
    out.set(key, '')
    return
  }
  const element = shapeOf(model, shape.member.shape)
  const base = flattened ? key : join(key, shape.member.locationName ?? 'member')
  value.forEach((item: unknown, i) => {
    if (item === undefined || item === null) mismatch(`${path}.${i + 1}.member`, 'a value, not null')
    writeValue(model, element, item, `${base}.${i + 1}`, `${path}.${i + 1}.member`, out)
  })
}

function writeMap(model: ServiceModel, shape: MapShape, flattened: boolean, value: unknown, key: string, path: string, out: Map<string, string>): void {
  if (!isPlainObject(value)) mismatch(path, 'an object')
  const base = flattened ? key : join(key, 'entry')
  const valueShape = shapeOf(model, shape.value.shape)
  let i = 0
  for (const [k, v] of Object.entries(value)) {
    if (v === undefined || v === null) continue
    i++
    out.set(`${base}.${i}.${shape.key.locationName ?? 'key'}`, k)
    writeValue(model, valueShape, v, `${base}.${i}.${shape.value.locationName ?? 'value'}`, `${path}.${k}`, out)
  }
}

/** The Query text of a scalar; the JSON type must be the shape's own (numbers may come as digits, timestamps as epoch seconds). */
function scalarText(shape: Shape, value: unknown, path: string): string {
  switch (shape.type) {
    case 'string':
    case 'blob':
      return typeof value === 'string' ? value : mismatch(path, shape.type === 'blob' ? 'a base64 string' : 'a string')
    case 'boolean':
      return typeof value === 'boolean' ? String(value) : mismatch(path, 'a boolean')
    case 'timestamp':
      if (typeof value === 'string') return value
      return typeof value === 'number' && Number.isFinite(value) ? String(value) : mismatch(path, 'an ISO 8601 date string')
    default:
      if (typeof value === 'number' && Number.isFinite(value)) return String(value)
      return typeof value === 'string' ? value : mismatch(path, 'a number')
  }
}
