// Action and Version, as AWS STS answered them (README.md, "Action and Version").
import { describe, expect, it } from 'vitest'
import { IAM_MODEL } from '../model/iam-model.js'
import { STS_MODEL } from '../model/sts-model.js'
import { AWS_FAULT_XMLNS } from './errors.js'
import { readQueryParams } from './params.js'
import { resolveOperation } from './resolve.js'

const MODELS = [IAM_MODEL, STS_MODEL]
const resolve = (body: string) => resolveOperation(MODELS, readQueryParams('', body))

function errorOf(body: string) {
  const r = resolve(body)
  if (r.ok) throw new Error(`resolved ${r.value.operation.name}`)
  return r.error
}

describe('resolveOperation', () => {
  it('finds the operation in the model of the Version', () => {
    const iam = resolve('Action=CreateUser&Version=2010-05-08')
    expect(iam.ok && iam.value.model === IAM_MODEL && iam.value.operation.name).toBe('CreateUser')
    const sts = resolve('Action=GetCallerIdentity&Version=2011-06-15')
    expect(sts.ok && sts.value.model === STS_MODEL && sts.value.operation.name).toBe('GetCallerIdentity')
  })

  it('AWS: unknown Action', () => {
    expect(errorOf('Action=NoSuchAction&Version=2011-06-15')).toEqual({
      code: 'InvalidAction',
      message: 'Could not find operation NoSuchAction for version 2011-06-15',
      status: 400,
      type: 'Sender',
      xmlns: AWS_FAULT_XMLNS
    })
    expect(errorOf('Action=creategroup&Version=2010-05-08').message).toBe('Could not find operation creategroup for version 2010-05-08')
  })

  it('AWS: missing, empty and wrong Version', () => {
    expect(errorOf('Action=GetCallerIdentity').message).toBe('Could not find operation GetCallerIdentity for version NO_VERSION_SPECIFIED')
    expect(errorOf('Action=GetCallerIdentity&Version=').message).toBe('Could not find operation GetCallerIdentity for version ')
    expect(errorOf('Action=GetCallerIdentity&Version=2000-01-01').message).toBe('Could not find operation GetCallerIdentity for version 2000-01-01')
    // An IAM action with STS's version is not found either.
    expect(errorOf('Action=CreateUser&Version=2011-06-15').message).toBe('Could not find operation CreateUser for version 2011-06-15')
  })

  it('AWS: empty Action', () => {
    expect(errorOf('Action=&Version=2011-06-15').message).toBe('Could not find operation  for version 2011-06-15')
  })

  it('AWS: no Action at all is a redirect', () => {
    expect(errorOf('Version=2011-06-15')).toEqual({
      code: 'MissingAction',
      message: '',
      status: 302,
      type: 'Sender',
      redirect: 'https://aws.amazon.com/iam'
    })
  })

  it('AWS: the first Action and Version count', () => {
    const r = resolve('Action=GetCallerIdentity&Action=NoSuchAction&Version=2011-06-15&Version=2000-01-01')
    expect(r.ok).toBe(true)
    expect(errorOf('Action=GetCallerIdentity&Version=2000-01-01&Version=2011-06-15').message).toBe('Could not find operation GetCallerIdentity for version 2000-01-01')
  })

  it('does not take inherited names for operations', () => {
    expect(errorOf('Action=constructor&Version=2010-05-08').code).toBe('InvalidAction')
    expect(errorOf('Action=__proto__&Version=2010-05-08').code).toBe('InvalidAction')
  })
})
