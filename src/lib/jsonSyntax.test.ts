import { describe, expect, it } from 'vitest'
import { findJsonSyntaxProblem } from './jsonSyntax'

const problem = (text: string) => {
  const found = findJsonSyntaxProblem(text)
  return found && `${found.line}:${found.column} ${found.message}`
}

describe('findJsonSyntaxProblem', () => {
  it('finds nothing wrong with valid JSON, whatever JSON.parse accepts', () => {
    for (const text of ['{}', '[]', ' {"a": [1, -2.5e3, true, false, null, "x\\n\\u00e9"]} ', '"text"', '0'])
      expect(findJsonSyntaxProblem(text)).toBeNull()
  })

  it('names the first problem with its line and column', () => {
    expect(problem('{\n  "a": 1\n  "b": 2\n}')).toBe(
      '3:3 expected “,” or “}” after a property value but found “"”',
    )
    expect(problem('{"a": 1,}')).toBe('1:9 a comma before “}”: remove it')
    expect(problem('[1, 2,]')).toBe('1:7 a comma before “]”: remove it')
    expect(problem("{'a': 1}")).toBe("1:2 expected a property name in double quotes but found “'”")
    expect(problem('{"a" 1}')).toBe('1:6 expected “:” after the property name but found “1”')
    expect(problem('{"a": tru}')).toBe('1:10 expected “true” but found “}”')
    expect(problem('{"a": "x')).toBe('1:9 text (a string) is not closed with a double quote')
    expect(problem('{"a": 01}')).toBe('1:8 a number cannot continue with “1”')
    expect(problem('{"a": "\\q"}')).toBe('1:8 “\\q” is not a JSON escape')
    expect(problem('{"a": 1} x')).toBe('1:10 unexpected “x” after the end of the JSON document')
    expect(problem('   ')).toBe('1:4 the file is empty')
    expect(problem('{"a":')).toBe(
      '1:6 expected a value (an object, a list, text, a number, true, false or null) but found the end of the file',
    )
  })

  it('counts CRLF and CR line breaks as one line each', () => {
    expect(problem('{\r\n"a": 1,\r\n}')).toBe('3:1 a comma before “}”: remove it')
    expect(problem('{\r"a": 1,\r}')).toBe('3:1 a comma before “}”: remove it')
  })

  it('refuses a raw control character inside text, naming it', () => {
    expect(problem('{"a": "x\ty"}')).toBe(
      '1:9 a control character (U+0009) inside text: write it as an escape such as \\n',
    )
  })
})
