// Keeps authorization off the database: compiled policy sets per principal, valid until the
// account's policy generation moves (every write that can change a decision bumps it). The
// generation is held in memory here and bumped by the writes this process makes.

import type { CompiledPolicySet } from '../../policy/index.js'

const LIMIT = 10_000

interface Entry {
  readonly generation: number
  readonly set: CompiledPolicySet
}

export class AuthorizationCache {
  private readonly generations = new Map<string, number>()
  private readonly credentialGenerations = new Map<string, number>()
  private readonly sets = new Map<string, Entry>()
  private readonly identities = new Map<string, { readonly generation: number; readonly value: unknown }>()

  /** Moves when policies, attachments, membership or boundaries in the account change. */
  generation(accountId: string): number {
    return this.generations.get(accountId) ?? 0
  }

  /** Moves when keys or the users that own them change (what key lookups cache). */
  credentialGeneration(accountId: string): number {
    return this.credentialGenerations.get(accountId) ?? 0
  }

  /** Something that can change decisions or identities in the account changed: forget both. */
  invalidate(accountId: string): void {
    this.invalidatePolicies(accountId)
    this.credentialGenerations.set(accountId, this.credentialGeneration(accountId) + 1)
  }

  /** Only policies (not keys or their owners) changed: cached key lookups stay valid. */
  invalidatePolicies(accountId: string): void {
    this.generations.set(accountId, this.generation(accountId) + 1)
  }

  async policySet(accountId: string, principalKey: string, load: () => Promise<CompiledPolicySet>): Promise<CompiledPolicySet> {
    const generation = this.generation(accountId)
    const key = `${accountId}/${principalKey}`
    const hit = this.sets.get(key)
    if (hit && hit.generation === generation) return hit.set
    const set = await load()
    // The generation may have moved while loading; store under the one read before, so a
    // concurrent change forces a reload next time.
    if (this.sets.size >= LIMIT) this.sets.delete(this.sets.keys().next().value as string)
    this.sets.set(key, { generation, set })
    return set
  }

  /**
   * An identity record (a role looked up by AssumeRole), valid until the account's credential
   * generation moves: every write that changes principals, their names, tags or trust bumps it.
   * Misses are not kept (creating a principal need not invalidate anything).
   */
  async identity<T>(accountId: string, key: string, load: () => Promise<T>): Promise<T> {
    const generation = this.credentialGeneration(accountId)
    const full = `${accountId}/${key}`
    const hit = this.identities.get(full)
    if (hit && hit.generation === generation) return hit.value as T
    const value = await load()
    if (value === undefined) return value
    if (this.identities.size >= LIMIT) this.identities.delete(this.identities.keys().next().value as string)
    this.identities.set(full, { generation, value })
    return value
  }

  clear(): void {
    this.generations.clear()
    this.credentialGenerations.clear()
    this.sets.clear()
    this.identities.clear()
  }
}
