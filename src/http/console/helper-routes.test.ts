// The helper routes' routing and body checks (their work is tested in app/console-insights; the
// console's HTTP tests cover them signed in). No route here but the dashboard uses the call.

import { describe, expect, it } from 'vitest'
import type { Call } from '../../app/call.js'
import { helperRoute } from './helper-routes.js'

const noCall = {} as Call
const route = (method: 'GET' | 'POST', path: string, body?: unknown) => helperRoute(noCall, method, path, body)

describe('helperRoute', () => {
  it('leaves other paths alone', async () => {
    expect(await route('GET', '/session')).toBeUndefined()
    expect(await route('POST', '/call', {})).toBeUndefined()
    expect(await route('GET', '/catalog/services/s3/actions')).toBeUndefined()
  })

  it('validates a policy with the engine', async () => {
    expect(await route('POST', '/policy/validate', { document: '{"Version":"2012-10-17","Statement":[]}', kind: 'identity' })).toEqual({
      status: 200,
      body: { errors: [expect.objectContaining({ message: expect.any(String), path: expect.any(String), line: expect.any(Number), column: expect.any(Number) })] }
    })
    const trust = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}'
    expect(await route('POST', '/policy/validate', { document: trust, kind: 'trust' })).toEqual({ status: 200, body: { errors: [] } })
  })

  it('summarizes a policy', async () => {
    const answer = await route('POST', '/policy/summary', { document: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}' })
    expect(answer).toMatchObject({ status: 200, body: { services: [{ prefix: 's3', accessLevels: [{ level: 'Read', granted: 'Limited', actions: ['GetObject'] }] }] } })
    await expect(route('POST', '/policy/summary', { document: '{' })).rejects.toMatchObject({ code: 'MalformedPolicyDocument', status: 400, message: 'Syntax errors in policy.' })
  })

  it('serves the service catalog', async () => {
    const list = await route('GET', '/catalog/services')
    expect(list?.body).toContainEqual({ prefix: 'iam', name: 'AWS Identity and Access Management (IAM)' })
    expect(await route('GET', '/catalog/services/iam')).toMatchObject({
      status: 200,
      body: { prefix: 'iam', actions: expect.arrayContaining([{ name: 'CreateUser', accessLevel: 'Write', resourceTypes: ['user'] }]) }
    })
    await expect(route('GET', '/catalog/services/no-such')).rejects.toMatchObject({ code: 'NoSuchEntity', status: 404 })
    await expect(route('GET', '/catalog/services/..%2Fservices')).rejects.toMatchObject({ code: 'NoSuchEntity', status: 404 })
    await expect(route('GET', '/catalog/services/%E0%A4%A')).rejects.toMatchObject({ code: 'ValidationError', status: 400 })
  })

  it.each([
    ['GET', '/policy/validate', undefined, 'MethodNotAllowed', 405],
    ['POST', '/dashboard', {}, 'MethodNotAllowed', 405],
    ['POST', '/policy/validate', { document: 42 }, 'ValidationError', 400],
    ['POST', '/policy/validate', 'text', 'ValidationError', 400],
    ['POST', '/policy/summary', null, 'ValidationError', 400],
    ['POST', '/policy/validate', { document: '{}', kind: 'bucket' }, 'ValidationError', 400]
  ] as const)('%s %s %j: %s', async (method, path, body, code, status) => {
    await expect(route(method, path, body)).rejects.toMatchObject({ code, status })
  })
})
