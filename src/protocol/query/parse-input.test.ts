// parseInput: reading the input by the model, and AWS's validation messages. The expected messages
// are AWS's own where README.md cites a recorded response (marked "AWS:"); the others follow the
// same rules.
import { describe, expect, it } from 'vitest'
import { IAM_MODEL } from '../model/iam-model.js'
import { STS_MODEL } from '../model/sts-model.js'
import type { ServiceModel } from '../model/types.js'
import type { ProtocolResult } from './errors.js'
import { parseInput } from './parse-input.js'
import { readQueryParams } from './params.js'

function formBody(pairs: readonly (readonly [string, string])[]): string {
  return pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&')
}

function parse(model: ServiceModel, operation: string, pairs: readonly (readonly [string, string])[]): ProtocolResult<Record<string, unknown>> {
  const op = model.operations[operation]
  if (op === undefined) throw new Error(operation)
  return parseInput(model, op, readQueryParams('', formBody(pairs)))
}

function message(result: ProtocolResult<unknown>): string {
  if (result.ok) throw new Error('expected an error')
  return result.error.message
}

function code(result: ProtocolResult<unknown>): string {
  if (result.ok) throw new Error('expected an error')
  return result.error.code
}

const ROLE = 'arn:aws:iam::123456789012:role/demo'
const ROLE_ARN_PATTERN = '[\\u0009\\u000A\\u000D\\u0020-\\u007E\\u0085\\u00A0-\\uD7FF\\uE000-\\uFFFD\\u10000-\\u10FFFF]+'

function assumeRole(
  extra: readonly (readonly [string, string])[],
  base: readonly (readonly [string, string])[] = [
    ['RoleArn', ROLE],
    ['RoleSessionName', 'session']
  ]
) {
  return parse(STS_MODEL, 'AssumeRole', [...base, ...extra])
}

describe('STS AssumeRole, as recorded against AWS', () => {
  it('AWS: missing RoleArn', () => {
    expect(message(assumeRole([], [['RoleSessionName', 'session']]))).toBe(
      "1 validation error detected: Value null at 'roleArn' failed to satisfy constraint: Member must not be null"
    )
  })

  it('AWS: empty RoleArn fails the pattern and the length, in that order', () => {
    expect(
      message(
        assumeRole(
          [],
          [
            ['RoleArn', ''],
            ['RoleSessionName', 'session']
          ]
        )
      )
    ).toBe(
      `2 validation errors detected: Value '' at 'roleArn' failed to satisfy constraint: Member must satisfy regular expression pattern: ${ROLE_ARN_PATTERN}; ` +
        "Value '' at 'roleArn' failed to satisfy constraint: Member must have length greater than or equal to 20"
    )
  })

  it('AWS: short and long RoleArn; long values are quoted whole', () => {
    expect(
      message(
        assumeRole(
          [],
          [
            ['RoleArn', 'not-an-arn'],
            ['RoleSessionName', 'session']
          ]
        )
      )
    ).toBe("1 validation error detected: Value 'not-an-arn' at 'roleArn' failed to satisfy constraint: Member must have length greater than or equal to 20")
    const long = 'x'.repeat(2049)
    expect(
      message(
        assumeRole(
          [],
          [
            ['RoleArn', long],
            ['RoleSessionName', 'session']
          ]
        )
      )
    ).toBe(`1 validation error detected: Value '${long}' at 'roleArn' failed to satisfy constraint: Member must have length less than or equal to 2048`)
    expect(
      assumeRole(
        [],
        [
          ['RoleArn', 'x'.repeat(2048)],
          ['RoleSessionName', 'session']
        ]
      ).ok
    ).toBe(true)
  })

  it('AWS: length counts code points, without normalization', () => {
    expect(
      assumeRole(
        [],
        [
          ['RoleArn', 'é'.repeat(2048)],
          ['RoleSessionName', 'session']
        ]
      ).ok
    ).toBe(true)
    const bmp = 'é'.repeat(2049)
    expect(
      message(
        assumeRole(
          [],
          [
            ['RoleArn', bmp],
            ['RoleSessionName', 'session']
          ]
        )
      )
    ).toBe(`1 validation error detected: Value '${bmp}' at 'roleArn' failed to satisfy constraint: Member must have length less than or equal to 2048`)
    const decomposed = 'e\u0301'.repeat(1025)
    expect(
      message(
        assumeRole(
          [],
          [
            ['RoleArn', decomposed],
            ['RoleSessionName', 'session']
          ]
        )
      )
    ).toBe(`1 validation error detected: Value '${decomposed}' at 'roleArn' failed to satisfy constraint: Member must have length less than or equal to 2048`)
  })

  it('AWS: the Java pattern \\u10000-\\u10FFFF does not admit supplementary characters', () => {
    const s2048 = '😀'.repeat(2048)
    expect(
      message(
        assumeRole(
          [],
          [
            ['RoleArn', s2048],
            ['RoleSessionName', 'session']
          ]
        )
      )
    ).toBe(`1 validation error detected: Value '${s2048}' at 'roleArn' failed to satisfy constraint: Member must satisfy regular expression pattern: ${ROLE_ARN_PATTERN}`)
    const s2049 = '😀'.repeat(2049)
    expect(
      message(
        assumeRole(
          [],
          [
            ['RoleArn', s2049],
            ['RoleSessionName', 'session']
          ]
        )
      )
    ).toBe(
      `2 validation errors detected: Value '${s2049}' at 'roleArn' failed to satisfy constraint: Member must satisfy regular expression pattern: ${ROLE_ARN_PATTERN}; ` +
        `Value '${s2049}' at 'roleArn' failed to satisfy constraint: Member must have length less than or equal to 2048`
    )
  })

  it('AWS: RoleSessionName missing, empty, short, bad, long', () => {
    expect(message(assumeRole([], [['RoleArn', ROLE]]))).toBe("1 validation error detected: Value null at 'roleSessionName' failed to satisfy constraint: Member must not be null")
    for (const v of ['', 'a']) {
      expect(
        message(
          assumeRole(
            [],
            [
              ['RoleArn', ROLE],
              ['RoleSessionName', v]
            ]
          )
        )
      ).toBe(`1 validation error detected: Value '${v}' at 'roleSessionName' failed to satisfy constraint: Member must have length greater than or equal to 2`)
    }
    expect(
      message(
        assumeRole(
          [],
          [
            ['RoleArn', ROLE],
            ['RoleSessionName', 'bad/name']
          ]
        )
      )
    ).toBe("1 validation error detected: Value 'bad/name' at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]*")
    const long = 'a'.repeat(65)
    expect(
      message(
        assumeRole(
          [],
          [
            ['RoleArn', ROLE],
            ['RoleSessionName', long]
          ]
        )
      )
    ).toBe(`1 validation error detected: Value '${long}' at 'roleSessionName' failed to satisfy constraint: Member must have length less than or equal to 64`)
    expect(
      assumeRole(
        [],
        [
          ['RoleArn', ROLE],
          ['RoleSessionName', 'b'.repeat(64)]
        ]
      ).ok
    ).toBe(true)
  })

  it('AWS: DurationSeconds that is not an int32 is MalformedInput; out of range is ValidationError', () => {
    const empty = assumeRole([['DurationSeconds', '']])
    expect(empty).toEqual({ ok: false, error: { code: 'MalformedInput', message: 'missing value for decimal type', status: 400, type: 'Sender' } })
    for (const v of ['abc', '900.0', '2147483648', '-2147483649']) {
      expect(assumeRole([['DurationSeconds', v]]), v).toEqual({ ok: false, error: { code: 'MalformedInput', message: '', status: 400, type: 'Sender' } })
    }
    const cases: [string, string][] = [
      ['-1', 'greater than or equal to 900'],
      ['899', 'greater than or equal to 900'],
      ['43201', 'less than or equal to 43200'],
      ['2147483647', 'less than or equal to 43200'],
      ['-2147483648', 'greater than or equal to 900']
    ]
    for (const [v, bound] of cases) {
      expect(message(assumeRole([['DurationSeconds', v]]))).toBe(
        `1 validation error detected: Value '${v}' at 'durationSeconds' failed to satisfy constraint: Member must have value ${bound}`
      )
    }
  })

  it('AWS: +900 and 0900 are 900; unknown parameters are ignored', () => {
    for (const v of ['900', '+900', '0900']) {
      const r = assumeRole([['DurationSeconds', v]])
      expect(r.ok && r.value.DurationSeconds).toBe(900)
    }
    expect(
      assumeRole([
        ['Unknown', 'value'],
        ['RoleArn.member.1', 'x']
      ])
    ).toEqual({ ok: true, value: { RoleArn: ROLE, RoleSessionName: 'session' } })
  })

  it('AWS: of a parameter given twice, the first counts', () => {
    expect(
      message(
        parse(STS_MODEL, 'AssumeRole', [
          ['RoleArn', 'not-an-arn'],
          ['RoleArn', ROLE],
          ['RoleSessionName', 'session']
        ])
      )
    ).toBe("1 validation error detected: Value 'not-an-arn' at 'roleArn' failed to satisfy constraint: Member must have length greater than or equal to 20")
    expect(
      parse(STS_MODEL, 'AssumeRole', [
        ['RoleArn', ROLE],
        ['RoleArn', 'not-an-arn'],
        ['RoleSessionName', 'session']
      ]).ok
    ).toBe(true)
  })
})

describe('IAM validation messages', () => {
  it('pattern (the brief example; AWS words it so for instanceProfileName)', () => {
    expect(message(parse(IAM_MODEL, 'CreateUser', [['UserName', 'bad name']]))).toBe(
      "1 validation error detected: Value 'bad name' at 'userName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]+"
    )
  })

  it('AWS: too long a name', () => {
    const name = 'python-sesdynamodb-contactform-development-eu-central-1-lambdaRole'
    expect(
      message(
        parse(IAM_MODEL, 'CreateRole', [
          ['RoleName', name],
          ['AssumeRolePolicyDocument', '{}']
        ])
      )
    ).toBe(`1 validation error detected: Value '${name}' at 'roleName' failed to satisfy constraint: Member must have length less than or equal to 64`)
  })

  it('AWS: a tag value, with the path of a list element', () => {
    const value = 'SourceIP: XX.xx.xxx.xxx, UserAgent: aws-cli/2.1.17 Python/3.7.4 Darwin/20.3.0 exe/x86_64 prompt/off command/iam.create-user'
    const pairs: [string, string][] = [['UserName', 'u']]
    for (let i = 1; i <= 6; i++) pairs.push([`Tags.member.${i}.Key`, `k${i}`], [`Tags.member.${i}.Value`, i === 6 ? value : 'ok'])
    expect(message(parse(IAM_MODEL, 'CreateUser', pairs))).toBe(
      `1 validation error detected: Value '${value}' at 'tags.6.member.value' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*`
    )
  })

  it('AWS: numbers out of range, and too short an ARN', () => {
    expect(message(parse(IAM_MODEL, 'ListPolicies', [['MaxItems', '100000']]))).toBe(
      "1 validation error detected: Value '100000' at 'maxItems' failed to satisfy constraint: Member must have value less than or equal to 1000"
    )
    expect(message(parse(IAM_MODEL, 'ListUsers', [['MaxItems', '0']]))).toBe(
      "1 validation error detected: Value '0' at 'maxItems' failed to satisfy constraint: Member must have value greater than or equal to 1"
    )
    expect(message(parse(IAM_MODEL, 'GetPolicy', [['PolicyArn', 'aaaaa']]))).toBe(
      "1 validation error detected: Value 'aaaaa' at 'policyArn' failed to satisfy constraint: Member must have length greater than or equal to 20"
    )
  })

  it('enum', () => {
    expect(
      message(
        parse(IAM_MODEL, 'UpdateAccessKey', [
          ['AccessKeyId', 'AKIAIOSFODNN7EXAMPLE'],
          ['Status', 'Enabled']
        ])
      )
    ).toBe("1 validation error detected: Value 'Enabled' at 'status' failed to satisfy constraint: Member must satisfy enum value set: [Active, Inactive]")
  })

  it('several members: in Java HashMap order of their names', () => {
    // CreateRole's member names iterate as: path, permissionsBoundary, assumeRolePolicyDocument,
    // maxSessionDuration, roleName, description, tags (java-order.test.ts).
    expect(message(parse(IAM_MODEL, 'CreateRole', []))).toBe(
      "2 validation errors detected: Value null at 'assumeRolePolicyDocument' failed to satisfy constraint: Member must not be null; " +
        "Value null at 'roleName' failed to satisfy constraint: Member must not be null"
    )
    expect(
      message(
        parse(IAM_MODEL, 'CreateRole', [
          ['RoleName', 'bad name'],
          ['Path', 'x'],
          ['AssumeRolePolicyDocument', '{}'],
          ['MaxSessionDuration', '60']
        ])
      )
    ).toBe(
      "3 validation errors detected: Value 'x' at 'path' failed to satisfy constraint: Member must satisfy regular expression pattern: (\\u002F)|(\\u002F[\\u0021-\\u007F]+\\u002F); " +
        "Value '60' at 'maxSessionDuration' failed to satisfy constraint: Member must have value greater than or equal to 3600; " +
        "Value 'bad name' at 'roleName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]+"
    )
  })

  it('sensitive members are not quoted, not even null (as AWS does for Cognito passwords)', () => {
    expect(message(parse(IAM_MODEL, 'ChangePassword', [['NewPassword', 'x']]))).toBe(
      "1 validation error detected: Value at 'oldPassword' failed to satisfy constraint: Member must not be null"
    )
    expect(
      message(
        parse(IAM_MODEL, 'CreateLoginProfile', [
          ['UserName', 'u'],
          ['Password', '']
        ])
      )
    ).toBe(
      "2 validation errors detected: Value at 'password' failed to satisfy constraint: Member must have length greater than or equal to 1; " +
        "Value at 'password' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\u0009\\u000A\\u000D\\u0020-\\u00FF]+"
    )
  })

  it('lists: the list is quoted as Java prints it, elements have their own paths', () => {
    const pairs: [string, string][] = [['UserName', 'u']]
    for (let i = 1; i <= 51; i++) pairs.push([`TagKeys.member.${i}`, `k${i}`])
    expect(message(parse(IAM_MODEL, 'UntagUser', pairs))).toBe(
      `1 validation error detected: Value '[${Array.from({ length: 51 }, (_, i) => `k${i + 1}`).join(', ')}]' at 'tagKeys' failed to satisfy constraint: Member must have length less than or equal to 50`
    )
    const tags: [string, string][] = [['UserName', 'u']]
    for (let i = 1; i <= 51; i++) tags.push([`Tags.member.${i}.Key`, `k${i}`], [`Tags.member.${i}.Value`, 'v'])
    expect(message(parse(IAM_MODEL, 'TagUser', tags))).toBe(
      "1 validation error detected: Value at 'tags' failed to satisfy constraint: Member must have length less than or equal to 50"
    )
    expect(
      message(
        parse(IAM_MODEL, 'CreateOpenIDConnectProvider', [
          ['Url', 'https://x'],
          ['ThumbprintList.member.1', 'short'],
          ['ThumbprintList.member.2', 'c'.repeat(40)]
        ])
      )
    ).toBe("1 validation error detected: Value 'short' at 'thumbprintList.1.member' failed to satisfy constraint: Member must have length greater than or equal to 40")
    expect(
      message(
        parse(IAM_MODEL, 'TagUser', [
          ['UserName', 'u'],
          ['Tags.member.1.Value', 'v']
        ])
      )
    ).toBe("1 validation error detected: Value null at 'tags.1.member.key' failed to satisfy constraint: Member must not be null")
  })

  it('skipPatterns leaves chosen patterns to the application (IAM words bad paths its own way)', () => {
    const op = IAM_MODEL.operations.CreateUser
    if (op === undefined) throw new Error('CreateUser')
    const params = readQueryParams('', 'UserName=u&Path=no-slashes')
    expect(code(parseInput(IAM_MODEL, op, params))).toBe('ValidationError')
    const options = { skipPatterns: new Set(['pathType']) }
    expect(parseInput(IAM_MODEL, op, params, options)).toEqual({ ok: true, value: { UserName: 'u', Path: 'no-slashes' } })
    // Length is still checked.
    expect(message(parseInput(IAM_MODEL, op, readQueryParams('', `UserName=u&Path=/${'a'.repeat(512)}/`), options))).toMatch(
      /^1 validation error detected: Value '\/a+\/' at 'path' failed to satisfy constraint: Member must have length less than or equal to 512$/
    )
  })

  it('type errors: MalformedInput before any validation', () => {
    expect(code(parse(IAM_MODEL, 'ListUsers', [['MaxItems', 'abc']]))).toBe('MalformedInput')
    expect(
      code(
        parse(IAM_MODEL, 'CreateLoginProfile', [
          ['Password', 'pw'],
          ['PasswordResetRequired', 'yes']
        ])
      )
    ).toBe('MalformedInput')
  })
})

describe('reading the input', () => {
  it('builds members, lists, booleans, integers', () => {
    const r = parse(IAM_MODEL, 'CreateOpenIDConnectProvider', [
      ['Url', 'https://id.example.com'],
      ['ClientIDList.member.1', 'a'],
      ['ClientIDList.member.2', 'b'],
      ['ThumbprintList.member.1', 'c'.repeat(40)],
      ['Tags.member.1.Key', 'k'],
      ['Tags.member.1.Value', '']
    ])
    expect(r).toEqual({
      ok: true,
      value: { Url: 'https://id.example.com', ClientIDList: ['a', 'b'], ThumbprintList: ['c'.repeat(40)], Tags: [{ Key: 'k', Value: '' }] }
    })
    const b = parse(IAM_MODEL, 'CreateLoginProfile', [
      ['UserName', 'u'],
      ['Password', 'pw'],
      ['PasswordResetRequired', 'TRUE']
    ])
    expect(b.ok && b.value.PasswordResetRequired).toBe(true)
  })

  it('an empty list is sent as the bare key (botocore and the SDK: Tags=)', () => {
    expect(
      parse(IAM_MODEL, 'TagUser', [
        ['UserName', 'u'],
        ['Tags', '']
      ])
    ).toEqual({ ok: true, value: { UserName: 'u', Tags: [] } })
  })

  it('list indices are read in numeric order, gaps allowed', () => {
    const r = parse(IAM_MODEL, 'CreateOpenIDConnectProvider', [
      ['Url', 'u'],
      ['ThumbprintList.member.10', 'j'.repeat(40)],
      ['ThumbprintList.member.2', 'b'.repeat(40)],
      ['ThumbprintList.member.0', 'zero is not an index'],
      ['ThumbprintList.member.x', 'nor is x']
    ])
    expect(r.ok && r.value.ThumbprintList).toEqual(['b'.repeat(40), 'j'.repeat(40)])
  })

  it('an operation without input', () => {
    expect(parse(IAM_MODEL, 'GetAccountSummary', [['Whatever', '1']])).toEqual({ ok: true, value: {} })
  })
})

describe('a synthetic model: maps, flattened lists, locationName, other scalar types', () => {
  const model: ServiceModel = {
    metadata: { apiVersion: '2020-01-01', xmlNamespace: 'https://example.com/doc/', protocol: 'query', serviceId: 'Test', endpointPrefix: 'test' },
    operations: { Op: { name: 'Op', input: 'In' } },
    shapes: {
      In: {
        type: 'structure',
        members: {
          Attrs: { shape: 'AttrMap' },
          Flat: { shape: 'StrList', flattened: true },
          Named: { shape: 'NamedList', locationName: 'Wire' },
          When: { shape: 'Time' },
          Data: { shape: 'Bytes' },
          Ratio: { shape: 'Dbl' },
          Big: { shape: 'Lng' }
        }
      },
      AttrMap: { type: 'map', key: { shape: 'Key' }, value: { shape: 'Str' } },
      Key: { type: 'string', min: 2 },
      Str: { type: 'string', max: 3 },
      StrList: { type: 'list', member: { shape: 'Str' } },
      NamedList: { type: 'list', member: { shape: 'Str', locationName: 'item' } },
      Time: { type: 'timestamp' },
      Bytes: { type: 'blob' },
      Dbl: { type: 'double', max: 2 },
      Lng: { type: 'long' }
    }
  }
  const op = model.operations.Op!

  it('reads them', () => {
    const params = readQueryParams(
      '',
      'Attrs.entry.1.key=ab&Attrs.entry.1.value=x&Attrs.entry.2.key=__proto__&Attrs.entry.2.value=y&Flat.1=a&Flat.2=b&Wire.item.1=c' +
        '&When=2026-11-28T18%3A00%3A00.5Z&Data=AAH%2F&Ratio=1.5&Big=9007199254740991'
    )
    const r = parseInput(model, op, params)
    if (!r.ok) throw new Error(r.error.message)
    const attrs = r.value.Attrs as Record<string, unknown>
    expect(Object.getPrototypeOf(attrs)).toBe(null)
    expect(Object.entries(attrs)).toEqual([
      ['ab', 'x'],
      ['__proto__', 'y']
    ])
    expect(r.value.Flat).toEqual(['a', 'b'])
    expect(r.value.Named).toEqual(['c'])
    expect(r.value.When).toEqual(new Date(Date.UTC(2026, 10, 28, 18, 0, 0, 500)))
    expect(r.value.Data).toEqual(new Uint8Array([0, 1, 255]))
    expect(r.value.Ratio).toBe(1.5)
    expect(r.value.Big).toBe(9007199254740991)
  })

  it('map constraints in the Coral form; doubles printed the Java way', () => {
    const r = parseInput(model, op, readQueryParams('', 'Attrs.entry.1.key=a&Attrs.entry.1.value=long&Ratio=3'))
    expect(message(r)).toBe(
      "3 validation errors detected: Value '{a=long}' at 'attrs' failed to satisfy constraint: Map keys must satisfy constraint: [Member must have length greater than or equal to 2]; " +
        "Value '{a=long}' at 'attrs' failed to satisfy constraint: Map value must satisfy constraint: [Member must have length less than or equal to 3]; " +
        "Value '3.0' at 'ratio' failed to satisfy constraint: Member must have value less than or equal to 2"
    )
  })

  it('bad timestamps and blobs are MalformedInput', () => {
    expect(code(parseInput(model, op, readQueryParams('', 'When=yesterday')))).toBe('MalformedInput')
    expect(code(parseInput(model, op, readQueryParams('', 'Data=%25%25')))).toBe('MalformedInput')
  })
})
