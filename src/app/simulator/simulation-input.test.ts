import { describe, expect, it } from 'vitest'
import { checkActionNames, checkCallerArn, resourceOwnerAccount, resourcesOf, resultPage } from './simulation-input.js'

describe('simulation input', () => {
  it('pages by offset, 100 by default, refusing markers it did not issue', () => {
    expect(resultPage(250, {})).toEqual({ start: 0, end: 100, marker: '100' })
    expect(resultPage(250, { Marker: '200', MaxItems: 100 })).toEqual({ start: 200, end: 250, marker: undefined })
    expect(resultPage(0, {})).toEqual({ start: 0, end: 0, marker: undefined })
    for (const Marker of ['251', '-1', 'abc', '1e3', '9'.repeat(30)]) expect(() => resultPage(250, { Marker })).toThrow('Invalid Marker.')
  })

  it('takes an account ID or its root ARN as the resource owner', () => {
    expect(resourceOwnerAccount('444455556666')).toBe('444455556666')
    expect(resourceOwnerAccount('arn:aws:iam::444455556666:root')).toBe('444455556666')
    expect(resourceOwnerAccount(undefined)).toBeUndefined()
    expect(() => resourceOwnerAccount('arn:aws:iam::444455556666:user/x')).toThrow(/Invalid ResourceOwner/)
  })

  it('takes only IAM users as callers', () => {
    expect(checkCallerArn('arn:aws:iam::111122223333:user/team/bob')).toEqual({ arn: 'arn:aws:iam::111122223333:user/team/bob', account: '111122223333' })
    for (const arn of ['arn:aws:iam::111122223333:role/r', 'arn:aws:sts::111122223333:assumed-role/r/s', 'arn:aws:iam::111122223333:root', 'bob']) {
      expect(() => checkCallerArn(arn)).toThrow('Invalid caller - Caller must be an IAM user in this context.')
    }
  })

  it('wants service-prefixed operations without wildcards, and ARNs or * as resources', () => {
    expect(() => checkActionNames(['s3:GetObject', 'execute-api:Invoke'])).not.toThrow()
    for (const name of ['GetObject', 's3:Get*', '*', 's3:']) expect(() => checkActionNames([name])).toThrow(/Invalid action name/)
    expect(resourcesOf(undefined)).toEqual(['*'])
    expect(resourcesOf([])).toEqual(['*'])
    expect(() => resourcesOf(['bucket'])).toThrow('Invalid resource ARN bucket.')
  })
})
