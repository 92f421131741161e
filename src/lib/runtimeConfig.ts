/**
 * What the dev/preview server says at boot (GET /__lookbook/config, served by proxy/lookerProxy.ts):
 * demo, or connected through the proxy. Host names only; the proxy keeps the key and the token.
 */
export type RuntimeConfig =
  | { mode: 'demo' }
  | { mode: 'proxy'; status: 'ok'; lookerHost: string; lookerWebUrl: string }
  | { mode: 'proxy'; status: 'error'; lookerHost: string | null; problem: { kind: string; message: string } }

function isRuntimeConfig(value: unknown): value is RuntimeConfig {
  if (typeof value !== 'object' || value === null) return false
  const v = value as { mode?: unknown; status?: unknown }
  return v.mode === 'demo' || (v.mode === 'proxy' && (v.status === 'ok' || v.status === 'error'))
}

/**
 * Reads the server's config, or null where there is none (a static host answers 404 or index.html):
 * then the build's own settings decide (OAuth, else demo).
 */
export async function readRuntimeConfig(
  path: string,
  fetchImpl: typeof fetch = fetch,
): Promise<RuntimeConfig | null> {
  try {
    const res = await fetchImpl(path, { headers: { Accept: 'application/json' }, cache: 'no-store' })
    if (!res.ok || !/json/.test(res.headers.get('Content-Type') ?? '')) return null
    const body: unknown = await res.json()
    return isRuntimeConfig(body) ? body : null
  } catch {
    return null
  }
}
