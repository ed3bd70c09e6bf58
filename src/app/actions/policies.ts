// Managed policies: CreatePolicy, GetPolicy, ListPolicies, DeletePolicy, their tags, and their
// versions (CreatePolicyVersion, GetPolicyVersion, ListPolicyVersions, DeletePolicyVersion,
// SetDefaultPolicyVersion). Customer managed policies live in the store; AWS managed ones come
// from the catalog and are read-only.

import type {
  CreatePolicyRequest,
  CreatePolicyVersionRequest,
  DeletePolicyRequest,
  DeletePolicyVersionRequest,
  GetPolicyRequest,
  GetPolicyVersionRequest,
  ListPoliciesRequest,
  ListPolicyTagsRequest,
  ListPolicyVersionsRequest,
  SetDefaultPolicyVersionRequest,
  TagPolicyRequest,
  UntagPolicyRequest
} from '@aws-sdk/client-iam'
import { iamErrors } from '../../core/aws-error.js'
import { iamArn } from '../../core/arn.js'
import { newId } from '../../core/ids.js'
import { UniqueViolation, type Repositories } from '../../store/ports/repositories.js'
import type { PolicyRecord, PolicyVersionRecord, Tag } from '../../store/ports/records.js'
import type { ActionTable, Call } from '../call.js'
import { encodeDocument } from '../shared/outputs.js'
import { pageFields, pageOf, pageRequest } from '../shared/paging.js'
import { checkPath, pathOrRoot } from '../shared/paths.js'
import { checkManagedDocument } from '../shared/policy-documents.js'
import {
  accountPolicyUsage,
  checkOwnPolicy,
  checkPolicyArn,
  findManagedPolicy,
  managedPolicyOutput,
  noSuchPolicy,
  noSuchPolicyVersion,
  policyDisplay,
  policyNotFound,
  policyUsage,
  requireManagedPolicy,
  type ManagedPolicyRef
} from '../shared/policy-lookup.js'
import { listManagedPolicies } from '../shared/policy-listing.js'
import { checkNewTags, checkTagCount, mergeTags, requestTagContext, tagKeysContext, tagsOf } from '../shared/tags.js'

export const POLICIES_PER_ACCOUNT = 1500
export const VERSIONS_PER_POLICY = 5

/** Policy tags as IAM lists them: shorter keys first, then by key (docs/iam-behaviour.md §3.1). */
function ordered(tags: readonly Tag[]): Tag[] {
  return [...tags].sort((a, b) => a.Key.length - b.Key.length || (a.Key < b.Key ? -1 : a.Key > b.Key ? 1 : 0))
}

/** Tags of a customer managed policy (AWS managed policies have none). */
async function policyTags(repos: Repositories, ref: ManagedPolicyRef | undefined): Promise<Tag[]> {
  return ref?.kind === 'customer' ? await repos.tags.list('policy', ref.policy.id) : []
}

/** The customer managed policy in the caller's account, re-read inside a transaction. */
async function requireCustomerPolicy(tx: Repositories, accountId: string, arn: string, missing: () => Error = () => noSuchPolicy(arn)): Promise<PolicyRecord> {
  const policy = await tx.policies.byArn(arn)
  if (!policy || policy.accountId !== accountId) throw missing()
  return policy
}

/** Version ids are v1, v2, ...; newest (highest) first, as IAM lists them. */
function versionNumber(versionId: string): number {
  return Number(/^v(\d+)/.exec(versionId)?.[1] ?? 0)
}

function newestFirst<T extends { readonly versionId: string }>(versions: readonly T[]): T[] {
  return [...versions].sort((a, b) => versionNumber(b.versionId) - versionNumber(a.versionId))
}

async function createPolicy(call: Call, raw: unknown) {
  const input = raw as CreatePolicyRequest
  const name = input.PolicyName as string
  const document = input.PolicyDocument as string
  const path = pathOrRoot(input.Path)
  const tags = tagsOf(input.Tags)
  const arn = iamArn(call.accountId, 'policy', path, name)
  await call.authorize({ action: 'iam:CreatePolicy', resource: arn, displayResource: `policy ${name}`, context: requestTagContext(tags) })
  checkPath(path)
  checkNewTags(tags, 'policy')
  checkManagedDocument(document)
  const policy: PolicyRecord = {
    id: newId('policy', call.ctx.random),
    accountId: call.accountId,
    name,
    path,
    arn,
    createdAt: call.now,
    updatedAt: call.now,
    description: input.Description,
    defaultVersion: 'v1',
    nextVersion: 2
  }
  const exists = () => iamErrors.entityAlreadyExists(`A policy called ${name} already exists. Duplicate names are not allowed.`)
  await call.write(async (tx) => {
    if (await tx.policies.byName(call.accountId, name)) throw exists()
    if ((await tx.policies.countUpTo(call.accountId, POLICIES_PER_ACCOUNT)) >= POLICIES_PER_ACCOUNT)
      throw iamErrors.limitExceeded(`Cannot exceed quota for PoliciesPerAccount: ${POLICIES_PER_ACCOUNT}`)
    try {
      await tx.policies.insert(policy)
    } catch (e) {
      if (e instanceof UniqueViolation) throw exists()
      throw e
    }
    await tx.policies.insertVersion({ policyId: policy.id, versionId: 'v1', document, createdAt: call.now })
    if (tags.length) await tx.tags.put(call.accountId, 'policy', policy.id, tags)
  })
  return { Policy: managedPolicyOutput({ kind: 'customer', policy }, { attachments: 0, boundaries: 0 }, { tags: tags.length ? tags : undefined }) }
}

async function getPolicy(call: Call, raw: unknown) {
  const arn = (raw as GetPolicyRequest).PolicyArn as string
  const ref = await findManagedPolicy(call.read, call.ctx.awsManaged, call.accountId, arn)
  const tags = await policyTags(call.read, ref)
  await call.authorize({ action: 'iam:GetPolicy', resource: arn, displayResource: policyDisplay(arn), resourceTags: tags })
  checkPolicyArn(arn)
  if (!ref) throw noSuchPolicy(arn)
  return { Policy: managedPolicyOutput(ref, await policyUsage(call.read, call.accountId, arn), { description: true, tags: ordered(tags) }) }
}

async function listPolicies(call: Call, raw: unknown) {
  const input = raw as ListPoliciesRequest
  const pathPrefix = input.PathPrefix ?? '/'
  await call.authorize({ action: 'iam:ListPolicies', resource: '*', displayResource: `policy path ${pathPrefix}` })
  const usage = await accountPolicyUsage(call.read, call.accountId)
  const page = await listManagedPolicies(call.read, call.ctx.awsManaged, call.accountId, {
    scope: input.Scope ?? 'All',
    pathPrefix,
    keep: (arn) => {
      const used = usage(arn)
      if (input.OnlyAttached === true && used.attachments === 0) return false
      if (input.PolicyUsageFilter === 'PermissionsPolicy' && used.attachments === 0) return false
      if (input.PolicyUsageFilter === 'PermissionsBoundary' && used.boundaries === 0) return false
      return true
    },
    page: pageRequest(input)
  })
  return { Policies: page.items.map((ref) => managedPolicyOutput(ref, usage(ref.policy.arn))), ...pageFields(page) }
}

async function deletePolicy(call: Call, raw: unknown) {
  const arn = (raw as DeletePolicyRequest).PolicyArn as string
  const ref = await findManagedPolicy(call.read, call.ctx.awsManaged, call.accountId, arn)
  await call.authorize({ action: 'iam:DeletePolicy', resource: arn, displayResource: policyDisplay(arn), resourceTags: await policyTags(call.read, ref) })
  checkPolicyArn(arn)
  checkOwnPolicy(call.accountId, arn, 'Cannot delete policies outside your own account.')
  await call.write(
    async (tx) => {
      const policy = await requireCustomerPolicy(tx, call.accountId, arn)
      const usage = await policyUsage(tx, call.accountId, arn)
      if (usage.attachments > 0 || usage.boundaries > 0) throw iamErrors.deleteConflict('Cannot delete a policy attached to entities.')
      if ((await tx.policies.versions(policy.id)).length > 1) {
        throw iamErrors.deleteConflict(
          "This policy has more than one version. Before you delete a policy, you must delete the policy's versions. The default version is deleted with the policy."
        )
      }
      await tx.tags.removeAll('policy', policy.id)
      await tx.policies.delete(call.accountId, policy.id)
    },
    { affectsPolicies: true }
  )
  return undefined
}

async function tagPolicy(call: Call, raw: unknown) {
  const input = raw as TagPolicyRequest
  const arn = input.PolicyArn as string
  const tags = tagsOf(input.Tags)
  const ref = await findManagedPolicy(call.read, call.ctx.awsManaged, call.accountId, arn)
  await call.authorize({
    action: 'iam:TagPolicy',
    resource: arn,
    displayResource: policyDisplay(arn),
    resourceTags: await policyTags(call.read, ref),
    context: requestTagContext(tags)
  })
  checkPolicyArn(arn)
  checkOwnPolicy(call.accountId, arn, 'Cannot tag policies outside your own account.')
  checkNewTags(tags, 'policy')
  await call.write(async (tx) => {
    const policy = await requireCustomerPolicy(tx, call.accountId, arn, () => policyNotFound(arn))
    checkTagCount(mergeTags(await tx.tags.list('policy', policy.id), tags, 'policy').length)
    await tx.tags.put(call.accountId, 'policy', policy.id, tags)
  })
  return undefined
}

async function untagPolicy(call: Call, raw: unknown) {
  const input = raw as UntagPolicyRequest
  const arn = input.PolicyArn as string
  const keys = input.TagKeys ?? []
  const ref = await findManagedPolicy(call.read, call.ctx.awsManaged, call.accountId, arn)
  await call.authorize({
    action: 'iam:UntagPolicy',
    resource: arn,
    displayResource: policyDisplay(arn),
    resourceTags: await policyTags(call.read, ref),
    context: tagKeysContext(keys)
  })
  checkPolicyArn(arn)
  checkOwnPolicy(call.accountId, arn, 'Cannot untag policies outside your own account.')
  await call.write(async (tx) => {
    const policy = await requireCustomerPolicy(tx, call.accountId, arn, () => policyNotFound(arn))
    await tx.tags.remove('policy', policy.id, keys)
  })
  return undefined
}

async function listPolicyTags(call: Call, raw: unknown) {
  const input = raw as ListPolicyTagsRequest
  const arn = input.PolicyArn as string
  const ref = await findManagedPolicy(call.read, call.ctx.awsManaged, call.accountId, arn)
  const tags = await policyTags(call.read, ref)
  await call.authorize({ action: 'iam:ListPolicyTags', resource: arn, displayResource: policyDisplay(arn), resourceTags: tags })
  checkPolicyArn(arn)
  if (!ref) throw policyNotFound(arn)
  const page = pageOf(ordered(tags), pageRequest(input))
  return { Tags: page.items, ...pageFields(page) }
}

async function createPolicyVersion(call: Call, raw: unknown) {
  const input = raw as CreatePolicyVersionRequest
  const arn = input.PolicyArn as string
  const document = input.PolicyDocument as string
  const setAsDefault = input.SetAsDefault === true
  const ref = await findManagedPolicy(call.read, call.ctx.awsManaged, call.accountId, arn)
  await call.authorize({ action: 'iam:CreatePolicyVersion', resource: arn, displayResource: policyDisplay(arn), resourceTags: await policyTags(call.read, ref) })
  checkPolicyArn(arn)
  checkOwnPolicy(call.accountId, arn, 'Cannot create versions for policies outside your own account.')
  if (!ref) throw noSuchPolicy(arn)
  checkManagedDocument(document)
  const version = await call.write(
    async (tx) => {
      const policy = await requireCustomerPolicy(tx, call.accountId, arn)
      if ((await tx.policies.versions(policy.id)).length >= VERSIONS_PER_POLICY) {
        throw iamErrors.limitExceeded(`A managed policy can have up to ${VERSIONS_PER_POLICY} versions. Before you create a new version, you must delete an existing version.`)
      }
      const created: PolicyVersionRecord = { policyId: policy.id, versionId: `v${policy.nextVersion}`, document, createdAt: call.now }
      await tx.policies.insertVersion(created)
      await tx.policies.update(call.accountId, policy.id, {
        nextVersion: policy.nextVersion + 1,
        ...(setAsDefault ? { defaultVersion: created.versionId, updatedAt: call.now } : {})
      })
      return created
    },
    { affectsAuthorization: setAsDefault }
  )
  return { PolicyVersion: { VersionId: version.versionId, IsDefaultVersion: setAsDefault, CreateDate: version.createdAt } }
}

async function getPolicyVersion(call: Call, raw: unknown) {
  const input = raw as GetPolicyVersionRequest
  const arn = input.PolicyArn as string
  const versionId = input.VersionId as string
  const ref = await findManagedPolicy(call.read, call.ctx.awsManaged, call.accountId, arn)
  await call.authorize({ action: 'iam:GetPolicyVersion', resource: arn, displayResource: policyDisplay(arn), resourceTags: await policyTags(call.read, ref) })
  checkPolicyArn(arn)
  if (!ref) throw noSuchPolicyVersion(arn, versionId)
  if (ref.kind === 'aws') {
    const version = ref.policy.versions.find((v) => v.id === versionId)
    const document = version ? await call.ctx.awsManaged.document(arn, versionId) : undefined
    if (!version || document === undefined) throw noSuchPolicyVersion(arn, versionId)
    const createdAt = version.createdAt ?? ref.policy.createdAt
    return {
      PolicyVersion: {
        Document: encodeDocument(document),
        VersionId: version.id,
        IsDefaultVersion: version.id === ref.policy.defaultVersion,
        ...(createdAt ? { CreateDate: createdAt } : {})
      }
    }
  }
  const version = await call.read.policies.version(ref.policy.id, versionId)
  if (!version) throw noSuchPolicyVersion(arn, versionId)
  return {
    PolicyVersion: {
      Document: encodeDocument(version.document),
      VersionId: version.versionId,
      IsDefaultVersion: version.versionId === ref.policy.defaultVersion,
      CreateDate: version.createdAt
    }
  }
}

async function listPolicyVersions(call: Call, raw: unknown) {
  const input = raw as ListPolicyVersionsRequest
  const arn = input.PolicyArn as string
  const ref = await findManagedPolicy(call.read, call.ctx.awsManaged, call.accountId, arn)
  await call.authorize({ action: 'iam:ListPolicyVersions', resource: arn, displayResource: policyDisplay(arn), resourceTags: await policyTags(call.read, ref) })
  checkPolicyArn(arn)
  const policy = await requireManagedPolicy(call.read, call.ctx.awsManaged, call.accountId, arn)
  const versions =
    policy.kind === 'aws'
      ? newestFirst(policy.policy.versions.map((v) => ({ versionId: v.id, createdAt: v.createdAt ?? policy.policy.createdAt })))
      : newestFirst((await call.read.policies.versions(policy.policy.id)).map((v) => ({ versionId: v.versionId, createdAt: v.createdAt as Date | undefined })))
  const page = pageOf(versions, pageRequest(input))
  return {
    Versions: page.items.map((v) => ({
      VersionId: v.versionId,
      IsDefaultVersion: v.versionId === policy.policy.defaultVersion,
      ...(v.createdAt ? { CreateDate: v.createdAt } : {})
    })),
    ...pageFields(page)
  }
}

async function deletePolicyVersion(call: Call, raw: unknown) {
  const input = raw as DeletePolicyVersionRequest
  const arn = input.PolicyArn as string
  const versionId = input.VersionId as string
  const ref = await findManagedPolicy(call.read, call.ctx.awsManaged, call.accountId, arn)
  await call.authorize({ action: 'iam:DeletePolicyVersion', resource: arn, displayResource: policyDisplay(arn), resourceTags: await policyTags(call.read, ref) })
  checkPolicyArn(arn)
  checkOwnPolicy(call.accountId, arn, 'Cannot delete policy versions for policies outside your own account.')
  await call.write(async (tx) => {
    const policy = await requireCustomerPolicy(tx, call.accountId, arn, () => noSuchPolicyVersion(arn, versionId))
    if (!(await tx.policies.version(policy.id, versionId))) throw noSuchPolicyVersion(arn, versionId)
    if (policy.defaultVersion === versionId) throw iamErrors.deleteConflict('Cannot delete the default version of a policy.')
    await tx.policies.deleteVersion(policy.id, versionId)
  })
  return undefined
}

async function setDefaultPolicyVersion(call: Call, raw: unknown) {
  const input = raw as SetDefaultPolicyVersionRequest
  const arn = input.PolicyArn as string
  const versionId = input.VersionId as string
  const ref = await findManagedPolicy(call.read, call.ctx.awsManaged, call.accountId, arn)
  await call.authorize({ action: 'iam:SetDefaultPolicyVersion', resource: arn, displayResource: policyDisplay(arn), resourceTags: await policyTags(call.read, ref) })
  checkPolicyArn(arn)
  checkOwnPolicy(call.accountId, arn, 'Cannot update policies outside your own account.')
  await call.write(
    async (tx) => {
      const policy = await requireCustomerPolicy(tx, call.accountId, arn, () => noSuchPolicyVersion(arn, versionId))
      if (!(await tx.policies.version(policy.id, versionId))) throw noSuchPolicyVersion(arn, versionId)
      if (policy.defaultVersion === versionId) return
      await tx.policies.update(call.accountId, policy.id, { defaultVersion: versionId, updatedAt: call.now })
    },
    { affectsPolicies: true }
  )
  return undefined
}

export const policiesActions: ActionTable = {
  CreatePolicy: createPolicy,
  GetPolicy: getPolicy,
  ListPolicies: listPolicies,
  DeletePolicy: deletePolicy,
  TagPolicy: tagPolicy,
  UntagPolicy: untagPolicy,
  ListPolicyTags: listPolicyTags,
  CreatePolicyVersion: createPolicyVersion,
  GetPolicyVersion: getPolicyVersion,
  ListPolicyVersions: listPolicyVersions,
  DeletePolicyVersion: deletePolicyVersion,
  SetDefaultPolicyVersion: setDefaultPolicyVersion
}
