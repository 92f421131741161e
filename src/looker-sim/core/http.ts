import { badRequest } from './errors'

/** A handler's answer: a plain status/body (JSON-encoded by the router) or a ready Response (binary). */
export interface SimResult {
  status?: number
  body?: unknown
  /** Undefined values are left out, so handlers can write `{ 'Retry-After': maybe }`. */
  headers?: Record<string, string | undefined>
}

export function jsonResponse(
  status: number,
  body: unknown,
  extraHeaders: SimResult['headers'] = {},
): Response {
  const headers: Record<string, string> = {}
  for (const [name, value] of Object.entries(extraHeaders)) if (value !== undefined) headers[name] = value
  // 204, and 202 "not ready yet", have no body at all.
  if (status === 204 || body === undefined) return new Response(null, { status, headers })
  return new Response(JSON.stringify(body ?? null), {
    status,
    headers: { 'Content-Type': 'application/json; charset=utf-8', ...headers },
  })
}

/** Typed access to query parameters; malformed numbers and booleans are a 400, as in Looker. */
export class QueryReader {
  constructor(private readonly params: URLSearchParams) {}

  has(name: string): boolean {
    return this.params.has(name)
  }

  /** The value, or undefined when absent or empty. */
  string(name: string): string | undefined {
    const value = this.params.get(name)
    return value === null || value === '' ? undefined : value
  }

  int(name: string): number | undefined {
    const value = this.string(name)
    if (value === undefined) return undefined
    if (!/^-?\d+$/.test(value.trim()))
      throw badRequest(`Invalid value "${value}" for ${name}: expected an integer.`)
    return Number(value)
  }

  bool(name: string): boolean | undefined {
    const value = this.string(name)
    if (value === undefined) return undefined
    if (value !== 'true' && value !== 'false') {
      throw badRequest(`Invalid value "${value}" for ${name}: expected true or false.`)
    }
    return value === 'true'
  }

  /** All of the named parameters that are present, as strings. */
  pick<K extends string>(names: readonly K[]): Partial<Record<K, string>> {
    const out: Partial<Record<K, string>> = {}
    for (const name of names) {
      const value = this.string(name)
      if (value !== undefined) out[name] = value
    }
    return out
  }

  /** limit/offset/page/per_page, validated. */
  paging(): { limit?: number; offset?: number; page?: number; per_page?: number } {
    return {
      limit: this.int('limit'),
      offset: this.int('offset'),
      page: this.int('page'),
      per_page: this.int('per_page'),
    }
  }
}
