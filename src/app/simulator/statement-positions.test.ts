import { describe, expect, it } from 'vitest'
import { statementSpans } from './statement-positions.js'

describe('statementSpans', () => {
  it('places a single statement object as the AWS CLI example shows it (Line 1, Column 38 to 167)', () => {
    const text =
      '{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"dynamodb:*","Resource":"*","Condition":{"DateGreaterThan":{"aws:CurrentTime":"2018-08-16T12:00:00Z"}}}}'
    expect(statementSpans(text)).toEqual([{ start: { Line: 1, Column: 38 }, end: { Line: 1, Column: 167 } }])
  })

  it('starts the first statement of an array after the bracket, as in the simulate-principal-policy example', () => {
    const text = [
      '{',
      '    "Version": "2012-10-17",',
      '    "Statement": [',
      '        {',
      '            "Sid": "ListRepos",',
      '            "Effect": "Allow",',
      '            "Action": "codecommit:ListRepositories",',
      '            "Resource": "*"',
      '        }',
      '    ]',
      '}'
    ].join('\n')
    expect(statementSpans(text)).toEqual([{ start: { Line: 3, Column: 19 }, end: { Line: 9, Column: 10 } }])
  })

  it('starts later statements where the previous one ended', () => {
    const text = '{"Statement":[{"Effect":"Allow"},\r\n {"Effect":"Deny","Action":"a:b"}],"Version":"2012-10-17"}'
    const spans = statementSpans(text)
    expect(spans).toHaveLength(2)
    expect(spans[0]).toEqual({ start: { Line: 1, Column: 15 }, end: { Line: 1, Column: 33 } })
    expect(spans[1]).toEqual({ start: { Line: 1, Column: 33 }, end: { Line: 2, Column: 34 } })
  })

  it('is not fooled by braces, brackets and escaped quotes inside strings', () => {
    const text = '{"Id":"x\\"}]{[","Statement":[{"Sid":"a}\\\\","Effect":"Allow"}]}'
    expect(statementSpans(text)).toEqual([{ start: { Line: 1, Column: 30 }, end: { Line: 1, Column: 61 } }])
  })

  it('answers nothing for text that is not a policy object', () => {
    expect(statementSpans('[]')).toEqual([])
    expect(statementSpans('{"Version":"2012-10-17"}')).toEqual([])
    expect(statementSpans('{"Statement":')).toEqual([])
    expect(statementSpans('')).toEqual([])
  })
})
