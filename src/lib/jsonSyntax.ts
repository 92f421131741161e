/**
 * Where a JSON text first breaks the grammar (RFC 8259), in words and as line and column. JSON.parse
 * says so too, but each browser in its own words and not always with a position (Safari gives none), so a
 * file refused for its syntax would be explained differently per browser. Only called after JSON.parse
 * failed: it checks, it does not build values.
 */
export interface JsonSyntaxProblem {
  /** 1-based, counting \n, \r\n and \r as line breaks. */
  line: number
  /** 1-based, in UTF-16 code units from the start of the line. */
  column: number
  offset: number
  message: string
}

class Stop extends Error {
  constructor(
    readonly at: number,
    message: string,
  ) {
    super(message)
  }
}

const WS = new Set([' ', '\t', '\n', '\r'])

/** What the character at `i` is, for a message: “x”, or "the end of the file". */
function shown(text: string, i: number): string {
  if (i >= text.length) return 'the end of the file'
  const ch = text.codePointAt(i)!
  if (ch < 0x20) return `a control character (U+${ch.toString(16).toUpperCase().padStart(4, '0')})`
  return `“${String.fromCodePoint(ch)}”`
}

function check(text: string): void {
  let i = 0
  const skip = () => {
    while (i < text.length && WS.has(text[i]!)) i++
  }
  const fail = (message: string): never => {
    throw new Stop(i, message)
  }
  const literal = (word: string) => {
    for (const ch of word) {
      if (text[i] !== ch) fail(`expected “${word}” but found ${shown(text, i)}`)
      i++
    }
  }
  const string = () => {
    i++ // the opening quote
    for (;;) {
      if (i >= text.length) fail('text (a string) is not closed with a double quote')
      const ch = text[i]!
      if (ch === '"') return void i++
      if (ch.charCodeAt(0) < 0x20) fail(`${shown(text, i)} inside text: write it as an escape such as \\n`)
      if (ch === '\\') {
        const next = text[i + 1]
        if (next === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6)))
            fail('a \\u escape needs four hexadecimal digits')
          i += 6
          continue
        }
        if (next === undefined || !'"\\/bfnrt'.includes(next)) fail(`“\\${next ?? ''}” is not a JSON escape`)
        i += 2
        continue
      }
      i++
    }
  }
  const number = () => {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i))
    if (!match || match[0] === '-') fail(`expected a number but found ${shown(text, i)}`)
    i += match![0].length
    if (/[0-9.eE+-]/.test(text[i] ?? '')) fail(`a number cannot continue with ${shown(text, i)}`)
  }
  const value = (depth: number): void => {
    if (depth > 512) fail('the document is nested too deeply')
    skip()
    const ch = text[i]
    if (ch === '{') return object(depth)
    if (ch === '[') return array(depth)
    if (ch === '"') return string()
    if (ch === 't') return literal('true')
    if (ch === 'f') return literal('false')
    if (ch === 'n') return literal('null')
    if (ch === '-' || (ch !== undefined && ch >= '0' && ch <= '9')) return number()
    if (ch === "'") fail('text must be in double quotes, not single quotes')
    fail(
      `expected a value (an object, a list, text, a number, true, false or null) but found ${shown(text, i)}`,
    )
  }
  const object = (depth: number) => {
    i++
    skip()
    if (text[i] === '}') return void i++
    for (;;) {
      skip()
      if (text[i] !== '"')
        fail(
          text[i] === '}'
            ? 'a comma before “}”: remove it'
            : `expected a property name in double quotes but found ${shown(text, i)}`,
        )
      string()
      skip()
      if (text[i] !== ':') fail(`expected “:” after the property name but found ${shown(text, i)}`)
      i++
      value(depth + 1)
      skip()
      if (text[i] === ',') {
        i++
        continue
      }
      if (text[i] === '}') return void i++
      fail(`expected “,” or “}” after a property value but found ${shown(text, i)}`)
    }
  }
  const array = (depth: number) => {
    i++
    skip()
    if (text[i] === ']') return void i++
    for (;;) {
      skip()
      if (text[i] === ']') fail('a comma before “]”: remove it')
      value(depth + 1)
      skip()
      if (text[i] === ',') {
        i++
        continue
      }
      if (text[i] === ']') return void i++
      fail(`expected “,” or “]” after a list item but found ${shown(text, i)}`)
    }
  }
  skip()
  if (i >= text.length) fail('the file is empty')
  value(0)
  skip()
  if (i < text.length) fail(`unexpected ${shown(text, i)} after the end of the JSON document`)
}

function position(text: string, offset: number): { line: number; column: number } {
  let line = 1
  let start = 0
  for (let i = 0; i < offset && i < text.length; i++) {
    const ch = text[i]
    if (ch === '\n' || (ch === '\r' && text[i + 1] !== '\n')) {
      line++
      start = i + 1
    }
  }
  return { line, column: offset - start + 1 }
}

/** The first syntax problem in `text`, or null when it is valid JSON. */
export function findJsonSyntaxProblem(text: string): JsonSyntaxProblem | null {
  try {
    check(text)
    return null
  } catch (e) {
    if (!(e instanceof Stop)) throw e
    return { ...position(text, e.at), offset: e.at, message: e.message }
  }
}
