import { describe, expect, it } from 'vitest'
import { parsePolicy, type Policy } from '../../policy/index.js'
import { summarize, summarizePolicy } from './policy-summary.js'
import type { ServiceDetail } from './service-catalog.js'

const policy = (statements: unknown[]): Policy => {
  const parsed = parsePolicy(JSON.stringify({ Version: '2012-10-17', Statement: statements }))
  if (!parsed.ok) throw new Error(parsed.errors[0]?.message)
  return parsed.policy
}

const service = (prefix: string, name: string, actions: [string, ServiceDetail['actions'][number]['accessLevel']][]): ServiceDetail => ({
  prefix,
  name,
  actions: actions.map(([n, accessLevel]) => ({ name: n, accessLevel, resourceTypes: [] })),
  resourceTypes: [],
  conditionKeys: []
})

const STORE = service('store', 'Example Store', [
  ['ListItems', 'List'],
  ['GetItem', 'Read'],
  ['GetReport', 'Read'],
  ['PutItem', 'Write'],
  ['PutItemPolicy', 'Permissions management'],
  ['TagItem', 'Tagging']
])
const QUEUE = service('queue', 'Example Queue', [
  ['ListQueues', 'List'],
  ['SendMessage', 'Write']
])
const services = new Map([
  ['store', STORE],
  ['queue', QUEUE]
])
const known = ['queue', 'store']

describe('summarize', () => {
  it('marks each access level Full or Limited, with the actions, resources and conditions', () => {
    const summary = summarize(
      policy([
        { Effect: 'Allow', Action: ['store:List*', 'store:GetItem'], Resource: 'arn:aws:store:::a/*' },
        { Effect: 'Allow', Action: 'store:Put*', Resource: '*', Condition: { Bool: { 'aws:SecureTransport': 'true' } } }
      ]),
      services,
      known
    )
    expect(summary).toEqual([
      {
        prefix: 'store',
        name: 'Example Store',
        effect: 'Allow',
        accessLevels: [
          { level: 'List', granted: 'Full', actions: ['ListItems'] },
          { level: 'Read', granted: 'Limited', actions: ['GetItem'] },
          { level: 'Write', granted: 'Full', actions: ['PutItem'] },
          { level: 'Permissions management', granted: 'Full', actions: ['PutItemPolicy'] }
        ],
        resources: ['arn:aws:store:::a/*', '*'],
        conditions: true
      }
    ])
  })

  it('keeps Allow and Deny apart, and lets * and NotAction reach every service', () => {
    const summary = summarize(
      policy([
        { Effect: 'Allow', Action: '*', Resource: '*' },
        { Effect: 'Deny', NotAction: 'store:*', NotResource: 'arn:aws:queue:::keep' }
      ]),
      services,
      known
    )
    expect(summary.map((s) => [s.name, s.effect, s.accessLevels.every((l) => l.granted === 'Full')])).toEqual([
      ['Example Queue', 'Allow', true],
      ['Example Queue', 'Deny', true],
      ['Example Store', 'Allow', true]
    ])
    expect(summary[1]?.resources).toEqual(['All resources except arn:aws:queue:::keep'])
  })

  it('lists a service the reference does not know, with no access levels', () => {
    expect(summarize(policy([{ Effect: 'Allow', Action: 'madeup:Do', Resource: '*' }]), services, known)).toEqual([
      { prefix: 'madeup', name: 'madeup', accessLevels: [], resources: ['*'], conditions: false, effect: 'Allow' }
    ])
  })
})

describe('summarizePolicy', () => {
  it('reads the services it needs from the Service Authorization Reference', async () => {
    const [s3] = await summarizePolicy(policy([{ Effect: 'Allow', Action: ['s3:GetObject', 's3:ListAllMyBuckets'], Resource: '*' }]))
    expect(s3).toMatchObject({ prefix: 's3', name: 'Amazon S3', effect: 'Allow', resources: ['*'], conditions: false })
    expect(s3?.accessLevels).toEqual([
      { level: 'List', granted: 'Limited', actions: ['ListAllMyBuckets'] },
      { level: 'Read', granted: 'Limited', actions: ['GetObject'] }
    ])
  })
})
