import type { SimStore } from './store'
import type { QueryReader, SimResult } from './http'
import type { UserRecord } from './types'
import type { Viewer } from './viewer'

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE'

export interface RouteContext {
  request: Request
  method: HttpMethod
  /** Path relative to /api/4.0, e.g. "/looks/12". */
  path: string
  /** Path parameters by the names used in the pattern (":look_id" → params.look_id). */
  params: Record<string, string>
  query: QueryReader
  /** Origin of the request ("http://127.0.0.1:4010"); absolute URLs in responses use it. */
  origin: string
  store: SimStore
  /** The bearer token, when one was sent. */
  token: string | null
  /** The authenticated caller; only null on public routes. */
  user: UserRecord | null
  /** The caller's per-request view; throws 401 on public routes without a token. */
  viewer: () => Viewer
  /** The JSON body; 400 when it is missing or not JSON. */
  json: () => Promise<unknown>
  /** Form-encoded body fields (login); JSON bodies are accepted too. */
  form: () => Promise<URLSearchParams>
}

export interface Route {
  method: HttpMethod
  /** Relative to /api/4.0, with ":name" segments, e.g. "/looks/:look_id/copy". */
  path: string
  /** Callable without a token (login, versions). */
  public?: boolean
  handler: (context: RouteContext) => SimResult | Response | Promise<SimResult | Response>
}

interface CompiledRoute {
  route: Route
  segments: string[]
  literalCount: number
}

export type RouteMatch = { kind: 'found'; route: Route; params: Record<string, string> } | { kind: 'none' }

/**
 * A table of routes other modules extend (render and query tasks add theirs with `add`). When two
 * patterns match, the one with more literal segments wins, so "/looks/search" beats "/looks/:look_id"
 * whatever the order of registration.
 */
export class Router {
  private compiled: CompiledRoute[] = []

  constructor(routes: Route[] = []) {
    this.add(...routes)
  }

  add(...routes: Route[]): void {
    for (const route of routes) {
      const segments = split(route.path)
      this.compiled.push({ route, segments, literalCount: segments.filter((s) => !s.startsWith(':')).length })
    }
  }

  routes(): Route[] {
    return this.compiled.map((c) => c.route)
  }

  match(method: string, path: string): RouteMatch {
    const parts = split(path)
    let best: { compiled: CompiledRoute; params: Record<string, string> } | null = null
    for (const compiled of this.compiled) {
      if (compiled.route.method !== method || compiled.segments.length !== parts.length) continue
      const params = matchSegments(compiled.segments, parts)
      if (params && (!best || compiled.literalCount > best.compiled.literalCount)) best = { compiled, params }
    }
    return best ? { kind: 'found', route: best.compiled.route, params: best.params } : { kind: 'none' }
  }
}

const split = (path: string) => path.split('/').filter((s) => s.length > 0)

function matchSegments(pattern: string[], parts: string[]): Record<string, string> | null {
  const params: Record<string, string> = {}
  for (let i = 0; i < pattern.length; i++) {
    const expected = pattern[i] as string
    const actual = parts[i] as string
    if (expected.startsWith(':')) {
      try {
        params[expected.slice(1)] = decodeURIComponent(actual)
      } catch {
        return null
      }
    } else if (expected !== actual) return null
  }
  return params
}
