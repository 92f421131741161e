import { errorFromResponse, LookerApiError } from './errors'

/**
 * Our own small fetch transport (docs/decisions/0001-own-http-transport.md): it passes the caller's
 * AbortSignal to fetch, keeps HTTP status codes, treats 202 as "not ready" rather than success, and reads
 * Retry-After case-insensitively. It is the only place that knows how requests are authenticated.
 */

export interface HttpConfig {
  /** The API root, e.g. `https://looker.example.com/api/4.0` or `${origin}/api/4.0`. */
  apiBaseUrl: string
  /** The bearer token, or null when a proxy adds credentials for us. */
  getToken: () => string | null
  /** Called once on a 401; resolves true if the session was renewed and the request may be repeated. */
  reauthenticate?: () => Promise<boolean>
  /** Resolves when requests may be sent (OAuth: once a sign-in in progress has finished). */
  ready?: () => Promise<void>
  /** How long one request may take, body included, before it fails (default DEFAULT_REQUEST_TIMEOUT_MS). */
  timeoutMs?: number
}

/**
 * Two minutes: far more than any API call takes, and enough to download a large rendered image or PDF on a
 * slow line. Long work (queries, renders) is a task that is polled, never one waiting request.
 */
export const DEFAULT_REQUEST_TIMEOUT_MS = 120_000

let config: HttpConfig | null = null

export function configureHttp(next: HttpConfig) {
  config = next
}

export function httpConfig(): HttpConfig {
  if (!config) throw new Error('HTTP transport used before configureHttp()')
  return config
}

export type QueryValue = string | number | boolean | null | undefined
export type QueryParams = Record<string, QueryValue>
export type ResponseType = 'json' | 'blob' | 'text' | 'none'

export interface RequestOptions {
  query?: QueryParams
  /** JSON body (objects) or a form body (URLSearchParams). */
  body?: unknown
  signal?: AbortSignal
  responseType?: ResponseType
}

export interface HttpResult<T> {
  status: number
  headers: Headers
  data: T
}

export function buildUrl(path: string, query?: QueryParams): string {
  const url = new URL(httpConfig().apiBaseUrl.replace(/\/$/, '') + path)
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '') continue
    url.searchParams.set(key, String(value))
  }
  return url.toString()
}

async function sendOnce(
  method: string,
  path: string,
  options: RequestOptions,
  signal: AbortSignal,
): Promise<Response> {
  await httpConfig().ready?.()
  const headers: Record<string, string> = { Accept: 'application/json, image/*, application/pdf, text/*' }
  const token = httpConfig().getToken()
  if (token) headers.Authorization = `Bearer ${token}`
  let body: BodyInit | undefined
  if (options.body instanceof URLSearchParams) {
    body = options.body
    headers['Content-Type'] = 'application/x-www-form-urlencoded'
  } else if (options.body !== undefined) {
    body = JSON.stringify(options.body)
    headers['Content-Type'] = 'application/json'
  }
  try {
    return await fetch(buildUrl(path, options.query), { method, headers, body, signal })
  } catch (e) {
    // An abort is not a failure: let it through untouched so react-query treats it as cancellation.
    if (options.signal?.aborted) throw e
    throw unreachable(signal)
  }
}

function unreachable(signal: AbortSignal): LookerApiError {
  const ms = httpConfig().timeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS
  const limit = ms < 1000 ? `${ms} ms` : `${Math.round(ms / 1000)} s`
  return new LookerApiError({
    status: 0,
    kind: 'network',
    message: signal.aborted
      ? `Looker did not answer within ${limit}. Try again in a moment.`
      : 'Could not reach Looker. Check your connection and try again.',
  })
}

/** Reads the response within the request's time limit, and drops the body when the time runs out. */
function readWithin<T>(res: Response, signal: AbortSignal, read: () => Promise<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const stop = () => {
      reject(signal.reason as Error)
      void res.body?.cancel().catch(() => undefined)
    }
    if (signal.aborted) return stop()
    signal.addEventListener('abort', stop, { once: true })
    read()
      .then(resolve, reject)
      .finally(() => signal.removeEventListener('abort', stop))
  })
}

/** One attempt: the caller's signal (cancellation) plus this request's own time limit. */
async function attempt(method: string, path: string, options: RequestOptions) {
  const timeout = AbortSignal.timeout(httpConfig().timeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS)
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout
  return { res: await sendOnce(method, path, options, signal), signal }
}

async function readBody(res: Response, type: ResponseType): Promise<unknown> {
  if (type === 'none' || res.status === 204) return undefined
  if (type === 'blob') return res.blob()
  if (type === 'text') return res.text()
  const text = await res.text()
  if (!text) return undefined
  try {
    return JSON.parse(text) as unknown
  } catch {
    throw new LookerApiError({
      status: res.status,
      kind: 'http',
      message: 'Looker sent a response that is not JSON.',
    })
  }
}

/**
 * Sends a request and returns status, headers and body for any 2xx (202 included: the caller decides
 * what "accepted, not ready" means). Non-2xx responses throw LookerApiError.
 */
export async function send<T>(
  method: string,
  path: string,
  options: RequestOptions = {},
): Promise<HttpResult<T>> {
  let { res, signal } = await attempt(method, path, options)
  if (res.status === 401 && httpConfig().reauthenticate && !options.signal?.aborted) {
    const renewed = await httpConfig().reauthenticate!()
    if (renewed) ({ res, signal } = await attempt(method, path, options))
  }
  const response = res
  try {
    return await readWithin(response, signal, async () => {
      if (!response.ok) throw await errorFromResponse(response)
      const data = (await readBody(response, options.responseType ?? 'json')) as T
      return { status: response.status, headers: response.headers, data }
    })
  } catch (e) {
    // The time limit also covers reading the body (a download that stalls halfway).
    if (e instanceof LookerApiError || options.signal?.aborted || !signal.aborted) throw e
    throw unreachable(signal)
  }
}

async function dataOf<T>(method: string, path: string, options?: RequestOptions): Promise<T> {
  return (await send<T>(method, path, options)).data
}

export const http = {
  get: <T>(path: string, options?: RequestOptions) => dataOf<T>('GET', path, options),
  post: <T>(path: string, options?: RequestOptions) => dataOf<T>('POST', path, options),
  patch: <T>(path: string, options?: RequestOptions) => dataOf<T>('PATCH', path, options),
  delete: <T>(path: string, options?: RequestOptions) => dataOf<T>('DELETE', path, options),
}

/** Path segments are opaque strings: always encode them. */
export function seg(value: string | number): string {
  return encodeURIComponent(String(value))
}
