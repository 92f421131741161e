import { badRequest, unauthorized } from './errors'
import { QueryReader } from './http'
import type { HttpMethod, RouteContext } from './router'
import type { SimStore } from './store'
import type { UserRecord } from './types'
import type { Viewer } from './viewer'

/** Looker's documented scheme is "token X"; the TS SDK sends "Bearer X". Both work. */
export function bearerToken(request: Request): string | null {
  const header = request.headers.get('Authorization')
  const match = header ? /^(?:token|bearer)\s+(\S+)\s*$/i.exec(header) : null
  return match?.[1] ?? null
}

export interface ContextInput {
  request: Request
  url: URL
  method: HttpMethod
  path: string
  params: Record<string, string>
  store: SimStore
  requiresAuth: boolean
}

export function buildContext(input: ContextInput): RouteContext {
  const { request, url, store } = input
  const token = bearerToken(request)
  // Public routes still identify a caller when a valid token is sent, but never fail on a bad one.
  const user: UserRecord | null = input.requiresAuth ? store.authenticate(token) : optionalUser(store, token)
  let viewer: Viewer | undefined
  let bodyText: Promise<string> | undefined
  const text = () => (bodyText ??= request.text())

  return {
    request,
    method: input.method,
    path: input.path,
    params: input.params,
    query: new QueryReader(url.searchParams),
    origin: url.origin,
    store,
    token,
    user,
    viewer: () => {
      if (!user) throw unauthorized()
      return (viewer ??= store.viewer(user, url.origin))
    },
    json: async () => {
      const raw = await text()
      if (raw.trim() === '') throw badRequest('A JSON request body is required.')
      try {
        return JSON.parse(raw) as unknown
      } catch {
        throw badRequest('The request body is not valid JSON.')
      }
    },
    form: async () => {
      const raw = await text()
      if (/json/i.test(request.headers.get('Content-Type') ?? '') && raw.trim() !== '') {
        try {
          const parsed = JSON.parse(raw) as Record<string, unknown>
          return new URLSearchParams(Object.entries(parsed).map(([k, v]) => [k, String(v)]))
        } catch {
          throw badRequest('The request body is not valid JSON.')
        }
      }
      return new URLSearchParams(raw)
    },
  }
}

function optionalUser(store: SimStore, token: string | null): UserRecord | null {
  if (!token) return null
  try {
    return store.authenticate(token)
  } catch {
    return null
  }
}
