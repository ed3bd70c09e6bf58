// Encoded authorization failure messages: where an AccessDenied message must not say why (AWS's
// AssumeRole message does not, so that it tells nobody whether a role exists or what its trust
// policy says), Portcullis appends the reason sealed, and STS DecodeAuthorizationMessage reveals
// it to callers of the same account who are allowed sts:DecodeAuthorizationMessage. The decoded
// document has the structure AWS documents (docs/sts-behaviour.md §7), plus our reason sentence.

import { denialReason, type Decision, type RawContext } from '../../policy/index.js'
import { jsonSealer, type JsonSealer } from '../sealed-json.js'
import type { Caller } from '../caller.js'

export interface AuthorizationMessage {
  readonly allowed: boolean
  readonly explicitDeny: boolean
  readonly matchedStatements: { readonly items: readonly MatchedStatement[] }
  readonly failures: { readonly items: readonly unknown[] }
  readonly context: {
    readonly principal: { readonly id: string; readonly arn: string }
    readonly action: string
    readonly resource: string
    readonly conditions: { readonly items: readonly { readonly key: string; readonly values: { readonly items: readonly { readonly value: string }[] } }[] }
  }
  /** Portcullis: the sentence an AccessDenied message would have ended with. */
  readonly reason: string
}

interface MatchedStatement {
  readonly statementId: string
  readonly effect: 'ALLOW' | 'DENY'
  readonly policyType: string
  readonly policyName: string
}

export type AuthorizationMessageSealer = JsonSealer<AuthorizationMessage>

export function authorizationMessageSealer(masterKey: Uint8Array): AuthorizationMessageSealer {
  return jsonSealer<AuthorizationMessage>(masterKey, 'sts authorization message v1')
}

export interface Denial {
  readonly caller: Caller
  /** service:Action */
  readonly action: string
  readonly resource: string
  readonly context: RawContext
  /** The engine's decision, or a sentence when the request failed before evaluation (no such role). */
  readonly decision: Decision | string
}

/** The message, sealed for the caller's account: only that account's callers can decode it. */
export function encodeDenial(sealer: AuthorizationMessageSealer, denial: Denial): string {
  const decision = typeof denial.decision === 'string' ? undefined : denial.decision
  const message: AuthorizationMessage = {
    allowed: false,
    explicitDeny: decision?.decision === 'ExplicitDeny',
    matchedStatements: {
      items: (decision?.decision === 'ExplicitDeny' ? decision.statements : []).map((s) => ({
        statementId: s.sid ?? '',
        effect: s.effect === 'Deny' ? 'DENY' : 'ALLOW',
        policyType: s.policyType,
        policyName: s.policyName
      }))
    },
    failures: { items: [] },
    context: {
      principal: { id: denial.caller.principalId, arn: denial.caller.arn },
      // AWS names the operation alone here (RunInstances, not ec2:RunInstances).
      action: denial.action.slice(denial.action.indexOf(':') + 1),
      resource: denial.resource,
      conditions: {
        items: Object.entries(denial.context).map(([key, value]) => ({ key, values: { items: (Array.isArray(value) ? value : [value]).map((v) => ({ value: String(v) })) } }))
      }
    },
    reason: typeof denial.decision === 'string' ? denial.decision : denialReason(denial.decision, denial.action)
  }
  return sealer.seal(message, denial.caller.accountId)
}

export function decodeDenial(sealer: AuthorizationMessageSealer, accountId: string, encoded: string): AuthorizationMessage | undefined {
  return sealer.open(encoded.trim(), accountId)
}
