import { DEMO_CREDENTIALS, type DemoUserKey } from './seed'
import type { LookerSim } from './sim'

/** A tiny HTTP client over `sim.handle`, for tests: the same path a browser request takes. */
export interface Reply<T = unknown> {
  status: number
  body: T
  headers: Headers
}

export const TEST_ORIGIN = 'http://sim.test'

export function clientFor(sim: LookerSim, user: DemoUserKey | null) {
  const token = user ? sim.issueToken(DEMO_CREDENTIALS[user].clientId) : null
  const call = async <T = unknown>(method: string, path: string, body?: unknown): Promise<Reply<T>> => {
    const headers: Record<string, string> = {}
    if (token) headers.Authorization = `token ${token}`
    if (body !== undefined) headers['Content-Type'] = 'application/json'
    const response = await sim.handle(
      new Request(`${TEST_ORIGIN}/api/4.0${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      }),
    )
    const text = await response.text()
    return {
      status: response.status,
      body: (text ? JSON.parse(text) : undefined) as T,
      headers: response.headers,
    }
  }
  return {
    token,
    get: <T = unknown>(path: string) => call<T>('GET', path),
    patch: <T = unknown>(path: string, body?: unknown) => call<T>('PATCH', path, body),
    post: <T = unknown>(path: string, body?: unknown) => call<T>('POST', path, body),
    del: <T = unknown>(path: string) => call<T>('DELETE', path),
  }
}

export type TestClient = ReturnType<typeof clientFor>

/** Seeded folder ids worth naming in tests (stable for every seed: the tree is fixed). */
export const FOLDERS = {
  shared: '1',
  users: '2',
  sales: '3',
  pipeline: '4',
  regional: '5',
  emea: '6',
  marketing: '9',
  campaigns: '10',
  web: '11',
  finance: '13',
  board: '14',
  product: '16',
  retention: '18',
  adaPersonal: '24',
  andyPersonal: '25',
  veraPersonal: '26',
  user4Personal: '27',
} as const

/** The hand-written looks seeded first (ids 1–11 whenever lookCount ≥ 11). */
export const LOOKS = {
  conversionPct: '1',
  utmSource: '2',
  top10Pct: '3',
  mrrByPlan: '4',
  grossMarginBoard: '5',
  andyScratchpad: '6',
  veraSaved: '7',
  adaAdhoc: '8',
  user4Draft: '9',
  oldPipelineDeleted: '10',
  q3BoardDeleted: '11',
} as const
