// Tagging an identity provider (TagOpenIDConnectProvider, TagSAMLProvider and their Untag and
// List...Tags): the same three actions for both kinds, authorized on the provider's ARN.

import type { AwsError } from '../../core/aws-error.js'
import type { Repositories } from '../../store/ports/repositories.js'
import type { ActionTable, Call } from '../call.js'
import { listing, pageFields, pageRequest } from './paging.js'
import { checkNewTags, checkTagCount, mergeTags, requestTagContext, tagKeysContext, tagsOf } from './tags.js'
import { authorizeOnProvider, checkProviderArn } from './federation-providers.js'

export interface ProviderKind<T extends { readonly id: string } = { readonly id: string }> {
  /** The resource type of its tags and its ARN ('oidc-provider' | 'saml-provider'). */
  readonly type: 'oidc-provider' | 'saml-provider'
  /** The name in the action names: TagOpenIDConnectProvider, ListSAMLProviderTags... */
  readonly noun: 'OpenIDConnectProvider' | 'SAMLProvider'
  /** The input member that holds the ARN. */
  readonly arnMember: 'OpenIDConnectProviderArn' | 'SAMLProviderArn'
  find(repos: Repositories, accountId: string, arn: string): Promise<T | undefined>
  notFound(arn: string): AwsError
}

interface TagInput {
  readonly Tags?: readonly { Key?: string | undefined; Value?: string | undefined }[] | undefined
  readonly TagKeys?: readonly string[] | undefined
  readonly Marker?: string | undefined
  readonly MaxItems?: number | undefined
}

/** Authorizes on the ARN (with the provider's tags when it exists), then checks the ARN's form. */
export async function authorizeOnProviderArn<T extends { readonly id: string }>(
  call: Call,
  kind: ProviderKind<T>,
  action: string,
  arn: string,
  context?: Record<string, string | string[]>
) {
  const provider = await kind.find(call.read, call.accountId, arn)
  const tags = await authorizeOnProvider(call, action, arn, provider, kind.type, context)
  checkProviderArn(arn, kind.type)
  return { provider, tags }
}

export async function requireProvider<T extends { readonly id: string }>(kind: ProviderKind<T>, repos: Repositories, accountId: string, arn: string): Promise<T> {
  const provider = await kind.find(repos, accountId, arn)
  if (!provider) throw kind.notFound(arn)
  return provider
}

export function providerTagActions(kind: ProviderKind): ActionTable {
  const arnOf = (input: unknown) => (input as Record<string, string>)[kind.arnMember] as string
  return {
    [`Tag${kind.noun}`]: async (call, raw) => {
      const arn = arnOf(raw)
      const tags = tagsOf((raw as TagInput).Tags)
      await authorizeOnProviderArn(call, kind, `iam:Tag${kind.noun}`, arn, requestTagContext(tags))
      checkNewTags(tags, kind.type)
      await call.write(async (tx) => {
        const current = await requireProvider(kind, tx, call.accountId, arn)
        checkTagCount(mergeTags(await tx.tags.list(kind.type, current.id), tags, kind.type).length)
        await tx.tags.put(call.accountId, kind.type, current.id, tags)
      })
      return undefined
    },
    [`Untag${kind.noun}`]: async (call, raw) => {
      const arn = arnOf(raw)
      const keys = (raw as TagInput).TagKeys ?? []
      await authorizeOnProviderArn(call, kind, `iam:Untag${kind.noun}`, arn, tagKeysContext(keys))
      await call.write(async (tx) => {
        const current = await requireProvider(kind, tx, call.accountId, arn)
        await tx.tags.remove(kind.type, current.id, keys)
      })
      return undefined
    },
    [`List${kind.noun}Tags`]: async (call, raw) => {
      const arn = arnOf(raw)
      const { provider } = await authorizeOnProviderArn(call, kind, `iam:List${kind.noun}Tags`, arn)
      if (!provider) throw kind.notFound(arn)
      const page = await listing(() => call.read.tags.page(kind.type, provider.id, pageRequest(raw as TagInput)))
      return { Tags: page.items, ...pageFields(page) }
    }
  }
}
