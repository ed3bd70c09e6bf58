// The console's helper routes (docs/console-api.md, "Helpers the pages need"): policy validation
// and summaries, the Service Authorization Reference, the dashboard. Only the routing and the
// reading of bodies are here; the work is in app/console-insights/. The console handler asks this
// about every signed-in request that is not its own: undefined means "not a helper route".

import { AwsError } from '../../core/aws-error.js'
import type { Call } from '../../app/call.js'
import { dashboard } from '../../app/console-insights/dashboard.js'
import { summarizePolicy } from '../../app/console-insights/policy-summary.js'
import { isPolicyKind, validatePolicy } from '../../app/console-insights/policy-validation.js'
import { catalogServices, serviceDetail } from '../../app/console-insights/service-catalog.js'
import { parsePolicy, POLICY_KINDS, type PolicyKind } from '../../policy/index.js'

type Answer = { status: number; body: unknown }

/** `path` is the part after /console/api (e.g. `/policy/validate`); undefined: not a helper route. May throw AwsError. */
export async function helperRoute(call: Call, method: 'GET' | 'POST', path: string, body: unknown): Promise<{ status: number; body: unknown } | undefined> {
  const route = path.split('?')[0] ?? ''
  switch (route) {
    case '/policy/validate':
      return only('POST', method, () => validate(body))
    case '/policy/summary':
      return only('POST', method, () => summary(body))
    case '/catalog/services':
      return only('GET', method, async () => ok(await catalogServices()))
    case '/dashboard':
      return only('GET', method, async () => ok(await dashboard(call)))
  }
  const service = /^\/catalog\/services\/([^/]+)$/.exec(route)
  if (service) return only('GET', method, () => catalogService(service[1] as string))
  return undefined
}

const ok = (body: unknown): Answer => ({ status: 200, body })

function only(expected: 'GET' | 'POST', method: 'GET' | 'POST', answer: () => Promise<Answer>): Promise<Answer> {
  if (method !== expected) throw new AwsError('MethodNotAllowed', `This console API route takes ${expected}.`, 405)
  return answer()
}

async function validate(body: unknown): Promise<Answer> {
  const { document, kind } = policyRequest(body)
  return ok({ errors: validatePolicy(document, kind) })
}

async function summary(body: unknown): Promise<Answer> {
  const { document, kind } = policyRequest(body)
  // Stored policies may predate today's rules; a summary describes them all the same.
  const parsed = parsePolicy(document, { kind, allowLegacyVersion: true })
  if (!parsed.ok) throw new AwsError('MalformedPolicyDocument', parsed.errors[0]?.message ?? 'Syntax errors in policy.', 400)
  return ok({ services: await summarizePolicy(parsed.policy) })
}

async function catalogService(encoded: string): Promise<Answer> {
  let prefix: string
  try {
    prefix = decodeURIComponent(encoded)
  } catch {
    throw new AwsError('ValidationError', 'The service prefix in the path is not valid URL encoding.', 400)
  }
  const detail = await serviceDetail(prefix)
  if (!detail) throw new AwsError('NoSuchEntity', `The Service Authorization Reference has no service with prefix ${prefix}.`, 404)
  return ok(detail)
}

/** `{ document: string, kind?: PolicyKind }`, identity policies when no kind is given. */
function policyRequest(body: unknown): { document: string; kind: PolicyKind } {
  const b = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>
  if (typeof b.document !== 'string') throw new AwsError('ValidationError', 'The body must be { "document": "<policy JSON text>", "kind": "identity" | ... }.', 400)
  const kind = b.kind ?? 'identity'
  if (!isPolicyKind(kind)) throw new AwsError('ValidationError', `Unknown policy kind ${JSON.stringify(kind)}: use one of ${POLICY_KINDS.join(', ')}.`, 400)
  return { document: b.document, kind }
}
