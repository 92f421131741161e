/**
 * Reads the proxy's settings from the server environment (process env or .env.local, never VITE_*).
 * The secret stays on the server: nothing here is ever sent to the browser except the host names.
 */
export interface ProxyConfig {
  /** The Looker API root without `/api/4.0` and without a trailing slash, e.g. `https://acme.looker.com`. */
  baseUrl: string
  clientId: string
  clientSecret: string
  /** The Looker web UI origin when set explicitly (LOOKER_WEB_URL); otherwise read from GET /versions. */
  webUrl: string | null
}

export type ProxySetup =
  | { kind: 'off' }
  | { kind: 'ready'; config: ProxyConfig }
  | { kind: 'invalid'; problem: string; baseUrl: string | null }

const VARS = ['LOOKER_BASE_URL', 'LOOKER_CLIENT_ID', 'LOOKER_CLIENT_SECRET'] as const

/** Decides whether the proxy runs, and if the settings are unusable says exactly which one and why. */
export function readProxySetup(env: Record<string, string | undefined>): ProxySetup {
  const values = VARS.map((name) => env[name]?.trim() ?? '')
  const [rawBase = '', clientId = '', clientSecret = ''] = values
  if (values.every((v) => v === '')) return { kind: 'off' }
  const missing = VARS.filter((_, i) => values[i] === '')
  const base = normalizeBaseUrl(rawBase)
  if (missing.length > 0) {
    return {
      kind: 'invalid',
      problem: `${missing.join(' and ')} ${missing.length > 1 ? 'are' : 'is'} not set. Connected mode needs LOOKER_BASE_URL, LOOKER_CLIENT_ID and LOOKER_CLIENT_SECRET.`,
      baseUrl: typeof base === 'string' ? base : null,
    }
  }
  if (typeof base !== 'string') return { kind: 'invalid', problem: base.problem, baseUrl: null }
  let webUrl: string | null = null
  if (env.LOOKER_WEB_URL?.trim()) {
    const web = normalizeBaseUrl(env.LOOKER_WEB_URL.trim(), 'LOOKER_WEB_URL')
    if (typeof web !== 'string') return { kind: 'invalid', problem: web.problem, baseUrl: base }
    webUrl = web
  }
  return { kind: 'ready', config: { baseUrl: base, clientId, clientSecret, webUrl } }
}

/** Accepts `https://host`, `https://host:19999/`, `https://host/api/4.0`; refuses anything else clearly. */
export function normalizeBaseUrl(raw: string, name = 'LOOKER_BASE_URL'): string | { problem: string } {
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return { problem: `${name} "${raw}" is not a URL. Use the form https://yourcompany.looker.com.` }
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { problem: `${name} "${raw}" must start with https:// (or http:// for a local instance).` }
  }
  if (url.username || url.password) {
    return { problem: `${name} must not contain a user name or password; use LOOKER_CLIENT_ID/SECRET.` }
  }
  if (url.search || url.hash)
    return { problem: `${name} "${raw}" must not have a query string or #fragment.` }
  const path = url.pathname.replace(/\/+$/, '').replace(/\/api\/4\.0$/, '')
  return `${url.origin}${path}`
}
