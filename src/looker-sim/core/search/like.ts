/**
 * SQL LIKE as Looker's search endpoints use it: case-insensitive, `%` = any run of characters,
 * `_` = exactly one character, and a pattern without wildcards is an exact (case-insensitive) match.
 * A backslash escapes the next character (MySQL's default escape), so `50\%` matches a literal "50%".
 */
export type Matcher = (value: string | null | undefined) => boolean

export function compileLike(pattern: string): Matcher {
  let source = ''
  let hasWildcard = false
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i] as string
    if (char === '\\' && i + 1 < pattern.length) {
      source += escapeRegExp(pattern[++i] as string)
    } else if (char === '%') {
      source += '.*'
      hasWildcard = true
    } else if (char === '_') {
      source += '.'
      hasWildcard = true
    } else {
      source += escapeRegExp(char)
    }
  }
  if (!hasWildcard) {
    // Fast path for exact matches: no regex, one lower-casing per value.
    const wanted = unescape(pattern).toLowerCase()
    return (value) => value !== null && value !== undefined && value.toLowerCase() === wanted
  }
  const regex = new RegExp(`^${source}$`, 'is')
  return (value) => value !== null && value !== undefined && regex.test(value)
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

const unescape = (pattern: string) => pattern.replace(/\\(.)/gs, '$1')
