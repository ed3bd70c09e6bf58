// Accounts and their root users. Creating an account makes its root credentials: an access key
// and a console password, returned once (the secret is stored encrypted, the password hashed).

import { AwsError } from '../core/aws-error.js'
import { isAccountId, newAccountId, newId, newSecretAccessKey } from '../core/ids.js'
import { randomString } from '../core/random.js'
import { UniqueViolation } from '../store/ports/repositories.js'
import type { AppContext } from './context.js'

export interface RootCredentials {
  readonly accountId: string
  readonly accessKeyId: string
  readonly secretAccessKey: string
  readonly password: string
}

export async function createAccount(ctx: AppContext, accountId?: string): Promise<RootCredentials> {
  const id = accountId ?? newAccountId(ctx.random)
  if (!isAccountId(id)) throw new AwsError('InvalidInput', `Account IDs have 12 digits: ${id}`, 400)
  const password = generatePassword(ctx)
  const accessKeyId = newId('accessKey', ctx.random)
  const secretAccessKey = newSecretAccessKey(ctx.random)
  const now = ctx.clock.now()
  const passwordHash = await ctx.passwords.hash(password)
  try {
    await ctx.store.transaction(async (tx) => {
      await tx.accounts.insert({
        id,
        alias: undefined,
        createdAt: now,
        rootPasswordHash: passwordHash,
        rootPasswordLastUsed: undefined,
        passwordPolicy: undefined,
        stsTokenVersion: 1,
        policyGeneration: 0
      })
      await tx.accessKeys.insert({
        id: accessKeyId,
        accountId: id,
        userId: undefined,
        secretCipher: ctx.secrets.seal(secretAccessKey),
        status: 'Active',
        createdAt: now,
        lastUsedAt: undefined,
        lastUsedService: undefined,
        lastUsedRegion: undefined
      })
    })
  } catch (e) {
    if (e instanceof UniqueViolation) throw new AwsError('EntityAlreadyExists', `Account ${id} already exists.`, 409)
    throw e
  }
  return { accountId: id, accessKeyId, secretAccessKey, password }
}

/** 24 characters with every character class, which any password policy accepts. */
export function generatePassword(ctx: Pick<AppContext, 'random'>): string {
  const classes = ['ABCDEFGHJKLMNPQRSTUVWXYZ', 'abcdefghijkmnopqrstuvwxyz', '23456789', '!@#$%^&*()_+-=[]{}|']
  const all = classes.join('')
  const chars = [...classes.map((c) => randomString(ctx.random, c, 1)), ...randomString(ctx.random, all, 20)]
  // Shuffle so the class characters are not always first.
  for (let i = chars.length - 1; i > 0; i--) {
    const j = (ctx.random.bytes(1)[0] as number) % (i + 1)
    ;[chars[i], chars[j]] = [chars[j] as string, chars[i] as string]
  }
  return chars.join('')
}
