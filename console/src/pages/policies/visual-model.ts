// The visual editor's model and its two-way mapping to policy JSON. A statement the visual
// editor can show (one service, listed actions or the service's `*`, resources, simple
// conditions) becomes a VisualStatement; any other (NotAction, Principal, several services,
// action wildcards…) is kept verbatim as a RawStatement, so switching between the visual and
// JSON editors never loses part of the document.

export interface VisualCondition {
  readonly operator: string
  readonly key: string
  /** Comma-separated in the form; a list in the JSON when there are several. */
  readonly values: string
}

export interface VisualStatement {
  readonly kind: 'visual'
  readonly id: number
  readonly sid?: string
  readonly effect: 'Allow' | 'Deny'
  /** The service prefix ('s3'); '' until one is chosen. */
  readonly service: string
  /** Action names without the prefix, or ['*'] for every action of the service. */
  readonly actions: readonly string[]
  /** Empty: all resources ("*"). */
  readonly resources: readonly string[]
  readonly allResources: boolean
  readonly conditions: readonly VisualCondition[]
}

export interface RawStatement {
  readonly kind: 'raw'
  readonly id: number
  readonly json: unknown
}

export type EditorStatement = VisualStatement | RawStatement

export interface VisualDocument {
  readonly version: string
  readonly id?: string
  readonly statements: readonly EditorStatement[]
}

let nextId = 1
export const newStatement = (): VisualStatement => ({ kind: 'visual', id: nextId++, effect: 'Allow', service: '', actions: [], resources: [], allResources: true, conditions: [] })

const asList = (v: unknown): unknown[] | undefined => (typeof v === 'string' ? [v] : Array.isArray(v) ? v : undefined)
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

function toConditions(c: unknown): VisualCondition[] | undefined {
  if (c === undefined) return []
  if (!isObject(c)) return undefined
  const out: VisualCondition[] = []
  for (const [operator, block] of Object.entries(c)) {
    if (!isObject(block)) return undefined
    for (const [key, value] of Object.entries(block)) {
      const values = asList(value) ?? (typeof value === 'boolean' || typeof value === 'number' ? [value] : undefined)
      if (!values || values.some((v) => typeof v === 'object' || String(v).includes(','))) return undefined
      out.push({ operator, key, values: values.map(String).join(', ') })
    }
  }
  return out
}

function toVisual(st: unknown): EditorStatement {
  const raw: RawStatement = { kind: 'raw', id: nextId++, json: st }
  if (!isObject(st)) return raw
  if (Object.keys(st).some((k) => !['Sid', 'Effect', 'Action', 'Resource', 'Condition'].includes(k))) return raw
  if (st.Effect !== 'Allow' && st.Effect !== 'Deny') return raw
  if (st.Sid !== undefined && typeof st.Sid !== 'string') return raw
  const actions = asList(st.Action ?? [])
  const resources = asList(st.Resource ?? '*')
  const conditions = toConditions(st.Condition)
  if (!actions || !resources || !conditions || actions.some((a) => typeof a !== 'string') || resources.some((r) => typeof r !== 'string')) return raw
  const prefixes = new Set((actions as string[]).map((a) => a.split(':')[0]?.toLowerCase()))
  if (prefixes.size > 1) return raw
  const names = (actions as string[]).map((a) => a.slice(a.indexOf(':') + 1))
  if (names.some((n, i) => !(actions[i] as string).includes(':') || (n.includes('*') && n !== '*') || n.includes('?'))) return raw
  const all = resources.length === 1 && resources[0] === '*'
  return {
    kind: 'visual',
    id: nextId++,
    ...(typeof st.Sid === 'string' ? { sid: st.Sid } : {}),
    effect: st.Effect,
    service: [...prefixes][0] ?? '',
    actions: names.includes('*') ? ['*'] : names,
    resources: all ? [] : (resources as string[]),
    allResources: all,
    conditions
  }
}

/** The visual model of a JSON document; undefined when the text is not a JSON object. */
export function fromJson(text: string): VisualDocument | undefined {
  let doc: unknown
  try {
    doc = JSON.parse(text)
  } catch {
    return undefined
  }
  if (!isObject(doc)) return undefined
  const st = doc.Statement
  const statements: unknown[] = Array.isArray(st) ? st : st === undefined ? [] : [st]
  return {
    version: typeof doc.Version === 'string' ? doc.Version : '2012-10-17',
    ...(typeof doc.Id === 'string' ? { id: doc.Id } : {}),
    statements: statements.map(toVisual)
  }
}

function conditionJson(conditions: readonly VisualCondition[]): Record<string, Record<string, string | string[]>> | undefined {
  if (conditions.length === 0) return undefined
  const out: Record<string, Record<string, string | string[]>> = {}
  for (const c of conditions) {
    const values = c.values
      .split(',')
      .map((v) => v.trim())
      .filter((v) => v !== '')
    const block = (out[c.operator] ??= {})
    block[c.key] = values.length === 1 ? (values[0] as string) : values
  }
  return out
}

function statementJson(st: EditorStatement): unknown {
  if (st.kind === 'raw') return st.json
  const actions = st.actions.map((a) => `${st.service}:${a}`)
  const resources = st.allResources || st.resources.length === 0 ? '*' : st.resources.length === 1 ? st.resources[0] : st.resources
  const condition = conditionJson(st.conditions)
  return {
    ...(st.sid ? { Sid: st.sid } : {}),
    Effect: st.effect,
    Action: actions.length === 1 ? actions[0] : actions,
    Resource: resources,
    ...(condition ? { Condition: condition } : {})
  }
}

/** The JSON text of a visual document, two-space indented as the AWS console writes it. */
export function toJson(doc: VisualDocument): string {
  return JSON.stringify({ Version: doc.version, ...(doc.id ? { Id: doc.id } : {}), Statement: doc.statements.map(statementJson) }, null, 2)
}

export const EMPTY_POLICY = toJson({ version: '2012-10-17', statements: [{ ...newStatement() }] })
