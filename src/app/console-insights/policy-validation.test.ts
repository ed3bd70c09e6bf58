import { describe, expect, it } from 'vitest'
import { isPolicyKind, validatePolicy } from './policy-validation.js'

describe('validatePolicy', () => {
  it('answers no errors for a valid policy', () => {
    expect(validatePolicy('{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}', 'identity')).toEqual([])
  })

  it("gives IAM's message with the path, line and column of the problem", () => {
    const errors = validatePolicy('{\n  "Version": "2012-10-17",\n  "Statement": [{"Effect": "Allow", "Action": "s3:*"}]\n}', 'identity')
    expect(errors[0]).toMatchObject({ message: 'Policy statement must contain resources.', line: 3 })
    expect(errors[0]?.path).toMatch(/^\$\.Statement\[0\]/)
    expect(validatePolicy('{"Version":', 'identity')[0]).toMatchObject({ message: 'Syntax errors in policy.', line: 1 })
  })

  it('applies the rules of the kind', () => {
    const trust = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}'
    expect(validatePolicy(trust, 'trust')).toEqual([])
    expect(validatePolicy(trust, 'identity').length).toBeGreaterThan(0)
  })

  it('reports the size quota the document would break', () => {
    const actions = Array.from({ length: 600 }, (_, i) => `"s3:Action${i}"`).join(',')
    const errors = validatePolicy(`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":[${actions}],"Resource":"*"}]}`, 'identity')
    expect(errors.at(-1)?.message).toBe('Cannot exceed quota for PolicySize: 6144')
  })

  it('knows the kinds', () => {
    for (const kind of ['identity', 'trust', 'boundary', 'resource', 'session', 'scp']) expect(isPolicyKind(kind)).toBe(true)
    expect(isPolicyKind('bucket')).toBe(false)
    expect(isPolicyKind(1)).toBe(false)
  })
})
