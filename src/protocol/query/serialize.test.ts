import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { IAM_MODEL } from '../model/iam-model.js'
import { STS_MODEL } from '../model/sts-model.js'
import type { ServiceModel } from '../model/types.js'
import { AWS_FAULT_XMLNS, invalidAction } from './errors.js'
import { errorInfo, iso8601, serializeError, serializeResponse } from './serialize.js'
import { escapeXmlText } from './xml.js'

const op = (model: ServiceModel, name: string) => {
  const o = model.operations[name]
  if (o === undefined) throw new Error(name)
  return o
}

describe('serializeResponse', () => {
  it('writes the awsQuery envelope, indented as IAM does', () => {
    const xml = serializeResponse(
      IAM_MODEL,
      op(IAM_MODEL, 'CreateUser'),
      {
        User: {
          Path: '/',
          UserName: 'bob',
          UserId: 'AIDACKCEVSQ6C2EXAMPLE',
          Arn: 'arn:aws:iam::123456789012:user/bob',
          CreateDate: new Date(Date.UTC(2026, 10, 28, 18, 0, 0)),
          Tags: [{ Key: 'team', Value: 'a&b' }],
          PasswordLastUsed: undefined
        }
      },
      '7a62c49f-347e-4fc4-9331-6e8eEXAMPLE'
    )
    expect(xml).toBe(
      [
        '<CreateUserResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/">',
        '  <CreateUserResult>',
        '    <User>',
        '      <Path>/</Path>',
        '      <UserName>bob</UserName>',
        '      <UserId>AIDACKCEVSQ6C2EXAMPLE</UserId>',
        '      <Arn>arn:aws:iam::123456789012:user/bob</Arn>',
        '      <CreateDate>2026-11-28T18:00:00Z</CreateDate>',
        '      <Tags>',
        '        <member>',
        '          <Key>team</Key>',
        '          <Value>a&amp;b</Value>',
        '        </member>',
        '      </Tags>',
        '    </User>',
        '  </CreateUserResult>',
        '  <ResponseMetadata>',
        '    <RequestId>7a62c49f-347e-4fc4-9331-6e8eEXAMPLE</RequestId>',
        '  </ResponseMetadata>',
        '</CreateUserResponse>',
        ''
      ].join('\n')
    )
  })

  it('writes only ResponseMetadata for operations without output', () => {
    expect(serializeResponse(IAM_MODEL, op(IAM_MODEL, 'DeleteUser'), undefined, 'r')).toBe(
      '<DeleteUserResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/">\n  <ResponseMetadata>\n    <RequestId>r</RequestId>\n  </ResponseMetadata>\n</DeleteUserResponse>\n'
    )
  })

  it('writes STS in its namespace; timestamps with milliseconds only when there are some', () => {
    const xml = serializeResponse(
      STS_MODEL,
      op(STS_MODEL, 'GetSessionToken'),
      { Credentials: { AccessKeyId: 'ASIA', SecretAccessKey: 's', SessionToken: 't', Expiration: new Date(Date.UTC(2026, 0, 2, 3, 4, 5, 60)) } },
      'r'
    )
    expect(xml).toContain('<GetSessionTokenResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">\n  <GetSessionTokenResult>\n    <Credentials>\n')
    expect(xml).toContain('<Expiration>2026-01-02T03:04:05.060Z</Expiration>')
  })

  it('empty lists, empty structures, booleans, integers, maps', () => {
    const listUsers = serializeResponse(IAM_MODEL, op(IAM_MODEL, 'ListUsers'), { Users: [], IsTruncated: false }, 'r')
    expect(listUsers).toContain('  <ListUsersResult>\n    <Users/>\n    <IsTruncated>false</IsTruncated>\n  </ListUsersResult>\n')
    const summary = serializeResponse(IAM_MODEL, op(IAM_MODEL, 'GetAccountSummary'), { SummaryMap: { Users: 3, Groups: 0 } }, 'r')
    expect(summary).toContain(
      '    <SummaryMap>\n      <entry>\n        <key>Users</key>\n        <value>3</value>\n      </entry>\n      <entry>\n        <key>Groups</key>\n        <value>0</value>\n      </entry>\n    </SummaryMap>\n'
    )
    const role = serializeResponse(IAM_MODEL, op(IAM_MODEL, 'GetRole'), { Role: { RoleName: 'r', RoleLastUsed: {} } }, 'r')
    expect(role).toContain('      <RoleLastUsed/>\n')
    expect(serializeResponse(IAM_MODEL, op(IAM_MODEL, 'ListUsers'), {}, 'r')).toContain('  <ListUsersResult/>\n')
  })

  it('blobs in base64', () => {
    const xml = serializeResponse(IAM_MODEL, op(IAM_MODEL, 'GetCredentialReport'), { Content: new Uint8Array([0, 1, 255]), ReportFormat: 'text/csv' }, 'r')
    expect(xml).toContain('<Content>AAH/</Content>')
  })

  it('refuses values of the wrong type', () => {
    expect(() => serializeResponse(IAM_MODEL, op(IAM_MODEL, 'GetUser'), { User: { UserName: 5 } }, 'r')).toThrow(TypeError)
    expect(() => serializeResponse(IAM_MODEL, op(IAM_MODEL, 'ListUsers'), { Users: 'x' }, 'r')).toThrow(TypeError)
    expect(() => serializeResponse(IAM_MODEL, op(IAM_MODEL, 'GetUser'), { User: { CreateDate: new Date(NaN) } }, 'r')).toThrow(TypeError)
  })

  it('flattened lists and maps, locationName, other timestamp formats (synthetic model)', () => {
    const model: ServiceModel = {
      metadata: { apiVersion: '2020-01-01', xmlNamespace: 'https://example.com/"ns"/', protocol: 'query', serviceId: 'T', endpointPrefix: 't' },
      operations: { Op: { name: 'Op', output: 'Out', resultWrapper: 'OpResult' } },
      shapes: {
        Out: {
          type: 'structure',
          members: {
            Flat: { shape: 'Items', flattened: true },
            Named: { shape: 'NamedItems', locationName: 'Wire' },
            FlatMap: { shape: 'M', flattened: true },
            Epoch: { shape: 'Epoch' },
            Http: { shape: 'Http' },
            Ratio: { shape: 'D' }
          }
        },
        Items: { type: 'list', member: { shape: 'S', locationName: 'Item' } },
        NamedItems: { type: 'list', member: { shape: 'S', locationName: 'item' } },
        M: { type: 'map', key: { shape: 'S', locationName: 'K' }, value: { shape: 'S', locationName: 'V' } },
        S: { type: 'string' },
        D: { type: 'double' },
        Epoch: { type: 'timestamp', timestampFormat: 'unixTimestamp' },
        Http: { type: 'timestamp', timestampFormat: 'rfc822' }
      }
    }
    const xml = serializeResponse(
      model,
      op(model, 'Op'),
      {
        Flat: ['a', 'b'],
        Named: ['c'],
        FlatMap: new Map([['k', 'v']]),
        Epoch: new Date(1500),
        Http: new Date(0),
        Ratio: 0.5
      },
      'r'
    )
    expect(xml).toBe(
      [
        '<OpResponse xmlns="https://example.com/&quot;ns&quot;/">',
        '  <OpResult>',
        '    <Item>a</Item>',
        '    <Item>b</Item>',
        '    <Wire>',
        '      <item>c</item>',
        '    </Wire>',
        '    <FlatMap>',
        '      <K>k</K>',
        '      <V>v</V>',
        '    </FlatMap>',
        '    <Epoch>1.5</Epoch>',
        '    <Http>Thu, 01 Jan 1970 00:00:00 GMT</Http>',
        '    <Ratio>0.5</Ratio>',
        '  </OpResult>',
        '  <ResponseMetadata>',
        '    <RequestId>r</RequestId>',
        '  </ResponseMetadata>',
        '</OpResponse>',
        ''
      ].join('\n')
    )
  })
})

describe('serializeError', () => {
  it('writes the ErrorResponse of IAM and STS', () => {
    expect(serializeError(IAM_MODEL, { code: 'NoSuchEntity', message: 'The user with name bob cannot be found.', type: 'Sender' }, 'r-1')).toBe(
      [
        '<ErrorResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/">',
        '  <Error>',
        '    <Type>Sender</Type>',
        '    <Code>NoSuchEntity</Code>',
        '    <Message>The user with name bob cannot be found.</Message>',
        '  </Error>',
        '  <RequestId>r-1</RequestId>',
        '</ErrorResponse>',
        ''
      ].join('\n')
    )
  })

  it('AWS: InvalidAction in the AWSFault namespace; no Message element for an empty message', () => {
    const xml = serializeError(STS_MODEL, invalidAction('NoSuchAction', '2011-06-15'), 'r')
    expect(xml.startsWith(`<ErrorResponse xmlns="${AWS_FAULT_XMLNS}">\n`)).toBe(true)
    expect(xml).toContain('<Message>Could not find operation NoSuchAction for version 2011-06-15</Message>')
    expect(serializeError(STS_MODEL, { code: 'MalformedInput', message: '', type: 'Sender' }, 'r')).toBe(
      '<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">\n  <Error>\n    <Type>Sender</Type>\n    <Code>MalformedInput</Code>\n  </Error>\n  <RequestId>r</RequestId>\n</ErrorResponse>\n'
    )
  })

  it('escapes the message', () => {
    expect(serializeError(IAM_MODEL, { code: 'MalformedPolicyDocument', message: 'Syntax errors in policy: <"x" & y>', type: 'Sender' }, 'r')).toContain(
      '<Message>Syntax errors in policy: &lt;"x" &amp; y&gt;</Message>'
    )
  })
})

describe('errorInfo', () => {
  it('knows the modelled errors by shape name and by code', () => {
    expect(errorInfo(IAM_MODEL, 'NoSuchEntityException')).toEqual({ code: 'NoSuchEntity', status: 404, type: 'Sender' })
    expect(errorInfo(IAM_MODEL, 'NoSuchEntity')).toEqual({ code: 'NoSuchEntity', status: 404, type: 'Sender' })
    expect(errorInfo(IAM_MODEL, 'ServiceFailure')).toEqual({ code: 'ServiceFailure', status: 500, type: 'Receiver' })
    expect(errorInfo(IAM_MODEL, 'CredentialReportNotReadyException')).toEqual({ code: 'ReportInProgress', status: 404, type: 'Sender' })
    expect(errorInfo(STS_MODEL, 'ExpiredTokenException')).toEqual({ code: 'ExpiredTokenException', status: 400, type: 'Sender' })
    expect(errorInfo(STS_MODEL, 'RegionDisabledException')).toEqual({ code: 'RegionDisabledException', status: 403, type: 'Sender' })
  })

  it('knows the common Query errors', () => {
    expect(errorInfo(IAM_MODEL, 'ValidationError')).toEqual({ code: 'ValidationError', status: 400, type: 'Sender' })
    expect(errorInfo(STS_MODEL, 'AccessDenied')).toEqual({ code: 'AccessDenied', status: 403, type: 'Sender' })
    expect(errorInfo(IAM_MODEL, 'InternalFailure')).toEqual({ code: 'InternalFailure', status: 500, type: 'Receiver' })
    expect(errorInfo(IAM_MODEL, 'NoSuchThing')).toBeUndefined()
  })
})

describe('escapeXmlText', () => {
  it('escapes markup, CR, and what XML 1.0 forbids; keeps pairs and the rest', () => {
    expect(escapeXmlText('plain')).toBe('plain')
    expect(escapeXmlText('a<b>&c"d\'e')).toBe('a&lt;b&gt;&amp;c"d\'e')
    expect(escapeXmlText('x\r\ny\tz')).toBe('x&#xD;\ny\tz')
    expect(escapeXmlText('\u0000\u001F\uFFFE\uFFFF')).toBe('&#x0;&#x1F;&#xFFFE;&#xFFFF;')
    expect(escapeXmlText('😀')).toBe('😀')
    expect(escapeXmlText('\uD800x\uDC00')).toBe('&#xD800;x&#xDC00;')
    expect(escapeXmlText('\u0085\u2028')).toBe('\u0085\u2028')
  })
})

describe('iso8601', () => {
  it('is toISOString without .000', () => {
    fc.assert(
      fc.property(fc.date({ noInvalidDate: true }), (date) => {
        const iso = date.toISOString()
        expect(iso8601(date.getTime())).toBe(date.getTime() % 1000 === 0 ? `${iso.slice(0, -5)}Z` : iso)
      }),
      { numRuns: 2000 }
    )
    expect(iso8601(0)).toBe('1970-01-01T00:00:00Z')
    expect(iso8601(-1)).toBe('1969-12-31T23:59:59.999Z')
    expect(iso8601(Date.UTC(2000, 1, 29, 12, 0, 0, 5))).toBe('2000-02-29T12:00:00.005Z')
  })
})
