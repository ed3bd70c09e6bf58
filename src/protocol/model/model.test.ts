// The generated models: complete, consistent, current with botocore's data, and how they compare with
// the (newer) AWS SDK's idea of IAM and STS.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import * as iam from '@aws-sdk/client-iam'
import * as sts from '@aws-sdk/client-sts'
import { describe, expect, it } from 'vitest'
import { IAM_MODEL } from './iam-model.js'
import { STS_MODEL } from './sts-model.js'
import type { MemberRef, ServiceModel } from './types.js'

const MODELS: readonly [string, ServiceModel][] = [
  ['iam', IAM_MODEL],
  ['sts', STS_MODEL]
]

describe.each(MODELS)('%s model', (_name, model) => {
  it('refers only to shapes it defines, with the right kinds', () => {
    const refs: MemberRef[] = []
    for (const shape of Object.values(model.shapes)) {
      if (shape.type === 'structure') refs.push(...Object.values(shape.members))
      if (shape.type === 'list') refs.push(shape.member)
      if (shape.type === 'map') refs.push(shape.key, shape.value)
      if (shape.type === 'structure') for (const r of shape.required ?? []) expect(shape.members[r], r).toBeDefined()
    }
    for (const ref of refs) expect(model.shapes[ref.shape], ref.shape).toBeDefined()
    for (const op of Object.values(model.operations)) {
      if (op.input !== undefined) expect(model.shapes[op.input]?.type).toBe('structure')
      if (op.output !== undefined) {
        expect(model.shapes[op.output]?.type).toBe('structure')
        expect(op.resultWrapper).toBe(`${op.name}Result`)
      }
      for (const e of op.errors ?? []) expect(model.shapes[e]?.type === 'structure' && model.shapes[e].error, e).toBeDefined()
    }
  })

  it('has no documentation text', () => {
    expect(JSON.stringify(model)).not.toMatch(/"documentation"|<p>/)
  })
})

describe('the generated files', () => {
  const script = fileURLToPath(new URL('../../../scripts/generate-protocol-models.mjs', import.meta.url))
  it.skipIf(!existsSync('/usr/lib/python3/dist-packages/awscli/botocore/data/iam/2010-05-08/service-2.json'))('are what the generator writes from the installed awscli', () => {
    const run = spawnSync(process.execPath, [script, '--check'], { encoding: 'utf8' })
    expect(run.stdout + run.stderr).toContain('up to date')
    expect(run.status).toBe(0)
  })
})

function sdkOperations(module: Record<string, unknown>): string[] {
  return Object.keys(module)
    .filter((k) => /^[A-Z]\w*Command$/.test(k) && typeof module[k] === 'function')
    .map((k) => k.slice(0, -'Command'.length))
    .sort()
}

describe('the SDK knows more than the model', () => {
  it('IAM: operations of @aws-sdk/client-iam 3.1169.0 that the Debian model lacks', () => {
    const missing = sdkOperations(iam as unknown as Record<string, unknown>).filter((op) => IAM_MODEL.operations[op] === undefined)
    expect(missing).toEqual([
      'AcceptDelegationRequest',
      'AcquireRole',
      'AssociateDelegationRequest',
      'CreateDelegationRequest',
      'DisableOrganizationsRootCredentialsManagement',
      'DisableOrganizationsRootSessions',
      'DisableOutboundWebIdentityFederation',
      'EnableOrganizationsRootCredentialsManagement',
      'EnableOrganizationsRootSessions',
      'EnableOutboundWebIdentityFederation',
      'GetAccountProperties',
      'GetDelegationRequest',
      'GetHumanReadableSummary',
      'GetMFADevice',
      'GetOutboundWebIdentityFederationInfo',
      'GetRoleTemplateVersion',
      'ListDelegationRequests',
      'ListOrganizationsFeatures',
      'PutAccountProperties',
      'RejectDelegationRequest',
      'SendDelegationToken',
      'UpdateDelegationRequest'
    ])
  })

  it('STS: operations of @aws-sdk/client-sts 3.1177.0 that the Debian model lacks', () => {
    const missing = sdkOperations(sts as unknown as Record<string, unknown>).filter((op) => STS_MODEL.operations[op] === undefined)
    expect(missing).toEqual(['AssumeRoot', 'GetDelegatedAccessToken', 'GetScopedCredentials', 'GetWebIdentityToken'])
  })

  it('members the SDK has in structures the model also has (ignored as unknown parameters)', () => {
    const extra: string[] = []
    for (const [module, model] of [
      [iam, IAM_MODEL],
      [sts, STS_MODEL]
    ] as const) {
      const schemas = module as unknown as Record<string, unknown>
      for (const [name, shape] of Object.entries(model.shapes)) {
        if (shape.type !== 'structure') continue
        const schema = schemas[`${name}$`]
        if (!Array.isArray(schema)) continue
        const names = schema[4] as string[]
        expect(
          Object.keys(shape.members).filter((m) => !names.includes(m)),
          `${name}: members the SDK lost`
        ).toEqual([])
        for (const m of names) if (shape.members[m] === undefined) extra.push(`${name}.${m}`)
      }
    }
    expect(extra).toContain('AssumeRoleRequest.ProvidedContexts')
    expect(extra).toContain('CreateSAMLProviderRequest.AssertionEncryptionMode')
  })
})
