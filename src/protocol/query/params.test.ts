import { describe, expect, it } from 'vitest'
import { readQueryParams } from './params.js'

const entries = (m: Map<string, string>) => [...m.entries()]

describe('readQueryParams', () => {
  it('decodes form encoding: %XX as UTF-8, + as space, keys too', () => {
    expect(entries(readQueryParams('', 'Action=CreateUser&UserName=a+b%2Bc&Tags.member.1.Key=%C3%BC%F0%9F%98%80&Path=%2F'))).toEqual([
      ['Action', 'CreateUser'],
      ['UserName', 'a b+c'],
      ['Tags.member.1.Key', 'ü😀'],
      ['Path', '/']
    ])
    expect(entries(readQueryParams('', 'A%2EB=1'))).toEqual([['A.B', '1']])
  })

  it('keeps the first of duplicate parameters, as AWS does', () => {
    expect(entries(readQueryParams('', 'Action=GetCallerIdentity&Action=NoSuchAction&DurationSeconds=900&DurationSeconds=899'))).toEqual([
      ['Action', 'GetCallerIdentity'],
      ['DurationSeconds', '900']
    ])
  })

  it('reads the query string, then the body', () => {
    expect(entries(readQueryParams('?Action=ListUsers&Version=2010-05-08', 'Action=CreateUser&MaxItems=5'))).toEqual([
      ['Action', 'ListUsers'],
      ['Version', '2010-05-08'],
      ['MaxItems', '5']
    ])
  })

  it('handles empty values, keys without =, empty pairs', () => {
    expect(entries(readQueryParams('', 'Tags=&Marker&&=x&Version=2010-05-08&'))).toEqual([
      ['Tags', ''],
      ['Marker', ''],
      ['', 'x'],
      ['Version', '2010-05-08']
    ])
    expect(readQueryParams('', '').size).toBe(0)
  })

  it('is lenient with malformed percent-encoding and bad UTF-8', () => {
    expect(entries(readQueryParams('', 'A=100%&B=%zz%41&C=%FF%C3%BC&D=%E2%82'))).toEqual([
      ['A', '100%'],
      ['B', '%zzA'],
      ['C', '\uFFFDü'],
      ['D', '\uFFFD']
    ])
    expect(entries(readQueryParams('', 'E=ü%zz'))).toEqual([['E', 'ü%zz']])
  })
})
