// Who sent this request: the access key in its verified SigV4 signature, resolved to the root
// user or an IAM user of an account. Lookups are cached (secrets decrypted once per key) and
// invalidated with the account's authorization generation, so a deleted or deactivated key
// stops working at once.

import { iamArn, rootArn } from '../../core/arn.js'
import type { AccessKeyRecord, Tag } from '../../store/ports/records.js'
import type { CallerKind } from '../caller.js'
import type { AppContext } from '../context.js'

export interface KeyOwner {
  readonly accessKeyId: string
  readonly secretAccessKey: string
  readonly status: 'Active' | 'Inactive'
  readonly accountId: string
  readonly kind: CallerKind
  readonly arn: string
  readonly principalId: string
  readonly userId?: string | undefined
  readonly userName?: string | undefined
  readonly tags: readonly Tag[]
}

interface CachedOwner {
  readonly generation: number
  readonly owner: KeyOwner
}

const CACHE_LIMIT = 10_000

export class KeyDirectory {
  private readonly cache = new Map<string, CachedOwner>()

  constructor(private readonly ctx: AppContext) {}

  /** The key's owner and secret, or undefined when no such key exists. */
  async lookup(accessKeyId: string): Promise<KeyOwner | undefined> {
    const hit = this.cache.get(accessKeyId)
    if (hit && hit.generation === this.ctx.authCache.credentialGeneration(hit.owner.accountId)) return hit.owner
    const key = await this.ctx.store.read.accessKeys.byId(accessKeyId)
    if (!key) return undefined
    const generation = this.ctx.authCache.credentialGeneration(key.accountId)
    const owner = await this.ownerOf(key)
    if (!owner) return undefined
    if (this.cache.size >= CACHE_LIMIT) this.cache.delete(this.cache.keys().next().value as string)
    this.cache.set(accessKeyId, { generation, owner })
    return owner
  }

  clear(): void {
    this.cache.clear()
  }

  private async ownerOf(key: AccessKeyRecord): Promise<KeyOwner | undefined> {
    const secretAccessKey = this.ctx.secrets.open(key.secretCipher)
    const base = { accessKeyId: key.id, secretAccessKey, status: key.status, accountId: key.accountId }
    if (key.userId === undefined) {
      return { ...base, kind: 'root', arn: rootArn(key.accountId), principalId: key.accountId, tags: [] }
    }
    const user = await this.ctx.store.read.users.byId(key.accountId, key.userId)
    if (!user) return undefined
    return {
      ...base,
      kind: 'user',
      arn: iamArn(key.accountId, 'user', user.path, user.name),
      principalId: user.id,
      userId: user.id,
      userName: user.name,
      tags: await this.ctx.store.read.tags.list('user', user.id)
    }
  }
}
