import { sleepOn, systemClock, type Clock } from './clock'
import { API_PREFIX } from './constants'
import { buildContext } from './context'
import {
  documentationUrl,
  notFound,
  SimHttpError,
  SimNetworkError,
  withOperationDocs,
  type ErrorBody,
} from './errors'
import { FaultInjector, type FaultRule } from './faults'
import { parseFields, project, type FieldTree } from './fields'
import { jsonResponse, type SimResult } from './http'
import { SimOAuth } from './oauth'
import { Router, type HttpMethod, type Route } from './router'
import { coreRoutes } from './routes'
import { handleOAuthRequest, OAUTH_PATHS, oauthAppRoutes } from './routes/oauth'
import { SimStore, type SimSnapshot } from './store'
import { taskRoutes, TaskService, type TaskServiceOptions } from './tasks'

export interface SimOptions {
  seed?: number
  lookCount?: number
  clock?: Clock
  faults?: FaultRule[]
  tokenTtlSeconds?: number
  /** Added to every request, to make demo mode feel like a network. Default 0. */
  latencyMs?: number
  /** Start from this state instead of the seeded one (ignored if taken with another seed/lookCount). */
  snapshot?: SimSnapshot
  /** Extra routes, e.g. render and query tasks. */
  routes?: Route[]
  /** Render and query task pacing (pools, durations, result TTLs). */
  tasks?: TaskServiceOptions
}

export interface RequestLogEntry {
  method: string
  /** Relative to /api/4.0 when under it ("/looks/search"), else the full pathname. No query string. */
  path: string
  /** 0 when the connection was dropped by a fault. */
  status: number
  at: number
  /** How long the simulator itself worked on the request (no latency, no fault delay), in ms. */
  durationMs?: number
}

export interface LookerSim {
  /** Answers any request under <any origin>/api/4.0/…; everything else is a 404 JSON. */
  handle(request: Request): Promise<Response>
  store: SimStore
  router: Router
  /** Render and query tasks (their stores and settings). */
  tasks: TaskService
  faults: FaultInjector
  /** OAuth client apps, authorization codes and refresh tokens (/auth, /api/token). */
  oauth: SimOAuth
  /** The last 5,000 requests. */
  requestLog: RequestLogEntry[]
  snapshot(): SimSnapshot
  reset(): void
  /** Called after every successful mutating request; returns an unsubscribe function. */
  onChange(listener: () => void): () => void
  /** Test helper: a token as `POST /login` would give for this client id (or user id). */
  issueToken(clientIdOrUserId: string): string
}

const REQUEST_LOG_LIMIT = 5000
const METHODS: readonly string[] = ['GET', 'POST', 'PATCH', 'PUT', 'DELETE']

export function createLookerSim(options: SimOptions = {}): LookerSim {
  const clock = options.clock ?? systemClock
  const store = new SimStore({
    seed: options.seed,
    lookCount: options.lookCount,
    clock,
    tokenTtlSeconds: options.tokenTtlSeconds,
  })
  if (options.snapshot) store.restore(options.snapshot)
  const tasks = new TaskService(store, clock, options.tasks)
  const oauth = new SimOAuth(store)
  const router = new Router([
    ...coreRoutes,
    ...taskRoutes(tasks),
    ...oauthAppRoutes(oauth),
    ...(options.routes ?? []),
  ])
  const faults = new FaultInjector(store.seed, options.faults ?? [])
  const requestLog: RequestLogEntry[] = []
  const listeners = new Set<() => void>()
  const latencyMs = options.latencyMs ?? 0

  const log = (method: string, path: string, status: number, durationMs?: number) => {
    requestLog.push({ method, path, status, at: clock.now(), durationMs })
    if (requestLog.length > REQUEST_LOG_LIMIT) requestLog.splice(0, requestLog.length - REQUEST_LOG_LIMIT)
  }

  const notify = () => {
    for (const listener of [...listeners]) {
      try {
        listener()
      } catch (error) {
        console.error('looker-sim: change listener failed', error)
      }
    }
  }

  async function handle(request: Request): Promise<Response> {
    const url = new URL(request.url)
    const method = request.method.toUpperCase()
    if (OAUTH_PATHS.includes(url.pathname)) {
      const response = await handleOAuthRequest(request, url, oauth, store)
      log(method, url.pathname, response.status)
      return response
    }
    if (!url.pathname.startsWith(`${API_PREFIX}/`)) {
      log(method, url.pathname, 404)
      return errorResponse(notFound())
    }
    const path = url.pathname.slice(API_PREFIX.length)
    await sleepOn(clock, latencyMs)
    const decision = faults.decide(method, path)
    await sleepOn(clock, decision.delayMs)
    if (decision.failure?.kind === 'drop') {
      log(method, path, 0)
      throw new SimNetworkError()
    }
    const started = performance.now()
    const response = decision.failure
      ? faultResponse(decision.failure)
      : await dispatch(request, url, method, path)
    // The simulator's own time, as a real server reports it: lets a benchmark tell app time from server time.
    const durationMs = performance.now() - started
    try {
      response.headers.set('Server-Timing', `sim;dur=${durationMs.toFixed(1)}`)
    } catch {
      // Immutable headers (a passed-through Response): the request log still has the duration.
    }
    log(method, path, response.status, durationMs)
    if (method !== 'GET' && response.ok) {
      // Any module may have changed records in place; cached search orders must not outlive that.
      store.touch()
      notify()
    }
    return response
  }

  async function dispatch(request: Request, url: URL, method: string, path: string): Promise<Response> {
    const match = METHODS.includes(method) ? router.match(method, path) : { kind: 'none' as const }
    if (match.kind === 'none') return errorResponse(notFound())
    const { route, params } = match
    try {
      const fields = parseFields(url.searchParams.get('fields') ?? undefined)
      const context = buildContext({
        request,
        url,
        method: method as HttpMethod,
        path,
        params,
        store,
        requiresAuth: !route.public,
      })
      const result = await route.handler(context)
      if (result instanceof Response) return result
      return resultResponse(result, fields)
    } catch (error) {
      if (error instanceof SimHttpError) return errorResponse(error, method, route.path)
      console.error(`looker-sim: ${method} ${path} failed`, error)
      return errorResponse(
        new SimHttpError(500, { message: 'Internal server error', documentation_url: documentationUrl(500) }),
      )
    }
  }

  return {
    handle,
    store,
    router,
    tasks,
    faults,
    oauth,
    requestLog,
    snapshot: () => store.snapshot(),
    reset: () => {
      store.reset()
      tasks.clear()
      notify()
    },
    onChange(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    issueToken(clientIdOrUserId) {
      const credential = store.data.credentials.find((c) => c.client_id === clientIdOrUserId)
      return store.issueToken(credential?.user_id ?? clientIdOrUserId)
    },
  }
}

/** `fields` projection applies to every JSON answer of an operation that takes it. */
function resultResponse(result: SimResult, fields: FieldTree | null): Response {
  const status = result.status ?? 200
  const body = status < 300 && result.body !== undefined ? project(result.body, fields) : result.body
  return jsonResponse(status, body, result.headers)
}

function errorResponse(error: SimHttpError, method?: string, pattern?: string): Response {
  const body: ErrorBody =
    method && pattern ? withOperationDocs(error.body, error.status, method, pattern) : error.body
  return jsonResponse(error.status, body, error.headers)
}

function faultResponse(rule: FaultRule): Response {
  const status = Number(rule.kind)
  const messages: Record<number, string> = {
    429: 'Too Many Requests',
    500: 'An internal server error occurred (injected fault).',
    503: 'Service Unavailable',
  }
  const headers: Record<string, string> =
    status === 429 ? { 'Retry-After': String(rule.retryAfterSeconds ?? 2) } : {}
  return jsonResponse(
    status,
    { message: messages[status] ?? 'Error', documentation_url: documentationUrl(status) },
    headers,
  )
}
