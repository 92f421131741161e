/**
 * The /api/4.0 request path, checked before anything else looks at it. The proxy appends the path to
 * LOOKER_BASE_URL, and `fetch` parses URLs the WHATWG way: it resolves `..` and `.` segments (also written
 * `%2e`), turns `\` into `/`, and percent-encodes some characters. A path that parses to something else
 * than it says would reach another Looker endpoint than the one the allowlist approved (issue 12 found
 * `/api/4.0/../../login` and `/api/4.0/%2e%2e/token` reaching `/login` and `/api/token`). So every form of
 * that is refused here, and what is forwarded is exactly this path (forward.ts checks the parse again).
 */
export const API_PREFIX = '/api/4.0'

export type ApiPath =
  | { ok: true; /** Under /api/4.0, e.g. `/looks/42`. */ path: string; /** `?…` or empty. */ search: string }
  | { ok: false; rule: string; message: string }

const refuse = (rule: string, why: string): ApiPath => ({
  ok: false,
  rule: `path:${rule}`,
  message: `The Lookbook proxy refuses this path: ${why}.`,
})

export function parseApiPath(rawUrl: string): ApiPath {
  if (rawUrl.includes('#')) return refuse('fragment', 'a request path has no #fragment')
  const queryAt = rawUrl.indexOf('?')
  const raw = queryAt === -1 ? rawUrl : rawUrl.slice(0, queryAt)
  const search = queryAt === -1 ? '' : rawUrl.slice(queryAt)
  if (!raw.startsWith(`${API_PREFIX}/`)) return refuse('prefix', `it must start with ${API_PREFIX}/`)
  const path = raw.slice(API_PREFIX.length)
  if (/\\|%5c/i.test(path)) return refuse('backslash', 'it contains a backslash (plain or %5C)')
  if (/%2f/i.test(path)) return refuse('encoded_slash', 'it contains an encoded slash (%2F)')
  if (/%2e/i.test(path)) return refuse('encoded_dot', 'it contains an encoded dot (%2E)')
  if (/%(?![0-9a-f]{2})/i.test(path))
    return refuse('percent', 'it has a % that is not followed by two hex digits')
  if (/%(?:[01][0-9a-f]|7f)/i.test(path)) return refuse('control', 'it contains an encoded control character')
  if (/[^\x21-\x7e]/.test(path))
    return refuse('character', 'it contains a space, control or non-ASCII character')
  const segments = path.split('/').slice(1)
  if (segments.some((s) => s === ''))
    return refuse('empty_segment', 'it contains an empty segment (// or a trailing /)')
  if (segments.some((s) => s === '.' || s === '..'))
    return refuse('dot_segment', 'it contains a . or .. segment')
  return { ok: true, path, search }
}

/**
 * The URL the proxy sends to Looker, or null when parsing it would change its path (characters such as
 * `<` or `{` that fetch would percent-encode): the path Looker sees is exactly the one that was checked.
 */
export function upstreamUrl(baseUrl: string, apiPath: { path: string; search: string }): string | null {
  const target = `${baseUrl}${API_PREFIX}${apiPath.path}${apiPath.search}`
  const expected = `${new URL(baseUrl).pathname.replace(/\/$/, '')}${API_PREFIX}${apiPath.path}`
  try {
    return new URL(target).pathname === expected ? target : null
  } catch {
    return null
  }
}
