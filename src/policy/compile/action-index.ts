// Which statements of a group can apply to an action. Built once per group: exact action names
// go into a map, wildcard patterns are grouped by service, NotAction statements are kept apart,
// so finding an action's statements does not scan the group. (The answers are memoised per
// action in the policy set's plans, compile/action-plan.ts.)

import { compileGlob, tokenizeSimple, type Matcher } from '../match/glob.js'
import type { CompiledStatement } from './compile-statement.js'
import { StatementSelection } from './statement-selection.js'

export interface ActionCandidates {
  /** Deny statements that may apply, in statement order. */
  readonly denies: StatementSelection
  /** Allow statements that may apply, in statement order. */
  readonly allows: StatementSelection
}

const EMPTY = new StatementSelection([])
const NONE: ActionCandidates = { denies: EMPTY, allows: EMPTY }

interface PatternEntry {
  readonly match: Matcher
  readonly statement: CompiledStatement
}

export class ActionIndex {
  private readonly exact = new Map<string, CompiledStatement[]>()
  private readonly byService = new Map<string, PatternEntry[]>()
  private readonly anyService: PatternEntry[] = []
  private readonly notAction: { readonly matchers: readonly Matcher[]; readonly statement: CompiledStatement }[] = []

  constructor(readonly statements: readonly CompiledStatement[]) {
    for (const s of statements) {
      if (s.notAction) {
        this.notAction.push({ matchers: s.actionPatterns.map((p) => compileGlob(tokenizeSimple(p))), statement: s })
        continue
      }
      for (const pattern of s.actionPatterns) this.add(pattern, s)
    }
  }

  private add(pattern: string, statement: CompiledStatement): void {
    const colon = pattern.indexOf(':')
    const wild = pattern.includes('*') || pattern.includes('?')
    if (!wild) {
      const list = this.exact.get(pattern)
      if (list) {
        if (list[list.length - 1] !== statement) list.push(statement)
      } else this.exact.set(pattern, [statement])
      return
    }
    const entry = { match: compileGlob(tokenizeSimple(pattern)), statement }
    const service = colon > 0 ? pattern.slice(0, colon) : ''
    if (service === '' || service.includes('*') || service.includes('?')) {
      this.anyService.push(entry)
      return
    }
    const list = this.byService.get(service)
    if (list) list.push(entry)
    else this.byService.set(service, [entry])
  }

  /** The statements that may apply to an action; `action` must be lower-cased. */
  candidates(action: string): ActionCandidates {
    const chosen = new Set<CompiledStatement>(this.exact.get(action))
    const colon = action.indexOf(':')
    const service = colon > 0 ? action.slice(0, colon) : ''
    for (const e of this.byService.get(service) ?? []) if (!chosen.has(e.statement) && e.match(action)) chosen.add(e.statement)
    for (const e of this.anyService) if (!chosen.has(e.statement) && e.match(action)) chosen.add(e.statement)
    for (const n of this.notAction) if (!n.matchers.some((m) => m(action))) chosen.add(n.statement)
    if (chosen.size === 0) return NONE
    const ordered = [...chosen].sort((a, b) => a.order - b.order)
    return { denies: new StatementSelection(ordered.filter((s) => s.deny)), allows: new StatementSelection(ordered.filter((s) => !s.deny)) }
  }
}
