import { resolve } from 'node:path'
import { readProxySetup, type ProxySetup } from '../proxy/config.ts'

/** Everything `npm start` reads from the environment (README → Deploy lists them). */
export interface ServerSettings {
  host: string
  port: number
  /** The built app (index.html, assets/). */
  staticDir: string
  /**
   * Origins the app is opened under when a reverse proxy in front rewrites Host, e.g. https://lookbook.acme.com:
   * pages there may make edits through the proxy (proxy/sameOrigin.ts).
   */
  publicOrigins: string[]
  /** After SIGTERM, how long in-flight requests get to finish before the process exits anyway. */
  shutdownTimeoutMs: number
  /** Connected mode (LOOKER_*) or demo mode. */
  looker: ProxySetup
}

export type SettingsResult = { ok: true; settings: ServerSettings } | { ok: false; problems: string[] }

/** Loopback unless told otherwise: the proxy acts as its API user for anyone who can reach the port. */
export const DEFAULT_HOST = '127.0.0.1'
export const DEFAULT_PORT = 8080
/** Below `docker stop`'s 10 s, so the process ends by itself and says so. */
export const DEFAULT_SHUTDOWN_TIMEOUT_SECONDS = 8

/** Reads and checks the settings; every unusable value is named with what to write instead. */
export function readServerSettings(
  env: Record<string, string | undefined>,
  defaultStaticDir: string,
): SettingsResult {
  const problems: string[] = []
  const value = (name: string) => env[name]?.trim() || undefined

  const port = integerSetting(value('PORT'), DEFAULT_PORT, 0, 65_535)
  if (port === null) problems.push(`PORT "${env.PORT}" must be a whole number from 0 to 65535.`)

  const timeout = integerSetting(value('SHUTDOWN_TIMEOUT_SECONDS'), DEFAULT_SHUTDOWN_TIMEOUT_SECONDS, 1, 3600)
  if (timeout === null)
    problems.push(`SHUTDOWN_TIMEOUT_SECONDS "${env.SHUTDOWN_TIMEOUT_SECONDS}" must be 1 to 3600 seconds.`)

  const publicOrigins: string[] = []
  for (const raw of (value('PUBLIC_ORIGIN') ?? '').split(',').map((o) => o.trim())) {
    if (!raw) continue
    const origin = originOf(raw)
    if (typeof origin === 'string') publicOrigins.push(origin)
    else problems.push(`PUBLIC_ORIGIN "${raw}" ${origin.problem}`)
  }

  if (problems.length > 0) return { ok: false, problems }
  return {
    ok: true,
    settings: {
      host: value('HOST') ?? DEFAULT_HOST,
      port: port!,
      staticDir: resolve(value('STATIC_DIR') ?? defaultStaticDir),
      publicOrigins,
      shutdownTimeoutMs: timeout! * 1000,
      looker: readProxySetup(env),
    },
  }
}

function integerSetting(raw: string | undefined, fallback: number, min: number, max: number): number | null {
  if (raw === undefined) return fallback
  if (!/^\d+$/.test(raw)) return null
  const n = Number(raw)
  return n >= min && n <= max ? n : null
}

/** `https://lookbook.acme.com` (a trailing slash is fine); no path, query or credentials. */
function originOf(raw: string): string | { problem: string } {
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return { problem: 'is not a URL. Use the address people open, e.g. https://lookbook.example.com.' }
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { problem: 'must start with https://.' }
  if (url.username || url.password || url.search || url.hash || url.pathname !== '/') {
    return { problem: 'must be an origin only (scheme, host and port), e.g. https://lookbook.example.com.' }
  }
  return url.origin
}
