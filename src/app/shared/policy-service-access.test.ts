// Which policies grant access to a service (ListPoliciesGrantingServiceAccess): Action and
// NotAction patterns against the service's real actions, and against the namespace alone for a
// service the reference data does not know.

import { describe, expect, it } from 'vitest'
import { parsePolicy, type Policy } from '../../policy/index.js'
import { actionsOfService, grantsServiceAccess } from './policy-service-access.js'

function policy(statements: readonly Record<string, unknown>[]): Policy {
  const parsed = parsePolicy(JSON.stringify({ Version: '2012-10-17', Statement: statements }), { kind: 'identity' })
  if (!parsed.ok) throw new Error(parsed.errors[0]?.message)
  return parsed.policy
}

const allow = (action: string | string[]) => ({ Effect: 'Allow', Action: action, Resource: '*' })
const allowNot = (notAction: string | string[]) => ({ Effect: 'Allow', NotAction: notAction, Resource: '*' })

async function grants(p: Policy, namespace: string): Promise<boolean> {
  return grantsServiceAccess(p, namespace, await actionsOfService(namespace))
}

describe('grantsServiceAccess', () => {
  it('knows the actions of real services', async () => {
    expect((await actionsOfService('S3')).length).toBeGreaterThan(100)
    expect(await actionsOfService('S3')).toContain('s3:getobject')
    expect(await actionsOfService('no-such-service')).toEqual([])
  })

  it('matches Action patterns against the service’s actions, case-insensitively', async () => {
    expect(await grants(policy([allow('S3:getobj*')]), 's3')).toBe(true)
    expect(await grants(policy([allow('s3:GetObjec?')]), 's3')).toBe(true)
    expect(await grants(policy([allow('*')]), 'ec2')).toBe(true)
    expect(await grants(policy([allow(['ec2:Describe*', 's3:*Bucket'])]), 's3')).toBe(true)
    // A pattern that names the service but no action of it grants nothing.
    expect(await grants(policy([allow('s3:NoSuchAction')]), 's3')).toBe(false)
    expect(await grants(policy([allow('ec2:*')]), 's3')).toBe(false)
  })

  it('counts NotAction as granting whatever it leaves out', async () => {
    expect(await grants(policy([allowNot('iam:*')]), 's3')).toBe(true)
    expect(await grants(policy([allowNot('iam:*')]), 'iam')).toBe(false)
    expect(await grants(policy([allowNot('iam:Get*')]), 'iam')).toBe(true)
  })

  it('never counts Deny statements', async () => {
    expect(await grants(policy([{ Effect: 'Deny', Action: 's3:*', Resource: '*' }]), 's3')).toBe(false)
    expect(await grants(policy([{ Effect: 'Deny', NotAction: 'iam:*', Resource: '*' }]), 's3')).toBe(false)
  })

  it('decides by the namespace alone for services it does not know', async () => {
    expect(await grants(policy([allow('custom:Do')]), 'custom')).toBe(true)
    expect(await grants(policy([allow('CUSTOM:Do*')]), 'custom')).toBe(true)
    expect(await grants(policy([allow('other:*')]), 'custom')).toBe(false)
    expect(await grants(policy([allowNot('custom:*')]), 'custom')).toBe(false)
    expect(await grants(policy([allowNot('custom:Do')]), 'custom')).toBe(true)
    expect(await grants(policy([allowNot('*')]), 'custom')).toBe(false)
  })
})
