import { describe, expect, it } from 'vitest'
import { simulationContext } from './context-entries.js'

describe('simulationContext', () => {
  it('turns entries into the request context, lists as arrays, and records the keys given', () => {
    const { context, provided } = simulationContext([
      { ContextKeyName: 'aws:SourceIp', ContextKeyValues: ['10.1.2.3'], ContextKeyType: 'ip' },
      { ContextKeyName: 'aws:TagKeys', ContextKeyValues: ['a', 'b'], ContextKeyType: 'stringList' },
      { ContextKeyName: 'aws:CurrentTime', ContextKeyValues: ['2019-04-25T11:00:00Z'], ContextKeyType: 'date' },
      { ContextKeyName: 's3:max-keys', ContextKeyValues: ['10'], ContextKeyType: 'numeric' }
    ])
    expect(context).toEqual({ 'aws:SourceIp': '10.1.2.3', 'aws:TagKeys': ['a', 'b'], 'aws:CurrentTime': '2019-04-25T11:00:00Z', 's3:max-keys': '10' })
    expect([...provided]).toEqual(['aws:sourceip', 'aws:tagkeys', 'aws:currenttime', 's3:max-keys'])
  })

  it('reads an entry without a type as a string, or a string list when it has several values', () => {
    expect(simulationContext([{ ContextKeyName: 'aws:username', ContextKeyValues: ['bob'] }]).context).toEqual({ 'aws:username': 'bob' })
    expect(simulationContext([{ ContextKeyName: 'aws:TagKeys', ContextKeyValues: ['a', 'b'] }]).context).toEqual({ 'aws:TagKeys': ['a', 'b'] })
  })

  it.each([
    [{ ContextKeyName: 'aws:SourceIp', ContextKeyValues: ['10.1.2.300'], ContextKeyType: 'ip' as const }, 'Invalid value 10.1.2.300 for context key aws:SourceIp of type ip.'],
    [
      { ContextKeyName: 'aws:SourceIp', ContextKeyValues: ['10.0.0.0/33'], ContextKeyType: 'ipList' as const },
      'Invalid value 10.0.0.0/33 for context key aws:SourceIp of type ipList.'
    ],
    [{ ContextKeyName: 's3:max-keys', ContextKeyValues: ['ten'], ContextKeyType: 'numeric' as const }, 'Invalid value ten for context key s3:max-keys of type numeric.'],
    [
      { ContextKeyName: 'aws:SecureTransport', ContextKeyValues: ['yes'], ContextKeyType: 'boolean' as const },
      'Invalid value yes for context key aws:SecureTransport of type boolean.'
    ],
    [
      { ContextKeyName: 'aws:CurrentTime', ContextKeyValues: ['yesterday'], ContextKeyType: 'date' as const },
      'Invalid value yesterday for context key aws:CurrentTime of type date.'
    ],
    [{ ContextKeyName: 'aws:username', ContextKeyValues: ['a', 'b'], ContextKeyType: 'string' as const }, 'Context key aws:username of type string takes exactly one value.'],
    [{ ContextKeyName: 'aws:username', ContextKeyValues: [], ContextKeyType: 'string' as const }, 'Context key aws:username of type string takes exactly one value.'],
    [{ ContextKeyValues: ['x'] }, 'ContextKeyName is required in each context entry.']
  ])('refuses %j', (entry, message) => {
    expect(() => simulationContext([entry])).toThrow(message)
  })

  it('refuses one key given twice, whatever its case', () => {
    expect(() =>
      simulationContext([
        { ContextKeyName: 'aws:username', ContextKeyValues: ['a'] },
        { ContextKeyName: 'AWS:UserName', ContextKeyValues: ['b'] }
      ])
    ).toThrow('Context key AWS:UserName is given more than once.')
  })
})
