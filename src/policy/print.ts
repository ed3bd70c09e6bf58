// Prints a typed policy back to JSON. Parsing the printed text gives back the same policy
// (string-or-array choices and JSON value types are kept), which the property tests check.

import type { ConditionClause, Policy, PrincipalBlock, Statement, StringList } from './model.js'

export function printPolicy(policy: Policy, indent = 2): string {
  return JSON.stringify(toJson(policy), null, indent)
}

type Json = string | number | boolean | Json[] | { [key: string]: Json }

/** A null-prototype object: a key named "__proto__" is then an ordinary member. */
function record(): { [key: string]: Json } {
  return Object.create(null) as { [key: string]: Json }
}

export function toJson(policy: Policy): { [key: string]: Json } {
  const out = record()
  if (policy.version !== undefined) out.Version = policy.version
  if (policy.id !== undefined) out.Id = policy.id
  const statements = policy.statements.map(statementJson)
  out.Statement = policy.statementIsArray ? statements : (statements[0] ?? {})
  return out
}

function statementJson(s: Statement): { [key: string]: Json } {
  const out = record()
  if (s.sid !== undefined) out.Sid = s.sid
  out.Effect = s.effect
  if (s.principal) out.Principal = principalJson(s.principal)
  if (s.notPrincipal) out.NotPrincipal = principalJson(s.notPrincipal)
  if (s.action) out.Action = listJson(s.action)
  if (s.notAction) out.NotAction = listJson(s.notAction)
  if (s.resource) out.Resource = listJson(s.resource)
  if (s.notResource) out.NotResource = listJson(s.notResource)
  if (s.condition) out.Condition = conditionJson(s.condition)
  return out
}

function listJson(list: StringList): Json {
  return list.isArray ? [...list.values] : (list.values[0] ?? '')
}

function principalJson(block: PrincipalBlock): Json {
  if (block.wildcard) return '*'
  const out = record()
  for (const e of block.entries) out[e.type] = listJson(e.list)
  return out
}

function conditionJson(clauses: readonly ConditionClause[]): Json {
  const out = record()
  for (const c of clauses) {
    const block = record()
    for (const e of c.entries) block[e.key] = e.isArray ? [...e.values] : (e.values[0] ?? '')
    out[c.operator] = block
  }
  return out
}
