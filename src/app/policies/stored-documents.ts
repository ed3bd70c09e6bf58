// The policy documents stored for an entity, as text: its inline policies, then the default
// version of each managed policy attached to it (AWS's or the account's). Enforcement
// (auth/principal-policies.ts) and the simulator (simulator/principal-policies.ts) both read
// policies this way; each then parses them into the form it needs.

import type { EntityRef, Repositories } from '../../store/ports/repositories.js'
import type { AwsManagedPolicies } from './aws-managed.js'

export interface PolicyDocumentSource {
  readonly read: Repositories
  readonly awsManaged: AwsManagedPolicies
}

export interface StoredDocument {
  readonly origin: 'inline' | 'aws-managed' | 'customer-managed'
  /** The inline policy's name, or the managed policy's. */
  readonly name: string
  /** A managed policy's ARN. */
  readonly arn?: string
  readonly text: string
}

/** Inline documents first, then attached managed ones in attachment order. */
export async function entityDocuments(source: PolicyDocumentSource, entity: EntityRef): Promise<StoredDocument[]> {
  const documents: StoredDocument[] = []
  for (const inline of await source.read.inlinePolicies.all(entity)) documents.push({ origin: 'inline', name: inline.name, text: inline.document })
  for (const arn of await source.read.attachments.forEntity(entity)) {
    const managed = await managedDocument(source, arn)
    if (managed) documents.push(managed)
  }
  return documents
}

/** The default version of a managed policy; undefined when it no longer exists. */
export async function managedDocument(source: PolicyDocumentSource, arn: string): Promise<StoredDocument | undefined> {
  const aws = source.awsManaged.byArn(arn)
  if (aws) {
    const text = await source.awsManaged.document(arn, aws.defaultVersion)
    return text === undefined ? undefined : { origin: 'aws-managed', name: aws.name, arn, text }
  }
  const customer = await source.read.policies.byArn(arn)
  if (!customer) return undefined
  const version = await source.read.policies.version(customer.id, customer.defaultVersion)
  return version ? { origin: 'customer-managed', name: customer.name, arn, text: version.document } : undefined
}
