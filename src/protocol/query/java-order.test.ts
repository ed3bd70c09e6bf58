// The order of AWS's validation messages, checked against messages AWS actually returned (README.md,
// "Order of the messages"). Each case is AWS's order; javaHashOrder must reproduce it from any input order.
import { describe, expect, it } from 'vitest'
import { javaHashOrder, javaStringHash } from './java-order.js'

const id = (s: string) => s

function reproduces(awsOrder: readonly string[]): void {
  expect(javaHashOrder(awsOrder, id)).toEqual(awsOrder)
  // Within different buckets the order does not depend on insertion order.
  expect(javaHashOrder([...awsOrder].reverse(), id)).toEqual(awsOrder)
}

describe('javaStringHash', () => {
  it('is String.hashCode()', () => {
    expect(javaStringHash('')).toBe(0)
    expect(javaStringHash('a')).toBe(97)
    expect(javaStringHash('hello')).toBe(99162322)
    expect(javaStringHash('Aa')).toBe(javaStringHash('BB'))
  })
})

describe('members of a structure: HashMap order of their lower-camel names', () => {
  it('SWF DescribeWorkflowExecution: execution before domain', () => reproduces(['execution', 'domain']))
  it('SNS AddPermission: aWSAccountId, label, actionName', () => reproduces(['aWSAccountId', 'label', 'actionName']))
  it('Cognito AdminAddUserToGroup: groupName before username', () => reproduces(['groupName', 'username']))
  it('DynamoDB ProvisionedThroughput: writeCapacityUnits before readCapacityUnits', () => reproduces(['writeCapacityUnits', 'readCapacityUnits']))
  it('DynamoDB AttributeDefinition: attributeType before attributeName', () => reproduces(['attributeType', 'attributeName']))
  it('DynamoDB KeySchemaElement: attributeName before keyType', () => reproduces(['attributeName', 'keyType']))
  it('DynamoDB TimeToLiveSpecification: attributeName before enabled', () => reproduces(['attributeName', 'enabled']))
  it('DynamoDB GlobalSecondaryIndex: indexName before keySchema', () => reproduces(['indexName', 'keySchema']))
  it('IAM CreateRole (derived)', () => {
    expect(javaHashOrder(['path', 'roleName', 'assumeRolePolicyDocument', 'description', 'maxSessionDuration', 'permissionsBoundary', 'tags'], id)).toEqual([
      'path',
      'permissionsBoundary',
      'assumeRolePolicyDocument',
      'maxSessionDuration',
      'roleName',
      'description',
      'tags'
    ])
  })
})

describe('failures of one member: HashSet order of the full messages', () => {
  const at = (value: string, path: string, constraint: string) => `Value ${value} at '${path}' failed to satisfy constraint: ${constraint}`
  const min = (n: number) => `Member must have length greater than or equal to ${n}`
  const max = (n: number) => `Member must have length less than or equal to ${n}`
  const pattern = (p: string) => `Member must satisfy regular expression pattern: ${p}`
  const stsArn = '[\\u0009\\u000A\\u000D\\u0020-\\u007E\\u0085\\u00A0-\\uD7FF\\uE000-\\uFFFD\\u10000-\\u10FFFF]+'

  it("STS AssumeRole RoleArn '': pattern, then length", () => reproduces([at("''", 'roleArn', pattern(stsArn)), at("''", 'roleArn', min(20))]))
  it("STS AssumeRole RoleArn '😀'×2049: pattern, then length", () => {
    const v = `'${'😀'.repeat(2049)}'`
    reproduces([at(v, 'roleArn', pattern(stsArn)), at(v, 'roleArn', max(2048))])
  })
  it("DynamoDB DescribeTable TableName '': length, then pattern", () => reproduces([at("''", 'tableName', min(3)), at("''", 'tableName', pattern('[a-zA-Z0-9_.-]+'))]))
  it("DynamoDB CreateBackup BackupName '': pattern, then length", () => reproduces([at("''", 'backupName', pattern('[a-zA-Z0-9_.-]+')), at("''", 'backupName', min(3))]))
  it("DynamoDB ListTables ExclusiveStartTableName '': pattern, then length", () =>
    reproduces([at("''", 'exclusiveStartTableName', pattern('[a-zA-Z0-9_.-]+')), at("''", 'exclusiveStartTableName', min(3))]))
  it("Cognito SignUp Username (sensitive) '': length, then pattern (one bucket: the order checks run in)", () => {
    const failures = [
      `Value at 'username' failed to satisfy constraint: ${min(1)}`,
      `Value at 'username' failed to satisfy constraint: ${pattern('[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+')}`
    ]
    // parseInput checks min, max, pattern, enum in that order, which is AWS's insertion order here.
    expect(javaHashOrder(failures, id)).toEqual(failures)
  })
})

describe('table sizes', () => {
  it('grows like HashMap: 13 keys use 32 buckets', () => {
    const keys = Array.from({ length: 13 }, (_, i) => `member${i}`)
    const order = javaHashOrder(keys, id)
    expect([...order].sort()).toEqual([...keys].sort())
    const bucket = (k: string) => {
      const h = javaStringHash(k)
      return (h ^ (h >>> 16)) & 31
    }
    for (let i = 1; i < order.length; i++) expect(bucket(order[i - 1] as string)).toBeLessThanOrEqual(bucket(order[i] as string))
  })
})
