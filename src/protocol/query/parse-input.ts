import type { ListShape, MapShape, MemberRef, OperationModel, ServiceModel, Shape, StructureShape } from '../model/types.js'
import { fail, ok, validationError, type ProtocolResult } from './errors.js'
import { javaHashOrder } from './java-order.js'
import { javaToString } from './java-to-string.js'
import { javaPatternMatcher } from './java-regex.js'
import { buildTree, indexedChildren, type ParamNode } from './param-tree.js'
import { MalformedInputSignal, readScalar } from './read-scalar.js'
import { shapeOf } from '../model/shape-of.js'

/**
 * The operation's input, built from the flat Query parameters by the model and validated against
 * every constraint the model states, with AWS's messages (README.md):
 *
 * - members keyed by their model names; lists as arrays (`X.member.N`, flattened `X.N`, an empty list
 *   as the bare key `X=`), maps as null-prototype objects (`X.entry.N.key`/`.value`), integers and
 *   floats as numbers, booleans as booleans, timestamps as Date, blobs as Uint8Array (base64);
 * - unknown parameters are ignored, as AWS does;
 * - a value that cannot be read as its type → `MalformedInput` (AWS checks types before constraints);
 * - constraint failures → one `ValidationError` listing all of them, in AWS's order.
 */
export function parseInput(model: ServiceModel, operation: OperationModel, params: Map<string, string>, options?: ParseOptions): ProtocolResult<Record<string, unknown>> {
  if (operation.input === undefined) return ok({})
  const compiled = compiledFor(model, options)
  const tree = buildTree(params)
  let value: Record<string, unknown>
  try {
    value = compiled.reader(operation.input)(tree) as Record<string, unknown>
  } catch (e) {
    if (e instanceof MalformedInputSignal) return fail(e.error)
    throw e
  }
  const messages: string[] = []
  compiled.validator(operation.input)(value, '', messages)
  if (messages.length > 0) return fail(validationError(messages))
  return ok(value)
}

// ---------------------------------------------------------------------------------------------
// Readers: ParamNode → typed value. Compiled once per shape and model.

type Reader = (node: ParamNode) => unknown
type Validator = (value: unknown, path: string, out: string[]) => void

export interface ParseOptions {
  /**
   * String shapes whose `pattern` is not checked here, for the application to check with its own
   * message: IAM answers a bad path or path prefix not with the generic pattern message but with
   * `The specified value for path is invalid. It must begin and end with / and contain only
   * alphanumeric characters and/or / characters.` (README.md). Pass the same object every time:
   * validators are compiled per (model, options).
   */
  readonly skipPatterns?: ReadonlySet<string>
  /**
   * Whether messages quote the offending value (`Value 'x' at 'userName'`). IAM's recent answers
   * leave it out (`Value at 'userName'`, docs/iam-behaviour.md §1); STS's include it. Default true.
   */
  readonly quoteValues?: boolean
}

interface Compiled {
  reader(shape: string): Reader
  validator(shape: string): Validator
}

const compiledModels = new WeakMap<ServiceModel, Map<ParseOptions | undefined, Compiled>>()

function compiledFor(model: ServiceModel, options: ParseOptions | undefined): Compiled {
  let byOptions = compiledModels.get(model)
  if (byOptions === undefined) {
    byOptions = new Map()
    compiledModels.set(model, byOptions)
  }
  let compiled = byOptions.get(options)
  if (compiled === undefined) {
    compiled = compileModel(model, options)
    byOptions.set(options, compiled)
  }
  return compiled
}

function lowerCamel(name: string): string {
  return name.length === 0 ? name : (name[0] as string).toLowerCase() + name.slice(1)
}

function compileModel(model: ServiceModel, options: ParseOptions | undefined): Compiled {
  const readers = new Map<string, Reader>()
  const validators = new Map<string, Validator>()

  function reader(name: string): Reader {
    let r = readers.get(name)
    if (r === undefined) {
      // A forwarding stub first, so that recursive shapes terminate.
      const slot: { real?: Reader } = {}
      readers.set(name, (node) => (slot.real as Reader)(node))
      r = compileReader(shapeOf(model, name))
      slot.real = r
      readers.set(name, r)
    }
    return r
  }

  function lazyReader(name: string): Reader {
    let r: Reader | undefined
    return (node) => (r ??= reader(name))(node)
  }

  function compileReader(shape: Shape): Reader {
    switch (shape.type) {
      case 'structure':
        return compileStructureReader(shape)
      case 'list':
        return compileListReader(shape, shape.flattened === true)
      case 'map':
        return compileMapReader(shape, shape.flattened === true)
      default:
        return (node) => (node.value === undefined ? undefined : readScalar(shape, node.value))
    }
  }

  function compileStructureReader(shape: StructureShape): Reader {
    const members = Object.entries(shape.members).map(([name, ref]) => {
      const target = shapeOf(model, ref.shape)
      const wire = ref.locationName ?? name
      const flattened = ref.flattened === true || ((target.type === 'list' || target.type === 'map') && target.flattened === true)
      // botocore names a flattened list's elements after the list member's locationName, if any.
      const alternative = flattened && target.type === 'list' ? target.member.locationName : undefined
      const read =
        target.type === 'list' && ref.flattened === true && target.flattened !== true
          ? compileListReader(target, true)
          : target.type === 'map' && ref.flattened === true && target.flattened !== true
            ? compileMapReader(target, true)
            : lazyReader(ref.shape)
      return { name, wire, alternative, read }
    })
    return (node) => {
      const out: Record<string, unknown> = {}
      const children = node.children
      if (children === undefined) return out
      for (const m of members) {
        let child = children.get(m.wire)
        if (child === undefined && m.alternative !== undefined) child = children.get(m.alternative)
        if (child === undefined) continue
        const value = m.read(child)
        if (value !== undefined) out[m.name] = value
      }
      return out
    }
  }

  function compileListReader(shape: ListShape, flattened: boolean): Reader {
    const element = lazyReader(shape.member.shape)
    const memberName = shape.member.locationName ?? 'member'
    return (node) => {
      // `Tags=` (botocore and the JS SDK send an empty list so) or any bare value: an empty list.
      const container = flattened ? node : node.children?.get(memberName)
      const out: unknown[] = []
      for (const child of indexedChildren(container)) {
        const value = element(child)
        if (value !== undefined) out.push(value)
      }
      return out
    }
  }

  function compileMapReader(shape: MapShape, flattened: boolean): Reader {
    const keyShape = shapeOf(model, shape.key.shape)
    const value = lazyReader(shape.value.shape)
    const keyName = shape.key.locationName ?? 'key'
    const valueName = shape.value.locationName ?? 'value'
    return (node) => {
      const container = flattened ? node : node.children?.get('entry')
      const out: Record<string, unknown> = Object.create(null) as Record<string, unknown>
      for (const entry of indexedChildren(container)) {
        const keyText = entry.children?.get(keyName)?.value
        if (keyText === undefined) continue
        const key = String(readScalar(keyShape, keyText))
        const valueNode = entry.children?.get(valueName)
        const v = valueNode === undefined ? undefined : value(valueNode)
        if (v !== undefined) out[key] = v
      }
      return out
    }
  }

  // -------------------------------------------------------------------------------------------
  // Validators: typed value → AWS's constraint messages.

  function validator(name: string): Validator {
    let v = validators.get(name)
    if (v === undefined) {
      const slot: { real?: Validator } = {}
      validators.set(name, (value, path, out) => (slot.real as Validator)(value, path, out))
      v = compileValidator(shapeOf(model, name))
      slot.real = v
      validators.set(name, v)
    }
    return v
  }

  function lazyValidator(name: string): Validator {
    let v: Validator | undefined
    return (value, path, out) => (v ??= validator(name))(value, path, out)
  }

  /** A shape's own constraint failures for one value (not its children's), as "Member must ...". */
  function constraintChecks(shapeName: string): ((value: unknown) => string[]) | undefined {
    const shape = shapeOf(model, shapeName)
    const checks: ((value: unknown) => string | undefined)[] = []
    const { min, max } = shape as { min?: number; max?: number }
    switch (shape.type) {
      case 'string': {
        if (min !== undefined) checks.push((v) => (codePointLength(v as string) < min ? `Member must have length greater than or equal to ${min}` : undefined))
        if (max !== undefined) checks.push((v) => (codePointLength(v as string) > max ? `Member must have length less than or equal to ${max}` : undefined))
        if (shape.pattern !== undefined && options?.skipPatterns?.has(shapeName) !== true) {
          const re = javaPatternMatcher(shape.pattern)
          const message = `Member must satisfy regular expression pattern: ${shape.pattern}`
          checks.push((v) => (re.test(v as string) ? undefined : message))
        }
        if (shape.enum !== undefined) {
          const values = new Set(shape.enum)
          const message = `Member must satisfy enum value set: [${shape.enum.join(', ')}]`
          checks.push((v) => (values.has(v as string) ? undefined : message))
        }
        break
      }
      case 'list':
      case 'map':
      case 'blob': {
        const size = (v: unknown): number => (shape.type === 'list' ? (v as unknown[]).length : shape.type === 'map' ? Object.keys(v as object).length : (v as Uint8Array).length)
        if (min !== undefined) checks.push((v) => (size(v) < min ? `Member must have length greater than or equal to ${min}` : undefined))
        if (max !== undefined) checks.push((v) => (size(v) > max ? `Member must have length less than or equal to ${max}` : undefined))
        break
      }
      case 'structure':
      case 'boolean':
      case 'timestamp':
        break
      default: {
        if (min !== undefined) checks.push((v) => ((v as number) < min ? `Member must have value greater than or equal to ${min}` : undefined))
        if (max !== undefined) checks.push((v) => ((v as number) > max ? `Member must have value less than or equal to ${max}` : undefined))
      }
    }
    if (checks.length === 0) return undefined
    return (value) => {
      const failed: string[] = []
      for (const check of checks) {
        const message = check(value)
        if (message !== undefined) failed.push(message)
      }
      return failed
    }
  }

  /** How AWS quotes a value in `Value ... at 'path'`; undefined: AWS leaves the value out. */
  function renderValue(shape: Shape, value: unknown): string | undefined {
    if (shape.sensitive === true) return undefined
    if (value === undefined || value === null) return 'null'
    if (options?.quoteValues === false) return undefined
    const text = javaToString(model, shape, value)
    return text === undefined ? undefined : `'${text}'`
  }

  /**
   * Messages for one value at one path, in HashSet order of the full message, then the value's
   * children (elements, members) in their order.
   */
  function compileValueChecks(ref: MemberRef): Validator {
    const target = shapeOf(model, ref.shape)
    const checks = constraintChecks(ref.shape)
    const children = target.type === 'structure' || target.type === 'list' || target.type === 'map' ? lazyValidator(ref.shape) : undefined
    return (value, path, out) => {
      if (checks !== undefined) {
        const failed = checks(value)
        if (failed.length > 0) {
          const rendered = renderValue(target, value)
          const head = rendered === undefined ? `Value at '${path}'` : `Value ${rendered} at '${path}'`
          const messages = failed.map((m) => `${head} failed to satisfy constraint: ${m}`)
          for (const m of javaHashOrder(messages, (s) => s)) out.push(m)
        }
      }
      if (children !== undefined) children(value, path, out)
    }
  }

  function compileValidator(shape: Shape): Validator {
    switch (shape.type) {
      case 'structure': {
        const required = new Set(shape.required ?? [])
        const members = javaHashOrder(
          Object.entries(shape.members).map(([name, ref]) => ({
            name,
            pathName: lowerCamel(name),
            required: required.has(name),
            nullHead: shapeOf(model, ref.shape).sensitive === true ? 'Value at' : 'Value null at',
            check: compileValueChecks(ref)
          })),
          (m) => m.pathName
        )
        return (value, path, out) => {
          const object = value as Record<string, unknown>
          for (const m of members) {
            const memberPath = path === '' ? m.pathName : `${path}.${m.pathName}`
            const v = object[m.name]
            if (v === undefined || v === null) {
              if (m.required) out.push(`${m.nullHead} '${memberPath}' failed to satisfy constraint: Member must not be null`)
              continue
            }
            m.check(v, memberPath, out)
          }
        }
      }
      case 'list': {
        const element = compileValueChecks(shape.member)
        return (value, path, out) => {
          const list = value as unknown[]
          for (let i = 0; i < list.length; i++) element(list[i], `${path}.${i + 1}.member`, out)
        }
      }
      case 'map':
        return compileMapValidator(shape)
      default:
        return () => undefined
    }
  }

  /**
   * Map entries: AWS words key and value failures as one message at the map's path, e.g.
   * `Value '{a=b}' at 'tags' failed to satisfy constraint: Map keys must satisfy constraint:
   * [Member must have length ...]` (the form Lambda and other Coral services use; IAM and STS
   * inputs have no maps).
   */
  function compileMapValidator(shape: MapShape): Validator {
    const valueShape = shapeOf(model, shape.value.shape)
    const keyChecks = constraintChecks(shape.key.shape)
    const valueChecks = valueShape.type === 'structure' || valueShape.type === 'list' || valueShape.type === 'map' ? undefined : constraintChecks(shape.value.shape)
    const nested =
      valueChecks === undefined && (valueShape.type === 'structure' || valueShape.type === 'list' || valueShape.type === 'map') ? lazyValidator(shape.value.shape) : undefined
    return (value, path, out) => {
      const map = value as Record<string, unknown>
      const keyFailures = new Set<string>()
      const valueFailures = new Set<string>()
      for (const key of Object.keys(map)) {
        if (keyChecks !== undefined) for (const m of keyChecks(key)) keyFailures.add(m)
        const v = map[key]
        if (valueChecks !== undefined && v !== undefined && v !== null) for (const m of valueChecks(v)) valueFailures.add(m)
        if (nested !== undefined && v !== undefined && v !== null) nested(v, `${path}.${key}`, out)
      }
      if (keyFailures.size === 0 && valueFailures.size === 0) return
      const rendered = renderValue(shape, value)
      const head = rendered === undefined ? `Value at '${path}'` : `Value ${rendered} at '${path}'`
      if (keyFailures.size > 0) out.push(`${head} failed to satisfy constraint: Map keys must satisfy constraint: [${[...keyFailures].join(', ')}]`)
      if (valueFailures.size > 0) out.push(`${head} failed to satisfy constraint: Map value must satisfy constraint: [${[...valueFailures].join(', ')}]`)
    }
  }

  return { reader, validator }
}

function codePointLength(s: string): number {
  let n = s.length
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1)
      if (d >= 0xdc00 && d <= 0xdfff) {
        n--
        i++
      }
    }
  }
  return n
}
